// The example app's own token code, before and after `migrate --write`, against a fake IMS:
// before, it gets tokens through the JWT exchange; after, through /ims/token/v3 only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeIms, startFakeIms } from './fakes/ims.js';
import {
  available,
  DEBIAN_GO,
  DEBIAN_JDK,
  DEBIAN_PHP,
  DEBIAN_PYTHON,
  DEBIAN_R,
  DEBIAN_RUBY,
} from './helpers/requires.js';
import { cli, PROJECT, tempDir } from './helpers/run.js';

const EXAMPLE = join(PROJECT, 'examples', 'acme-analytics-sync');
const SCOPES = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext';
const CRED = {
  clientId: '4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',
  clientSecret: 'p8e-TestOnlySecret0123456789abcdef',
  orgId: '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
  technicalAccountId: '1A2B3C4D5E6F708192A3B4C5@techacct.adobe.com',
  metascopes: ['ent_analytics_bulk_ingest_sdk'],
  scopes: SCOPES.split(','),
  certificatePem: readFileSync(join(EXAMPLE, 'keys', 'certificate_pub.crt'), 'utf8'),
};
// Debian's python3 carries requests and PyJWT (.ci/run installs them); pyenv's may not.
const PYTHON = '/usr/bin/python3';

let ims: FakeIms;
beforeAll(async () => {
  ims = await startFakeIms(CRED);
});
afterAll(() => ims.close());

function env(app: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: app,
    NODE_PATH: join(PROJECT, 'node_modules'), // the example's own dependencies (@adobe/jwt-auth)
    ADOBE_IMS_HOST: ims.url,
    ADOBE_CLIENT_ID: CRED.clientId,
    ADOBE_CLIENT_SECRET: CRED.clientSecret,
    ADOBE_ORG_ID: CRED.orgId,
    ADOBE_TECHNICAL_ACCOUNT_ID: CRED.technicalAccountId,
    ADOBE_PRIVATE_KEY_PATH: join(EXAMPLE, 'keys', 'private.key'),
    ADOBE_METASCOPES: CRED.metascopes.join(','),
    ADOBE_SCOPES: SCOPES,
  };
}

// Asynchronous on purpose: the fake IMS answers from this process's event loop.
const run = promisify(execFile);

