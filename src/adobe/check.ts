// The Adobe Developer Console side of the check: find the projects the repository is linked to,
// classify their credentials, read certificate expiry and OAuth scopes, list Query Service
// accounts, and verify the new credential. Every Adobe failure degrades to a warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../scan/match.js';
import { lineAt } from '../text.js';
import type { Finding, ScanResult } from '../types.js';
import { consoleApi, requestToken, type Session, WorkspaceDownload } from './api.js';
import { AdobeError, type HttpOptions } from './http.js';

export interface AdobeSettings {
  clientId?: string;
  clientSecret?: string;
  scopes?: string;
  accessToken?: string;
  orgId?: string;
  /** From the `adobe-projects` input: project ids, or project/workspace. */
  projects: { project: string; workspace?: string }[];
  imsUrl: string;
  consoleUrl: string;
  platformUrl: string;
  sandbox?: string;
  verify?: { clientId: string; clientSecret: string; scopes: string };
  http?: HttpOptions;
}

export type CredentialKind = 'jwt' | 'migrating' | 'oauth';

export interface ConsoleCredential {
  org: string;
  project: string;
  projectName?: string;
  workspace: string;
  workspaceName?: string;
  credentialId?: string;
  clientId?: string;
  kind: CredentialKind;
  scopes?: string[];
  certificateExpiry?: string;
  linkedFrom?: { file: string; line: number };
}

export interface Preflight {
  ok: boolean;
  message: string;
}

export interface ConsoleReport {
  credentials: ConsoleCredential[];
  findings: Finding[];
  warnings: string[];
  /** client id -> comma-separated OAuth scopes read from the Console */
  scopesByClient: Map<string, string>;
  /**
   * client id -> the OAuth credential's client secret and technical account email, from the
   * workspace download. Write-only: never printed or serialized; main.ts masks each secret.
   */
  oauth: Map<string, { clientSecret?: string; technicalAccountEmail?: string }>;
  /** Client ids the repository names (the credential it uses). */
  repoClientIds: string[];
  /** The client id the action read the Console with (not the application's, unless named). */
  readerClientId?: string;
  preflight?: Preflight;
}

interface Link {
  org?: string;
  project: string;
  workspace?: string;
  workspaceName?: string;
  from?: { file: string; line: number };
}

/** Links the repository makes to Console projects: workspace JSON, .aio, and client ids. */
export function findLinks(scan: ScanResult, extraFiles: string[] = ['.aio', 'console.json']): { links: Link[]; clientIds: Map<string, { file: string; line: number }> } {
  const links: Link[] = [];
  const clientIds = new Map<string, { file: string; line: number }>();
  const files = [...new Set([...scan.findings.map((f) => f.file).filter(Boolean), ...extraFiles])];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(scan.root, file), 'utf8');
    } catch {
      continue;
    }
    // native-regex: a path
    if (/\.json$|(?:^|\/)\.aio$/.test(file)) {
      try {
        const parsed = WorkspaceDownload.safeParse(JSON.parse(text));
        const p = parsed.success ? parsed.data.project : undefined;
        if (p?.id) {
          const from = { file, line: lineAt(text, Math.max(0, text.indexOf('"project"'))) };
          links.push({ org: p.org?.id, project: p.id, workspace: p.workspace?.id, workspaceName: p.workspace?.name, from });
        }
      } catch {
        // not JSON: client ids below still count
      }
    }
  }
  for (const ref of scan.clientIds ?? []) if (!clientIds.has(ref.clientId)) clientIds.set(ref.clientId, { file: ref.file, line: ref.line });
  return { links, clientIds };
}

function classify(flow: string, type: string): CredentialKind | undefined {
  if (flow !== 'entp') return undefined;
  if (type === 'service') return 'jwt';
  if (type === 'oauth_server_to_server_migrate') return 'migrating';
  if (type === 'oauth_server_to_server') return 'oauth';
  return undefined;
}

/** What a refused or failed Adobe call most likely means, and what to change. */
export function explain(e: unknown): string {
  if (!(e instanceof AdobeError)) return (e as Error).message;
  if (e.status === 401) return `${e.message}. The token was refused: check adobe-client-id / adobe-client-secret, or renew adobe-access-token (it may have expired).`;
  if (e.status === 403) return `${e.message}. The credential may not read this organization or project: add the I/O Management API to its project, and check adobe-org-id.`;
  if (e.status === 404) return `${e.message}. Not found: check adobe-org-id and adobe-projects.`;
  if (e.code === 'shape') return `${e.message}. Adobe answered in a shape this version does not know: please report it.`;
  return `${e.message}. Adobe did not answer in time or failed; the repository scan and pull request still ran. Rerun later.`;
}

