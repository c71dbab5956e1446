// Action inputs -> one typed settings object (the checkout input-helper pattern).
import * as core from '@actions/core';
import { z } from 'zod';
import { FAIL_ON, UsageError } from './config.js';

const bool = z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).transform((v) => v === 'true');
/** Comma- or newline-separated names. */
const list = z
  .string()
  .default('')
  .transform((v) => v.split(/[\n,]/).map((x) => x.trim()).filter(Boolean)); // native-regex: one character class

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const Inputs = z.object({
  path: z.string().default('.'),
  'fail-on': z.enum(FAIL_ON, { error: `must be one of ${FAIL_ON.join(', ')}` }),
  config: z.string().optional(),
  'sarif-file': z.string().optional(),
  'report-file': z.string().optional(),
  'max-annotations': z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' })
    .max(50, { error: 'must be at most 50 (GitHub shows no more per job)' }),
  'max-file-size': z.coerce.number({ error: 'must be a number of bytes' }).int({ error: 'must be a whole number of bytes' }).positive({ error: 'must be positive' }).optional(),
  'create-pr': bool,
  token: z.string().default(''),
  branch: z
    .string()
    .regex(/^(?!\/|.*(?:\/\.|\/\/|\.\.|@\{|\\))[^\s~^:?*[\]]+(?<![/.]|\.lock)$/, { error: 'must be a valid git branch name' }),
  base: z.string().optional(),
  title: z.string().min(1, { error: 'must not be empty' }),
  labels: list,
  reviewers: list,
  assignees: list,
  draft: bool,
  'commit-message': z.string().min(1, { error: 'must not be empty' }),
  scopes: z.string().optional(),
  'adobe-client-id': z.string().optional(),
  'adobe-client-secret': z.string().optional(),
  'adobe-scopes': z.string().optional(),
  'adobe-access-token': z.string().optional(),
  'adobe-org-id': z.string().optional(),
  'adobe-projects': list,
  'adobe-ims-url': url,
  'adobe-console-url': url,
  'adobe-platform-url': url,
  'adobe-sandbox': z.string().optional(),
  'verify-client-id': z.string().optional(),
  'verify-client-secret': z.string().optional(),
  'verify-scopes': z.string().optional(),
  'update-secrets': bool,
  'secrets-token': z.string().default(''),
  'overwrite-secrets': bool,
  'delete-unused-secrets': bool,
});
export type ActionInputs = z.infer<typeof Inputs>;

const DEFAULTS: Record<string, string> = {
  path: '.',
  'fail-on': 'error',
  'max-annotations': '30',
  'create-pr': 'false',
  branch: 'adobe-jwt-migrate/oauth-s2s',
  title: 'Move from Adobe Service Account (JWT) to OAuth Server-to-Server',
  draft: 'false',
  'commit-message': 'Move from Adobe Service Account (JWT) to OAuth Server-to-Server',
  'adobe-ims-url': 'https://ims-na1.adobelogin.com',
  'adobe-console-url': 'https://developers.adobe.io',
  'adobe-platform-url': 'https://platform.adobe.io',
  'update-secrets': 'false',
  'overwrite-secrets': 'false',
  'delete-unused-secrets': 'false',
};

/** Inputs that hold secrets: masked before anything else happens. */
const SECRET_INPUTS = ['token', 'adobe-client-secret', 'adobe-access-token', 'verify-client-secret', 'secrets-token'];

/** Reads every input; a bad value fails with the input's name and what it accepts. */
export function readInputs(): ActionInputs {
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(Inputs.shape)) {
    const v = core.getInput(name).trim();
    if (SECRET_INPUTS.includes(name) && v) core.setSecret(v);
    raw[name] = v === '' ? DEFAULTS[name] : v;
  }
  const parsed = Inputs.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new UsageError(`input '${name}' ${issue.message} (got '${raw[name] ?? ''}')`);
  }
  checkPullRequestInputs(parsed.data, process.env.GITHUB_REPOSITORY ?? '');
  return parsed.data;
}

/**
 * The branch is force-updated, so it must be a branch of the action's own: never the base, never a
 * ref path or a name git reads as something else. Team reviewers must be teams of the owner.
 */
export function checkPullRequestInputs(i: ActionInputs, repository: string): void {
  const b = i.branch;
  // native-regex: input values (here and below)
  if (/^(?:refs\/|heads\/)|^-|^HEAD$|^@$/i.test(b)) {
    throw new UsageError(`input 'branch' must be a plain branch name such as adobe-jwt-migrate/oauth-s2s (got '${b}': no refs/ prefix, HEAD, @ or leading '-')`);
  }
  if (i.base && b.toLowerCase() === i.base.toLowerCase()) {
    throw new UsageError(`input 'branch' is the base branch '${i.base}': the action force-updates its branch, so give it one of its own`);
  }
  const owner = repository.split('/')[0]?.toLowerCase();
  for (const r of i.reviewers) {
    const [org, team, ...rest] = r.split('/');
    if (team === undefined) continue;
    if (!org || !team || rest.length || (owner && org.toLowerCase() !== owner)) {
      throw new UsageError(`input 'reviewers' names the team '${r}': teams must be given as ORG/TEAM with ORG the repository's owner (${owner || 'unknown'})`);
    }
  }
}

/** The Adobe settings from the inputs, or undefined when no Adobe input is set. */
export function adobeSettings(i: ActionInputs): import('./adobe/check.js').AdobeSettings | undefined {
  const clientId = i['adobe-client-id'] || undefined;
  const verifyId = i['verify-client-id'] || clientId;
  const verifySecret = i['verify-client-secret'] || i['adobe-client-secret'];
  const verifyScopes = i['verify-scopes'] || i['adobe-scopes'];
  const any = clientId || i['adobe-access-token'] || i['verify-client-id'] || i['adobe-projects'].length || i['adobe-sandbox'];
  if (!any) return undefined;
  return {
    clientId,
    clientSecret: i['adobe-client-secret'] || undefined,
    scopes: i['adobe-scopes'] || undefined,
    accessToken: i['adobe-access-token'] || undefined,
    orgId: i['adobe-org-id'] || undefined,
    projects: i['adobe-projects'].map((p) => {
      const [project, workspace] = p.split('/');
      return { project, workspace: workspace || undefined };
    }),
    imsUrl: i['adobe-ims-url'],
    consoleUrl: i['adobe-console-url'],
    platformUrl: i['adobe-platform-url'],
    sandbox: i['adobe-sandbox'] || undefined,
    // Preflight: the credential the migrated code will use (the verify-* inputs, else the Adobe ones).
    verify: verifyId && verifySecret && verifyScopes ? { clientId: verifyId, clientSecret: verifySecret, scopes: verifyScopes } : undefined,
  };
}
