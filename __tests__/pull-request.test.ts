// The built action opening and keeping up to date the migration pull request against a stateful
// fake GitHub on 127.0.0.1, with every request and answer checked against GitHub's OpenAPI.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMIT_TRAILER, PERSON_MARKER, PR_MARKER } from '../src/github/pr.js';
import { DEFAULT_TOKENS, type FakeGitHub, type FakeRepoOptions, startFakeGitHub } from './fakes/github.js';
import { checkAgainstOpenApi, loadOpenApi } from './fakes/openapi.js';
import { listTree } from './helpers/markers.js';
import { cli, gitRepo, PROJECT, runActionAsync, tempDir } from './helpers/run.js';

const O = 'acme';
const R = 'analytics-sync';
const BRANCH = 'adobe-jwt-migrate/oauth-s2s';
const WORKFLOW = '.github/workflows/nightly-sync.yml';
const SCOPES = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext';
const EXAMPLE = join(PROJECT, 'examples', 'acme-analytics-sync');

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const ORIGINAL = readTree(EXAMPLE);
let MIGRATED: Record<string, string>;

beforeAll(() => {
  loadOpenApi();
  const dir = tempDir('ajm-expected-');
  cpSync(EXAMPLE, dir, { recursive: true });
  expect(cli(['migrate', dir, '--write', '--scopes', SCOPES]).status).toBe(0);
  MIGRATED = readTree(dir);
});

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(repo: FakeRepoOptions = {}, files: Record<string, string> = ORIGINAL) {
  fake = await startFakeGitHub();
  fake.seedRepo(O, R, files, { branch: 'main', ...repo });
  return { fake, workspace: gitRepo(files) };
}

function run(f: FakeGitHub, workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runActionAsync(
    workspace,
    { 'create-pr': 'true', token: DEFAULT_TOKENS.write, 'fail-on': 'never', scopes: SCOPES, ...inputs },
    {
      GITHUB_API_URL: f.url,
      GITHUB_REPOSITORY: `${O}/${R}`,
      ADOBE_JWT_MIGRATE_RETRY_BASE_MS: '5',
      ADOBE_JWT_MIGRATE_WRITE_SPACING_MS: '0',
      ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS: '1500',
      ...env,
    },
  );
}

function withoutWorkflowChange(): Record<string, string> {
  return { ...MIGRATED, [WORKFLOW]: ORIGINAL[WORKFLOW] };
}

function branchFiles(f: FakeGitHub): Record<string, string> {
  const sha = f.branch(O, R, BRANCH);
  expect(sha).toBeDefined();
  return f.treeFiles(sha!);
}

function pulls(f: FakeGitHub) {
  return f.repo(O, R).pulls;
}

/** Commits on the branch that are not on main. */
function branchCommits(f: FakeGitHub): string[] {
  const main = new Set(f.history(f.branch(O, R, 'main')!));
  return f.history(f.branch(O, R, BRANCH)!).filter((c) => !main.has(c));
}

