// The built action with Console inputs, against the fake Adobe IMS + Developer Console (and the
// fake GitHub for the pull request): linked projects, credential kinds, certificate expiry, scopes
// reaching the migration, preflight, Adobe failures degrading to warnings, no secret in any output.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type DemoSeed, type FakeAdobe, IO_MANAGEMENT_SCOPES, seedDemo, startFakeAdobe } from './fakes/adobe.js';
import { DEFAULT_TOKENS, type FakeGitHub, startFakeGitHub } from './fakes/github.js';
import { cli, cliAsync, gitRepo, runActionAsync } from './helpers/run.js';

let adobe: FakeAdobe | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  await adobe?.close();
  await github?.close();
  adobe = undefined;
  github = undefined;
});

async function start(): Promise<{ fake: FakeAdobe; demo: DemoSeed }> {
  adobe = await startFakeAdobe();
  return { fake: adobe, demo: seedDemo(adobe) };
}

function aioFile(demo: DemoSeed): string {
  return JSON.stringify({ project: { id: demo.project.id, name: demo.project.name, org: { id: demo.org.id }, workspace: { id: demo.workspace.id, name: 'Production' } } }, null, 2);
}

function inputs(fake: FakeAdobe, demo: DemoSeed, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'fail-on': 'never',
    'adobe-client-id': demo.ioManagement.clientId,
    'adobe-client-secret': demo.ioManagement.secret,
    'adobe-scopes': IO_MANAGEMENT_SCOPES.join(','),
    'adobe-org-id': demo.org.code,
    'adobe-ims-url': fake.url,
    'adobe-console-url': fake.url,
    'adobe-platform-url': fake.url,
    ...extra,
  };
}

function jwtAuthCode(clientId: string): string {
  return `const auth = require('@adobe/jwt-auth');\nconst fs = require('fs');\n\nmodule.exports = () =>\n  auth({\n    clientId: '${clientId}',\n    clientSecret: process.env.ADOBE_CLIENT_SECRET,\n    technicalAccountId: process.env.ADOBE_TECHNICAL_ACCOUNT_ID,\n    orgId: process.env.ADOBE_ORG_ID,\n    privateKey: fs.readFileSync('private.key', 'utf8'),\n    metaScopes: ['ent_analytics_bulk_ingest_sdk'],\n  });\n`;
}

const ENV = { ADOBE_JWT_MIGRATE_RETRY_BASE_MS: '5', ADOBE_JWT_MIGRATE_WRITE_SPACING_MS: '0', ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS: '1500' };

function report(run: { outputs: Record<string, string> }) {
  return JSON.parse(readFileSync(run.outputs.report, 'utf8')) as { findings: { ruleId: string; file: string; line: number; message: string; severity: string }[] };
}

