// The fake GitHub REST API itself: a realistic sequence through @octokit/core, token kinds, the
// workflow refusal, the Actions-cannot-create-PR setting, injected faults; and every recorded
// request and response checked against GitHub's OpenAPI description.
import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers';
import { DEFAULT_TOKENS, GITHUB_ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from './fakes/github.js';
import { checkAgainstOpenApi, loadOpenApi } from './fakes/openapi.js';

const O = 'acme';
const R = 'analytics-sync';
const BRANCH = 'adobe-jwt-migrate/oauth-s2s';
const SEED = {
  'README.md': '# analytics sync\n',
  'src/token.js': "const jwtAuth = require('@adobe/jwt-auth');\nmodule.exports = jwtAuth;\n",
  '.github/workflows/sync.yml': 'on: push\njobs: {}\n',
};

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

beforeAll(() => {
  loadOpenApi(); // the slow part, once per file
});

function client(f: FakeGitHub, token: string = DEFAULT_TOKENS.write) {
  return new Octokit({ auth: token, baseUrl: f.url });
}

async function start(opts: Parameters<typeof startFakeGitHub>[0] = {}) {
  fake = await startFakeGitHub(opts);
  return fake;
}

async function status(p: Promise<unknown>): Promise<{ status: number; message: string; data?: any }> {
  try {
    await p;
    return { status: 0, message: 'ok' };
  } catch (e: any) {
    return { status: e.status, message: e.response?.data?.message ?? e.message, data: e.response?.data };
  }
}

const gitBlobSha = (s: string) => createHash('sha1').update(`blob ${Buffer.byteLength(s)}\0${s}`).digest('hex');

/** blobs + tree + commit on top of `parent`, through the API */
async function apiCommit(gh: Octokit, parent: string, files: Record<string, string | null>, message = 'Migrate to OAuth Server-to-Server') {
  const parentCommit = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: O, repo: R, commit_sha: parent });
  const tree = [];
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: null });
      continue;
    }
    const blob = await gh.request('POST /repos/{owner}/{repo}/git/blobs', { owner: O, repo: R, content: Buffer.from(content).toString('base64'), encoding: 'base64' });
    tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
  }
  const t = await gh.request('POST /repos/{owner}/{repo}/git/trees', { owner: O, repo: R, base_tree: parentCommit.data.tree.sha, tree });
  const c = await gh.request('POST /repos/{owner}/{repo}/git/commits', { owner: O, repo: R, message, tree: t.data.sha, parents: [parent] });
  return c.data;
}