describe('migration pull request', () => {
  it('opens a verified single-commit PR with exactly the migrated files; workflow changes go into the body', async () => {
    const { fake: f, workspace } = await setup();
    const r = await run(f, workspace, { labels: 'security, adobe', reviewers: 'octocat', assignees: 'octocat', draft: 'true' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['pull-request-operation']).toBe('created');
    expect(r.outputs['pull-request-number']).toBe('1');
    expect(r.outputs['pull-request-url']).toBe(`https://github.com/${O}/${R}/pull/1`);
    expect(r.outputs['pull-request-head-sha']).toBe(f.branch(O, R, BRANCH));

    expect(branchFiles(f)).toEqual(withoutWorkflowChange());
    const commits = branchCommits(f);
    expect(commits).toHaveLength(1);
    const commit = f.commit(commits[0])!;
    expect(commit.message).toContain(COMMIT_TRAILER);
    expect(commit.verification?.verified).toBe(true);

    const [pr] = pulls(f);
    expect(pr).toMatchObject({ state: 'open', draft: true, title: 'Move from Adobe Service Account (JWT) to OAuth Server-to-Server' });
    expect(pr.body).toContain(PR_MARKER);
    expect(pr.body).toContain('### Workflow changes to apply by hand');
    expect(pr.body).toContain(`diff --git a/${WORKFLOW}`);
    expect(pr.body).toMatch(/- Remove \(after the switch\): .*`ADOBE_PRIVATE_KEY`/);
    expect(pr.body).not.toContain('BEGIN PRIVATE KEY');
    expect([...pr.labels].sort()).toEqual(['adobe', 'security']);
    expect(r.stdout).toMatch(/^::warning::GitHub refused the workflow changes from this token/m);
    expect(r.summary).toContain(`[#1](https://github.com/${O}/${R}/pull/1): created.`);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('commits workflow changes with a token that has the workflows permission', async () => {
    const { fake: f, workspace } = await setup();
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows });
    expect(r.outputs['pull-request-operation'], r.stdout).toBe('created');
    expect(branchFiles(f)).toEqual(MIGRATED);
    expect(pulls(f)[0].body).not.toContain('Workflow changes to apply by hand');
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('works against GitHub Enterprise Server through GITHUB_API_URL', async () => {
    fake = await startFakeGitHub({ pathPrefix: '/api/v3', webUrl: 'https://ghe.acme.example' });
    fake.seedRepo(O, R, ORIGINAL, { branch: 'main' });
    const r = await run(fake, gitRepo(ORIGINAL), { token: DEFAULT_TOKENS.workflows });
    expect(fake.url).toMatch(/\/api\/v3$/);
    expect(r.outputs['pull-request-operation'], r.stdout).toBe('created');
    expect(r.outputs['pull-request-url']).toBe(`https://ghe.acme.example/${O}/${R}/pull/1`);
    expect(branchFiles(fake)).toEqual(MIGRATED);
  });

  it('opens no PR when every change is a workflow change the token may not write', async () => {
    const files = { [WORKFLOW]: ORIGINAL[WORKFLOW], 'README.md': '# sync\n' };
    const { fake: f, workspace } = await setup({}, files);
    const r = await run(f, workspace);
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/^::warning::Every change is in \.github\/workflows\/, which this token may not write/m);
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(pulls(f)).toEqual([]);
  });

  it('20 reruns give one PR and one commit', async () => {
    const { fake: f, workspace } = await setup();
    expect((await run(f, workspace)).outputs['pull-request-operation']).toBe('created');
    const head = f.branch(O, R, BRANCH);
    for (let i = 0; i < 20; i++) {
      const r = await run(f, workspace);
      expect(r.outputs['pull-request-operation'], r.stdout).toBe('unchanged');
    }
    expect(pulls(f)).toHaveLength(1);
    expect(f.branch(O, R, BRANCH)).toBe(head);
    expect(branchCommits(f)).toHaveLength(1);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  }, 120_000);

  it("leaves a person's commit in place, comments once, and warns", async () => {
    const { fake: f, workspace } = await setup();
    await run(f, workspace);
    const person = f.commitAs(O, R, BRANCH, { 'NOTES.md': 'my fix\n' }, { author: { name: 'Dana', email: 'dana@example.com' } });
    for (let i = 0; i < 2; i++) {
      const r = await run(f, workspace);
      expect(r.outputs['pull-request-operation']).toBe('skipped');
      expect(r.stdout).toMatch(/^::warning::The branch adobe-jwt-migrate\/oauth-s2s has 1 commit\(s\) not made by adobe-jwt-migrate/m);
      expect(r.summary).toContain('not made by adobe-jwt-migrate');
    }
    expect(f.branch(O, R, BRANCH)).toBe(person);
    const comments = f.repo(O, R).comments.filter((c) => c.body.includes(PERSON_MARKER));
    expect(comments).toHaveLength(1);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('rebuilds the branch on a base that moved', async () => {
    const { fake: f, workspace } = await setup();
    await run(f, workspace);
    const newBase = f.commitAs(O, R, 'main', { 'CHANGELOG.md': '# changes\n' }, { author: { name: 'Dana', email: 'dana@example.com' } });
    const r = await run(f, workspace);
    expect(r.outputs['pull-request-operation']).toBe('updated');
    const commits = branchCommits(f);
    expect(commits).toHaveLength(1);
    expect(f.commit(commits[0])!.parents).toEqual([newBase]);
    expect(branchFiles(f)).toEqual({ ...withoutWorkflowChange(), 'CHANGELOG.md': '# changes\n' });
    expect(pulls(f)).toHaveLength(1);
  });

  it('closes its PR with a comment and deletes the branch when nothing is left to migrate', async () => {
    const { fake: f, workspace } = await setup();
    await run(f, workspace);
    // The migration was merged by hand: the checkout has nothing left to migrate.
    const clean = gitRepo(MIGRATED);
    const r = await run(f, clean);
    expect(r.outputs['pull-request-operation']).toBe('closed');
    expect(pulls(f)[0].state).toBe('closed');
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(f.repo(O, R).comments.some((c) => c.body.includes('Nothing is left to migrate'))).toBe(true);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('skips a fork pull_request event with a warning and still reports', async () => {
    const { fake: f, workspace } = await setup();
    const event = join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { repo: { full_name: 'someone/analytics-sync' } } } }));
    const r = await run(f, workspace, { 'fail-on': 'error' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/^::warning::This run comes from a fork pull request/m);
    expect(Number(r.outputs.errors)).toBeGreaterThan(0);
    expect(r.status).toBe(1); // the findings fail it, as configured; the skip does not
    expect(r.stdout).not.toMatch(/::error::.*pull request/);
    expect(f.log.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('skips with a read-only token, saying which permissions to give', async () => {
    const { fake: f, workspace } = await setup();
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.read });
    expect(r.status).toBe(0);
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/^::warning::The token cannot write to this repository: give the job `permissions: contents: write` and `pull-requests: write`/m);
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(pulls(f)).toEqual([]);
  });

  it('skips when the repository does not let Actions create PRs, leaving no branch behind', async () => {
    const { fake: f, workspace } = await setup({ actionsCanCreatePullRequests: false });
    const r = await run(f, workspace);
    expect(r.status).toBe(0);
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(pulls(f)).toEqual([]);
  });
});

describe('faults on the way to the pull request', () => {
  const faults: [string, Parameters<FakeGitHub['inject']>[0]][] = [
    ['500 on creating the tree', { method: 'POST', path: /\/git\/trees$/, status: 500 }],
    ['502 on creating the PR', { method: 'POST', path: /\/pulls$/, status: 502 }],
    ['503 on reading the base ref', { method: 'GET', path: /\/git\/ref\/heads(?:\/|%2F)main$/, status: 503 }],
    ['secondary rate limit on creating the commit', { method: 'POST', path: /\/git\/commits$/, status: 403 }],
    ['429 on a blob', { method: 'POST', path: /\/git\/blobs$/, status: 429, after: 2 }],
    ['dropped connection on creating the ref', { method: 'POST', path: /\/git\/refs$/, drop: true }],
    ['PR created but the answer lost', { method: 'POST', path: /\/pulls$/, applyThenDrop: true }],
    ['ref created but the answer lost', { method: 'POST', path: /\/git\/refs$/, applyThenDrop: true }],
    ['slow answer past the time limit', { method: 'GET', path: /\/pulls$/, delayMs: 2500 }],
  ];

  it.each(faults)('%s: one PR with the right content', async (_name, spec) => {
    const { fake: f, workspace } = await setup();
    f.inject(spec);
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // No PR existed before: a create whose answer was lost is still reported as created.
    expect(r.outputs['pull-request-operation']).toBe('created');
    expect(pulls(f)).toHaveLength(1);
    expect(branchFiles(f)).toEqual(MIGRATED);
    expect(branchCommits(f)).toHaveLength(1);
    expect(f.faults.every((x) => x.hits > 0)).toBe(true);
  }, 60_000);

  it('a fault that outlasts the retries ends in a clear error and no branch or PR', async () => {
    const { fake: f, workspace } = await setup();
    f.inject({ method: 'POST', path: /\/pulls$/, status: 500, times: 50 });
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error::Could not update the migration pull request: .*rerun the job to retry the pull request\.$/m);
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(pulls(f)).toEqual([]);
    expect(Number(r.outputs.findings)).toBeGreaterThan(0); // the findings are still reported
  }, 60_000);
});

describe('branches the action does not own', () => {
  it.each(['main', 'MAIN'])("refuses branch '%s' (the default branch) and leaves it untouched", async (branch) => {
    const { fake: f, workspace } = await setup();
    const main = f.branch(O, R, 'main');
    const r = await run(f, workspace, { branch, token: DEFAULT_TOKENS.workflows });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error::input 'branch' is '(?:main|MAIN)', the default branch/m);
    expect(f.branch(O, R, 'main')).toBe(main);
    expect(f.log.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it.each([
    ['the base', { branch: 'release', base: 'release' }, /input 'branch' is the base branch 'release'/],
    ['a ref path', { branch: 'refs/heads/main' }, /input 'branch' must be a plain branch name/],
    ['HEAD', { branch: 'HEAD' }, /input 'branch' must be a plain branch name/],
    ['@', { branch: '@' }, /input 'branch' must be a plain branch name/],
    ['an option', { branch: '-f' }, /input 'branch' must be a plain branch name/],
  ])('refuses %s as branch before any request', async (_n, inputs, message) => {
    const { fake: f, workspace } = await setup();
    const r = await run(f, workspace, inputs);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(f.log).toEqual([]);
  });

  it("never deletes a person's branch when nothing is left to migrate", async () => {
    const { fake: f, workspace } = await setup();
    const release = f.commitAs(O, R, 'release', { 'NOTES.md': 'release notes\n' }, { author: { name: 'Dana', email: 'dana@example.com' } });
    const r = await run(f, gitRepo(MIGRATED), { branch: 'release' });
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/^::warning::The branch release has 1 commit\(s\) not made by adobe-jwt-migrate/m);
    expect(f.branch(O, R, 'release')).toBe(release);
    void workspace;
  });

  it('never force-updates a branch that only points at the base (no commit of the action on it)', async () => {
    const { fake: f, workspace } = await setup();
    // `staging` is a person's branch at the same commit as main.
    const main = f.branch(O, R, 'main')!;
    f.repo(O, R).refs.set('refs/heads/staging', main);
    const r = await run(f, workspace, { branch: 'staging', base: 'main' });
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/^::warning::The branch staging was not made by adobe-jwt-migrate/m);
    expect(f.branch(O, R, 'staging')).toBe(main);
    expect(pulls(f)).toEqual([]);
  });

  it('leaves alone an open pull request from the branch that the action did not open', async () => {
    const { fake: f, workspace } = await setup();
    await run(f, workspace);
    const pr = pulls(f)[0];
    pr.body = 'my own work'; // a person's pull request on that branch name
    const head = f.branch(O, R, BRANCH);
    const r = await run(f, gitRepo(MIGRATED));
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.stdout).toMatch(/was not opened by adobe-jwt-migrate/);
    expect(pulls(f)[0].state).toBe('open');
    expect(f.branch(O, R, BRANCH)).toBe(head);
  });

  it("refuses a team of another organization in 'reviewers'", async () => {
    const { fake: f, workspace } = await setup();
    const r = await run(f, workspace, { reviewers: 'octocat, other-org/platform' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error::input 'reviewers' names the team 'other-org\/platform': teams must be given as ORG\/TEAM with ORG the repository's owner \(acme\)/m);
    expect(f.log).toEqual([]);
  });
});

describe('a good citizen of the GitHub API', () => {
  /** Real back-off (no test knob): the 1 s base, as in a workflow. */
  const realTiming = { ADOBE_JWT_MIGRATE_RETRY_BASE_MS: '' };
  const calls = (f: FakeGitHub, method: string, path: RegExp) => f.log.filter((c) => c.method === method && path.test(c.path));

  it('does not retry answers that will not change (404, 422), and names the call that failed', async () => {
    const { fake: f, workspace } = await setup();
    f.inject({ method: 'POST', path: /\/pulls$/, status: 422, body: { message: 'Validation Failed', errors: [{ message: 'base is invalid' }] } });
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows });
    expect(r.status).toBe(1);
    expect(calls(f, 'POST', /\/pulls$/)).toHaveLength(1);
    // The routine 404s (no branch yet) are asked once each.
    expect(calls(f, 'GET', /\/git\/ref\/heads/).filter((c) => c.status === 404)).toHaveLength(1);
    expect(r.stdout).toMatch(/^::error::Could not update the migration pull request: POST \/repos\/\{owner\}\/\{repo\}\/pulls failed \(422\): Validation Failed: base is invalid/m);
  }, 60_000);

  it('retries a 500 once after about a second, however many requests failed before', async () => {
    const { fake: f, workspace } = await setup();
    f.inject({ method: 'POST', path: /\/git\/trees$/, status: 500 });
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows }, realTiming);
    expect(r.outputs['pull-request-operation'], r.stdout).toBe('created');
    const [failed, retried] = calls(f, 'POST', /\/git\/trees$/);
    expect(failed.status).toBe(500);
    const waited = retried.at - failed.at;
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(5000);
    expect(r.stdout).toMatch(/^::warning::GitHub answered 500 to POST \/repos\/\{owner\}\/\{repo\}\/git\/trees: retrying in \d\.\ds \(retry 1 of 4\)\./m);
  }, 60_000);

  it.each([
    ['429', 429, { message: 'Too many requests' }],
    ['a secondary rate limit', 403, undefined],
  ])('waits the retry-after GitHub asks for on %s', async (_n, status, body) => {
    const { fake: f, workspace } = await setup();
    f.inject({ method: 'POST', path: /\/git\/blobs$/, status, headers: { 'retry-after': '2' }, ...(body ? { body } : {}) });
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows }, realTiming);
    expect(r.outputs['pull-request-operation'], r.stdout).toBe('created');
    const [limited, retried] = calls(f, 'POST', /\/git\/blobs$/);
    expect(limited.status).toBe(status);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1900);
    expect(r.stdout).toMatch(new RegExp(`^::warning::GitHub answered ${status} with retry-after 2s to POST .*: retrying in 2\\.0s`, 'm'));
  }, 60_000);

  it('waits for the reset of an exhausted rate limit', async () => {
    const { fake: f, workspace } = await setup();
    const reset = Math.ceil(Date.now() / 1000) + 2;
    f.inject({ method: 'GET', path: /\/pulls$/, status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
    const r = await run(f, workspace, { token: DEFAULT_TOKENS.workflows }, realTiming);
    expect(r.outputs['pull-request-operation'], r.stdout).toBe('created');
    const [limited, retried] = calls(f, 'GET', /\/pulls$/);
    expect(limited.status).toBe(403);
    expect(retried.at).toBeGreaterThanOrEqual(reset * 1000);
  }, 60_000);
});

