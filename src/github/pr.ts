// Turns a migration plan into one pull request, kept current on every run. Commits are built with
// the Git Data API (blobs, tree, commit, ref): verified, no git credentials. The branch holds one
// generated commit on top of the base; a person's commit on it stops every automatic update.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationPlan } from '../migrate/types.js';
import { mdCommand, planCommands } from '../commands.js';
import { UsageError } from '../errors.js';
import { errorMessage, errorStatus, type GitHub } from './client.js';

/** Trailer on every commit the action makes: how it tells its own commits from a person's. */
export const COMMIT_TRAILER = 'Generated-by: adobe-jwt-migrate';
/** Hidden marker in the PR body and in comments. */
export const PR_MARKER = '<!-- adobe-jwt-migrate:pull-request -->';
export const PERSON_MARKER = '<!-- adobe-jwt-migrate:person-commits -->';

export type Operation = 'created' | 'updated' | 'unchanged' | 'closed' | 'skipped';

export interface PrSettings {
  owner: string;
  repo: string;
  branch: string;
  base?: string;
  title: string;
  labels: string[];
  reviewers: string[];
  assignees: string[];
  draft: boolean;
  commitMessage: string;
  /** The scanned folder relative to the repository root ('' for the root), for printed commands. */
  path?: string;
}

export interface PrResult {
  operation: Operation;
  /** Why the step ended as it did, in a sentence (the `pull-request-reason` output). */
  reason: string;
  number?: number;
  url?: string;
  headSha?: string;
  /** Things the user must know or do; shown as warnings and in the summary. */
  warnings: string[];
  /** Workflow edits GitHub refused to take from this token (to be shown as a patch). */
  workflowsRefused: boolean;
}

/** Builds the PR body once the outcome (workflow refusal) is known. */
export type BodyBuilder = (opts: { workflowsRefused: boolean }) => string;

const WORKFLOW_PATH = /^\.github\/workflows\//;

/** Every change was in workflow files the token may not write. */
class NothingToCommit extends Error {}

/** Git branch names compare exactly, but GitHub's are matched without case in places. */
function sameBranch(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isWorkflowPath(file: string): boolean {
  return WORKFLOW_PATH.test(file); // native-regex: a path
}

function isWorkflowRefusal(e: unknown): boolean {
  // native-regex: literals in GitHub's error message (here and below)
  return /workflow/i.test(errorMessage(e)) && [403, 422].includes(errorStatus(e) ?? 0);
}

/** The refusals that mean "this token or repository may not do this": skip, do not fail. */
export function permissionProblem(e: unknown): string | undefined {
  const msg = errorMessage(e);
  // native-regex: literal
  if (/not permitted to create or approve pull requests/i.test(msg)) {
    return 'GitHub Actions may not create pull requests in this repository: enable Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests" (or pass a token with the pull-requests permission in the `token` input).';
  }
  // native-regex: literals
  if (errorStatus(e) === 403 && /Resource not accessible|permission|forbidden/i.test(msg)) {
    return 'The token cannot write to this repository: give the job `permissions: contents: write` and `pull-requests: write` (or pass a token that has them in the `token` input).';
  }
  if (errorStatus(e) === 401) return 'The token was refused (401): check the `token` input.';
  return undefined;
}

async function getRef(gh: GitHub, s: PrSettings, branch: string): Promise<string | undefined> {
  try {
    const { data } = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: s.owner, repo: s.repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (e) {
    if (errorStatus(e) === 404) return undefined;
    throw e;
  }
}

/** The fields of a pull request this flow reads (list, create and get answers all have them). */
interface Pull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  base: { ref: string };
  head: { ref: string };
  labels: ({ name?: string } | string)[];
  requested_reviewers?: { login: string }[] | null;
  assignees?: { login: string }[] | null;
}

async function openPull(gh: GitHub, s: PrSettings): Promise<Pull | undefined> {
  const { data } = await gh.request('GET /repos/{owner}/{repo}/pulls', { owner: s.owner, repo: s.repo, head: `${s.owner}:${s.branch}`, state: 'open', per_page: 10 });
  return (data as Pull[]).find((p) => p.head.ref === s.branch);
}

async function deleteBranch(gh: GitHub, s: PrSettings): Promise<void> {
  try {
    await gh.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner: s.owner, repo: s.repo, ref: `heads/${s.branch}` });
  } catch (e) {
    if (![404, 422].includes(errorStatus(e) ?? 0)) throw e;
  }
}