describe('fake GitHub: a realistic pull-request sequence', () => {
  it('seeds, commits through the Git Data API, opens, decorates, updates, closes; every call matches the OpenAPI description', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f);

    const repo = await gh.request('GET /repos/{owner}/{repo}', { owner: O, repo: R });
    expect(repo.data).toMatchObject({ default_branch: 'main', fork: false, full_name: `${O}/${R}`, permissions: { push: true, pull: true } });

    const main = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: O, repo: R, ref: 'heads/main' });
    expect(main.data.object.sha).toBe(seed);

    // content addressing: the blob sha is git's
    const blob = await gh.request('POST /repos/{owner}/{repo}/git/blobs', { owner: O, repo: R, content: 'hello\n', encoding: 'utf-8' });
    expect(blob.data.sha).toBe(gitBlobSha('hello\n'));
    const blobBack = await gh.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: O, repo: R, file_sha: blob.data.sha });
    expect(Buffer.from(blobBack.data.content, 'base64').toString()).toBe('hello\n');

    const tree = await gh.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: O, repo: R, tree_sha: seed, recursive: '1' });
    expect(tree.data.tree.filter((e) => e.type === 'blob').map((e) => e.path).sort()).toEqual(Object.keys(SEED).sort());

    // tree with content entries, a sha entry and a deletion
    const t = await gh.request('POST /repos/{owner}/{repo}/git/trees', {
      owner: O,
      repo: R,
      base_tree: tree.data.sha,
      tree: [
        { path: 'src/token.js', mode: '100644', type: 'blob', content: "module.exports = require('./oauth');\n" },
        { path: 'src/oauth.js', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const c1 = await gh.request('POST /repos/{owner}/{repo}/git/commits', { owner: O, repo: R, message: 'Migrate to OAuth Server-to-Server', tree: t.data.sha, parents: [seed] });
    expect(c1.data.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(c1.data.author).toMatchObject({ name: GITHUB_ACTIONS_BOT.name, email: GITHUB_ACTIONS_BOT.email });
    expect(c1.data.committer.email).toBe(GITHUB_ACTIONS_BOT.email);
    expect(f.treeFiles(c1.data.sha)).toEqual({
      '.github/workflows/sync.yml': SEED['.github/workflows/sync.yml'],
      'src/oauth.js': 'hello\n',
      'src/token.js': "module.exports = require('./oauth');\n",
    });
    // the same tree again gives the same sha
    const again = await gh.request('POST /repos/{owner}/{repo}/git/trees', { owner: O, repo: R, base_tree: t.data.sha, tree: [{ path: 'src/oauth.js', mode: '100644', type: 'blob', content: 'hello\n' }] });
    expect(again.data.sha).toBe(t.data.sha);

    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: c1.data.sha });
    expect(f.branch(O, R, BRANCH)).toBe(c1.data.sha);
    const dup = await status(gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: c1.data.sha }));
    expect(dup).toMatchObject({ status: 422, message: 'Reference already exists' });

    const none = await gh.request('GET /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: `${O}:${BRANCH}`, state: 'open' });
    expect(none.data).toEqual([]);
    const pr = await gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 'Migrate Adobe JWT', body: '<!-- adobe-jwt-migrate -->\nbody', draft: true });
    expect(pr.data).toMatchObject({ number: 1, state: 'open', draft: true, head: { ref: BRANCH, sha: c1.data.sha }, base: { ref: 'main', sha: seed }, user: { login: 'github-actions[bot]' } });
    expect(pr.data.html_url).toBe(`https://github.com/${O}/${R}/pull/1`);
    const exists = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 'again' }));
    expect(exists.status).toBe(422);
    expect(exists.data.errors[0].message).toBe(`A pull request already exists for ${O}:${BRANCH}.`);

    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner: O, repo: R, issue_number: 1, labels: ['security', 'adobe'] });
    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner: O, repo: R, issue_number: 1, labels: ['security'] });
    await gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { owner: O, repo: R, pull_number: 1, reviewers: ['octocat'] });
    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', { owner: O, repo: R, issue_number: 1, assignees: ['octocat', 'hubot'] });
    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: O, repo: R, issue_number: 1, body: 'A person pushed to this branch.' });
    const comments = await gh.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: O, repo: R, issue_number: 1 });
    expect(comments.data.map((c) => c.body)).toEqual(['A person pushed to this branch.']);

    const listed = await gh.request('GET /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: `${O}:${BRANCH}`, state: 'open', base: 'main' });
    expect(listed.data.map((p) => p.number)).toEqual([1]);
    expect(listed.data[0].labels.map((l) => l.name)).toEqual(['security', 'adobe']);
    expect(listed.data[0].requested_reviewers?.map((u) => u.login)).toEqual(['octocat']);
    expect(listed.data[0].assignees?.map((u) => u.login)).toEqual(['octocat', 'hubot']);

    // the base moves; the branch is rebuilt on it and force-updated
    const moved = f.commitAs(O, R, 'main', { 'docs/setup.md': 'setup\n' }, { author: { name: 'Dana Dev', email: 'dana@example.com', login: 'dana' } });
    const behind = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: O, repo: R, basehead: `main...${BRANCH}` });
    expect(behind.data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1 });
    expect(behind.data.commits[0].sha).toBe(c1.data.sha);
    const c2 = await apiCommit(gh, moved, { 'src/token.js': "module.exports = require('./oauth');\n", 'src/oauth.js': 'hello\n', 'README.md': null });
    const ff = await status(gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}`, sha: c2.sha }));
    expect(ff).toMatchObject({ status: 422, message: 'Update is not a fast forward' });
    await gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}`, sha: c2.sha, force: true });
    const after = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: O, repo: R, basehead: `main...${BRANCH}` });
    expect(after.data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0 });
    expect(after.data.files?.map((x) => [x.filename, x.status])).toEqual([
      ['README.md', 'removed'],
      ['src/oauth.js', 'added'],
      ['src/token.js', 'modified'],
    ]);
    const got = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: O, repo: R, pull_number: 1 });
    expect(got.data).toMatchObject({ head: { sha: c2.sha }, base: { sha: moved }, commits: 1, changed_files: 3 });
    const single = await gh.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: O, repo: R, ref: c2.sha });
    expect(single.data.commit.verification?.verified).toBe(true);
    expect(single.data.author?.login).toBe('github-actions[bot]');

    await gh.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner: O, repo: R, pull_number: 1, title: 'Migrate Adobe JWT (2)', body: 'updated' });
    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: O, repo: R, issue_number: 1, body: 'Nothing left to migrate: closing.' });
    const closed = await gh.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner: O, repo: R, pull_number: 1, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', title: 'Migrate Adobe JWT (2)', body: 'updated' });
    expect(closed.data.closed_at).toBeTruthy();
    await gh.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}` });
    const gone = await status(gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}` }));
    expect(gone.status).toBe(404);
    const open = await gh.request('GET /repos/{owner}/{repo}/pulls', { owner: O, repo: R, state: 'open' });
    expect(open.data).toEqual([]);

    // state accessors
    const state = f.repo(O, R);
    expect([...state.refs.keys()]).toEqual(['refs/heads/main']);
    expect(state.pulls).toHaveLength(1);
    expect(state.pulls[0]).toMatchObject({ state: 'closed', labels: ['security', 'adobe'], requested_reviewers: ['octocat'], assignees: ['octocat', 'hubot'] });
    expect(state.comments.map((c) => c.body)).toHaveLength(2);
    expect(f.history(c2.sha)).toEqual([c2.sha, moved, seed]);

    expect(f.log.every((c) => c.status !== null)).toBe(true);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('a person\'s commit is unverified, carries the person\'s identity and shows in compare', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f);
    const c1 = await apiCommit(gh, seed, { 'src/token.js': 'oauth\n' });
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: c1.sha });
    const mine = f.commitAs(O, R, BRANCH, { 'src/token.js': 'oauth, tweaked by hand\n' }, { author: { name: 'Dana Dev', email: 'dana@example.com', login: 'dana' }, message: 'tweak' });
    expect(f.commit(mine)).toMatchObject({ parents: [c1.sha], author: { name: 'Dana Dev' }, verification: { verified: false, reason: 'unsigned' } });
    const cmp = await gh.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: O, repo: R, basehead: `main...${BRANCH}` });
    expect(cmp.data.commits.map((c) => [c.sha, c.author?.login, c.commit.verification?.verified])).toEqual([
      [c1.sha, 'github-actions[bot]', true],
      [mine, 'dana', false],
    ]);
    const list = await gh.request('GET /repos/{owner}/{repo}/commits', { owner: O, repo: R, sha: BRANCH, per_page: 2 });
    expect(list.data.map((c) => c.sha)).toEqual([mine, c1.sha]);
    expect(list.headers.link).toContain('rel="next"');
    await gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' });
    const prCommits = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { owner: O, repo: R, pull_number: 1 });
    expect(prCommits.data.map((c) => c.sha)).toEqual([c1.sha, mine]);
    const refs = await gh.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner: O, repo: R, ref: 'heads/adobe-jwt-migrate/' });
    expect(refs.data.map((x) => x.ref)).toEqual([`refs/heads/${BRANCH}`]);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('serves under a GitHub Enterprise Server prefix', async () => {
    const f = await start({ pathPrefix: '/api/v3', webUrl: 'https://ghe.example.com' });
    f.seedRepo(O, R, SEED);
    expect(f.url).toMatch(/\/api\/v3$/);
    const r = await client(f).request('GET /repos/{owner}/{repo}', { owner: O, repo: R });
    expect(r.data.html_url).toBe(`https://ghe.example.com/${O}/${R}`);
    expect(f.log[0].path).toBe(`/repos/${O}/${R}`);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });
});