describe('the pull request step always says why it ended as it did', () => {
  it('says so when the plan holds no automatic edit, with the number of manual steps', async () => {
    const files = { 'src/main/java/Ims.java': 'class Ims { String u = "https://ims-na1.adobelogin.com/ims/exchange/jwt"; }\n' };
    const { fake: f, workspace } = await setup({}, files);
    const r = await run(f, workspace);
    expect(r.outputs['pull-request-operation']).toBe('skipped');
    expect(r.outputs['pull-request-reason']).toMatch(/^The migration plan holds no automatic edit, only 1 manual step \(listed in the job summary and by `migrate`\): no pull request was opened\.$/);
    expect(r.stdout).toContain(`adobe-jwt-migrate: pull request skipped: ${r.outputs['pull-request-reason']}`);
    expect(r.summary).toContain(`No pull request (skipped): ${r.outputs['pull-request-reason']}`);
    expect(pulls(f)).toEqual([]);
  });

  it('sets a reason for every outcome', async () => {
    const { fake: f, workspace } = await setup();
    const created = await run(f, workspace);
    expect(created.outputs['pull-request-reason']).toMatch(/^Opened the migration pull request \(\d+ files changed, \d+ manual steps listed\)\.$/);
    expect((await run(f, workspace)).outputs['pull-request-reason']).toMatch(/^The migration pull request already holds this plan/);
    expect((await run(f, gitRepo(MIGRATED))).outputs['pull-request-reason']).toMatch(/^Nothing is left to migrate on main: the action's pull request was closed/);
    expect((await run(f, gitRepo({ 'README.md': '# clean\n' }))).outputs['pull-request-reason']).toBe('Nothing to migrate on main: no pull request was opened.');
  });
});
