// Where the migration stands, every run: one value for the `migration-status` output and a
// checklist for the job summary, each step ticked, open, or unknown (and why).
import type { ConsoleReport } from '../adobe/check.js';
import { mdCell, mdCode } from '../escape.js';

export type MigrationStatus = 'jwt-in-code' | 'awaiting-merge' | 'awaiting-console' | 'ready-to-delete-jwt' | 'done' | 'code-clean';

export interface StatusInput {
  /** Error findings left in the repository's files (not the Console's). */
  codeErrors: number;
  /** The migration pull request, when one is open. */
  pullRequest?: { number?: number; url?: string };
  /** The Console report; undefined when the action had no Console access. */
  adobe?: ConsoleReport;
  /** JWT-only secrets (private key, metascopes) the workflows in this checkout still read. */
  jwtSecretsInWorkflows: string[];
  /** The secrets step: how many names were set or already there, and how many are left. */
  secrets?: { set: number; open: number };
  onDefaultBranch: boolean;
}

export interface StatusStep {
  label: string;
  state: 'done' | 'open' | 'unknown';
  detail: string;
}

export interface StatusReport {
  status: MigrationStatus;
  steps: StatusStep[];
  next: string;
}

const CONSOLE = 'https://developer.adobe.com/console/projects';

/** The JWT credentials left in the linked projects (a migrating one still holds its JWT). */
function jwtCredentials(adobe: ConsoleReport) {
  return adobe.credentials.filter((c) => c.kind === 'jwt' || c.kind === 'migrating');
}

/** Whether a linked project was read at all (a workspace read lists at least one credential). */
function consoleKnown(adobe: ConsoleReport | undefined): adobe is ConsoleReport {
  return !!adobe && adobe.credentials.length > 0;
}

export function migrationStatus(i: StatusInput): StatusReport {
  const known = consoleKnown(i.adobe);
  const jwt = known ? jwtCredentials(i.adobe!) : [];
  const preflight = i.adobe?.preflight;
  let status: MigrationStatus;
  if (i.pullRequest) status = 'awaiting-merge';
  else if (i.codeErrors > 0) status = 'jwt-in-code';
  else if (!known) status = 'code-clean';
  else if (!jwt.length) status = 'done';
  else if (!i.jwtSecretsInWorkflows.length && preflight?.ok) status = 'ready-to-delete-jwt';
  else status = 'awaiting-console';

  const noConsole = i.adobe
    ? 'unknown: no linked Developer Console project was read (link one with .aio or console.json, a client id in the code, or adobe-projects; see the warnings)'
    : 'unknown: the action had no Developer Console access (set adobe-client-id and adobe-client-secret)';
  const links = jwt.map((c) => `${CONSOLE}/${encodeURIComponent(c.org)}/${encodeURIComponent(c.project)}/overview`);
  const steps: StatusStep[] = [
    {
      label: 'Code and configuration free of the JWT flow',
      state: i.codeErrors ? 'open' : 'done',
      detail: i.codeErrors ? `${i.codeErrors} error finding(s) left in the repository` : 'no error finding left in the repository',
    },
    {
      label: 'Migration pull request merged',
      state: i.pullRequest ? 'open' : i.codeErrors ? 'open' : 'done',
      detail: i.pullRequest
        ? `open${i.pullRequest.url ? `: ${i.pullRequest.url}` : ''}`
        : i.codeErrors
          ? 'no pull request is open (set create-pr: true, or do the manual steps)'
          : 'nothing left to merge',
    },
    {
      label: 'OAuth secrets and variables set',
      state: i.secrets ? (i.secrets.open ? 'open' : 'done') : 'unknown',
      detail: i.secrets
        ? i.secrets.open
          ? `${i.secrets.set} set, ${i.secrets.open} to set by hand (commands in the pull request and below)`
          : `${i.secrets.set} set or already there`
        : 'not checked (update-secrets is off): set them with the commands in the pull request',
    },
    {
      label: 'Workflows no longer read JWT-only secrets',
      state: i.jwtSecretsInWorkflows.length ? 'open' : 'done',
      detail: i.jwtSecretsInWorkflows.length ? `still read: ${i.jwtSecretsInWorkflows.join(', ')}` : 'no workflow reads a private key or metascopes secret',
    },
    {
      label: 'The OAuth credential gets a token (preflight)',
      state: preflight ? (preflight.ok ? 'done' : 'open') : 'unknown',
      detail: preflight ? preflight.message : 'not checked: set verify-client-id, verify-client-secret and verify-scopes (or the adobe-* inputs)',
    },
    {
      label: 'JWT credential deleted in the Developer Console',
      state: known ? (jwt.length ? 'open' : 'done') : 'unknown',
      detail: known
        ? jwt.length
          ? `${jwt.length} JWT credential(s) left in the linked projects: ${links.join(', ')}`
          : 'no JWT credential left in the linked projects'
        : noConsole,
    },
  ];

  const next: Record<MigrationStatus, string> = {
    'jwt-in-code': 'Migrate the findings above: turn on create-pr for a pull request, and do the manual steps it lists.',
    'awaiting-merge': 'Review and merge the migration pull request; set the secrets and variables it lists before the merged code runs.',
    'code-clean': `The code no longer uses JWT. Whether a JWT credential is left in the Developer Console (awaiting-console, ready-to-delete-jwt or done) cannot be known without Console access: ${
      i.adobe ? 'no linked project was read (see the warnings).' : 'set adobe-client-id and adobe-client-secret.'
    }`,
    'awaiting-console': i.jwtSecretsInWorkflows.length
      ? 'Remove the JWT-only secrets from the workflows, then check the OAuth credential (verify-* inputs) before deleting the JWT credential.'
      : 'Check that the OAuth credential gets a token (the verify-* inputs); then the JWT credential can go.',
    'ready-to-delete-jwt': i.onDefaultBranch
      ? `It is safe to delete the JWT credential in the Developer Console: the default branch no longer uses it, no workflow reads its secrets and the OAuth credential gets a token. As the last check, open its "last used" time in the Console first (${links.join(', ')}); then delete it.`
      : 'Run this on the default branch to confirm that what is deployed no longer uses the JWT credential.',
    done: 'Done: no JWT credential is left in the linked Developer Console projects.',
  };
  return { status, steps, next: next[status] };
}

/** The checklist as Markdown for the job summary (Console data and secret names escaped). */
export function statusMarkdown(r: StatusReport): string {
  const box = (s: StatusStep) => (s.state === 'done' ? '- [x]' : s.state === 'open' ? '- [ ]' : '- [ ] (unknown)');
  return [
    '### Migration status',
    '',
    `Status: ${mdCode(r.status)}`,
    '',
    ...r.steps.map((s) => `${box(s)} ${s.label}: ${mdCell(s.detail)}`),
    '',
    `**Next:** ${mdCell(r.next)}`,
    '',
  ].join('\n');
}
