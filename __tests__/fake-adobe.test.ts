// The fake Adobe IMS + Developer Console + Query Service itself. Adobe's own Console client,
// @adobe/aio-lib-console, runs against it (its production host developers.adobe.io redirected to
// the fake at the node:https layer, which node-fetch, hence aio-lib-core-networking, uses) and
// every 200 body is also checked against the 200 schema of the client's swagger spec. Then the IMS
// token endpoint, the gateway's 401/403/404, Query Service accounts, state changes and faults.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IO_MANAGEMENT_SCOPES, redirectHttpsToFake, seedDemo, startFakeAdobe, type DemoSeed, type FakeAdobe } from './fakes/adobe.js';

const require = createRequire(import.meta.url);
const aioConsole = require('@adobe/aio-lib-console') as { init(token: string, apiKey: string, env?: string): Promise<any> };
const SPEC = JSON.parse(readFileSync(require.resolve('@adobe/aio-lib-console/spec/api.json'), 'utf8'));

// ─── spec check: the 200 schema of GET <template> from aio-lib-console's own swagger spec ───
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
function checkSpec(template: string, body: unknown) {
  const schema = SPEC.paths[template]?.get?.responses?.['200']?.content?.['application/json']?.schema;
  expect(schema, `no 200 schema for ${template}`).toBeTruthy();
  const validate = ajv.compile(schema);
  expect(validate(body), `${template}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

async function token(fake: FakeAdobe, clientId: string, secret: string, scopes: string[] = IO_MANAGEMENT_SCOPES): Promise<string> {
  const r = await fetch(`${fake.url}/ims/token/v3`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: scopes.join(',') }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { access_token: string }).access_token;
}

/** GET on the fake with Adobe's headers; returns status and parsed body */
async function get(fake: FakeAdobe, path: string, headers: Record<string, string>) {
  const r = await fetch(`${fake.url}${path}`, { headers });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined };
}

describe('@adobe/aio-lib-console against the fake', () => {
  let fake: FakeAdobe;
  let seed: DemoSeed;
  let sdk: any;
  let undo: () => void;
  let accessToken: string;

  beforeAll(async () => {
    fake = await startFakeAdobe();
    seed = seedDemo(fake);
    undo = redirectHttpsToFake(fake.url);
    accessToken = await token(fake, seed.ioManagement.clientId, seed.ioManagement.secret);
    sdk = await aioConsole.init(accessToken, seed.ioManagement.clientId, 'prod');
  });
  afterAll(async () => {
    undo?.();
    await fake?.close();
  });
  afterEach(() => fake.clearFaults());

  // ids fixed by seedDemo
  const O = { id: '53444' };
  const P = { id: '4566206088344794932' };
  const W = { id: '4566206088344797001' };

  it('getOrganizations: the request went to developers.adobe.io with the bearer token and api key', async () => {
    const res = await sdk.getOrganizations();
    expect(res.ok).toBe(true);
    expect(res.body).toEqual([{ id: O.id, code: seed.org.code, name: 'Acme Retail', description: '', type: 'entp', role: 'ADMIN' }]);
    checkSpec('/console/organizations', res.body);
    const last = fake.log.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', path: '/console/organizations', status: 200 });
    expect(last.headers.host).toBe('developers.adobe.io');
    expect(last.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(last.headers['x-api-key']).toBe(seed.ioManagement.clientId);
  });

  it('getProjectsForOrg / getProject', async () => {
    const list = await sdk.getProjectsForOrg(O.id);
    expect(list.body.map((p: any) => p.id)).toEqual([P.id]);
    checkSpec('/console/organizations/{orgId}/projects', list.body);
    const one = await sdk.getProject(O.id, P.id);
    expect(one.body).toMatchObject({ id: P.id, name: 'ReportSync', title: 'Report Sync', org_id: O.id, enabled: true });
    checkSpec('/console/organizations/{orgId}/projects/{projectId}', one.body);
  });

  it('getWorkspacesForProject / getWorkspace', async () => {
    const list = await sdk.getWorkspacesForProject(O.id, P.id);
    expect(list.body.map((w: any) => w.name)).toEqual(['Production']);
    checkSpec('/console/organizations/{orgId}/projects/{projectId}/workspaces', list.body);
    const one = await sdk.getWorkspace(O.id, P.id, W.id);
    expect(one.body).toMatchObject({ id: W.id, name: 'Production' });
    checkSpec('/console/organizations/{orgId}/projects/{projectId}/workspaces/{workspaceId}', one.body);
  });

  it('getCredentials: every credential type with flow_type / integration_type / id_integration / client_id', async () => {
    const res = await sdk.getCredentials(O.id, P.id, W.id);
    checkSpec('/console/organizations/{orgId}/projects/{projectId}/workspaces/{workspaceId}/credentials', res.body);
    const byId = Object.fromEntries(res.body.map((c: any) => [c.id_integration, c]));
    expect(byId['471911']).toMatchObject({ id_workspace: W.id, flow_type: 'entp', integration_type: 'service', client_id: seed.jwt.clientId });
    expect(byId['471920']).toMatchObject({ flow_type: 'entp', integration_type: 'oauth_server_to_server_migrate' });
    expect(byId['471944']).toMatchObject({ flow_type: 'entp', integration_type: 'oauth_server_to_server' });
    expect(byId['471950']).toMatchObject({ flow_type: 'adobeid', integration_type: 'oauthwebapp' });
  });

  it('downloadWorkspaceJson: App Builder workspace JSON with jwt / oauth_server_to_server objects', async () => {
    const res = await sdk.downloadWorkspaceJson(O.id, P.id, W.id);
    checkSpec('/console/organizations/{orgId}/projects/{projectId}/workspaces/{workspaceId}/download', res.body);
    const { project } = res.body;
    expect(project).toMatchObject({ id: P.id, name: 'ReportSync', org: { id: O.id, ims_org_id: seed.org.code }, workspace: { id: W.id, name: 'Production' } });
    const creds = Object.fromEntries(project.workspace.details.credentials.map((c: any) => [c.id, c]));
    expect(creds['471911']).toMatchObject({ integration_type: 'service', jwt: { client_id: seed.jwt.clientId, client_secret: seed.jwt.clientSecret, meta_scopes: ['ent_analytics_bulk_ingest_sdk'] } });
    expect(creds['471911'].oauth_server_to_server).toBeUndefined();
    expect(creds['471920']).toMatchObject({
      integration_type: 'oauth_server_to_server_migrate',
      jwt: { client_id: seed.migrating.clientId, meta_scopes: ['ent_smartcontent_sdk'] },
      oauth_server_to_server: { client_id: seed.migrating.clientId, client_secrets: [seed.migrating.clientSecrets[0].client_secret], scopes: ['openid', 'AdobeID', 'read_organizations'] },
    });
    expect(creds['471944'].oauth_server_to_server.scopes).toContain('additional_info.projectedProductContext');
    expect(creds['471944'].jwt).toBeUndefined();
    expect(creds['471950'].oauth2).toMatchObject({ client_id: seed.web.clientId });
    expect(project.workspace.details.services).toEqual(expect.arrayContaining([{ code: 'AdobeAnalyticsSDK', name: 'Adobe Analytics' }]));
    expect(typeof project.workspace.details.runtime).toBe('object');
  });

  it('getIntegration: serviceProperties[].scopes', async () => {
    const res = await sdk.getIntegration(O.id, '471944');
    checkSpec('/console/organizations/{orgId}/integrations/{intId}', res.body);
    expect(res.body).toMatchObject({ id: '471944', orgId: O.id, type: 'entp', apikey: seed.migrated.clientId });
    expect(res.body.serviceProperties[0]).toMatchObject({ sdkCode: 'AdobeAnalyticsSDK', scopes: seed.migrated.scopes });
  });

  it('getBindingsForIntegration: certificates with notAfter, one of them expired', async () => {
    const res = await sdk.getBindingsForIntegration(O.id, '471911');
    checkSpec('/console/organizations/{orgId}/integrations/entp/{intId}/bindings', res.body);
    expect(res.body).toHaveLength(2);
    expect(res.body.filter((b: any) => b.notAfter < fake.now())).toHaveLength(1);
    const expired = await sdk.getBindingsForIntegration(O.id, '471912');
    expect(expired.body.every((b: any) => b.notAfter < fake.now())).toBe(true);
  });

  it('getIntegrationSecrets: the secret used at IMS shows last_used_at', async () => {
    const res = await sdk.getIntegrationSecrets(O.id, seed.ioManagement.id);
    checkSpec('/console/organizations/{orgId}/integrations/{intId}/secrets', res.body);
    expect(res.body.client_id).toBe(seed.ioManagement.clientId);
    expect(res.body.client_secrets[0].secret_usages[0]).toMatchObject({ grant_type: 'client_credentials' });
  });

  it('GET /console/clients/{clientId}/credential through the library swagger client (no wrapper method in aio-lib-console)', async () => {
    const res = await sdk.sdk.apis.Clients.get_console_clients__clientId__credential(...sdk.__createRequestOptions({ clientId: seed.jwt.clientId }));
    expect(res.ok).toBe(true);
    checkSpec('/console/clients/{clientId}/credential', res.body);
    expect(res.body).toMatchObject({ org_id: O.id, org_code: seed.org.code, project_id: P.id, workspace_id: W.id, credential_id: '471911', client_id: seed.jwt.clientId, flow_type: 'entp', credential_type: 'service' });
    expect(fake.log.at(-1)!.path).toBe(`/console/clients/${seed.jwt.clientId}/credential`);
  });

  it('OAuth S2S migration status', async () => {
    const status = async (id: string) => (await sdk.sdk.apis['OAuth server to server'].get_console_organizations__orgId__credentials_oauth_server_to_server__credentialId__status(...sdk.__createRequestOptions({ orgId: O.id, credentialId: id }))).body.migrationStatus;
    expect(await status('471911')).toBe('NOT_STARTED');
    expect(await status('471920')).toBe('STARTED');
    expect(await status('471944')).toBe('COMPLETED');
    expect(await status(seed.ioManagement.id)).toBe('NONE');
  });

  it('library retries injected 503s and 429 (retry-after) and then gets the data', async () => {
    const f = fake.inject({ method: 'GET', path: /^\/console\/organizations$/, status: 503, times: 2 });
    const before = fake.log.length;
    const res = await sdk.getOrganizations();
    expect(res.ok).toBe(true);
    expect(f.hits).toBe(2);
    expect(fake.log.slice(before).map((e) => e.status)).toEqual([503, 503, 200]);
    const r = fake.inject({ path: /\/projects$/, status: 429, headers: { 'retry-after': '1' } });
    const t0 = Date.now();
    await sdk.getProjectsForOrg(O.id);
    expect(r.hits).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('library surfaces the fake errors: 404, 403, 401', async () => {
    await expect(sdk.getProject(O.id, '999')).rejects.toThrow(/404.*Project 999 not found/);
    const outsider = await aioConsole.init(fake.issueToken({ orgs: ['99999'] }), seed.ioManagement.clientId, 'prod');
    await expect(outsider.getProjectsForOrg(O.id)).rejects.toThrow(/403/);
    expect((await outsider.getOrganizations()).body).toEqual([]);
    const expired = await aioConsole.init(fake.issueToken({ expiresInSeconds: 1 }), seed.ioManagement.clientId, 'prod');
    fake.advanceClock(2000);
    await expect(expired.getOrganizations()).rejects.toThrow(/401.*Oauth token is not valid/);
  });
});

describe('IMS token endpoint', () => {
  let fake: FakeAdobe;
  let seed: DemoSeed;
  beforeAll(async () => {
    fake = await startFakeAdobe({ clients: [{ clientId: 'standalone', clientSecrets: ['s1', 's2'], scopes: ['openid', 'AdobeID'] }] });
    seed = seedDemo(fake);
  });
  afterAll(() => fake?.close());

  const post = async (form: Record<string, string>, contentType = 'application/x-www-form-urlencoded') => {
    const r = await fetch(`${fake.url}/ims/token/v3`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: contentType.includes('json') ? JSON.stringify(form) : new URLSearchParams(form),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const ok = { grant_type: 'client_credentials', client_id: 'standalone', client_secret: 's2', scope: 'openid,AdobeID' };

  it('issues {access_token, token_type: bearer, expires_in: 86399} for either secret and a subset of scopes', async () => {
    const r = await post(ok);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 86399 });
    expect(String(r.body.access_token)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await post({ ...ok, client_secret: 's1', scope: 'openid' })).status).toBe(200);
    expect(fake.log.at(-1)).toMatchObject({ method: 'POST', path: '/ims/token/v3', status: 200, body: { client_id: 'standalone', scope: 'openid' } });
  });

  it('a migrated credential seeded in the Console gets tokens with its own secret and scopes', async () => {
    const c = seed.migrated;
    const r = await post({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecrets[0].client_secret, scope: c.scopes.join(',') });
    expect(r.status).toBe(200);
    const m = seed.migrating;
    expect((await post({ grant_type: 'client_credentials', client_id: m.clientId, client_secret: m.clientSecrets[0].client_secret, scope: 'openid,AdobeID' })).status).toBe(200);
  });

  it.each([
    ['unknown client id', { client_id: 'nope' }, 400, 'invalid_client'],
    ['wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client'],
    ['scope not on the credential', { scope: 'openid,AdobeID,adobeio_api' }, 400, 'invalid_scope'],
    ['scopes with spaces', { scope: 'openid, AdobeID' }, 400, 'invalid_scope'],
    ['no scope', { scope: '' }, 400, 'invalid_scope'],
    ['other grant type', { grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
    ['missing client_secret', { client_secret: '' }, 400, 'invalid_request'],
  ])('%s -> %i %s', async (_name, change, status, error) => {
    const form = Object.fromEntries(Object.entries({ ...ok, ...change }).filter(([, v]) => v !== ''));
    const r = await post(form);
    expect(r.status).toBe(status);
    expect(Object.keys(r.body).sort()).toEqual(['error', 'error_description']);
    expect(r.body.error).toBe(error);
  });

  it('a JWT (Service Account) credential may not use client_credentials: unauthorized_client', async () => {
    const r = await post({ grant_type: 'client_credentials', client_id: seed.jwt.clientId, client_secret: seed.jwt.clientSecret!, scope: 'openid' });
    expect(r).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
  });

  it('JSON body -> invalid_request', async () => {
    expect((await post(ok, 'application/json')).body.error).toBe('invalid_request');
  });
});

describe('gateway and Console errors, state changes, Query Service', () => {
  let fake: FakeAdobe;
  let seed: DemoSeed;
  let h: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeAdobe();
    seed = seedDemo(fake);
    h = { authorization: `Bearer ${await token(fake, seed.ioManagement.clientId, seed.ioManagement.secret)}`, 'x-api-key': seed.ioManagement.clientId };
  });
  afterAll(() => fake?.close());
  afterEach(() => fake.clearFaults());

  const orgPath = '/console/organizations/53444';
  const wsPath = `${orgPath}/projects/4566206088344794932/workspaces/4566206088344797001`;

  it('401 for a missing, unknown, expired or revoked token; 403 for a missing or unknown api key', async () => {
    const errShape = (b: any) => expect(Object.keys(b).sort()).toEqual(['error_code', 'message']);
    let r = await get(fake, '/console/organizations', { 'x-api-key': h['x-api-key'] });
    expect(r.status).toBe(401);
    errShape(r.body);
    r = await get(fake, '/console/organizations', { ...h, authorization: 'Bearer not-a-token' });
    expect(r).toMatchObject({ status: 401, body: { error_code: '401013' } });
    const short = fake.issueToken({ expiresInSeconds: 60 });
    expect((await get(fake, '/console/organizations', { ...h, authorization: `Bearer ${short}` })).status).toBe(200);
    fake.advanceClock(61_000);
    expect((await get(fake, '/console/organizations', { ...h, authorization: `Bearer ${short}` })).status).toBe(401);
    const revoked = fake.issueToken();
    fake.revokeToken(revoked);
    expect((await get(fake, '/console/organizations', { ...h, authorization: `Bearer ${revoked}` })).status).toBe(401);
    r = await get(fake, '/console/organizations', { authorization: h.authorization });
    expect(r).toMatchObject({ status: 403, body: { error_code: '403000' } });
    r = await get(fake, '/console/organizations', { ...h, 'x-api-key': 'unknown-key' });
    expect(r).toMatchObject({ status: 403, body: { error_code: '403003' } });
  });

  it('403 when the token has no access to the org / project, cannot list projects, or lacks the I/O Management API', async () => {
    const other = fake.addOrg({ name: 'Other' });
    fake.addProject(other.id, { name: 'Elsewhere' });
    const limited = await token(fake, seed.ioManagement.clientId, seed.ioManagement.secret); // own org only (seeded default)
    const hh = { ...h, authorization: `Bearer ${limited}` };
    let r = await get(fake, `/console/organizations/${other.id}/projects`, hh);
    expect(r.status).toBe(403);
    expect(typeof r.body.error_code).toBe('number');
    expect((await get(fake, '/console/organizations', hh)).body.map((o: any) => o.id)).toEqual(['53444']);

    const projOnly = { ...h, authorization: `Bearer ${fake.issueToken({ projects: ['1'] })}` };
    expect((await get(fake, `${wsPath}/credentials`, projOnly)).status).toBe(403);
    expect((await get(fake, `/console/clients/${seed.jwt.clientId}/credential`, projOnly)).status).toBe(403);
    expect((await get(fake, `${orgPath}/projects`, projOnly)).body).toEqual([]);

    const noList = { ...h, authorization: `Bearer ${fake.issueToken({ canListProjects: false })}` };
    expect((await get(fake, `${orgPath}/projects`, noList)).status).toBe(403);
    expect((await get(fake, `${wsPath}/credentials`, noList)).status).toBe(200);

    fake.addClient({ clientId: 'no-io', clientSecrets: ['x'], scopes: ['openid'], ioManagementApi: false });
    const noIo = { authorization: `Bearer ${await token(fake, 'no-io', 'x', ['openid'])}`, 'x-api-key': 'no-io' };
    expect((await get(fake, '/console/organizations', noIo)).status).toBe(403);
  });

  it('404 for unknown ids, in the Console error shape', async () => {
    for (const p of [
      '/console/organizations/1/projects',
      `${orgPath}/projects/1`,
      `${orgPath}/projects/4566206088344794932/workspaces/1/credentials`,
      `${orgPath}/integrations/1`,
      `${orgPath}/integrations/entp/1/bindings`,
      '/console/clients/0000/credential',
      '/console/nothing',
    ]) {
      const r = await get(fake, p, h);
      expect(r.status, p).toBe(404);
      expect(Object.keys(r.body).sort()).toEqual(['error_code', 'message']);
    }
  });

  it('projects pagination headers when page is given', async () => {
    fake.addProject('53444', { name: 'Second' });
    const r = await get(fake, `${orgPath}/projects?page=1&size=1`, h);
    expect(r.body).toHaveLength(1);
    expect(r.headers.get('x-pagination-count')).toBe('2');
  });

  it('migration state changes show up in credentials, download, status and IMS', async () => {
    const ws = fake.addWorkspace('4566206088344794932', { name: 'Stage' });
    const jwt = fake.addJwtCredential(ws.id, { name: 'Stage JWT' });
    const wsP = `${orgPath}/projects/4566206088344794932/workspaces/${ws.id}`;
    const typeOf = async () => (await get(fake, `${wsP}/credentials`, h)).body[0].integration_type;
    expect(await typeOf()).toBe('service');
    fake.startMigration(jwt.id, { scopes: ['openid', 'AdobeID'] });
    expect(await typeOf()).toBe('oauth_server_to_server_migrate');
    expect((await get(fake, `${orgPath}/credentials/oauth-server-to-server/${jwt.id}/status`, h)).body).toEqual({ migrationStatus: 'STARTED' });
    await token(fake, jwt.clientId, jwt.clientSecrets[0].client_secret, ['openid']);
    fake.finishMigration(jwt.id);
    expect(await typeOf()).toBe('oauth_server_to_server');
    const dl = (await get(fake, `${wsP}/download`, h)).body.project.workspace.details.credentials[0];
    expect(dl.jwt).toBeUndefined();
    expect(dl.oauth_server_to_server.scopes).toEqual(['openid', 'AdobeID']);
    fake.deleteCredential(jwt.id);
    expect((await get(fake, `${wsP}/credentials`, h)).body).toEqual([]);
  });

  it('Query Service accounts: list for org + sandbox; missing headers 400; other org 403', async () => {
    const qs = { ...h, 'x-gw-ims-org-id': seed.org.code, 'x-sandbox-name': 'prod' };
    const r = await get(fake, '/data/foundation/queryauth/accounts', qs);
    expect(r.status).toBe(200);
    expect(r.body.accounts).toHaveLength(1);
    expect(r.body.accounts[0]).toMatchObject({ technicalAccountId: 'E09A0DFB5FDB25D90A494012', accountName: 'Tableau nightly', active: true });
    expect(r.body.accounts[0].credential).toBeUndefined();
    expect(r.body._page.count).toBe(1);
    expect((await get(fake, '/data/foundation/queryauth/accounts', { ...qs, 'x-sandbox-name': 'dev' })).body.accounts).toEqual([]);
    const { 'x-sandbox-name': _s, ...noSandbox } = qs;
    expect((await get(fake, '/data/foundation/queryauth/accounts', noSandbox)).status).toBe(400);
    expect((await get(fake, '/data/foundation/queryauth/accounts', { ...qs, 'x-gw-ims-org-id': 'FFFF@AdobeOrg' })).status).toBe(403);
    expect((await get(fake, '/data/foundation/queryauth/accounts', { ...qs, authorization: 'Bearer x' })).status).toBe(401);
  });

  it('faults: status with headers and times, method filter, delay (client timeout), dropped connection, all logged', async () => {
    const f = fake.inject({ method: 'GET', path: /^\/console\/organizations$/, status: 429, headers: { 'retry-after': '7' }, times: 2 });
    let r = await get(fake, '/console/organizations', h);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.body).toHaveProperty('error_code');
    expect((await get(fake, '/console/organizations', h)).status).toBe(429);
    expect((await get(fake, '/console/organizations', h)).status).toBe(200);
    expect(f).toMatchObject({ hits: 2, remaining: 0 });

    fake.inject({ method: 'POST', path: /organizations/, status: 500 });
    expect((await get(fake, '/console/organizations', h)).status).toBe(200);
    fake.clearFaults();

    fake.inject({ path: /^\/ims\/token\/v3$/, status: 503 });
    const ims = await fetch(`${fake.url}/ims/token/v3`, { method: 'POST' });
    expect(ims.status).toBe(503);
    expect(Object.keys((await ims.json()) as object).sort()).toEqual(['error', 'error_description']);

    fake.inject({ path: /\/projects$/, delayMs: 400 });
    await expect(fetch(`${fake.url}${orgPath}/projects`, { headers: h, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const slow = fake.inject({ path: /\/projects$/, delayMs: 150 });
    const t0 = Date.now();
    r = await get(fake, `${orgPath}/projects`, h);
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(slow.hits).toBe(1);

    fake.inject({ path: /\/credentials$/, drop: true });
    await expect(fetch(`${fake.url}${wsPath}/credentials`, { headers: h })).rejects.toThrow();
    expect(fake.log.at(-1)).toMatchObject({ path: `${wsPath}/credentials`, status: 0, fault: true });
    expect((await get(fake, `${wsPath}/credentials`, h)).status).toBe(200);
  });
});
