// The pull-request step of the action: decides whether it may run, plans, syncs, and turns every
// known refusal into a warning that says what to change (never a failure of the scan).
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import * as core from '@actions/core';
import type { ActionInputs } from '../inputs.js';
import type { MigrationPlan } from '../migrate/types.js';
import type { ConsoleReport } from '../adobe/check.js';
import type { ScanResult } from '../types.js';
import { prBody } from './body.js';
import { UsageError } from '../errors.js';
import { safeText } from '../escape.js';
import { createClient, describeError, tuningFromEnv } from './client.js';
import { type PrResult, permissionProblem, syncPullRequest } from './pr.js';

/** A pull_request event from a fork: the token is read-only and secrets are absent. */
function forkEvent(): boolean {
  const name = process.env.GITHUB_EVENT_NAME ?? '';
  if (!name.startsWith('pull_request') || !process.env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
    const head = event.pull_request?.head?.repo?.full_name;
    return Boolean(head) && head !== process.env.GITHUB_REPOSITORY;
  } catch {
    return false;
  }
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
export async function runPullRequest(result: ScanResult, migration: MigrationPlan | undefined, inputs: ActionInputs, workspace: string, adobe?: ConsoleReport): Promise<PrResult> {
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
      ({ workflowsRefused }) => prBody({ plan, scan: result, workflowsRefused, runUrl, adobe }),
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