/**
 * Whether the branch is the action's own: at least one commit since the base, every one of them
 * carrying the trailer. Only such a branch is ever force-updated or deleted.
 */
async function branchOwnership(gh: GitHub, s: PrSettings, base: string): Promise<{ owned: boolean; foreign: string[] }> {
  const { data } = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: s.owner, repo: s.repo, basehead: `${base}...${s.branch}`, per_page: 100 });
  const foreign = data.commits.filter((c) => !c.commit.message.includes(COMMIT_TRAILER)).map((c) => c.sha);
  // A longer history than one page cannot be the action's single generated commit.
  const complete = data.total_commits === data.commits.length;
  return { owned: data.commits.length > 0 && complete && foreign.length === 0, foreign };
}

async function commentOnce(gh: GitHub, s: PrSettings, number: number, marker: string, text: string): Promise<void> {
  const { data } = await gh.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: s.owner, repo: s.repo, issue_number: number, per_page: 100 });
  if (data.some((c) => c.body?.includes(marker))) return;
  await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: s.owner, repo: s.repo, issue_number: number, body: `${marker}\n${text}` });
}

function fileMode(root: string, file: string): '100644' | '100755' {
  try {
    return statSync(join(root, file)).mode & 0o111 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

/** A tree on top of the base commit's tree carrying the plan's edits (optionally without workflows). */
async function buildTree(gh: GitHub, s: PrSettings, plan: MigrationPlan, baseTree: string, withWorkflows: boolean): Promise<string> {
  const tree: { path: string; mode: '100644' | '100755'; type: 'blob'; sha: string | null }[] = [];
  for (const e of plan.edits) {
    if (!withWorkflows && isWorkflowPath(e.file)) continue;
    if (e.action === 'delete') {
      tree.push({ path: e.file, mode: '100644', type: 'blob', sha: null });
      continue;
    }
    const { data } = await gh.request('POST /repos/{owner}/{repo}/git/blobs', { owner: s.owner, repo: s.repo, content: Buffer.from(e.after ?? '', 'utf8').toString('base64'), encoding: 'base64' });
    tree.push({ path: e.file, mode: fileMode(plan.root, e.file), type: 'blob', sha: data.sha });
  }
  const { data } = await gh.request('POST /repos/{owner}/{repo}/git/trees', { owner: s.owner, repo: s.repo, base_tree: baseTree, tree });
  return data.sha;
}

/**
 * Brings the PR in line with the plan. Each step can be retried by a rerun: objects are
 * content-addressed, the ref is forced to one generated commit on the base, and the PR is found
 * by its branch. A failure after the branch was created in this run deletes it again.
 */
export async function syncPullRequest(gh: GitHub, plan: MigrationPlan, s: PrSettings, body: BodyBuilder): Promise<PrResult> {
  const warnings: string[] = [];
  const repo = (await gh.request('GET /repos/{owner}/{repo}', { owner: s.owner, repo: s.repo })).data;
  const base = s.base || repo.default_branch;
  const baseSha = await getRef(gh, s, base);
  if (!baseSha) throw new Error(`base branch '${base}' does not exist in ${s.owner}/${s.repo}: set the \`base\` input to an existing branch`);
  if (sameBranch(s.branch, base) || sameBranch(s.branch, repo.default_branch)) {
    throw new UsageError(`input 'branch' is '${s.branch}', the ${sameBranch(s.branch, repo.default_branch) ? 'default' : 'base'} branch: the action force-updates its branch, so it must be a branch of its own (the default is adobe-jwt-migrate/oauth-s2s)`);
  }
  const branchSha = await getRef(gh, s, s.branch);
  const found = await openPull(gh, s);
  // A pull request from this branch that the action did not open is a person's: never touched.
  const existing = found && (found.body ?? '').includes(PR_MARKER) ? found : undefined;
  if (found && !existing) {
    const reason = `An open pull request (#${found.number}) from the branch ${s.branch} was not opened by adobe-jwt-migrate; it and its branch are left as they are. Set the \`branch\` input to a branch of the action's own.`;
    warnings.push(reason);
    return { operation: 'skipped', reason, number: found.number, url: found.html_url, warnings, workflowsRefused: false };
  }

  if (branchSha) {
    const { owned, foreign } = await branchOwnership(gh, s, base);
    if (!owned) {
      const why = foreign.length
        ? `has ${foreign.length} commit(s) not made by adobe-jwt-migrate (${foreign.slice(0, 5).map((c) => c.slice(0, 7)).join(', ')})`
        : 'was not made by adobe-jwt-migrate (it has no commit of the action on top of the base)';
      const msg = `The branch ${s.branch} ${why}; it is left as it is. Merge or close the pull request, or delete the branch, to let the action update it again.`;
      warnings.push(msg);
      if (existing) await commentOnce(gh, s, existing.number, PERSON_MARKER, `adobe-jwt-migrate no longer updates this pull request: ${msg}`);
      return { operation: 'skipped', reason: msg, number: existing?.number, url: existing?.html_url, headSha: branchSha, warnings, workflowsRefused: false };
    }
  }

  if (plan.edits.length === 0) {
    if (existing) {
      await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: s.owner,
        repo: s.repo,
        issue_number: existing.number,
        body: `${PR_MARKER}\nNothing is left to migrate on \`${base}\`: closing this pull request and deleting its branch.`,
      });
      await gh.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner: s.owner, repo: s.repo, pull_number: existing.number, state: 'closed' });
      if (branchSha) await deleteBranch(gh, s);
      return { operation: 'closed', reason: `Nothing is left to migrate on ${base}: the action's pull request was closed and its branch deleted.`, number: existing.number, url: existing.html_url, warnings, workflowsRefused: false };
    }
    // The action's own branch without its pull request (a closed one): nothing left to keep it for.
    if (branchSha) await deleteBranch(gh, s);
    const manual = plan.manual.length;
    const reason = manual
      ? `The migration plan holds no automatic edit, only ${manual} manual step${manual === 1 ? '' : 's'} (listed in the job summary and by \`migrate\`): no pull request was opened.`
      : `Nothing to migrate on ${base}: no pull request was opened.`;
    return { operation: 'skipped', reason, warnings, workflowsRefused: false };
  }

  const baseCommit = (await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: s.owner, repo: s.repo, commit_sha: baseSha })).data;
  let headSha = branchSha;
  let createdBranch = false;
  let workflowsRefused = false;
  const hasWorkflows = plan.edits.some((e) => isWorkflowPath(e.file));

  const writeBranch = async (withWorkflows: boolean): Promise<void> => {
    const tree = await buildTree(gh, s, plan, baseCommit.tree.sha, withWorkflows);
    if (tree === baseCommit.tree.sha) throw new NothingToCommit();
    if (branchSha) {
      const current = (await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: s.owner, repo: s.repo, commit_sha: branchSha })).data;
      const onBase = current.parents.length === 1 && current.parents[0].sha === baseSha;
      if (current.tree.sha === tree && onBase) {
        headSha = branchSha; // the same edits on the same base: nothing to commit
        return;
      }
    }
    const commit = (
      await gh.request('POST /repos/{owner}/{repo}/git/commits', {
        owner: s.owner,
        repo: s.repo,
        message: `${s.commitMessage}\n\n${COMMIT_TRAILER}`,
        tree,
        parents: [baseSha],
      })
    ).data;
    if (branchSha) {
      await gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: s.owner, repo: s.repo, ref: `heads/${s.branch}`, sha: commit.sha, force: true });
    } else {
      try {
        await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: s.owner, repo: s.repo, ref: `refs/heads/${s.branch}`, sha: commit.sha });
      } catch (e) {
        // A retried create whose first try went through: the ref is there, make sure it is ours.
        if (errorStatus(e) !== 422 || !/already exists/i.test(errorMessage(e))) throw e; // native-regex: literal
        await gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: s.owner, repo: s.repo, ref: `heads/${s.branch}`, sha: commit.sha, force: true });
      }
      createdBranch = true;
    }
    headSha = commit.sha;
  };

  try {
    try {
      await writeBranch(true);
    } catch (e) {
      if (!hasWorkflows || !isWorkflowRefusal(e)) throw e;
      workflowsRefused = true;
      warnings.push(
        'GitHub refused the workflow changes from this token (GITHUB_TOKEN can never change .github/workflows/). The other changes are committed; the workflow changes are in the pull request body as a patch. To have them committed, pass a token with the `workflows` permission (a fine-grained PAT with "Workflows: write", or a GitHub App token) in the `token` input.',
      );
      await writeBranch(false);
    }

    const text = body({ workflowsRefused });
    let pr: Pull | undefined = existing;
    let operation: Operation;
    if (!pr) {
      try {
        pr = (await gh.request('POST /repos/{owner}/{repo}/pulls', { owner: s.owner, repo: s.repo, title: s.title, head: s.branch, base, body: text, draft: s.draft })).data as Pull;
        operation = 'created';
      } catch (e) {
        // A retried create whose first try went through (its answer was lost): it was created.
        if (errorStatus(e) !== 422 || !/already exists/i.test(errorMessage(e))) throw e; // native-regex: literal
        const made = await openPull(gh, s);
        if (!made) throw e;
        pr = made;
        operation = (made.body ?? '').includes(PR_MARKER) ? 'created' : 'updated';
      }
    } else {
      const same = pr.title === s.title && (pr.body ?? '') === text && pr.base.ref === base && headSha === branchSha;
      if (!same) {
        await gh.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner: s.owner, repo: s.repo, pull_number: pr.number, title: s.title, body: text, base });
      }
      operation = same ? 'unchanged' : 'updated';
    }
    if (!pr) throw new Error('no pull request after creating one');
    // Added, never removed: a person's labels, reviewers and assignees stay.
    const have = new Set((pr.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name ?? '')));
    const labels = s.labels.filter((l) => !have.has(l));
    if (labels.length) await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner: s.owner, repo: s.repo, issue_number: pr.number, labels });
    const asked = new Set((pr.requested_reviewers ?? []).map((r) => r.login));
    const reviewers = s.reviewers.filter((r) => !r.includes('/') && !asked.has(r));
    const teams = s.reviewers.filter((r) => r.includes('/')).map((r) => r.split('/')[1]); // checked against the owner by the inputs
    if (reviewers.length || teams.length) {
      try {
        await gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { owner: s.owner, repo: s.repo, pull_number: pr.number, reviewers, team_reviewers: teams });
      } catch (e) {
        if (errorStatus(e) !== 422) throw e;
        warnings.push(`Could not request reviews from ${s.reviewers.join(', ')}: ${errorMessage(e)}. Check the \`reviewers\` input (users with access; teams as org/team).`);
      }
    }
    const assigned = new Set((pr.assignees ?? []).map((a) => a.login));
    const assignees = s.assignees.filter((a) => !assigned.has(a));
    if (assignees.length) await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', { owner: s.owner, repo: s.repo, issue_number: pr.number, assignees });
    const files = new Set(plan.edits.map((e) => e.file)).size;
    const what = `${files} file${files === 1 ? '' : 's'} changed, ${plan.manual.length} manual step${plan.manual.length === 1 ? '' : 's'} listed`;
    const reason = {
      created: `Opened the migration pull request (${what}).`,
      updated: `Updated the migration pull request to the current plan and base (${what}).`,
      unchanged: `The migration pull request already holds this plan (${what}).`,
    }[operation as 'created' | 'updated' | 'unchanged'];
    return { operation, reason, number: pr.number, url: pr.html_url, headSha, warnings, workflowsRefused };
  } catch (e) {
    if (e instanceof NothingToCommit) {
      const reason =
        'Every change is in .github/workflows/, which this token may not write (GITHUB_TOKEN never can): no pull request was opened. Pass a token with the `workflows` permission (a fine-grained PAT with "Workflows: write", or a GitHub App token) in the `token` input, or run ' +
        `${mdCommand(planCommands(plan, s.path).write)} locally and commit the workflow files.`;
      warnings.push(reason);
      return { operation: 'skipped', reason, warnings, workflowsRefused: true };
    }
    // No dangling branch: a branch this run created without its pull request goes again.
    if (createdBranch && !existing) await deleteBranch(gh, s).catch(() => undefined);
    throw e;
  }
}