function consoleFinding(ruleId: string, severity: Finding['severity'], title: string, message: string, at: { file: string; line: number } | undefined, key: string): Finding {
  const file = at?.file ?? '';
  const line = at?.line ?? 1;
  return { ruleId, severity, file, line, column: 1, endLine: line, endColumn: 1, message, title, category: 'config', fingerprint: fingerprint(ruleId, file, key, 0), fixable: false, snippet: '' };
}

function expiry(notAfter: number | string | undefined): Date | undefined {
  if (notAfter === undefined) return undefined;
  const d = typeof notAfter === 'number' ? new Date(notAfter) : new Date(Number.isFinite(Number(notAfter)) ? Number(notAfter) : notAfter);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export async function checkConsole(settings: AdobeSettings, scan: ScanResult, now = new Date()): Promise<ConsoleReport> {
  const report: ConsoleReport = { credentials: [], findings: [], warnings: [], scopesByClient: new Map(), oauth: new Map(), repoClientIds: [], readerClientId: settings.clientId };

  if (settings.verify) {
    try {
      await requestToken(settings.imsUrl, settings.verify.clientId, settings.verify.clientSecret, settings.verify.scopes, settings.http);
      report.preflight = { ok: true, message: 'IMS issued a token for the OAuth Server-to-Server credential with the given scopes.' };
    } catch (e) {
      report.preflight = { ok: false, message: `IMS refused a token for the OAuth Server-to-Server credential: ${(e as Error).message}` };
    }
  }

  let token = settings.accessToken;
  const apiKey = settings.clientId ?? settings.verify?.clientId ?? '';
  if (!token && settings.clientId && settings.clientSecret) {
    try {
      token = await requestToken(settings.imsUrl, settings.clientId, settings.clientSecret, settings.scopes ?? '', settings.http);
    } catch (e) {
      report.warnings.push(`Adobe Developer Console not checked: ${explain(e)}`);
      return report;
    }
  }
  if (!token) return report;
  const session: Session = { endpoints: { ims: settings.imsUrl, console: settings.consoleUrl, platform: settings.platformUrl }, token, apiKey, http: settings.http };

  // The Console's paths take its own org id; Experience Platform takes the IMS org id (...@AdobeOrg).
  let consoleOrg = settings.orgId;
  let imsOrg = settings.orgId;
  if (settings.orgId) {
    try {
      const orgs = await consoleApi.organizations(session);
      const match = orgs.find((o) => o.id === settings.orgId || o.code === settings.orgId);
      if (match) {
        consoleOrg = match.id;
        imsOrg = match.code ?? imsOrg;
      }
    } catch (e) {
      report.warnings.push(`Organizations not listed: ${explain(e)}`);
    }
  }

  const { links, clientIds } = findLinks(scan);
  report.repoClientIds = [...clientIds.keys()];
  for (const p of settings.projects) links.push({ org: consoleOrg, project: p.project, workspace: p.workspace });
  for (const [clientId, from] of clientIds) {
    try {
      const c = await consoleApi.clientCredential(session, clientId);
      links.push({ org: c.org_id ?? consoleOrg, project: c.project_id, workspace: c.workspace_id, from });
    } catch (e) {
      if (!(e instanceof AdobeError && e.status === 404)) report.warnings.push(`Client id ${clientId} (${from.file}:${from.line}) not looked up: ${explain(e)}`);
    }
  }

  const seen = new Set<string>();
  for (const link of links) {
    const org = link.org ?? consoleOrg;
    if (!org) {
      report.warnings.push(`Project ${link.project} not checked: its organization is unknown; set adobe-org-id.`);
      continue;
    }
    try {
      const workspaces = link.workspace ? [{ id: link.workspace, name: link.workspaceName }] : await consoleApi.workspaces(session, org, link.project);
      for (const ws of workspaces) {
        const key = `${org}/${link.project}/${ws.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await checkWorkspace(session, report, { org, project: link.project, workspace: ws.id, workspaceName: ws.name, from: link.from }, now);
      }
    } catch (e) {
      report.warnings.push(`Project ${link.project} not checked: ${explain(e)}`);
    }
  }

  if (settings.sandbox && imsOrg) {
    try {
      for (const account of await consoleApi.queryAccounts(session, imsOrg, settings.sandbox)) {
        const who = account.technicalAccountId ?? account.name ?? 'an account';
        report.findings.push(
          consoleFinding(
            'console-query-service-credential',
            'note',
            'Query Service non-expiring credential',
            `Query Service non-expiring credential of ${who} (sandbox ${settings.sandbox}): migrate it in the Experience Platform UI (Queries > Credentials > Migrate). The technical account id and password stay the same, so no code change is needed.`,
            undefined,
            `${settings.sandbox}/${who}`,
          ),
        );
      }
    } catch (e) {
      report.warnings.push(`Query Service accounts not listed: ${explain(e)}`);
    }
  }
  return report;
}

async function checkWorkspace(
  s: Session,
  report: ConsoleReport,
  w: { org: string; project: string; workspace: string; workspaceName?: string; from?: { file: string; line: number } },
  now: Date,
): Promise<void> {
  const creds = await consoleApi.credentials(s, w.org, w.project, w.workspace);
  let download: Awaited<ReturnType<typeof consoleApi.download>> | undefined;
  for (const c of creds) {
    const kind = classify(c.flow_type, c.integration_type);
    if (!kind) continue;
    const credentialId = c.id_integration ?? c.id;
    const entry: ConsoleCredential = { org: w.org, project: w.project, workspace: w.workspace, workspaceName: w.workspaceName, credentialId, clientId: c.client_id, kind, linkedFrom: w.from };
    const where = `project ${w.project}, workspace ${w.workspaceName ?? w.workspace}${c.name ? `, credential ${c.name}` : ''}${c.client_id ? ` (client id ${c.client_id})` : ''}`;
    if (kind === 'jwt') {
      let expired = '';
      if (credentialId) {
        try {
          const dates = (await consoleApi.bindings(s, w.org, credentialId)).map((b) => expiry(b.notAfter)).filter((d): d is Date => !!d);
          const latest = dates.sort((a, b) => b.getTime() - a.getTime())[0];
          if (latest) {
            entry.certificateExpiry = latest.toISOString();
            expired = latest < now ? ` Its certificate expired on ${latest.toISOString().slice(0, 10)}: the credential no longer works.` : ` Its certificate expires on ${latest.toISOString().slice(0, 10)}.`;
          }
        } catch (e) {
          report.warnings.push(`Certificates of ${where} not read: ${explain(e)}`);
        }
      }
      report.findings.push(
        consoleFinding(
          'console-jwt-credential',
          'error',
          'Service Account (JWT) credential in the Developer Console',
          `The Adobe Developer Console ${where} is a Service Account (JWT) credential.${expired} Add the OAuth Server-to-Server credential to the project, switch the code and secrets, then delete the JWT credential.`,
          w.from,
          `${w.org}/${w.project}/${w.workspace}/${credentialId ?? c.client_id}`,
        ),
      );
    } else {
      if (kind === 'migrating') {
        report.findings.push(
          consoleFinding(
            'console-jwt-migration-in-progress',
            'warning',
            'JWT to OAuth migration in progress in the Developer Console',
            `The Adobe Developer Console ${where} is being migrated from JWT to OAuth Server-to-Server. Deploy the OAuth credential, check its "last used" time, then delete the JWT credential to finish.`,
            w.from,
            `${w.org}/${w.project}/${w.workspace}/${credentialId ?? c.client_id}`,
          ),
        );
      }
      try {
        download ??= await consoleApi.download(s, w.org, w.project, w.workspace);
        const d = download.project.workspace?.details?.credentials?.find((x) => (x.oauth_server_to_server?.client_id ?? x.jwt?.client_id) === c.client_id || (credentialId && x.id === credentialId));
        const scopes = d?.oauth_server_to_server?.scopes;
        const o = d?.oauth_server_to_server;
        if (o && c.client_id) report.oauth.set(c.client_id, { clientSecret: o.client_secrets?.[0], technicalAccountEmail: o.technical_account_email });
        if (scopes?.length) {
          entry.scopes = scopes;
          if (c.client_id) report.scopesByClient.set(c.client_id, scopes.join(','));
        }
      } catch (e) {
        report.warnings.push(`Scopes of ${where} not read: ${explain(e)}`);
      }
    }
    report.credentials.push(entry);
  }
}
