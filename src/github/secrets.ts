// Finishing the swap: the secrets and variables the migration introduces, set from what the
// Developer Console knows, and the JWT-only secrets nothing references any more, deleted on
// request. Values are write-only: they go into a sealed box (libsodium) or a variable's body and
// nowhere else; callers register them with core.setSecret before any request.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers';
import { parse } from 'yaml';
import type { ConsoleReport } from '../adobe/check.js';
import type { MigrationPlan } from '../migrate/types.js';
import { shellWord } from '../commands.js';
import { linear } from '../regex.js';
import { META_SCOPES_NAME, PRIVATE_KEY_NAME } from '../rules/ci.js';
import { errorStatus, type GitHub } from './client.js';

/** What a name holds, by its spelling: only the client secret is a secret value. */
export type ValueKind = 'client-secret' | 'scopes' | 'technical-account-email' | 'client-id' | 'unknown';

const KINDS: [ValueKind, ReturnType<typeof linear>][] = [
  ['scopes', linear(/SCOPES?$/i)],
  // TECHNICAL_ACCOUNT_EMAIL, TECHNICALACCEMAIL (App Builder's workflows), AIO_TECHNICAL_ACCOUNT_EMAIL
  ['technical-account-email', linear(/EMAIL$/i)],
  ['client-secret', linear(/(?:CLIENT_?SECRET|API_?SECRET)$/i)],
  ['client-id', linear(/(?:CLIENT_?ID|API_?KEY)$/i)],
];

export function valueKind(name: string): ValueKind {
  return KINDS.find(([, re]) => re.test(name))?.[0] ?? 'unknown';
}

/**
 * Secrets only the JWT flow read: the private key (and its passphrase), metascopes, the JWT;
 * App Builder's workflows name the key `KEY`, `KEY_PROD`, `KEY_STAGE`.
 */
const JWT_ONLY = linear(
  new RegExp(`${PRIVATE_KEY_NAME.source}|${META_SCOPES_NAME.source}|PRIV_?KEY|PASSPHRASE|(?:^|_)JWT(?:_|$)|^KEY(?:_[A-Z]+)?$`),
);
export const jwtOnly = (name: string) => JWT_ONLY.test(name);

/** One name to set: a secret or a variable, for the repository or one environment. */
export interface SecretTarget {
  name: string;
  type: 'secret' | 'variable';
  environment?: string;
  kind: ValueKind;
  /** Known value; for a secret never printed. Undefined: the action does not know it. */
  value?: string;
}

const REF = linear(/\$\{\{[^}]*?\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g);

interface WorkflowUse {
  type: 'secret' | 'variable';
  environment?: string;
}

/** The workflows as the plan leaves them: file -> text. */
function plannedWorkflows(root: string, plan: MigrationPlan | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(root, '.github', 'workflows');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'));
  } catch {
    // no workflows
  }
  for (const n of names) {
    try {
      out.set(`.github/workflows/${n}`, readFileSync(join(dir, n), 'utf8'));
    } catch {
      // unreadable: skipped
    }
  }
  for (const e of plan?.edits ?? []) {
    if (!e.file.startsWith('.github/workflows/')) continue;
    if (e.after === null) out.delete(e.file);
    else out.set(e.file, e.after);
  }
  return out;
}

/** Every `secrets.X` / `vars.X` a workflow reads, with the environment of the job that reads it. */
export function workflowUses(workflows: Map<string, string>): Map<string, WorkflowUse[]> {
  const uses = new Map<string, WorkflowUse[]>();
  const add = (text: string, environment?: string) => {
    for (const m of REF.matchAll(text)) {
      const list = uses.get(m.group(2)!) ?? [];
      const use = { type: m.group(1) === 'vars' ? 'variable' : 'secret', environment } as const;
      if (!list.some((u) => u.type === use.type && u.environment === use.environment)) list.push(use);
      uses.set(m.group(2)!, list);
    }
  };
  for (const text of workflows.values()) {
    let doc: { jobs?: Record<string, { environment?: unknown }> } | undefined;
    try {
      doc = parse(text) as typeof doc;
    } catch {
      add(text);
      continue;
    }
    const jobs = doc && typeof doc.jobs === 'object' && doc.jobs ? doc.jobs : {};
    const rest = { ...(doc ?? {}), jobs: undefined };
    const jobList = Object.values(jobs);
    const envs = jobList.map((j) => environmentOf(j?.environment));
    // Workflow-level env reaches every job.
    for (const env of envs.length ? envs : [undefined]) add(JSON.stringify(rest), env);
    jobList.forEach((j, i) => add(JSON.stringify(j ?? {}), envs[i]));
  }
  return uses;
}