describe('Developer Console check', () => {
  it('reads a project linked through .aio: JWT, expired certificate, migration in progress, migrated scopes', async () => {
    const { fake, demo } = await start();
    const repo = gitRepo({ '.aio': aioFile(demo), 'README.md': '# app\n' });
    const run = await runActionAsync(repo, inputs(fake, demo, { 'adobe-sandbox': 'prod' }), ENV);
    expect(run.status, run.stdout).toBe(0);
    const found = report(run).findings.filter((f) => f.ruleId.startsWith('console-'));
    const jwt = found.filter((f) => f.ruleId === 'console-jwt-credential');
    expect(jwt).toHaveLength(2);
    expect(jwt.every((f) => f.file === '.aio' && f.severity === 'error')).toBe(true);
    expect(jwt.find((f) => f.message.includes(demo.jwtExpired.clientId))!.message).toMatch(/certificate expired on \d{4}-\d{2}-\d{2}: the credential no longer works/);
    expect(jwt.find((f) => f.message.includes(demo.jwt.clientId))!.message).toMatch(/certificate expires on/);
    expect(found.filter((f) => f.ruleId === 'console-jwt-migration-in-progress')).toHaveLength(1);
    expect(found.filter((f) => f.ruleId === 'console-query-service-credential')).toHaveLength(1);
    expect(run.outputs.errors).toBe('2');
    expect(run.stdout).toMatch(/^::error title=Service Account \(JWT\) credential in the Developer Console \(console-jwt-credential\),file=\.aio,line=/m);
    expect(run.summary).toContain('### Adobe Developer Console');
    expect(run.summary).toContain(`| ${demo.project.id} | Production | ${demo.migrated.clientId} | OAuth Server-to-Server |`);
    expect(run.summary).toContain('additional_info.job_function');
    // No secret reaches any output; the runner is told to mask the ones from the inputs.
    const all = run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr + run.summary + readFileSync(run.outputs.report, 'utf8') + readFileSync(run.outputs.sarif, 'utf8');
    expect(all).not.toContain(demo.ioManagement.secret);
    expect(run.stdout).toContain(`::add-mask::${demo.ioManagement.secret}`);
  });

  it('finds a project through a client id in the code only', async () => {
    const { fake, demo } = await start();
    const repo = gitRepo({ 'src/analytics.js': `// Adobe Analytics 2.0 API (https://analytics.adobe.io/api)\nconst config = {\n  clientId: '${demo.jwt.clientId}',\n};\nmodule.exports = config;\n` });
    const run = await runActionAsync(repo, inputs(fake, demo, { 'fail-on': 'error' }), ENV);
    const jwt = report(run).findings.filter((f) => f.ruleId === 'console-jwt-credential');
    expect(jwt.map((f) => `${f.file}:${f.line}`)).toEqual(['src/analytics.js:3', 'src/analytics.js:3']);
    expect(run.status).toBe(1); // Console findings follow fail-on like any other
    expect(fake.log.some((c) => c.path === `/console/clients/${demo.jwt.clientId}/credential`)).toBe(true);
  });

  it('uses the Console scopes in the migration and the PR, and a passing preflight', async () => {
    const { fake, demo } = await start();
    github = await startFakeGitHub();
    const files = { '.aio': aioFile(demo), 'src/token.js': jwtAuthCode(demo.migrated.clientId) };
    github.seedRepo('acme', 'analytics-sync', files, { branch: 'main' });
    const secret = demo.migrated.clientSecrets[0].client_secret;
    const run = await runActionAsync(
      gitRepo(files),
      inputs(fake, demo, {
        'create-pr': 'true',
        token: DEFAULT_TOKENS.workflows,
        'verify-client-id': demo.migrated.clientId,
        'verify-client-secret': secret,
        'verify-scopes': demo.migrated.scopes.join(','),
      }),
      { ...ENV, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/analytics-sync' },
    );
    expect(run.outputs['pull-request-operation'], run.stdout).toBe('created');
    const pr = github.repo('acme', 'analytics-sync').pulls[0];
    expect(pr.draft).toBe(false);
    expect(pr.body).toContain('Preflight: IMS issued a token');
    expect(pr.body).toContain(`\`${demo.migrated.scopes.join(',')}\`: scopes read from the credential in the Adobe Developer Console`);
    const branch = github.branch('acme', 'analytics-sync', 'adobe-jwt-migrate/oauth-s2s')!;
    expect(github.treeFiles(branch)['src/token.js']).toContain(`scopes: process.env.ADOBE_SCOPES || '${demo.migrated.scopes.join(',')}'`);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '') + run.summary + pr.body).not.toContain(secret);
    expect(run.stdout).toContain(`::add-mask::${secret}`);
  });

  it.each([
    ['invalid_client', { 'verify-client-secret': 'p8e-WrongSecret0000000000000000' }],
    ['invalid_scope', { 'verify-scopes': 'openid,not_a_scope' }],
    ['unauthorized_client', { 'verify-client-id': 'JWT' }],
  ])('a failing preflight (%s) is reported with the IMS error and makes the PR a draft', async (code, override) => {
    const { fake, demo } = await start();
    github = await startFakeGitHub();
    const files = { '.aio': aioFile(demo), 'src/token.js': jwtAuthCode(demo.migrated.clientId) };
    github.seedRepo('acme', 'analytics-sync', files, { branch: 'main' });
    const verify = {
      'verify-client-id': demo.migrated.clientId,
      'verify-client-secret': demo.migrated.clientSecrets[0].client_secret,
      'verify-scopes': demo.migrated.scopes.join(','),
      ...override,
    };
    if (verify['verify-client-id'] === 'JWT') {
      // The JWT credential's own id and secret: IMS will not issue client_credentials tokens to it.
      verify['verify-client-id'] = demo.jwt.clientId;
      verify['verify-client-secret'] = demo.jwt.clientSecret!;
    }
    const run = await runActionAsync(gitRepo(files), inputs(fake, demo, { 'create-pr': 'true', token: DEFAULT_TOKENS.write, ...verify }), {
      ...ENV,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/analytics-sync',
    });
    expect(run.stdout).toMatch(new RegExp(`^::warning::IMS refused a token for the OAuth Server-to-Server credential: IMS token request: HTTP 40\\d ${code}`, 'm'));
    const pr = github.repo('acme', 'analytics-sync').pulls[0];
    expect(pr.draft).toBe(true);
    expect(pr.body).toContain('Preflight failed, so this pull request is a draft');
    expect(run.summary).toContain('Preflight: ❌');
  });

  it.each([
    ['401 from a bad token', {}, { 'adobe-client-secret': '', 'adobe-access-token': 'not-a-token' }, /The token was refused/],
    ['403 without access to the org', { forbid: true }, {}, /may not read this organization or project: add the I\/O Management API/],
    ['500 that lasts', { path: /\/workspaces\/[^/]+\/credentials$/, status: 500, times: 20 }, {}, /Adobe did not answer in time or failed/],
    ['a timeout', { path: /\/workspaces\/[^/]+\/credentials$/, delayMs: 4000, times: 20 }, {}, /Adobe did not answer in time or failed/],
  ])('%s is a warning naming the cause; the repository scan still reports', async (_name, fault, extra, warning) => {
    const { fake, demo } = await start();
    let overrides: Record<string, string> = { ...extra };
    if ((fault as { forbid?: boolean }).forbid) {
      const other = fake.addOrg({ id: '99999', code: 'FFFF0000FFFF0000FFFF0000@AdobeOrg', name: 'Other' });
      overrides = { ...overrides, 'adobe-org-id': other.id, 'adobe-projects': `${demo.project.id}/${demo.workspace.id}` };
    } else if ('path' in fault) fake.inject(fault as Parameters<FakeAdobe['inject']>[0]);
    const forbid = (fault as { forbid?: boolean }).forbid;
    const repo = gitRepo({ ...(forbid ? {} : { '.aio': aioFile(demo) }), 'src/a.js': "const u = 'https://ims-na1.adobelogin.com/ims/exchange/jwt';\n" });
    const run = await runActionAsync(repo, inputs(fake, demo, overrides), ENV);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^::warning::.*${warning.source}`, 'm'));
    expect(report(run).findings.map((f) => f.ruleId)).toContain('code-ims-jwt-exchange');
    expect(report(run).findings.filter((f) => f.ruleId === 'console-jwt-credential')).toEqual([]);
  }, 60_000);

  it('retries a 429 honouring Retry-After and still reads the credentials', async () => {
    const { fake, demo } = await start();
    fake.inject({ path: /\/workspaces\/[^/]+\/credentials$/, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const run = await runActionAsync(gitRepo({ '.aio': aioFile(demo) }), inputs(fake, demo), ENV);
    expect(report(run).findings.filter((f) => f.ruleId === 'console-jwt-credential')).toHaveLength(2);
    const calls = fake.log.filter((c) => /\/credentials$/.test(c.path));
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('runs from the CLI too, with the secret from the environment', async () => {
    const { fake, demo } = await start();
    const repo = gitRepo({ '.aio': aioFile(demo), 'src/token.js': jwtAuthCode(demo.migrated.clientId) });
    const flags = ['--adobe-client-id', demo.ioManagement.clientId, '--adobe-scopes', IO_MANAGEMENT_SCOPES.join(','), '--adobe-ims-url', fake.url, '--adobe-console-url', fake.url];
    const env = { ADOBE_CLIENT_SECRET: demo.ioManagement.secret, ...ENV };
    const scan = await cliAsync(['scan', repo, '--format', 'json', '--fail-on', 'never', ...flags], env);
    expect(scan.status, scan.stderr).toBe(0);
    const ids = JSON.parse(scan.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids.filter((id: string) => id === 'console-jwt-credential')).toHaveLength(2);
    const migrate = await cliAsync(['migrate', repo, '--format', 'json', ...flags], env);
    const plan = JSON.parse(migrate.stdout);
    expect(plan.scopes).toEqual([expect.objectContaining({ source: 'console', value: demo.migrated.scopes.join(',') })]);
    expect(scan.stdout + scan.stderr + migrate.stdout + migrate.stderr).not.toContain(demo.ioManagement.secret);
    const noSecret = cli(['scan', repo, ...flags]);
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('needs ADOBE_CLIENT_SECRET');
  });
});