describe('fake GitHub: tokens and permissions', () => {
  it('an unknown token gets 401 Bad credentials', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    const r = await status(client(f, 'ghp_nope').request('GET /repos/{owner}/{repo}', { owner: O, repo: R }));
    expect(r.status).toBe(401);
    expect(r.data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('a fork names its parent; anonymous reads see public repositories only, anonymous writes get 401', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    f.seedRepo('contributor', R, SEED, { fork: true, parent: `${O}/${R}` });
    f.seedRepo(O, 'secret', SEED, { private: true });
    const gh = client(f);
    const fork = await gh.request('GET /repos/{owner}/{repo}', { owner: 'contributor', repo: R });
    expect(fork.data).toMatchObject({ fork: true, parent: { full_name: `${O}/${R}` } });
    const anon = new Octokit({ baseUrl: f.url });
    expect((await anon.request('GET /repos/{owner}/{repo}', { owner: O, repo: R })).data.permissions).toBeUndefined();
    expect((await status(anon.request('GET /repos/{owner}/{repo}', { owner: O, repo: 'secret' }))).status).toBe(404);
    expect(await status(anon.request('POST /repos/{owner}/{repo}/git/blobs', { owner: O, repo: R, content: 'x' }))).toMatchObject({ status: 401, message: 'Requires authentication' });
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('Bearer and token schemes both work', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    for (const scheme of ['token', 'Bearer']) {
      const res = await fetch(`${f.url}/repos/${O}/${R}`, { headers: { authorization: `${scheme} ${DEFAULT_TOKENS.write}` } });
      expect(res.status).toBe(200);
    }
  });

  it('a read-only token reads but every write is refused with 403', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f, DEFAULT_TOKENS.read);
    const repo = await gh.request('GET /repos/{owner}/{repo}', { owner: O, repo: R });
    expect(repo.data.permissions).toMatchObject({ push: false, pull: true });
    const writes = [
      gh.request('POST /repos/{owner}/{repo}/git/blobs', { owner: O, repo: R, content: 'x' }),
      gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: 'refs/heads/x', sha: seed }),
      gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: 'main', base: 'main', title: 't' }),
    ];
    for (const w of writes) {
      expect(await status(w)).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    }
    expect(f.repo(O, R).refs.size).toBe(1);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('the Actions token cannot add or change workflow files; a token with workflows can', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f);
    const wf = await apiCommit(gh, seed, { '.github/workflows/sync.yml': 'on: push\njobs: { a: {} }\n', 'src/token.js': 'oauth\n' });
    const refused = await status(gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: wf.sha }));
    expect(refused).toMatchObject({ status: 403, message: 'refusing to allow a GitHub App to create or update workflow `.github/workflows/sync.yml` without `workflows` permission' });
    expect(f.branch(O, R, BRANCH)).toBeUndefined();

    // without the workflow change it goes through, and an update adding a workflow is refused too
    const rest = await apiCommit(gh, seed, { 'src/token.js': 'oauth\n' });
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: rest.sha });
    const added = await apiCommit(gh, rest.sha, { '.github/workflows/new.yml': 'on: push\n' });
    const upd = await status(gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}`, sha: added.sha }));
    expect(upd.status).toBe(403);
    expect(upd.message).toContain('`.github/workflows/new.yml`');
    expect(f.branch(O, R, BRANCH)).toBe(rest.sha);

    const gw = client(f, DEFAULT_TOKENS.workflows);
    await gw.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}`, sha: added.sha });
    expect(f.branch(O, R, BRANCH)).toBe(added.sha);
    expect(f.treeFiles(added.sha)['.github/workflows/new.yml']).toBe('on: push\n');
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('the repository setting forbids Actions from creating pull requests (other tokens may)', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED, { actionsCanCreatePullRequests: false });
    const gh = client(f);
    const c = await apiCommit(gh, seed, { 'src/token.js': 'oauth\n' });
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: c.sha });
    const r = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' }));
    expect(r).toMatchObject({ status: 403, message: 'GitHub Actions is not permitted to create or approve pull requests.' });
    expect(f.repo(O, R).pulls).toEqual([]);
    const ok = await client(f, DEFAULT_TOKENS.workflows).request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' });
    expect(ok.data.user?.login).toBe('release-bot');
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('refuses a PR with no commits, a missing head, an overlong body; reviewers from the author', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f);
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: seed });
    const same = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' }));
    expect(same.data.errors[0].message).toBe(`No commits between main and ${BRANCH}`);
    const missing = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: 'nope', base: 'main', title: 't' }));
    expect(missing.data.errors[0]).toMatchObject({ field: 'head', code: 'invalid' });
    const c = await apiCommit(gh, seed, { 'a.txt': 'a\n' });
    await gh.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: O, repo: R, ref: `heads/${BRANCH}`, sha: c.sha });
    const long = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't', body: 'x'.repeat(65537) }));
    expect(long.status).toBe(422);
    await gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't', body: 'x'.repeat(65536) });
    const self = await status(gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', { owner: O, repo: R, pull_number: 1, reviewers: ['github-actions[bot]'] }));
    expect(self).toMatchObject({ status: 422, message: 'Review cannot be requested from pull request author.' });
    const del = await status(gh.request('POST /repos/{owner}/{repo}/git/trees', { owner: O, repo: R, base_tree: seed, tree: [{ path: 'no/such.txt', mode: '100644', type: 'blob', sha: null }] }));
    expect(del.status).toBe(422);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });
});