/** A job's environment name; an expression cannot be known before the run: the repository's. */
function environmentOf(v: unknown): string | undefined {
  const name = typeof v === 'string' ? v : typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : undefined;
  return name && !name.includes('${{') ? name : undefined;
}

/** The OAuth credential the repository uses: by a client id it names, else the only one linked. */
export function oauthCredential(adobe: ConsoleReport | undefined) {
  if (!adobe) return undefined;
  const all = adobe.credentials.filter((c) => c.kind !== 'jwt' && c.clientId);
  const named = all.find((c) => adobe.repoClientIds.includes(c.clientId!));
  // The credential the action reads the Console with is the application's only when named.
  const oauth = all.filter((c) => c.clientId !== adobe.readerClientId);
  const chosen = named ?? (new Set(oauth.map((c) => c.clientId)).size === 1 ? oauth[0] : undefined);
  if (!chosen) return undefined;
  const extra = adobe.oauth.get(chosen.clientId!);
  return { clientId: chosen.clientId!, scopes: chosen.scopes?.join(','), email: extra?.technicalAccountEmail, secret: extra?.clientSecret };
}

/**
 * The names to set: each name the plan introduces, as the workflows read it (a secret or a
 * variable, in the environment of each job that reads it; the repository's when no job does),
 * with the value the Console gave for the credential the repository uses.
 */
export function secretTargets(root: string, plan: MigrationPlan | undefined, adobe: ConsoleReport | undefined): SecretTarget[] {
  if (!plan) return [];
  const uses = workflowUses(plannedWorkflows(root, plan));
  const cred = oauthCredential(adobe);
  const chosenScopes = plan.scopes.find((s) => s.source !== 'placeholder')?.value;
  const valueOf = (kind: ValueKind): string | undefined => {
    if (kind === 'client-secret') return cred?.secret;
    if (kind === 'scopes') return cred?.scopes ?? chosenScopes;
    if (kind === 'technical-account-email') return cred?.email;
    if (kind === 'client-id') return cred?.clientId;
    return undefined;
  };
  const out: SecretTarget[] = [];
  for (const name of [...new Set([...plan.secrets.add, ...(plan.secrets.variables ?? [])])].sort()) {
    const kind = valueKind(name);
    const fallback: WorkflowUse = { type: kind === 'client-secret' || kind === 'unknown' ? 'secret' : 'variable' };
    for (const use of uses.get(name) ?? [fallback]) out.push({ name, type: use.type, environment: use.environment, kind, value: valueOf(kind) });
  }
  return out;
}

/** Shell commands that set the targets by hand (names and non-secret values only). */
export function manualCommands(targets: SecretTarget[], repository: string): string[] {
  return targets.map((t) => {
    const env = t.environment ? ` --env ${shellWord(t.environment)}` : '';
    if (t.type === 'secret') return `gh secret set ${t.name} --repo ${shellWord(repository)}${env}  # value: ${describe(t.kind)}`;
    const body = t.value && t.kind !== 'client-secret' ? shellWord(t.value) : `"<${describe(t.kind)}>"`;
    return `gh variable set ${t.name} --body ${body} --repo ${shellWord(repository)}${env}`;
  });
}

function describe(kind: ValueKind): string {
  if (kind === 'client-secret') return 'client secret of the OAuth Server-to-Server credential, from the Developer Console';
  if (kind === 'scopes') return 'OAuth scopes from the Developer Console, comma-separated';
  if (kind === 'technical-account-email') return 'technical account email from the Developer Console';
  if (kind === 'client-id') return 'client id of the OAuth Server-to-Server credential';
  return 'value from the Developer Console';
}

export interface SecretWriteResult {
  name: string;
  type: 'secret' | 'variable';
  environment?: string;
  operation: 'created' | 'updated' | 'unchanged' | 'kept' | 'skipped';
  reason?: string;
}

