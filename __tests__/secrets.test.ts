// The built action finishing the swap (issue: set the new secrets and variables, track the
// migration to its last Console step): against the fake GitHub (secrets and variables endpoints,
// which decrypt what they receive, so the sealed box is proven right) and the fake Adobe IMS and
// Developer Console. Each `migration-status` value is reached, and no secret value leaves.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAdobe, IO_MANAGEMENT_SCOPES, startFakeAdobe } from './fakes/adobe.js';
import { DEFAULT_TOKENS, type FakeGitHub, startFakeGitHub } from './fakes/github.js';
import { checkAgainstOpenApi } from './fakes/openapi.js';
import { type ActionRun, gitRepo, runActionAsync, tempDir } from './helpers/run.js';

let adobe: FakeAdobe | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  await adobe?.close();
  await github?.close();
  adobe = undefined;
  github = undefined;
});

const READER_SECRET = 'p8e-ConsoleReaderSecret00000000';
const APP_SECRET = 'p8e-AppOAuthSecretValue1234567';
const APP_EMAIL = '0f1e2d3c4b5a69788796a5b4@techacct.adobe.com';
const APP_SCOPES = ['openid', 'AdobeID', 'read_organizations', 'additional_info.projectedProductContext'];
const ENV = { ADOBE_JWT_MIGRATE_RETRY_BASE_MS: '5', ADOBE_JWT_MIGRATE_WRITE_SPACING_MS: '0', ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS: '1500' };

/** One project: the Console reader, the JWT credential in use, and its OAuth successor. */
async function start() {
  adobe = await startFakeAdobe();
  const org = adobe.addOrg({ id: '61234', code: 'ABCDEF0123456789ABCDEF01@AdobeOrg', name: 'Acme' });
  const project = adobe.addProject(org.id, { id: '4566206088344790001', name: 'Sync', title: 'Sync' });
  const workspace = adobe.addWorkspace(project.id, { id: '4566206088344790002', name: 'Production' });
  const reader = adobe.addOAuthCredential(workspace.id, { name: 'Console reader', clientId: 'c0ffee00c0ffee00c0ffee00c0ffee00', clientSecrets: [READER_SECRET] });
  const jwt = adobe.addJwtCredential(workspace.id, { name: 'Sync_JWT', clientId: 'abcabcabcabcabcabcabcabcabcabc12', metascopes: ['ent_analytics_bulk_ingest_sdk'] });
  const app = adobe.addOAuthCredential(workspace.id, {
    name: 'Sync_OAuth',
    clientId: 'def0def0def0def0def0def0def0de34',
    clientSecrets: [APP_SECRET],
    technicalAccountEmail: APP_EMAIL,
    scopes: APP_SCOPES,
  });
  const aio = JSON.stringify({ project: { id: project.id, name: 'Sync', org: { id: org.id }, workspace: { id: workspace.id, name: 'Production' } } }, null, 2);
  return { fake: adobe, org, reader, jwt, app, aio };
}

type Seed = Awaited<ReturnType<typeof start>>;