describe('fake GitHub: injected faults', () => {
  it.each([500, 502, 503])('answers %i once and applies nothing', async (code) => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const fault = f.inject({ method: 'POST', path: /\/git\/refs$/, status: code });
    const gh = client(f);
    const r = await status(gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: seed }));
    expect(r.status).toBe(code);
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(fault.hits).toBe(1);
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: seed });
    expect(f.branch(O, R, BRANCH)).toBe(seed);
    expect(f.log.map((c) => [c.status, c.injected])).toEqual([
      [code, true],
      [201, false],
    ]);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('secondary rate limit: 403 with retry-after and the message plugin-throttling recognises; 429 likewise', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    f.inject({ path: /^\/repos\/[^/]+\/[^/]+$/, status: 403 });
    f.inject({ path: /^\/repos\/[^/]+\/[^/]+$/, status: 429, after: 1 });
    const gh = client(f);
    const a = await status(gh.request('GET /repos/{owner}/{repo}', { owner: O, repo: R }));
    expect(a.status).toBe(403);
    expect(a.message).toMatch(/secondary rate limit/);
    expect(f.log[0].responseHeaders['retry-after']).toBe('1');
    const b = await status(gh.request('GET /repos/{owner}/{repo}', { owner: O, repo: R }));
    expect(b.status).toBe(429);
    expect(f.log[1].responseHeaders['retry-after']).toBe('1');
    expect(checkAgainstOpenApi(f.log)).toEqual([]);

    // plugin-throttling waits retry-after and succeeds
    const Throttled = Octokit.plugin(throttling);
    let waited = 0;
    const t = new Throttled({
      auth: DEFAULT_TOKENS.write,
      baseUrl: f.url,
      throttle: { onSecondaryRateLimit: (after: number) => ((waited = after), true), onRateLimit: () => false, retryAfterBaseValue: 10 },
    });
    f.inject({ method: 'GET', path: /^\/repos\/[^/]+\/[^/]+$/, status: 403 });
    const ok = await t.request('GET /repos/{owner}/{repo}', { owner: O, repo: R });
    expect(ok.status).toBe(200);
    expect(waited).toBe(1);
  });

  it('custom status, headers and body', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    f.inject({ path: /\/pulls$/, status: 502, headers: { 'x-custom': 'yes' }, body: { message: 'Bad gateway', documentation_url: 'https://docs.github.com/rest' } });
    const r = await fetch(`${f.url}/repos/${O}/${R}/pulls`, { headers: { authorization: `token ${DEFAULT_TOKENS.write}` } });
    expect(r.status).toBe(502);
    expect(r.headers.get('x-custom')).toBe('yes');
    expect(await r.json()).toEqual({ message: 'Bad gateway', documentation_url: 'https://docs.github.com/rest' });
  });

  it('drop: the socket is destroyed unanswered and nothing is applied; plugin-retry recovers', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    f.inject({ method: 'POST', path: /\/git\/refs$/, drop: true });
    const r = await status(client(f).request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: seed }));
    expect(r.status).toBe(500); // octokit's status for a network error
    expect(f.branch(O, R, BRANCH)).toBeUndefined();
    expect(f.log[0]).toMatchObject({ status: null, dropped: true, injected: true });

    const Retrying = Octokit.plugin(retry);
    const gh = new Retrying({ auth: DEFAULT_TOKENS.write, baseUrl: f.url, retry: { retryAfterBaseValue: 1 } });
    f.inject({ method: 'POST', path: /\/git\/refs$/, drop: true });
    f.inject({ method: 'POST', path: /\/git\/refs$/, status: 502, after: 1 });
    const ok = await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: seed });
    expect(ok.status).toBe(201);
    expect(f.log.slice(1).map((c) => c.status)).toEqual([null, 502, 201]);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('applyThenDrop: the write happens although the client sees a network error', async () => {
    const f = await start();
    const seed = f.seedRepo(O, R, SEED);
    const gh = client(f);
    const c = await apiCommit(gh, seed, { 'a.txt': 'a\n' });
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { owner: O, repo: R, ref: `refs/heads/${BRANCH}`, sha: c.sha });
    f.inject({ method: 'POST', path: /\/pulls$/, applyThenDrop: true });
    const r = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' }));
    expect(r.status).toBe(500);
    expect(f.repo(O, R).pulls).toHaveLength(1);
    const last = f.log[f.log.length - 1];
    expect(last).toMatchObject({ status: 201, dropped: true, injected: true });
    // a naive retry then meets "already exists"
    const again = await status(gh.request('POST /repos/{owner}/{repo}/pulls', { owner: O, repo: R, head: BRANCH, base: 'main', title: 't' }));
    expect(again.status).toBe(422);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('delayMs delays the answer; with after/times only the chosen calls', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    const fault = f.inject({ method: 'GET', path: /^\/repos\/[^/]+\/[^/]+$/, delayMs: 300, after: 1, times: 1 });
    const gh = client(f);
    const time = async () => {
      const t0 = Date.now();
      await gh.request('GET /repos/{owner}/{repo}', { owner: O, repo: R });
      return Date.now() - t0;
    };
    expect(await time()).toBeLessThan(250);
    expect(await time()).toBeGreaterThanOrEqual(290);
    expect(await time()).toBeLessThan(250);
    expect(fault).toMatchObject({ seen: 3, hits: 1 });
  });
});