async function nodeToken(app: string): Promise<string> {
  const r = await run(process.execPath, ['-e', "require('./src/adobe/token').getAccessToken().then((t) => console.log(t))"], {
    cwd: app,
    env: env(app),
    timeout: 30_000,
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

async function pythonToken(app: string): Promise<string> {
  const r = await run(PYTHON, ['-c', "import sys; sys.path.insert(0, 'scripts'); import export_segments as e; print(e.get_token()[0])"], {
    cwd: app,
    env: env(app),
    timeout: 30_000,
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

const WITH_PYTHON = available(DEBIAN_PYTHON);
const WITH_JDK = available(DEBIAN_JDK);

async function javaToken(app: string): Promise<string> {
  const r = await run('java', ['TokenApp.java'], { cwd: app, env: env(app), timeout: 60_000 });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

const WITH_RUBY = available(DEBIAN_RUBY);
const WITH_R = available(DEBIAN_R);

async function rubyToken(app: string): Promise<string> {
  const r = await run('ruby', ['token_app.rb'], { cwd: app, env: env(app), timeout: 30_000 });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

async function rToken(app: string): Promise<string> {
  // --vanilla: no site or user profile of this machine changes what the program does.
  const r = await run('Rscript', ['--vanilla', 'token_app.R'], {
    cwd: app,
    env: env(app),
    timeout: 30_000,
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

const WITH_PHP = available(DEBIAN_PHP);
const WITH_GO = available(DEBIAN_GO);

async function phpToken(app: string): Promise<string> {
  const r = await run('php', ['token_app.php'], { cwd: app, env: env(app), timeout: 30_000 });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

/**
 * `go run token.go` needs no go.mod (the file is its own package) and only the standard library,
 * so it builds offline; GOPROXY=off makes sure of it. The build cache and GOPATH sit outside the
 * app (HOME), so migrate never walks them.
 */
function goEnv(app: string, cache: string): NodeJS.ProcessEnv {
  return {
    ...env(app),
    GOCACHE: cache,
    GOPATH: join(cache, 'gopath'),
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local', // Go 1.21+: never download a toolchain
  };
}

async function goToken(app: string, cache: string): Promise<string> {
  const r = await run('go', ['run', 'token.go'], {
    cwd: app,
    env: goEnv(app, cache),
    timeout: 120_000,
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('the example app against a fake IMS', () => {
  it('gets tokens through the JWT exchange, then through /ims/token/v3 after migrate --write (Node)', async () => {
    const app = tempDir('ajm-example-');
    cpSync(EXAMPLE, app, { recursive: true });
    ims.calls.length = 0;

    expect(await nodeToken(app)).toMatch(/^jwt-access-/);
    // @adobe/jwt-auth posts to /ims/exchange/jwt/ (trailing slash).
    expect(ims.calls.map((c) => `${c.path.replace(/\/$/, '')} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    ims.calls.length = 0;

    expect(await nodeToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls.every((c) => c.form.scope === SCOPES)).toBe(true);

    const scan = cli(['scan', app, '--fail-on', 'error']);
    expect(scan.stdout).toContain('0 errors');
    expect(scan.status, scan.stdout).toBe(0);
  });

  it.skipIf(!WITH_PYTHON)('gets tokens through the JWT exchange, then through /ims/token/v3 after migrate --write (Python)', async () => {
    const app = tempDir('ajm-example-');
    cpSync(EXAMPLE, app, { recursive: true });
    ims.calls.length = 0;

    expect(await pythonToken(app)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    ims.calls.length = 0;

    expect(await pythonToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  });

  it.skipIf(!WITH_JDK)('a hand-signed Java exchange moves to /ims/token/v3 after migrate --write (Java)', async () => {
    const app = tempDir('ajm-java-');
    cpSync(join(PROJECT, '__tests__', 'fixtures', 'behaviour', 'java-token'), app, { recursive: true });
    ims.calls.length = 0;

    expect(await javaToken(app)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    const migrated = readFileSync(join(app, 'TokenApp.java'), 'utf8');
    expect(migrated).not.toContain('jwt_token');
    ims.calls.length = 0;

    expect(await javaToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  });

  // Signed with OpenSSL by hand and posted with Net::HTTP.post_form: no gems to install.
  it.skipIf(!WITH_RUBY)('a hand-signed Ruby exchange moves to /ims/token/v3 after migrate --write (Ruby)', async () => {
    const app = tempDir('ajm-ruby-');
    cpSync(join(PROJECT, '__tests__', 'fixtures', 'behaviour', 'ruby-token'), app, { recursive: true });
    ims.calls.length = 0;

    expect(await rubyToken(app)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    const migrated = readFileSync(join(app, 'token_app.rb'), 'utf8');
    expect(migrated).not.toContain('jwt_token');
    ims.calls.length = 0;

    expect(await rubyToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  });

  // Signed with the openssl package by hand and posted with httr's form body.
  it.skipIf(!WITH_R)('a hand-signed R exchange moves to /ims/token/v3 after migrate --write (R)', async () => {
    const app = tempDir('ajm-r-');
    cpSync(join(PROJECT, '__tests__', 'fixtures', 'behaviour', 'r-token'), app, { recursive: true });
    ims.calls.length = 0;

    expect(await rToken(app)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    const migrated = readFileSync(join(app, 'token_app.R'), 'utf8');
    expect(migrated).not.toContain('jwt_token');
    ims.calls.length = 0;

    expect(await rToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  });

  // Signed with openssl_sign by hand and posted through a stream context: php-cli alone.
  it.skipIf(!WITH_PHP)('a hand-signed PHP exchange moves to /ims/token/v3 after migrate --write (PHP)', async () => {
    const app = tempDir('ajm-php-');
    cpSync(join(PROJECT, '__tests__', 'fixtures', 'behaviour', 'php-token'), app, { recursive: true });
    ims.calls.length = 0;

    expect(await phpToken(app)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    const migrated = readFileSync(join(app, 'token_app.php'), 'utf8');
    expect(migrated).not.toContain('jwt_token');
    // Every changed file passes its language's own check.
    await run('php', ['-l', 'token_app.php'], { cwd: app, env: env(app), timeout: 30_000 });
    ims.calls.length = 0;

    expect(await phpToken(app)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  });

  // Signed with crypto/rsa by hand and posted with http.PostForm: Go's standard library only. An
  // import the migration leaves unused would stop `go run` and `go vet`.
  it.skipIf(!WITH_GO)('a hand-signed Go exchange moves to /ims/token/v3 after migrate --write (Go)', async () => {
    const app = tempDir('ajm-go-');
    const cache = tempDir('ajm-go-cache-');
    cpSync(join(PROJECT, '__tests__', 'fixtures', 'behaviour', 'go-token'), app, { recursive: true });
    ims.calls.length = 0;

    expect(await goToken(app, cache)).toMatch(/^jwt-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/exchange/jwt 200']);

    const migrate = cli(['migrate', app, '--write', '--scopes', SCOPES]);
    expect(migrate.status, migrate.stderr).toBe(0);
    const migrated = readFileSync(join(app, 'token.go'), 'utf8');
    expect(migrated).not.toContain('jwt_token');
    // go vet type-checks too: an import or variable the migration left unused fails it.
    await run('go', ['vet', 'token.go'], { cwd: app, env: goEnv(app, cache), timeout: 120_000 });
    ims.calls.length = 0;

    expect(await goToken(app, cache)).toMatch(/^oauth-access-/);
    expect(ims.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/ims/token/v3 200']);
    expect(ims.calls[0].form.scope).toBe(SCOPES);
  }, 240_000);
});