export interface SecretsSyncResult {
  writes: SecretWriteResult[];
  deleted: { name: string; environment?: string }[];
  warnings: string[];
}

export interface SecretsSyncOptions {
  owner: string;
  repo: string;
  overwrite: boolean;
  /** Delete JWT-only secrets no workflow reads (only on the default branch). */
  deleteUnused: boolean;
  onDefaultBranch: boolean;
  /** The workflows on the default branch (this run's checkout when it is the default branch). */
  root: string;
}

/** A 403/404 on the secrets or variables endpoints: the permission the token lacks, and where to give it. */
function refusal(e: unknown, what: 'secrets' | 'variables', where: string, environment?: string): string | undefined {
  const status = errorStatus(e);
  if (status !== 403 && status !== 404) return undefined;
  // A fine-grained token reaches an environment's secrets and variables through "Environments".
  const permission = environment ? '"Environments: write"' : what === 'secrets' ? '"Secrets: write"' : '"Variables: write"';
  const missing = environment && status === 404 ? ` If the environment ${environment} does not exist yet, create it in Settings > Environments.` : '';
  return `The secrets-token could not write ${what} of ${where} (${status}): give it ${permission} on this repository (fine-grained personal access token or GitHub App installation token; GITHUB_TOKEN cannot write ${what}), or set them by hand with the commands in the job summary.${missing}`;
}

/** Encrypts a value for GitHub with the repository's or environment's public key (sealed box). */
export async function sealFor(publicKey: string, value: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKey, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), sodium.base64_variants.ORIGINAL);
}

/** Sets the targets; never overwrites without `overwrite`; deletes only JWT-only names nothing reads. */
export async function syncSecrets(gh: GitHub, targets: SecretTarget[], o: SecretsSyncOptions): Promise<SecretsSyncResult> {
  const result: SecretsSyncResult = { writes: [], deleted: [], warnings: [] };
  const base = { owner: o.owner, repo: o.repo };
  const where = (env?: string) => (env ? `environment ${env}` : `${o.owner}/${o.repo}`);
  const keys = new Map<string, { key_id: string; key: string }>();
  const refused = new Set<string>();
  const publicKey = async (env?: string) => {
    const id = env ?? '';
    if (!keys.has(id)) {
      const res = env
        ? await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', { ...base, environment_name: env })
        : await gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', base);
      keys.set(id, res.data as { key_id: string; key: string });
    }
    return keys.get(id)!;
  };
  for (const t of targets) {
    const out: SecretWriteResult = { name: t.name, type: t.type, environment: t.environment, operation: 'skipped' };
    result.writes.push(out);
    const area = `${t.type}:${t.environment ?? ''}`;
    if (refused.has(area)) {
      out.reason = 'no permission (see the warning)';
      continue;
    }
    if (t.type === 'variable' && t.kind === 'client-secret') {
      // A variable's value is readable by anyone with read access: never a client secret.
      out.reason = `a workflow reads it as a variable (vars.${t.name}); a client secret belongs in a secret: read it as secrets.${t.name}`;
      continue;
    }
    if (t.value === undefined) {
      out.reason = `the action does not know its value (${describe(t.kind)}): set it by hand`;
      continue;
    }
    try {
      if (t.type === 'secret') await writeSecret(gh, t, out, o, publicKey);
      else await writeVariable(gh, t, out, o);
    } catch (e) {
      const problem = refusal(e, t.type === 'secret' ? 'secrets' : 'variables', where(t.environment), t.environment);
      if (!problem) throw e;
      refused.add(area);
      out.reason = 'no permission (see the warning)';
      result.warnings.push(problem);
    }
  }
  if (o.deleteUnused) await deleteUnused(gh, o, result, targets);
  return result;
}

async function exists(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (e) {
    if (errorStatus(e) === 404) return false;
    throw e;
  }
}

