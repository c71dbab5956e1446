// The pull-request step of the action: decides whether it may run, plans, syncs, and turns every
// known refusal into a warning that says what to change (never a failure of the scan).
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import * as core from '@actions/core';
import type { ActionInputs } from '../inputs.js';
import type { MigrationPlan } from '../migrate/types.js';
import type { ConsoleReport } from '../adobe/check.js';
import type { ScanResult } from '../types.js';
import { type BodyInput, prBody } from './body.js';
import { manualCommands, type SecretTarget, type SecretsSyncResult, syncSecrets } from './secrets.js';
import { mdCode, mdFence } from '../escape.js';
import { UsageError } from '../errors.js';
import { safeText } from '../escape.js';
import { createClient, describeError, tuningFromEnv } from './client.js';
import { type PrResult, permissionProblem, syncPullRequest } from './pr.js';

/** The event payload the runner wrote (GITHUB_EVENT_PATH), or undefined. */
function runEvent(): { pull_request?: { head?: { repo?: { full_name?: string } } }; repository?: { default_branch?: string } } | undefined {
  if (!process.env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A pull_request event from a fork: the token is read-only and secrets are absent. */
function forkEvent(): boolean {
  if (!(process.env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request')) return false;
  const head = runEvent()?.pull_request?.head?.repo?.full_name;
  return Boolean(head) && head !== process.env.GITHUB_REPOSITORY;
}

/** Whether this run is on the repository's default branch (from the event payload). */
export function onDefaultBranch(): boolean {
  const ref = process.env.GITHUB_REF_NAME || (process.env.GITHUB_REF ?? '').replace('refs/heads/', '');
  return !!ref && runEvent()?.repository?.default_branch === ref;
}

function skipped(warning: string): PrResult {
  return { operation: 'skipped', reason: warning, warnings: [warning], workflowsRefused: false };
}

/** Paths of the plan relative to the repository root (the scan may have covered a sub-folder). */
function fromRepoRoot(plan: MigrationPlan, workspace: string): MigrationPlan {
  const prefix = relative(workspace, plan.root).split(sep).join('/');
  if (!prefix || prefix.startsWith('..')) return plan;
  return { ...plan, root: workspace, edits: plan.edits.map((e) => ({ ...e, file: `${prefix}/${e.file}` })) };
}

/**
 * The pull request step. `migration` is the plan made from the scan (undefined when the scan
 * found nothing): with no finding there is nothing to migrate, and a pull request the action
 * opened before is closed.
 */
export async function runPullRequest(
  result: ScanResult,
  migration: MigrationPlan | undefined,
  inputs: ActionInputs,
  workspace: string,
  adobe?: ConsoleReport,
  secrets?: BodyInput['secrets'],
): Promise<PrResult> {
  if (forkEvent()) {
    return skipped('This run comes from a fork pull request, whose token is read-only: no migration pull request was opened. Run the action on push, schedule or workflow_dispatch in the repository itself to get one.');
  }
  if (!inputs.token) return skipped('No token: set the `token` input (default `${{ github.token }}`) to let the action open the migration pull request.');
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return skipped('GITHUB_REPOSITORY is not set: the pull request step only runs inside GitHub Actions.');

  const plan = fromRepoRoot(migration ?? { root: result.root, edits: [], manual: [], secrets: { add: [], remove: [] }, scopes: [] }, workspace);
  // A credential that IMS refused keeps the pull request a draft until someone looks.
  const preflightFailed = adobe?.preflight?.ok === false;
  const gh = createClient({ token: inputs.token, baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', ...tuningFromEnv() });
  const runUrl = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}` : undefined;
  try {
    return await syncPullRequest(
      gh,
      plan,
      {
        owner,
        repo,
        branch: inputs.branch,
        base: inputs.base,
        title: inputs.title,
        labels: inputs.labels,
        reviewers: inputs.reviewers,
        assignees: inputs.assignees,
        draft: inputs.draft || preflightFailed,
        commitMessage: inputs['commit-message'],
        path: relative(workspace, result.root).split(sep).join('/'),
      },
      ({ workflowsRefused }) => prBody({ plan, scan: result, workflowsRefused, runUrl, adobe, secrets }),
    );
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const problem = permissionProblem(e);
    if (problem) return skipped(problem);
    throw new Error(`Could not update the migration pull request: ${describeError(e)}. The findings above are complete; rerun the job to retry the pull request.`);
  }
}

export function setPrOutputs(pr: PrResult): void {
  core.setOutput('pull-request-operation', pr.operation);
  core.setOutput('pull-request-number', pr.number ?? '');
  core.setOutput('pull-request-url', pr.url ?? '');
  core.setOutput('pull-request-head-sha', pr.headSha ?? '');
  core.setOutput('pull-request-reason', pr.reason);
  core.info(`adobe-jwt-migrate: pull request ${pr.operation}: ${pr.reason}`);
  for (const w of pr.warnings) core.warning(w);
}

export function prSummary(pr: PrResult): string {
  const lines = ['### Migration pull request', ''];
  if (pr.url) lines.push(`[#${pr.number}](${pr.url}): ${pr.operation}. ${safeText(pr.reason)}`);
  else lines.push(`No pull request (${pr.operation}): ${safeText(pr.reason)}`);
  for (const w of pr.warnings) if (w !== pr.reason) lines.push('', `> [!WARNING]\n> ${safeText(w)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The secrets step (`update-secrets`): sets what the plan introduces with the secrets-token. A
 * refusal (403/404) is a warning naming the permission; anything else still runs.
 */
export async function runSecrets(inputs: ActionInputs, targets: SecretTarget[], workspace: string, onDefaultBranch: boolean): Promise<SecretsSyncResult | undefined> {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const empty = (warning: string): SecretsSyncResult => {
    core.warning(warning);
    return { writes: targets.map((t) => ({ name: t.name, type: t.type, environment: t.environment, operation: 'skipped', reason: warning })), deleted: [], warnings: [warning] };
  };
  if (!owner || !repo) return empty('update-secrets: GITHUB_REPOSITORY is not set; secrets are only set inside GitHub Actions.');
  if (!inputs['secrets-token']) {
    return empty('update-secrets is true but secrets-token is empty: GITHUB_TOKEN cannot write secrets. Pass a fine-grained personal access token with "Secrets: write" and "Variables: write" (or a GitHub App installation token) as secrets-token; until then, set them with the commands in the job summary.');
  }
  // Values are masked before any request carries them.
  for (const t of targets) if (t.value && t.type === 'secret') core.setSecret(t.value);
  const gh = createClient({ token: inputs['secrets-token'], baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', ...tuningFromEnv() });
  try {
    const res = await syncSecrets(gh, targets, { owner, repo, overwrite: inputs['overwrite-secrets'], deleteUnused: inputs['delete-unused-secrets'], onDefaultBranch, root: workspace });
    // Environment names come from the repository's workflows: printed escaped.
    for (const w of res.warnings) core.warning(safeText(w));
    for (const w of res.writes) core.info(safeText(`${w.type} ${w.name}${w.environment ? ` (environment ${w.environment})` : ''}: ${w.operation}${w.reason ? `, ${w.reason}` : ''}`));
    for (const d of res.deleted) core.info(safeText(`secret ${d.name}${d.environment ? ` (environment ${d.environment})` : ''}: deleted (only the JWT flow used it; no workflow reads it)`));
    return res;
  } catch (e) {
    return empty(`Secrets and variables not set: ${describeError(e)}. The findings and the pull request are complete; rerun the job to retry.`);
  }
}

/** The secrets part of the job summary: what was set, or the commands to set it by hand. */
export function secretsSummary(targets: SecretTarget[], res: SecretsSyncResult | undefined, repository: string): string {
  if (!targets.length && !res?.deleted.length) return '';
  const lines = ['### OAuth secrets and variables', ''];
  for (const w of res?.writes ?? []) {
    lines.push(`- ${w.type} ${mdCode(w.name)}${w.environment ? ` (environment ${mdCode(w.environment)})` : ''}: ${w.operation}${w.reason ? `, ${safeText(w.reason)}` : ''}`);
  }
  for (const d of res?.deleted ?? []) lines.push(`- secret ${mdCode(d.name)}${d.environment ? ` (environment ${mdCode(d.environment)})` : ''}: deleted (only the JWT flow used it)`);
  const left = targets.filter((t) => !res || res.writes.some((w) => w.name === t.name && w.environment === t.environment && w.type === t.type && w.operation === 'skipped'));
  if (left.length) lines.push('', 'Set these by hand (values from the Adobe Developer Console; names only here):', '', mdFence(manualCommands(left, repository).join('\n'), 'sh').trimEnd());
  return `${lines.join('\n')}\n`;
}