/** The repository in its JWT shape: code, a sync workflow, and a deploy job with an environment. */
function jwtFiles(s: Seed): Record<string, string> {
  return {
    '.aio': s.aio,
    'src/sync.js': `const auth = require('@adobe/jwt-auth');

module.exports = () =>
  auth({
    clientId: process.env.ADOBE_CLIENT_ID || '${s.app.clientId}',
    clientSecret: process.env.ADOBE_CLIENT_SECRET,
    technicalAccountId: process.env.ADOBE_TECHNICAL_ACCOUNT_ID,
    orgId: process.env.ADOBE_ORG_ID,
    privateKey: process.env.ADOBE_PRIVATE_KEY,
    metaScopes: ['ent_analytics_bulk_ingest_sdk'],
  });
`,
    '.github/workflows/sync.yml': `name: Sync
on: [push]
jobs:
  sync:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: node src/sync.js
        env:
          ADOBE_CLIENT_ID: \${{ vars.ADOBE_CLIENT_ID }}
          ADOBE_TECHNICAL_ACCOUNT_ID: \${{ secrets.ADOBE_TECHNICAL_ACCOUNT_ID }}
          ADOBE_PRIVATE_KEY: \${{ secrets.ADOBE_PRIVATE_KEY }}
          ADOBE_METASCOPES: \${{ secrets.ADOBE_METASCOPES }}
`,
    '.github/workflows/deploy.yml': `name: Deploy
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v5
      - uses: adobe/aio-apps-action@3.3.0
        with:
          os: ubuntu-latest
          command: auth
          CLIENTID: \${{ secrets.CLIENTID }}
          CLIENTSECRET: \${{ secrets.CLIENTSECRET }}
          TECHNICALACCOUNTID: \${{ secrets.TECHNICALACCID }}
          IMSORGID: \${{ secrets.IMSORGID }}
          KEY: \${{ secrets.KEY }}
`,
  };
}

function consoleInputs(s: Seed, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'fail-on': 'never',
    'adobe-client-id': s.reader.clientId,
    'adobe-client-secret': READER_SECRET,
    'adobe-scopes': IO_MANAGEMENT_SCOPES.join(','),
    'adobe-org-id': s.org.code,
    'adobe-ims-url': s.fake.url,
    'adobe-console-url': s.fake.url,
    'adobe-platform-url': s.fake.url,
    ...extra,
  };
}