/** seal a value for a base64 public key, as GitHub's docs show with libsodium-wrappers */
async function seal(value: string, key: string): Promise<string> {
  await sodium.ready;
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), sodium.from_base64(key, sodium.base64_variants.ORIGINAL));
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

describe('fake GitHub: Actions secrets and variables', () => {
  it('sealed-box round trip: public key, PUT 201 then 204, metadata without the value, list, delete', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    const gh = client(f, DEFAULT_TOKENS.secrets);
    const key = await gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: O, repo: R });
    expect(key.data).toEqual(f.publicKey(O, R));
    expect(key.data.key_id).toMatch(/^\d+$/);
    expect(Buffer.from(key.data.key, 'base64')).toHaveLength(32);

    const put = async (name: string, value: string) =>
      gh.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: name, encrypted_value: await seal(value, key.data.key), key_id: key.data.key_id });
    const created = await put('adobe_client_secret', 'p8e-first');
    expect(created.status).toBe(201);
    expect(created.data).toEqual({});
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_SECRET')).toBe('p8e-first');
    expect(f.secretValue(O, R, 'adobe_client_secret')).toBe('p8e-first');
    const updated = await put('ADOBE_CLIENT_SECRET', 'p8e-second ✓');
    expect(updated.status).toBe(204);
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_SECRET')).toBe('p8e-second ✓');
    await put('ADOBE_CLIENT_ID', 'abc');

    const meta = await gh.request('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'ADOBE_CLIENT_SECRET' });
    expect(Object.keys(meta.data).sort()).toEqual(['created_at', 'name', 'updated_at']);
    expect(meta.data.name).toBe('ADOBE_CLIENT_SECRET');
    expect(JSON.stringify(f.log.map((c) => c.responseBody))).not.toContain('p8e-');
    const list = await gh.request('GET /repos/{owner}/{repo}/actions/secrets', { owner: O, repo: R, per_page: 1 });
    expect(list.data.total_count).toBe(2);
    expect(list.data.secrets.map((x) => x.name)).toEqual(['ADOBE_CLIENT_ID']);
    expect(list.headers.link).toContain('rel="next"');
    expect(f.secretNames(O, R)).toEqual(['ADOBE_CLIENT_ID', 'ADOBE_CLIENT_SECRET']);

    expect((await gh.request('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'ADOBE_CLIENT_ID' })).status).toBe(204);
    expect(await status(gh.request('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'ADOBE_CLIENT_ID' }))).toMatchObject({ status: 404 });
    expect(await status(gh.request('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'ADOBE_CLIENT_ID' }))).toMatchObject({ status: 404 });
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_ID')).toBeUndefined();
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('refuses a wrong key_id, a value that does not decrypt, a missing key_id, non-base64 and bad names', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    const gh = client(f, DEFAULT_TOKENS.secrets);
    const { key, key_id } = f.publicKey(O, R);
    const put = (secret_name: string, body: Record<string, string>) =>
      status(gh.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name, ...(body as { encrypted_value: string; key_id: string }) }));
    const bad = { status: 422, message: 'Bad request - validation failed due to an improperly encrypted secret' };
    expect(await put('S', { encrypted_value: await seal('x', key), key_id: `${key_id}1` })).toMatchObject(bad);
    // sealed for another key (a fresh key pair) under the right key_id
    await sodium.ready;
    const other = sodium.to_base64(sodium.crypto_box_keypair().publicKey, sodium.base64_variants.ORIGINAL);
    expect(await put('S', { encrypted_value: await seal('x', other), key_id })).toMatchObject(bad);
    expect(await put('S', { encrypted_value: Buffer.from('not sealed at all').toString('base64'), key_id })).toMatchObject(bad);
    expect(await put('S', { encrypted_value: await seal('x', key) })).toMatchObject({ status: 422, message: 'Invalid request.\n\n"key_id" wasn\'t supplied.' });
    expect((await put('S', { encrypted_value: 'not-base64!', key_id })).message).toMatch(/does not match/);
    expect((await put('1ST', { encrypted_value: await seal('x', key), key_id })).status).toBe(422);
    expect((await put('GITHUB_X', { encrypted_value: await seal('x', key), key_id })).status).toBe(422);
    expect(f.secretNames(O, R)).toEqual([]);

    // after a key rotation a value sealed for the old key is refused
    const sealedOld = await seal('x', key);
    const rotated = f.rotateKey(O, R);
    expect(rotated.key_id).not.toBe(key_id);
    expect(await put('S', { encrypted_value: sealedOld, key_id })).toMatchObject(bad);
    expect(await put('S', { encrypted_value: await seal('y', rotated.key), key_id: rotated.key_id })).toMatchObject({ status: 0 });
    expect(f.secretValue(O, R, 'S')).toBe('y');
    // the checker flags the two requests that break the request schema on purpose, and nothing else
    const problems = checkAgainstOpenApi(f.log);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/-> 422: request body: .*key_id/);
    expect(problems[1]).toMatch(/-> 422: request body: \/encrypted_value must match pattern/);
  });

  it('permissions: the GITHUB_TOKEN and a read-only token get 403; secrets read may read but not write; anonymous 401', async () => {
    const f = await start({
      tokens: {
        [DEFAULT_TOKENS.write]: { access: 'write' },
        [DEFAULT_TOKENS.read]: { access: 'read' },
        [DEFAULT_TOKENS.workflows]: { access: 'workflows' },
        // a fine-grained PAT and a GitHub App installation token with secrets read only
        github_pat_secretsRead: { access: 'read', actions: false, secrets: 'read', variables: 'read' },
        ghs_appSecretsRead: { access: 'read', secrets: 'read' },
      },
    });
    f.seedRepo(O, R, SEED);
    const { key, key_id } = f.publicKey(O, R);
    const encrypted_value = await seal('v', key);
    const attempts = (gh: Octokit) => ({
      key: status(gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: O, repo: R })),
      list: status(gh.request('GET /repos/{owner}/{repo}/actions/secrets', { owner: O, repo: R })),
      put: status(gh.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'S', encrypted_value, key_id })),
      del: status(gh.request('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { owner: O, repo: R, secret_name: 'S' })),
      vars: status(gh.request('GET /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R })),
      newVar: status(gh.request('POST /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, name: 'V', value: 'v' })),
    });
    const integration = { status: 403, message: 'Resource not accessible by integration' };
    const pat = { status: 403, message: 'Resource not accessible by personal access token' };
    for (const token of [DEFAULT_TOKENS.write, DEFAULT_TOKENS.read]) {
      const a = attempts(client(f, token));
      for (const r of await Promise.all(Object.values(a))) expect(r).toMatchObject(integration);
    }
    const classic = attempts(client(f, DEFAULT_TOKENS.workflows));
    for (const r of await Promise.all(Object.values(classic))) expect(r).toMatchObject(pat);
    const reader = attempts(client(f, 'github_pat_secretsRead'));
    expect(await reader.key).toMatchObject({ status: 0 });
    expect(await reader.list).toMatchObject({ status: 0 });
    expect(await reader.vars).toMatchObject({ status: 0 });
    expect(await reader.put).toMatchObject(pat);
    expect(await reader.del).toMatchObject(pat);
    expect(await reader.newVar).toMatchObject(pat);
    const app = attempts(client(f, 'ghs_appSecretsRead'));
    expect(await app.key).toMatchObject({ status: 0 });
    expect(await app.put).toMatchObject(integration);
    expect(await app.vars).toMatchObject(integration);
    await Promise.all(Object.values(app));
    const anon = new Octokit({ baseUrl: f.url });
    expect(await status(anon.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: O, repo: R }))).toMatchObject({ status: 401, message: 'Requires authentication' });
    expect(f.secretNames(O, R)).toEqual([]);
    expect(f.variableNames(O, R)).toEqual([]);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('the default tokens: GITHUB_TOKEN refused, the secrets PAT allowed', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    const r = await status(client(f).request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: O, repo: R }));
    expect(r).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    const ok = await client(f, DEFAULT_TOKENS.secrets).request('POST /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, name: 'X', value: '1' });
    expect(ok.status).toBe(201);
    // contents read only: no repository writes
    const blob = await status(client(f, DEFAULT_TOKENS.secrets).request('POST /repos/{owner}/{repo}/git/blobs', { owner: O, repo: R, content: 'x' }));
    expect(blob.status).toBe(403);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('variables: create 201, conflict 409 (a pre-seeded value is kept), update 204, rename, list with pages, delete', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED);
    f.setVariable(O, R, 'ADOBE_ORG_ID', 'seeded@AdobeOrg');
    const gh = client(f, DEFAULT_TOKENS.secrets);
    const c = await gh.request('POST /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, name: 'adobe_client_id', value: 'abc' });
    expect(c.status).toBe(201);
    expect(c.data).toEqual({});
    expect(f.variable(O, R, 'ADOBE_CLIENT_ID')).toBe('abc');
    const dup = await status(gh.request('POST /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, name: 'ADOBE_ORG_ID', value: 'other' }));
    expect(dup).toMatchObject({ status: 409, message: 'Already exists - Variable already exists' });
    expect(f.variable(O, R, 'ADOBE_ORG_ID')).toBe('seeded@AdobeOrg');

    const got = await gh.request('GET /repos/{owner}/{repo}/actions/variables/{name}', { owner: O, repo: R, name: 'ADOBE_CLIENT_ID' });
    expect(got.data).toMatchObject({ name: 'ADOBE_CLIENT_ID', value: 'abc' });
    const u = await gh.request('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { owner: O, repo: R, name: 'ADOBE_CLIENT_ID', value: 'def' });
    expect(u.status).toBe(204);
    expect(f.variable(O, R, 'ADOBE_CLIENT_ID')).toBe('def');
    expect(await status(gh.request('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { owner: O, repo: R, name: 'NOPE', value: 'x' }))).toMatchObject({ status: 404 });

    for (let i = 0; i < 11; i++) f.setVariable(O, R, `V_${String(i).padStart(2, '0')}`, String(i));
    const first = await gh.request('GET /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R });
    expect(first.data.total_count).toBe(13);
    expect(first.data.variables).toHaveLength(10); // GitHub's default page size for variables
    expect(first.headers.link).toContain('rel="next"');
    const all = await gh.request('GET /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, per_page: 30 });
    expect(all.data.variables.map((v) => v.name).slice(0, 2)).toEqual(['ADOBE_CLIENT_ID', 'ADOBE_ORG_ID']);

    expect((await gh.request('DELETE /repos/{owner}/{repo}/actions/variables/{name}', { owner: O, repo: R, name: 'adobe_client_id' })).status).toBe(204);
    expect(f.variable(O, R, 'ADOBE_CLIENT_ID')).toBeUndefined();
    expect(await status(gh.request('GET /repos/{owner}/{repo}/actions/variables/{name}', { owner: O, repo: R, name: 'ADOBE_CLIENT_ID' }))).toMatchObject({ status: 404 });
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });

  it('environments: own key pair, secrets and variables separate from the repository; unknown environment 404', async () => {
    const f = await start();
    f.seedRepo(O, R, SEED, { environments: ['production'] });
    f.createEnvironment(O, R, 'staging');
    expect(f.environment(O, R, 'Production')?.name).toBe('production');
    const gh = client(f, DEFAULT_TOKENS.secrets);

    const envs = await gh.request('GET /repos/{owner}/{repo}/environments', { owner: O, repo: R });
    expect(envs.data.environments?.map((e) => e.name)).toEqual(['production', 'staging']);
    const one = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { owner: O, repo: R, environment_name: 'production' });
    expect(one.data.name).toBe('production');

    const repoKey = f.publicKey(O, R);
    const envKey = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', { owner: O, repo: R, environment_name: 'production' });
    expect(envKey.data).toEqual(f.publicKey(O, R, 'production'));
    expect(envKey.data.key_id).not.toBe(repoKey.key_id);
    expect(envKey.data.key).not.toBe(repoKey.key);
    expect(f.publicKey(O, R, 'staging').key).not.toBe(envKey.data.key);

    const putEnv = async (environment_name: string, name: string, value: string, k = envKey.data) =>
      gh.request('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
        owner: O,
        repo: R,
        environment_name,
        secret_name: name,
        encrypted_value: await seal(value, k.key),
        key_id: k.key_id,
      });
    expect((await putEnv('production', 'ADOBE_CLIENT_SECRET', 'prod-secret')).status).toBe(201);
    expect((await putEnv('production', 'ADOBE_CLIENT_SECRET', 'prod-secret-2')).status).toBe(204);
    // sealed with the repository's key: refused for the environment
    expect(await status(putEnv('production', 'OTHER', 'x', repoKey))).toMatchObject({ status: 422 });
    f.setSecret(O, R, 'ADOBE_CLIENT_SECRET', 'repo-secret');
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_SECRET', 'production')).toBe('prod-secret-2');
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_SECRET')).toBe('repo-secret');
    expect(f.secretValue(O, R, 'ADOBE_CLIENT_SECRET', 'staging')).toBeUndefined();
    const envList = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { owner: O, repo: R, environment_name: 'production' });
    expect(envList.data).toMatchObject({ total_count: 1, secrets: [{ name: 'ADOBE_CLIENT_SECRET' }] });
    const envMeta = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { owner: O, repo: R, environment_name: 'production', secret_name: 'ADOBE_CLIENT_SECRET' });
    expect(envMeta.data.name).toBe('ADOBE_CLIENT_SECRET');

    await gh.request('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { owner: O, repo: R, environment_name: 'production', name: 'ADOBE_ORG_ID', value: 'prod@AdobeOrg' });
    await gh.request('POST /repos/{owner}/{repo}/actions/variables', { owner: O, repo: R, name: 'ADOBE_ORG_ID', value: 'repo@AdobeOrg' });
    expect(await status(gh.request('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { owner: O, repo: R, environment_name: 'production', name: 'ADOBE_ORG_ID', value: 'x' }))).toMatchObject({ status: 409 });
    await gh.request('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { owner: O, repo: R, environment_name: 'production', name: 'ADOBE_ORG_ID', value: 'prod2@AdobeOrg' });
    expect(f.variable(O, R, 'ADOBE_ORG_ID', 'production')).toBe('prod2@AdobeOrg');
    expect(f.variable(O, R, 'ADOBE_ORG_ID')).toBe('repo@AdobeOrg');
    const envVar = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { owner: O, repo: R, environment_name: 'production', name: 'ADOBE_ORG_ID' });
    expect(envVar.data.value).toBe('prod2@AdobeOrg');
    const envVars = await gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', { owner: O, repo: R, environment_name: 'production' });
    expect(envVars.data.variables.map((v) => v.value)).toEqual(['prod2@AdobeOrg']);
    await gh.request('DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { owner: O, repo: R, environment_name: 'production', name: 'ADOBE_ORG_ID' });
    await gh.request('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', { owner: O, repo: R, environment_name: 'production', secret_name: 'ADOBE_CLIENT_SECRET' });
    expect(f.variableNames(O, R, 'production')).toEqual([]);
    expect(f.secretNames(O, R, 'production')).toEqual([]);
    expect(f.secretNames(O, R)).toEqual(['ADOBE_CLIENT_SECRET']);

    // an unknown environment
    const missing: Promise<unknown>[] = [
      gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { owner: O, repo: R, environment_name: 'qa' }),
      gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', { owner: O, repo: R, environment_name: 'qa' }),
      putEnv('qa', 'S', 'x'),
      gh.request('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', { owner: O, repo: R, environment_name: 'qa' }),
      gh.request('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { owner: O, repo: R, environment_name: 'qa', name: 'V', value: 'v' }),
    ];
    for (const m of await Promise.all(missing.map(status))) expect(m).toMatchObject({ status: 404, message: 'Not Found' });
    expect(() => f.secretValue(O, R, 'S', 'qa')).toThrow(/no environment qa/);
    expect(checkAgainstOpenApi(f.log)).toEqual([]);
  });
});

describe('OpenAPI check', () => {
  it('reports unknown operations, bad request bodies, bad responses and undocumented success statuses', () => {
    const problems = checkAgainstOpenApi([
      { method: 'GET', path: '/repos/o/r/nonsense/1', status: 200, responseBody: {} },
      { method: 'POST', path: '/repos/o/r/git/refs', body: { ref: 'refs/heads/x' }, status: 201, responseBody: { ref: 'refs/heads/x' } },
      { method: 'GET', path: '/repos/o/r/pulls', query: { state: 'opened' }, status: 200, responseBody: [] },
      { method: 'DELETE', path: '/repos/o/r/git/refs/heads/x', status: 200, responseBody: {} },
      { method: 'DELETE', path: '/repos/o/r/git/refs/heads/x', status: 204, responseBody: { x: 1 } },
      { method: 'GET', path: '/repos/o/r/git/ref/heads/x', status: 404, responseBody: 'not json' },
    ]);
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/no operation GET/);
    expect(problems[1]).toMatch(/request body: .*sha/);
    expect(problems[2]).toMatch(/response body: .*node_id/);
    expect(problems[3]).toMatch(/query parameter state/);
    expect(problems[4]).toMatch(/status 200 is not documented/);
    expect(problems[5]).toMatch(/204 response has no body/);
    expect(problems[6]).toMatch(/404: response body/);
    // pull-request schema: a missing required field is caught
    const missing = checkAgainstOpenApi([{ method: 'GET', path: '/repos/o/r/pulls/1', status: 200, responseBody: { number: 1 } }]);
    expect(missing[0]).toMatch(/must have required property/);
  });
});