async function writeSecret(gh: GitHub, t: SecretTarget, out: SecretWriteResult, o: SecretsSyncOptions, publicKey: (env?: string) => Promise<{ key_id: string; key: string }>) {
  const base = { owner: o.owner, repo: o.repo };
  const present = await exists(() =>
    t.environment
      ? gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { ...base, environment_name: t.environment, secret_name: t.name })
      : gh.request('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...base, secret_name: t.name }),
  );
  // A secret's value cannot be read back: an existing one is kept unless overwriting is asked for.
  if (present && !o.overwrite) {
    out.operation = 'kept';
    out.reason = 'it exists (set overwrite-secrets: true to replace it)';
    return;
  }
  const key = await publicKey(t.environment);
  const body = { encrypted_value: await sealFor(key.key, t.value!), key_id: key.key_id };
  if (t.environment) await gh.request('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { ...base, environment_name: t.environment, secret_name: t.name, ...body });
  else await gh.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...base, secret_name: t.name, ...body });
  out.operation = present ? 'updated' : 'created';
}

async function writeVariable(gh: GitHub, t: SecretTarget, out: SecretWriteResult, o: SecretsSyncOptions) {
  const base = { owner: o.owner, repo: o.repo };
  let current: string | undefined;
  try {
    const res = t.environment
      ? await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...base, environment_name: t.environment, name: t.name })
      : await gh.request('GET /repos/{owner}/{repo}/actions/variables/{name}', { ...base, name: t.name });
    current = (res.data as { value: string }).value;
  } catch (e) {
    if (errorStatus(e) !== 404) throw e;
  }
  if (current === t.value) {
    out.operation = 'unchanged';
    return;
  }
  if (current !== undefined && !o.overwrite) {
    out.operation = 'kept';
    out.reason = 'it exists with another value (set overwrite-secrets: true to replace it)';
    return;
  }
  if (current === undefined) {
    if (t.environment) await gh.request('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { ...base, environment_name: t.environment, name: t.name, value: t.value! });
    else await gh.request('POST /repos/{owner}/{repo}/actions/variables', { ...base, name: t.name, value: t.value! });
    out.operation = 'created';
    return;
  }
  if (t.environment) await gh.request('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...base, environment_name: t.environment, name: t.name, value: t.value! });
  else await gh.request('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { ...base, name: t.name, value: t.value! });
  out.operation = 'updated';
}

/**
 * JWT-only secrets (private key, metascopes, passphrase) that no workflow on the default branch
 * reads, in the repository and in the environments its workflows name. Nothing else is deleted.
 */
async function deleteUnused(gh: GitHub, o: SecretsSyncOptions, result: SecretsSyncResult, targets: SecretTarget[]) {
  if (!o.onDefaultBranch) {
    result.warnings.push('delete-unused-secrets: not on the default branch, so its workflows were not checked here; nothing was deleted. Run the action on the default branch after the migration is merged.');
    return;
  }
  const uses = workflowUses(plannedWorkflows(o.root, undefined));
  const environments = new Set<string | undefined>([undefined, ...[...uses.values()].flat().map((u) => u.environment), ...targets.map((t) => t.environment)]);
  const base = { owner: o.owner, repo: o.repo };
  for (const env of environments) {
    let names: string[];
    try {
      const res = env
        ? await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...base, environment_name: env, per_page: 100 })
        : await gh.request('GET /repos/{owner}/{repo}/actions/secrets', { ...base, per_page: 100 });
      names = (res.data as { secrets: { name: string }[] }).secrets.map((s) => s.name);
    } catch (e) {
      const problem = refusal(e, 'secrets', env ? `environment ${env}` : `${o.owner}/${o.repo}`, env);
      if (!problem) throw e;
      result.warnings.push(problem);
      continue;
    }
    for (const name of names.filter((n) => jwtOnly(n) && !uses.has(n))) {
      try {
        if (env) await gh.request('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { ...base, environment_name: env, secret_name: name });
        else await gh.request('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...base, secret_name: name });
        result.deleted.push({ name, environment: env });
      } catch (e) {
        const problem = refusal(e, 'secrets', env ? `environment ${env}` : `${o.owner}/${o.repo}`, env);
        if (!problem) throw e;
        result.warnings.push(problem);
        break;
      }
    }
  }
}

/** JWT-only secret names the workflows in this checkout still read. */
export function jwtOnlyReferences(root: string): string[] {
  return [...workflowUses(plannedWorkflows(root, undefined)).keys()].filter(jwtOnly).sort();
}