/** A push to main, the default branch, as the runner describes it. */
function onMain(): Record<string, string> {
  const event = join(tempDir('ajm-event-'), 'event.json');
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main', full_name: 'acme/sync' } }));
  return { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' };
}

function env(gh: FakeGitHub, extra: Record<string, string> = {}): Record<string, string> {
  return { ...ENV, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/sync', ...extra };
}

/** Everything the run printed or wrote, but the mask registrations themselves. */
function everything(run: ActionRun, gh?: FakeGitHub): string {
  const pr = gh?.repo('acme', 'sync').pulls.map((p) => `${p.title}\n${p.body}`).join('\n') ?? '';
  const files = [run.outputs.report, run.outputs.sarif].filter(Boolean).map((f) => readFileSync(f, 'utf8'));
  return [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, run.summary, JSON.stringify(run.outputs), pr, ...files].join('\n');
}

/** The repository as the migration pull request leaves it (its branch's files). */
function mergedFiles(gh: FakeGitHub): Record<string, string> {
  return gh.treeFiles(gh.branch('acme', 'sync', 'adobe-jwt-migrate/oauth-s2s')!);
}

describe('secrets, variables and migration status', () => {
  it('sets the new secret and variables from the Console, in the environment of the job that reads them', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    const inputs = consoleInputs(s, { 'create-pr': 'true', token: DEFAULT_TOKENS.workflows, 'update-secrets': 'true', 'secrets-token': DEFAULT_TOKENS.secrets });
    const run = await runActionAsync(gitRepo(files), inputs, env(github));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation'], run.stdout).toBe('created');
    expect(run.outputs['migration-status']).toBe('awaiting-merge');

    // The fake decrypted the sealed box with its private key: the value is the Console's.
    expect(github.secretValue('acme', 'sync', 'ADOBE_CLIENT_SECRET')).toBe(APP_SECRET);
    expect(github.variable('acme', 'sync', 'ADOBE_SCOPES')).toBe(APP_SCOPES.join(','));
    expect(github.variable('acme', 'sync', 'TECHNICALACCEMAIL', 'production'), run.summary).toBe(APP_EMAIL);
    expect(github.variable('acme', 'sync', 'TECHNICALACCEMAIL')).toBeUndefined();
    expect(github.secretNames('acme', 'sync', 'production')).toEqual([]);
    expect(run.outputs['secrets-set'].split(',').sort()).toEqual(['ADOBE_CLIENT_SECRET', 'ADOBE_SCOPES', 'TECHNICALACCEMAIL']);

    // The pull request's workflows read what was set.
    const merged = mergedFiles(github);
    expect(merged['.github/workflows/sync.yml']).toContain('ADOBE_CLIENT_SECRET: ${{ secrets.ADOBE_CLIENT_SECRET }}');
    expect(merged['.github/workflows/sync.yml']).toContain('ADOBE_SCOPES: ${{ vars.ADOBE_SCOPES }}');
    expect(merged['.github/workflows/deploy.yml']).toContain('TECHNICALACCOUNTEMAIL: ${{ vars.TECHNICALACCEMAIL }}');
    const body = github.repo('acme', 'sync').pulls[0].body ?? '';
    expect(body).toContain('The action sets these from the Adobe Developer Console');
    expect(run.summary).toContain('### Migration status');
    expect(run.summary).toContain('- [x] OAuth secrets and variables set');

    // Masked before any request, and in no output.
    expect(run.stdout).toContain(`::add-mask::${APP_SECRET}`);
    expect(everything(run, github)).not.toContain(APP_SECRET);
    expect(everything(run, github)).not.toContain(READER_SECRET);
    expect(checkAgainstOpenApi(github.log)).toEqual([]);

    // A rerun changes nothing: the secret exists (kept), the variables hold the same values.
    const writes = () => github!.log.filter((c) => c.method !== 'GET' && /\/(secrets|variables)\b/.test(c.path)).length;
    const before = writes();
    const again = await runActionAsync(gitRepo(files), inputs, env(github));
    expect(again.status, again.stdout).toBe(0);
    expect(writes()).toBe(before);
    expect(again.outputs['secrets-set']).toBe('');
    expect(again.summary).toMatch(/secret `ADOBE_CLIENT_SECRET`: kept/);
    expect(again.summary).toMatch(/variable `ADOBE_SCOPES`: unchanged/);
  });

  it('keeps an existing secret unless overwrite-secrets is true', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    github.setSecret('acme', 'sync', 'ADOBE_CLIENT_SECRET', 'a value a person set');
    github.setVariable('acme', 'sync', 'ADOBE_SCOPES', 'openid');
    const inputs = consoleInputs(s, { 'update-secrets': 'true', 'secrets-token': DEFAULT_TOKENS.secrets });
    const kept = await runActionAsync(gitRepo(files), inputs, env(github));
    expect(kept.status, kept.stdout).toBe(0);
    expect(github.secretValue('acme', 'sync', 'ADOBE_CLIENT_SECRET')).toBe('a value a person set');
    expect(github.variable('acme', 'sync', 'ADOBE_SCOPES')).toBe('openid');
    expect(kept.summary).toContain('set overwrite-secrets: true to replace it');

    const replaced = await runActionAsync(gitRepo(files), { ...inputs, 'overwrite-secrets': 'true' }, env(github));
    expect(replaced.status, replaced.stdout).toBe(0);
    expect(github.secretValue('acme', 'sync', 'ADOBE_CLIENT_SECRET')).toBe(APP_SECRET);
    expect(github.variable('acme', 'sync', 'ADOBE_SCOPES')).toBe(APP_SCOPES.join(','));
    expect(everything(replaced)).not.toContain(APP_SECRET);
  });

  it('warns with the permission when the token cannot write secrets, and everything else still runs', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    const inputs = consoleInputs(s, { 'create-pr': 'true', token: DEFAULT_TOKENS.workflows, 'update-secrets': 'true', 'secrets-token': DEFAULT_TOKENS.write });
    const run = await runActionAsync(gitRepo(files), inputs, env(github));
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^::warning::The secrets-token could not write secrets of acme\/sync \(403\): give it "Secrets: write"/m);
    expect(run.stdout).toMatch(/^::warning::The secrets-token could not write variables of acme\/sync \(403\): give it "Variables: write"/m);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(github.secretNames('acme', 'sync')).toEqual([]);
    // The summary gives the commands to do it by hand: names only for secrets.
    expect(run.summary).toContain("gh secret set ADOBE_CLIENT_SECRET --repo acme/sync");
    expect(run.summary).toContain(`gh variable set TECHNICALACCEMAIL --body ${APP_EMAIL} --repo acme/sync --env production`);
    expect(everything(run, github)).not.toContain(APP_SECRET);
  });

  it('names the Environments permission when only the environment is out of reach', async () => {
    const s = await start();
    const token = 'github_pat_fakeNoEnvironments';
    github = await startFakeGitHub({ tokens: { [token]: { access: 'read', actions: false, secrets: 'write', variables: 'write' } } });
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    const run = await runActionAsync(gitRepo(files), consoleInputs(s, { 'update-secrets': 'true', 'secrets-token': token }), env(github));
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^::warning::The secrets-token could not write variables of environment production \(403\): give it "Environments: write"/m);
    expect(github.variable('acme', 'sync', 'ADOBE_SCOPES')).toBe(APP_SCOPES.join(','));
    expect(github.secretValue('acme', 'sync', 'ADOBE_CLIENT_SECRET')).toBe(APP_SECRET);
    expect(run.summary).toContain(`gh variable set TECHNICALACCEMAIL --body ${APP_EMAIL} --repo acme/sync --env production`);
  });

  it('prints an environment name from the workflows escaped', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    files['.github/workflows/deploy.yml'] = files['.github/workflows/deploy.yml'].replace('environment: production', 'environment: "prod\\n::error::pwned ##[group]x"');
    github.seedRepo('acme', 'sync', files, { branch: 'main' });
    const run = await runActionAsync(gitRepo(files), consoleInputs(s, { 'update-secrets': 'true', 'secrets-token': DEFAULT_TOKENS.secrets }), env(github));
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain('environment prod');
    expect(run.stdout).not.toMatch(/^::error::pwned/m);
    expect(run.stdout).not.toContain('##[group]x');
  });

  it('without update-secrets the pull request gives the gh commands, names only', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    const run = await runActionAsync(gitRepo(files), consoleInputs(s, { 'create-pr': 'true', token: DEFAULT_TOKENS.workflows }), env(github));
    expect(run.status, run.stdout).toBe(0);
    const body = github.repo('acme', 'sync').pulls[0].body ?? '';
    expect(body).toContain("gh secret set ADOBE_CLIENT_SECRET --repo acme/sync  # value: client secret");
    expect(body).toContain(`gh variable set ADOBE_SCOPES --body ${APP_SCOPES.join(',')} --repo acme/sync`);
    expect(body).toContain('--env production');
    expect(github.log.some((c) => /\/actions\/(secrets|variables)/.test(c.path))).toBe(false);
    expect(everything(run, github)).not.toContain(APP_SECRET);
    expect(run.summary).toContain('- [ ] (unknown) OAuth secrets and variables set');
  });

  it('deletes only JWT-only secrets that no workflow on the default branch reads', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });
    await runActionAsync(gitRepo(files), consoleInputs(s, { 'create-pr': 'true', token: DEFAULT_TOKENS.workflows }), env(github));
    const merged = mergedFiles(github);
    // After the merge: a JWT-only secret one workflow still reads, and one nothing reads.
    merged['.github/workflows/keep.yml'] = 'on: [push]\njobs:\n  k:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$P" | wc -c\n        env:\n          P: ${{ secrets.LEGACY_PRIVATE_KEY }}\n';
    for (const name of ['ADOBE_PRIVATE_KEY', 'LEGACY_PRIVATE_KEY', 'ADOBE_METASCOPES', 'ADOBE_TECHNICAL_ACCOUNT_ID']) github.setSecret('acme', 'sync', name, `old ${name}`);
    github.setSecret('acme', 'sync', 'KEY', 'old key', 'production');
    const inputs = consoleInputs(s, { 'update-secrets': 'true', 'secrets-token': DEFAULT_TOKENS.secrets, 'delete-unused-secrets': 'true' });

    const offMain = await runActionAsync(gitRepo(merged), inputs, env(github));
    expect(offMain.stdout).toContain('delete-unused-secrets: not on the default branch');
    expect(github.secretNames('acme', 'sync')).toContain('ADOBE_PRIVATE_KEY');

    const run = await runActionAsync(gitRepo(merged), inputs, env(github, onMain()));
    expect(run.status, run.stdout).toBe(0);
    // Nothing but JWT-only names goes; one a workflow still reads stays.
    expect(github.secretNames('acme', 'sync').sort()).toEqual(['ADOBE_TECHNICAL_ACCOUNT_ID', 'LEGACY_PRIVATE_KEY']);
    expect(github.secretNames('acme', 'sync', 'production')).toEqual([]);
    expect(run.summary).toContain('secret `ADOBE_PRIVATE_KEY`: deleted');
    // A workflow still reads a private key: the JWT credential is not ready to go.
    expect(run.outputs['migration-status']).toBe('awaiting-console');
    expect(checkAgainstOpenApi(github.log)).toEqual([]);
  });

  it('reaches each migration status, from jwt-in-code to done', async () => {
    const s = await start();
    github = await startFakeGitHub();
    const files = jwtFiles(s);
    github.seedRepo('acme', 'sync', files, { branch: 'main', environments: ['production'] });

    const inCode = await runActionAsync(gitRepo(files), consoleInputs(s), env(github));
    expect(inCode.outputs['migration-status']).toBe('jwt-in-code');

    const merging = await runActionAsync(gitRepo(files), consoleInputs(s, { 'create-pr': 'true', token: DEFAULT_TOKENS.workflows }), env(github));
    expect(merging.outputs['migration-status']).toBe('awaiting-merge');
    expect(merging.summary).toContain('- [ ] Migration pull request merged: open: ');

    const merged = mergedFiles(github);
    merged['src/sync.js'] = merged['src/sync.js'].replace('REPLACE_WITH_SCOPES_FROM_DEVELOPER_CONSOLE', APP_SCOPES.join(','));
    const clean = gitRepo(merged);

    const noConsole = await runActionAsync(clean, { 'fail-on': 'never' }, env(github, onMain()));
    expect(noConsole.outputs['migration-status']).toBe('code-clean');
    expect(noConsole.summary).toContain('cannot be known without Console access');

    // The OAuth credential the code will use is refused a token: the JWT one must stay.
    const verify = { 'verify-client-id': s.app.clientId, 'verify-client-secret': APP_SECRET, 'verify-scopes': APP_SCOPES.join(',') };
    const console = await runActionAsync(clean, consoleInputs(s, { ...verify, 'verify-client-secret': 'p8e-NotTheSecret00000000000000' }), env(github, onMain()));
    expect(console.outputs['migration-status'], console.summary).toBe('awaiting-console');

    const ready = await runActionAsync(clean, consoleInputs(s, verify), env(github, onMain()));
    expect(ready.outputs['migration-status'], ready.summary).toBe('ready-to-delete-jwt');
    expect(ready.summary).toContain('It is safe to delete the JWT credential in the Developer Console');
    expect(ready.summary).toContain(`https://developer.adobe.com/console/projects/${s.org.id}/4566206088344790001/overview`);

    s.fake.deleteCredential(s.jwt.id);
    const done = await runActionAsync(clean, consoleInputs(s, verify), env(github, onMain()));
    expect(done.outputs['migration-status'], done.summary).toBe('done');
    expect(done.summary).toContain('- [x] JWT credential deleted in the Developer Console');
    for (const r of [inCode, merging, noConsole, console, ready, done]) expect(everything(r)).not.toContain(APP_SECRET);

    // Console access, but nothing in the repository links a project: still unknown, not done.
    const unlinked = await runActionAsync(gitRepo({ 'README.md': '# sync\n' }), consoleInputs(s), env(github, onMain()));
    expect(unlinked.outputs['migration-status']).toBe('code-clean');
    expect(unlinked.summary).toContain('no linked Developer Console project was read');
  });
});
