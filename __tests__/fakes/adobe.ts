// A stateful fake of Adobe IMS (OAuth Server-to-Server token endpoint), the Adobe Developer Console
// API and Experience Platform Query Service accounts, as ONE real node:http server on 127.0.0.1.
//
// Paths are those of the real services:
//   IMS      POST /ims/token/v3                                     (ims-na1.adobelogin.com)
//   Console  GET  /console/...                                      (developers.adobe.io)
//   Platform GET  /data/foundation/queryauth/accounts               (platform.adobe.io)
// so one base URL can stand in for all three hosts (`adobe-ims-url`, `adobe-console-url`, ...).
//
// Response shapes follow Adobe's own client, @adobe/aio-lib-console (its spec/api.json and its e2e
// tests), and the App Builder workspace JSON; `__tests__/fake-adobe.test.ts` runs that client
// against this fake. Where the spec and the live service disagree (the spec nests `workspace`
// under `project.org`, the live service and App Builder put it under `project`), the live shape wins.
//
// Error bodies:
//   IMS            {error, error_description}                 400/401
//   API gateway    {error_code: "401013", message}            401 token missing/invalid/expired,
//                                                              403 x-api-key missing/invalid
//   Console        {error_code: 403003 | 404010 | ..., message} (numeric six-digit code: status + 3 digits)
// The exact codes/messages are plausible approximations; tests should assert on HTTP status and
// on the field names, not on the wording.
//
// Every request is recorded in `fake.log`; faults are injected with `fake.inject(...)`.
import { randomBytes, randomUUID } from 'node:crypto';
import http, { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

// ───────────────────────────── public types ─────────────────────────────

/** A client IMS knows (OAuth Server-to-Server, or a JWT/Web credential that may not use client_credentials). */
export interface FakeImsClient {
  clientId: string;
  /** any of these works as client_secret (OAuth credentials hold up to two) */
  clientSecrets: string[];
  /** scopes the client may request */
  scopes: string[];
  /** Console org ids (AMS, e.g. "53444") or IMS org ids ("...@AdobeOrg") the token may read; '*' = every org. Default '*'. */
  orgs?: string[] | '*';
  /** project ids the token may read inside those orgs; '*' = all. Default '*'. */
  projects?: string[] | '*';
  /** may list an org's projects (GET .../projects). Default true. False models a technical account that needs a user token for listing. */
  canListProjects?: boolean;
  /** the credential has the I/O Management API (required for every Console call). Default true. */
  ioManagementApi?: boolean;
  /** grant types IMS allows this client; default ['client_credentials']. [] => unauthorized_client (e.g. a JWT credential). */
  grantTypes?: string[];
  /** IMS org of the technical account (only reported in the token payload) */
  imsOrgId?: string;
}

export interface FakeAdobeOptions {
  /** clients known to IMS besides those created by the credential builders */
  clients?: FakeImsClient[];
  /** extra x-api-key values the gateway accepts (e.g. 'aio-cli-console-auth' for user tokens) */
  apiKeys?: string[];
  /** lifetime of issued tokens; default 86399 s, as IMS */
  tokenLifetimeSeconds?: number;
  /** clock in ms; default Date.now (advance it with fake.advanceClock) */
  now?: () => number;
}

export interface FakeOrg {
  /** Console (AMS) org id, used in /console/organizations/{orgId} paths */
  id: string;
  /** IMS org id, e.g. 3C8B...@AdobeOrg (the `code` field of the Console) */
  code: string;
  name: string;
  description: string;
  type: string;
  role: 'ADMIN' | 'DEVELOPER';
}

export interface FakeProject {
  id: string;
  orgId: string;
  name: string;
  title: string;
  description: string;
  type: string;
  appId?: string;
  created: string;
}

export interface FakeWorkspace {
  id: string;
  orgId: string;
  projectId: string;
  name: string;
  title: string;
  description: string;
  runtime: boolean;
  created: string;
}

export interface FakeService {
  /** sdk code, e.g. AdobeAnalyticsSDK, AdobeIOManagementAPISDK */
  code: string;
  name: string;
  /** OAuth scopes of this service on the credential; default: the credential's scopes */
  scopes?: string[];
}

export interface FakeCertificate {
  bindingId: string;
  certificateFingerprint: string;
  /** epoch milliseconds */
  notAfter: number;
}

export interface FakeClientSecret {
  uuid: string;
  client_secret: string;
  created_at: string;
  expires_at?: string;
  /** set by the fake IMS when the secret is used */
  last_used_at?: string;
}

export type CredentialKind = 'jwt' | 'oauth_server_to_server' | 'migrating' | 'adobeid' | 'apikey';

export interface FakeCredential {
  /** id_integration / credential id */
  id: string;
  orgId: string;
  projectId: string;
  workspaceId: string;
  name: string;
  kind: CredentialKind;
  /** entp for JWT and OAuth S2S, adobeid for user OAuth, ... */
  flowType: string;
  /** service | oauth_server_to_server | oauth_server_to_server_migrate | oauthwebapp | apikey ... */
  integrationType: string;
  clientId: string;
  /** the JWT credential's single secret (jwt / migrating) */
  clientSecret?: string;
  /** OAuth S2S client secrets (oauth_server_to_server / migrating) */
  clientSecrets: FakeClientSecret[];
  /** OAuth client id if it differs from the JWT one (migrating; Adobe keeps the same by default) */
  oauthClientId?: string;
  technicalAccountId?: string;
  technicalAccountEmail?: string;
  metascopes: string[];
  scopes: string[];
  services: FakeService[];
  certificates: FakeCertificate[];
  redirectUris: string[];
  /** an OAuth credential that came from a JWT migration (status COMPLETED) */
  migratedFromJwt: boolean;
  created: string;
}

export interface FakeQueryServiceAccount {
  imsOrgId: string;
  sandbox: string;
  technicalAccountId: string;
  technicalAccountName: string;
  accountName: string;
  description: string;
  assignedToUser: string;
  credential: string;
  created: string;
  createdBy: string;
  active: boolean;
}

export interface FakeAdobeRequest {
  method: string;
  /** path without the query string */
  path: string;
  query: Record<string, string>;
  /** request headers (lower-case names), including Host */
  headers: IncomingHttpHeaders;
  /** request body: the form for urlencoded, parsed JSON, or raw text */
  body: unknown;
  /** 0 when the connection was dropped */
  status: number;
  response?: unknown;
  /** set when an injected fault answered */
  fault?: boolean;
}

export interface FaultSpec {
  method?: string;
  path: RegExp;
  /** answer with this status (default 500 unless only delayMs is set) */
  status?: number;
  /** how many matching requests the fault applies to; default 1; Infinity allowed */
  times?: number;
  /** response headers, e.g. { 'retry-after': '1' } */
  headers?: Record<string, string>;
  /** response body; default an error JSON in the shape of the service the path belongs to */
  body?: unknown;
  /** wait before answering (alone: then answer normally) */
  delayMs?: number;
  /** destroy the connection without answering */
  drop?: boolean;
}

export interface Fault {
  spec: FaultSpec;
  /** matching requests answered by this fault so far */
  hits: number;
  remaining: number;
  cancel(): void;
}

export interface IssueTokenOptions {
  /** client id to attribute the token to (x-api-key of the caller); default 'fake-user-token' */
  clientId?: string;
  scopes?: string[];
  orgs?: string[] | '*';
  projects?: string[] | '*';
  canListProjects?: boolean;
  ioManagementApi?: boolean;
  expiresInSeconds?: number;
}

export interface JwtSeed {
  id?: string;
  name?: string;
  clientId?: string;
  clientSecret?: string;
  technicalAccountId?: string;
  technicalAccountEmail?: string;
  metascopes?: string[];
  services?: FakeService[];
  /** certificate bindings; notAfter as Date, epoch ms or ISO string. Default one valid for 180 days. */
  certificates?: Array<{ notAfter: Date | number | string; fingerprint?: string; bindingId?: string }>;
}

export interface OAuthSeed {
  id?: string;
  name?: string;
  clientId?: string;
  /** plain secrets; default one generated */
  clientSecrets?: string[];
  technicalAccountId?: string;
  technicalAccountEmail?: string;
  scopes?: string[];
  services?: FakeService[];
  /** result of a finished JWT migration (status endpoint says COMPLETED) */
  migratedFromJwt?: boolean;
  /** IMS access of this credential's token; default its own org, all projects */
  access?: Pick<FakeImsClient, 'orgs' | 'projects' | 'canListProjects' | 'ioManagementApi'>;
}

export interface MigratingSeed extends JwtSeed {
  /** OAuth client id; default the JWT client id (Adobe keeps it) */
  oauthClientId?: string;
  clientSecrets?: string[];
  scopes?: string[];
  access?: OAuthSeed['access'];
}

export interface AdobeIdSeed {
  id?: string;
  name?: string;
  clientId?: string;
  clientSecret?: string;
  /** oauthwebapp (default), oauthsinglepageapp, oauthnativeapp, oauthios, oauthandroid, ... */
  integrationType?: string;
  redirectUris?: string[];
  services?: FakeService[];
}

export interface QueryServiceAccountSeed {
  sandbox?: string;
  technicalAccountId?: string;
  technicalAccountName?: string;
  accountName?: string;
  description?: string;
  assignedToUser?: string;
  credential?: string;
  active?: boolean;
}

export interface FakeAdobe {
  /** base URL, e.g. http://127.0.0.1:43210; IMS, Console and Platform all live under it */
  url: string;
  log: FakeAdobeRequest[];
  /** the state, for assertions */
  orgs: Map<string, FakeOrg>;
  projects: Map<string, FakeProject>;
  workspaces: Map<string, FakeWorkspace>;
  credentials: Map<string, FakeCredential>;
  clients: Map<string, FakeImsClient>;
  queryServiceAccounts: FakeQueryServiceAccount[];

  addClient(client: FakeImsClient): FakeImsClient;
  addOrg(seed?: Partial<FakeOrg>): FakeOrg;
  addProject(orgId: string, seed?: Partial<Omit<FakeProject, 'orgId'>>): FakeProject;
  addWorkspace(projectId: string, seed?: Partial<Omit<FakeWorkspace, 'orgId' | 'projectId'>>): FakeWorkspace;
  /** Service Account (JWT): flow_type entp + integration_type service; IMS refuses client_credentials (unauthorized_client) */
  addJwtCredential(workspaceId: string, seed?: JwtSeed): FakeCredential;
  /** OAuth Server-to-Server: entp + oauth_server_to_server; registered at IMS with its secrets and scopes */
  addOAuthCredential(workspaceId: string, seed?: OAuthSeed): FakeCredential;
  /** JWT with an OAuth credential added, migration not finished: entp + oauth_server_to_server_migrate */
  addMigratingCredential(workspaceId: string, seed?: MigratingSeed): FakeCredential;
  /** OAuth user (web) credential: flow_type adobeid */
  addAdobeIdCredential(workspaceId: string, seed?: AdobeIdSeed): FakeCredential;
  /** API-key-only credential (flow_type adobeid, integration_type apikey, no secret) */
  addApiKeyCredential(workspaceId: string, seed?: { id?: string; name?: string; clientId?: string; services?: FakeService[] }): FakeCredential;
  /** move a JWT credential to migrating (adds OAuth secrets and scopes), as "Add OAuth Server-to-Server credential" does */
  startMigration(credentialId: string, seed?: { clientSecrets?: string[]; scopes?: string[] }): FakeCredential;
  /** finish a migration (JWT deleted): the credential becomes oauth_server_to_server, migratedFromJwt */
  finishMigration(credentialId: string): FakeCredential;
  deleteCredential(credentialId: string): void;
  addQueryServiceAccount(imsOrgId: string, seed?: QueryServiceAccountSeed): FakeQueryServiceAccount;

  /** mint a token directly (a user token, or the `adobe-access-token` a workflow already has) */
  issueToken(opts?: IssueTokenOptions): string;
  revokeToken(token: string): void;
  /** move the fake clock forward (token expiry) */
  advanceClock(ms: number): void;
  now(): number;

  inject(spec: FaultSpec): Fault;
  clearFaults(): void;
  close(): Promise<void>;
}

/** The I/O Management API scopes Adobe documents for an OAuth S2S credential used against the Console. */
export const IO_MANAGEMENT_SCOPES = [
  'AdobeID',
  'openid',
  'read_organizations',
  'additional_info.projectedProductContext',
  'additional_info.roles',
  'adobeio_api',
  'read_client_secret',
  'manage_client_secrets',
];

export const IO_MANAGEMENT_SERVICE: FakeService = { code: 'AdobeIOManagementAPISDK', name: 'I/O Management API' };

/** The production hosts the fake stands in for. */
export const ADOBE_HOSTS = ['developers.adobe.io', 'developers-stage.adobe.io', 'ims-na1.adobelogin.com', 'ims-na1-stg1.adobelogin.com', 'platform.adobe.io'];

// ───────────────────────────── helpers ─────────────────────────────

interface TokenRecord {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  orgs: string[] | '*';
  projects: string[] | '*';
  canListProjects: boolean;
  ioManagementApi: boolean;
}

/** an error reply; routes may also return one (status 200) to set headers */
class HttpError extends Error {
  constructor(
    public status: number,
    public body: unknown,
    public headers: Record<string, string> = {},
  ) {
    super(`${status}`);
  }
}

const gatewayError = (status: number, code: string, message: string) => new HttpError(status, { error_code: code, message });
const consoleError = (status: number, sub: number, message: string) => new HttpError(status, { error_code: status * 1000 + sub, message });

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function b64url(o: object): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

function toMs(v: Date | number | string): number {
  return v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(req: IncomingMessage, raw: Buffer): unknown {
  if (!raw.length) return undefined;
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Service a path belongs to, for default error bodies. */
function serviceOf(path: string): 'ims' | 'console' | 'platform' {
  if (path.startsWith('/ims/')) return 'ims';
  if (path.startsWith('/data/')) return 'platform';
  return 'console';
}

function defaultFaultBody(path: string, status: number): unknown {
  if (serviceOf(path) === 'ims') return { error: status === 429 ? 'too_many_requests' : 'server_error', error_description: `injected ${status}` };
  const message = status === 429 ? 'Too many requests' : status >= 500 ? 'Internal Server Error' : `injected ${status}`;
  return { error_code: `${status}050`, message };
}

// ───────────────────────────── the fake ─────────────────────────────

export async function startFakeAdobe(options: FakeAdobeOptions = {}): Promise<FakeAdobe> {
  const baseNow = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => baseNow() + clockOffset;
  const iso = (ms = now()) => new Date(ms).toISOString();
  const lifetime = options.tokenLifetimeSeconds ?? 86_399;

  const log: FakeAdobeRequest[] = [];
  const orgs = new Map<string, FakeOrg>();
  const projects = new Map<string, FakeProject>();
  const workspaces = new Map<string, FakeWorkspace>();
  const credentials = new Map<string, FakeCredential>();
  const clients = new Map<string, FakeImsClient>();
  const tokens = new Map<string, TokenRecord>();
  const queryServiceAccounts: FakeQueryServiceAccount[] = [];
  const apiKeys = new Set(options.apiKeys ?? []);
  const faults: Fault[] = [];

  let seq = 0;
  const nextId = (digits: number) => {
    seq += 1;
    const s = String(seq);
    return (digits > 6 ? '45662060883447' : '4').padEnd(digits - s.length, '0') + s;
  };

  for (const c of options.clients ?? []) clients.set(c.clientId, c);

  // ── builders ──
  const addClient = (c: FakeImsClient) => {
    clients.set(c.clientId, c);
    return c;
  };

  const addOrg = (seed: Partial<FakeOrg> = {}): FakeOrg => {
    const id = seed.id ?? nextId(5);
    const org: FakeOrg = {
      id,
      code: seed.code ?? `${hex(12).toUpperCase()}@AdobeOrg`,
      name: seed.name ?? `Org ${id}`,
      description: seed.description ?? '',
      type: seed.type ?? 'entp',
      role: seed.role ?? 'ADMIN',
    };
    orgs.set(id, org);
    return org;
  };

  const addProject = (orgId: string, seed: Partial<Omit<FakeProject, 'orgId'>> = {}): FakeProject => {
    if (!orgs.has(orgId)) throw new Error(`addProject: unknown org ${orgId}`);
    const id = seed.id ?? nextId(19);
    const name = seed.name ?? `Project${id.slice(-4)}`;
    const p: FakeProject = {
      id,
      orgId,
      name,
      title: seed.title ?? name,
      description: seed.description ?? '',
      type: seed.type ?? 'default',
      appId: seed.appId,
      created: seed.created ?? iso(),
    };
    projects.set(id, p);
    return p;
  };

  const addWorkspace = (projectId: string, seed: Partial<Omit<FakeWorkspace, 'orgId' | 'projectId'>> = {}): FakeWorkspace => {
    const p = projects.get(projectId);
    if (!p) throw new Error(`addWorkspace: unknown project ${projectId}`);
    const id = seed.id ?? nextId(19);
    const name = seed.name ?? 'Production';
    const w: FakeWorkspace = {
      id,
      orgId: p.orgId,
      projectId,
      name,
      title: seed.title ?? name,
      description: seed.description ?? '',
      runtime: seed.runtime ?? false,
      created: seed.created ?? iso(),
    };
    workspaces.set(id, w);
    return w;
  };

  const wsOf = (workspaceId: string) => {
    const w = workspaces.get(workspaceId);
    if (!w) throw new Error(`unknown workspace ${workspaceId}`);
    return w;
  };

  const secretRecords = (secrets: string[]): FakeClientSecret[] =>
    secrets.map((s) => ({ uuid: randomUUID(), client_secret: s, created_at: iso() }));

  const base = (w: FakeWorkspace, id: string | undefined, name: string | undefined, kind: CredentialKind, flowType: string, integrationType: string, clientId: string): FakeCredential => ({
    id: id ?? nextId(8),
    orgId: w.orgId,
    projectId: w.projectId,
    workspaceId: w.id,
    name: name ?? `Credential ${kind}`,
    kind,
    flowType,
    integrationType,
    clientId,
    clientSecrets: [],
    metascopes: [],
    scopes: [],
    services: [],
    certificates: [],
    redirectUris: [],
    migratedFromJwt: false,
    created: iso(),
  });

  const techAccount = (seed: { technicalAccountId?: string; technicalAccountEmail?: string }) => ({
    technicalAccountId: seed.technicalAccountId ?? `${hex(12).toUpperCase()}@techacct.adobe.com`,
    technicalAccountEmail: seed.technicalAccountEmail ?? `${randomUUID()}@techacct.adobe.com`,
  });

  /** keep IMS in step with the Console: OAuth secrets work at /ims/token/v3, JWT clients get unauthorized_client */
  const syncImsClient = (c: FakeCredential, access: OAuthSeed['access'] = {}) => {
    const oauth = c.kind === 'oauth_server_to_server' || c.kind === 'migrating';
    const id = c.oauthClientId ?? c.clientId;
    const prev = clients.get(id);
    clients.set(id, {
      clientId: id,
      clientSecrets: oauth ? c.clientSecrets.map((s) => s.client_secret) : c.clientSecret ? [c.clientSecret] : [],
      scopes: oauth ? c.scopes : [],
      orgs: access.orgs ?? prev?.orgs ?? [c.orgId],
      projects: access.projects ?? prev?.projects ?? '*',
      canListProjects: access.canListProjects ?? prev?.canListProjects ?? true,
      ioManagementApi: access.ioManagementApi ?? prev?.ioManagementApi ?? true,
      grantTypes: oauth ? ['client_credentials'] : [],
      imsOrgId: orgs.get(c.orgId)?.code,
    });
  };

  const certs = (list: JwtSeed['certificates']): FakeCertificate[] =>
    (list ?? [{ notAfter: now() + 180 * 86_400_000 }]).map((x) => ({
      bindingId: x.bindingId ?? nextId(6),
      certificateFingerprint: x.fingerprint ?? hex(20),
      notAfter: toMs(x.notAfter),
    }));

  const addJwtCredential = (workspaceId: string, seed: JwtSeed = {}) => {
    const w = wsOf(workspaceId);
    const c = base(w, seed.id, seed.name, 'jwt', 'entp', 'service', seed.clientId ?? hex(16));
    Object.assign(c, techAccount(seed));
    c.clientSecret = seed.clientSecret ?? `p8e-${hex(14)}`;
    c.metascopes = seed.metascopes ?? ['ent_adobeio_sdk'];
    c.services = seed.services ?? [IO_MANAGEMENT_SERVICE];
    c.certificates = certs(seed.certificates);
    credentials.set(c.id, c);
    syncImsClient(c);
    return c;
  };

  const addOAuthCredential = (workspaceId: string, seed: OAuthSeed = {}) => {
    const w = wsOf(workspaceId);
    const c = base(w, seed.id, seed.name, 'oauth_server_to_server', 'entp', 'oauth_server_to_server', seed.clientId ?? hex(16));
    Object.assign(c, techAccount(seed));
    c.clientSecrets = secretRecords(seed.clientSecrets ?? [`p8e-${hex(14)}`]);
    c.scopes = seed.scopes ?? [...IO_MANAGEMENT_SCOPES];
    c.services = seed.services ?? [IO_MANAGEMENT_SERVICE];
    c.migratedFromJwt = seed.migratedFromJwt ?? false;
    credentials.set(c.id, c);
    syncImsClient(c, seed.access);
    return c;
  };

  const addMigratingCredential = (workspaceId: string, seed: MigratingSeed = {}) => {
    const c = addJwtCredential(workspaceId, seed);
    clients.delete(c.clientId);
    return startMigrationOf(c, seed);
  };

  const startMigrationOf = (c: FakeCredential, seed: { oauthClientId?: string; clientSecrets?: string[]; scopes?: string[]; access?: OAuthSeed['access'] }) => {
    c.kind = 'migrating';
    c.integrationType = 'oauth_server_to_server_migrate';
    if (seed.oauthClientId && seed.oauthClientId !== c.clientId) c.oauthClientId = seed.oauthClientId;
    c.clientSecrets = secretRecords(seed.clientSecrets ?? [`p8e-${hex(14)}`]);
    c.scopes = seed.scopes ?? (c.scopes.length ? c.scopes : [...IO_MANAGEMENT_SCOPES]);
    syncImsClient(c, seed.access);
    return c;
  };

  const addAdobeIdCredential = (workspaceId: string, seed: AdobeIdSeed = {}) => {
    const w = wsOf(workspaceId);
    const c = base(w, seed.id, seed.name, 'adobeid', 'adobeid', seed.integrationType ?? 'oauthwebapp', seed.clientId ?? hex(16));
    c.clientSecret = seed.clientSecret ?? `p8e-${hex(14)}`;
    c.redirectUris = seed.redirectUris ?? ['https://example.com/callback'];
    c.services = seed.services ?? [];
    credentials.set(c.id, c);
    syncImsClient(c);
    return c;
  };

  const addApiKeyCredential = (workspaceId: string, seed: { id?: string; name?: string; clientId?: string; services?: FakeService[] } = {}) => {
    const w = wsOf(workspaceId);
    const c = base(w, seed.id, seed.name, 'apikey', 'adobeid', 'apikey', seed.clientId ?? hex(16));
    c.services = seed.services ?? [];
    credentials.set(c.id, c);
    apiKeys.add(c.clientId);
    return c;
  };

  const credOf = (id: string) => {
    const c = credentials.get(id);
    if (!c) throw new Error(`unknown credential ${id}`);
    return c;
  };

  const startMigration = (id: string, seed: { clientSecrets?: string[]; scopes?: string[] } = {}) => {
    const c = credOf(id);
    if (c.kind !== 'jwt') throw new Error(`credential ${id} is ${c.kind}, not jwt`);
    return startMigrationOf(c, seed);
  };

  const finishMigration = (id: string) => {
    const c = credOf(id);
    if (c.kind !== 'migrating') throw new Error(`credential ${id} is ${c.kind}, not migrating`);
    c.kind = 'oauth_server_to_server';
    c.integrationType = 'oauth_server_to_server';
    c.migratedFromJwt = true;
    c.clientSecret = undefined;
    c.metascopes = [];
    c.certificates = [];
    if (c.oauthClientId) {
      clients.delete(c.clientId);
      c.clientId = c.oauthClientId;
      c.oauthClientId = undefined;
    }
    syncImsClient(c);
    return c;
  };

  const deleteCredential = (id: string) => {
    const c = credOf(id);
    credentials.delete(id);
    clients.delete(c.oauthClientId ?? c.clientId);
    clients.delete(c.clientId);
  };

  const addQueryServiceAccount = (imsOrgId: string, seed: QueryServiceAccountSeed = {}) => {
    const id = seed.technicalAccountId ?? hex(12).toUpperCase();
    const a: FakeQueryServiceAccount = {
      imsOrgId,
      sandbox: seed.sandbox ?? 'prod',
      technicalAccountId: id,
      technicalAccountName: seed.technicalAccountName ?? `${randomUUID().toUpperCase()}@TECHACCT.ADOBE.COM`,
      accountName: seed.accountName ?? `account ${id}`,
      description: seed.description ?? '',
      assignedToUser: seed.assignedToUser ?? 'analyst@example.com',
      credential: seed.credential ?? hex(16),
      created: iso(),
      createdBy: `${hex(12).toUpperCase()}@AdobeID`,
      active: seed.active ?? true,
    };
    queryServiceAccounts.push(a);
    return a;
  };

  // ── tokens ──
  const mint = (rec: Omit<TokenRecord, 'token' | 'expiresAt'>, expiresIn: number) => {
    const created = now();
    const payload = { id: `${created}_${randomUUID()}`, type: 'access_token', client_id: rec.clientId, as: 'ims-na1', created_at: String(created), expires_in: String(expiresIn * 1000), scope: rec.scopes.join(',') };
    const token = `eyJhbGciOiJSUzI1NiIsIng1dSI6Imltc19uYTEta2V5LWF0LTEuY2VyIn0.${b64url(payload)}.${randomBytes(32).toString('base64url')}`;
    tokens.set(token, { ...rec, token, expiresAt: created + expiresIn * 1000 });
    return token;
  };

  const issueToken = (o: IssueTokenOptions = {}) =>
    mint(
      {
        clientId: o.clientId ?? 'fake-user-token',
        scopes: o.scopes ?? [...IO_MANAGEMENT_SCOPES],
        orgs: o.orgs ?? '*',
        projects: o.projects ?? '*',
        canListProjects: o.canListProjects ?? true,
        ioManagementApi: o.ioManagementApi ?? true,
      },
      o.expiresInSeconds ?? lifetime,
    );

  // ── IMS ──
  const imsError = (status: number, error: string, description: string) => new HttpError(status, { error, error_description: description });

  const tokenV3 = (req: IncomingMessage, form: unknown) => {
    if (!(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') || typeof form !== 'object' || form === null) {
      throw imsError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const f = form as Record<string, string>;
    if (!f.grant_type) throw imsError(400, 'invalid_request', 'missing grant_type parameter');
    if (f.grant_type !== 'client_credentials') throw imsError(400, 'unsupported_grant_type', `unsupported grant_type ${f.grant_type}`);
    if (!f.client_id) throw imsError(400, 'invalid_request', 'missing client_id parameter');
    const client = clients.get(f.client_id);
    if (!client) throw imsError(400, 'invalid_client', 'invalid client_id parameter');
    if (!f.client_secret) throw imsError(400, 'invalid_request', 'missing client_secret parameter');
    if (!client.clientSecrets.includes(f.client_secret)) throw imsError(401, 'invalid_client', 'invalid client_secret parameter');
    if (!(client.grantTypes ?? ['client_credentials']).includes('client_credentials')) {
      throw imsError(400, 'unauthorized_client', 'Client is not authorized to use the client_credentials grant type');
    }
    const scope = f.scope ?? '';
    if (/\s/.test(scope)) throw imsError(400, 'invalid_scope', 'scopes must be comma-separated without spaces');
    const asked = scope.split(',').filter(Boolean);
    const unknown = asked.filter((s) => !client.scopes.includes(s));
    if (!asked.length || unknown.length) throw imsError(400, 'invalid_scope', `invalid scope (${unknown.join(',') || 'none given'})`);
    // record secret usage on the Console side
    for (const c of credentials.values()) {
      if ((c.oauthClientId ?? c.clientId) !== f.client_id) continue;
      const s = c.clientSecrets.find((x) => x.client_secret === f.client_secret);
      if (s) s.last_used_at = iso();
    }
    const access_token = mint(
      {
        clientId: client.clientId,
        scopes: asked,
        orgs: client.orgs ?? '*',
        projects: client.projects ?? '*',
        canListProjects: client.canListProjects ?? true,
        ioManagementApi: client.ioManagementApi ?? true,
      },
      lifetime,
    );
    return { access_token, token_type: 'bearer', expires_in: lifetime };
  };

  // ── gateway ──
  const authenticate = (req: IncomingMessage): TokenRecord => {
    const auth = req.headers.authorization;
    const m = /^Bearer\s+(\S+)$/i.exec(auth ?? '');
    if (!m) throw gatewayError(401, '401013', auth ? 'Oauth token is not valid' : 'Authorization header is missing');
    const rec = tokens.get(m[1]);
    if (!rec || rec.expiresAt <= now()) throw gatewayError(401, '401013', 'Oauth token is not valid');
    const key = req.headers['x-api-key'];
    if (!key) throw gatewayError(403, '403000', 'Api Key is required');
    if (typeof key !== 'string' || !(clients.has(key) || apiKeys.has(key))) throw gatewayError(403, '403003', 'Api Key is invalid');
    return rec;
  };

  const orgAllowed = (t: TokenRecord, o: FakeOrg) => t.orgs === '*' || t.orgs.includes(o.id) || t.orgs.includes(o.code);
  const projectAllowed = (t: TokenRecord, p: FakeProject) => t.projects === '*' || t.projects.includes(p.id);

  const needOrg = (t: TokenRecord, orgId: string) => {
    const o = orgs.get(orgId);
    if (!o) throw consoleError(404, 1, `Organization ${orgId} not found`);
    if (!orgAllowed(t, o)) throw consoleError(403, 3, `Not authorized to access organization ${orgId}`);
    return o;
  };
  const needProject = (t: TokenRecord, orgId: string, projectId: string) => {
    needOrg(t, orgId);
    const p = projects.get(projectId);
    if (!p || p.orgId !== orgId) throw consoleError(404, 10, `Project ${projectId} not found`);
    if (!projectAllowed(t, p)) throw consoleError(403, 4, `Not authorized to access project ${projectId}`);
    return p;
  };
  const needWorkspace = (t: TokenRecord, orgId: string, projectId: string, workspaceId: string) => {
    const p = needProject(t, orgId, projectId);
    const w = workspaces.get(workspaceId);
    if (!w || w.projectId !== projectId) throw consoleError(404, 11, `Workspace ${workspaceId} not found`);
    return { p, w };
  };
  const needCredential = (t: TokenRecord, orgId: string, id: string) => {
    needOrg(t, orgId);
    const c = credentials.get(id);
    if (!c || c.orgId !== orgId) throw consoleError(404, 12, `Integration ${id} not found`);
    const p = projects.get(c.projectId);
    if (p && !projectAllowed(t, p)) throw consoleError(403, 4, `Not authorized to access project ${p.id}`);
    return c;
  };

  // ── shapes ──
  const orgJson = (o: FakeOrg) => ({ id: o.id, code: o.code, name: o.name, description: o.description, type: o.type, role: o.role });
  const projectJson = (p: FakeProject) => ({
    id: p.id,
    name: p.name,
    title: p.title,
    description: p.description,
    type: p.type,
    enabled: true,
    deleted: false,
    org_id: p.orgId,
    ...(p.appId ? { appId: p.appId } : {}),
    date_created: p.created,
    date_last_modified: p.created,
    who_created: 'fake@adobe.example',
    who_last_modified: 'fake@adobe.example',
  });
  const workspaceJson = (w: FakeWorkspace) => ({
    id: w.id,
    name: w.name,
    title: w.title,
    description: w.description,
    quota_usage: '0',
    enabled: true,
    runtime_enabled: w.runtime,
    date_created: w.created,
    date_last_modified: w.created,
    who_created: 'fake@adobe.example',
    who_last_modified: 'fake@adobe.example',
  });
  const credentialsOf = (workspaceId: string) => [...credentials.values()].filter((c) => c.workspaceId === workspaceId);
  const credentialListJson = (c: FakeCredential) => ({
    id_workspace: c.workspaceId,
    id_integration: c.id,
    name: c.name,
    flow_type: c.flowType,
    integration_type: c.integrationType,
    client_id: c.clientId,
    sdk_list: c.services.map((s) => s.code),
    date_created: c.created,
  });
  const downloadCredentialJson = (c: FakeCredential) => {
    const out: Record<string, unknown> = { id: c.id, name: c.name, integration_type: c.integrationType };
    if (c.kind === 'jwt' || c.kind === 'migrating') {
      out.jwt = {
        client_id: c.clientId,
        client_secret: c.clientSecret,
        technical_account_email: c.technicalAccountEmail,
        technical_account_id: c.technicalAccountId,
        meta_scopes: c.metascopes,
      };
    }
    if (c.kind === 'oauth_server_to_server' || c.kind === 'migrating') {
      out.oauth_server_to_server = {
        client_id: c.oauthClientId ?? c.clientId,
        client_secrets: c.clientSecrets.map((s) => s.client_secret),
        technical_account_email: c.technicalAccountEmail,
        technical_account_id: c.technicalAccountId,
        scopes: c.scopes,
      };
    }
    if (c.kind === 'adobeid') out.oauth2 = { client_id: c.clientId, client_secret: c.clientSecret, redirect_uri: c.redirectUris };
    if (c.kind === 'apikey') out.api_key = { client_id: c.clientId };
    return out;
  };
  const downloadJson = (o: FakeOrg, p: FakeProject, w: FakeWorkspace) => {
    const creds = credentialsOf(w.id);
    const services = new Map<string, { code: string; name: string }>();
    for (const c of creds) for (const s of c.services) services.set(s.code, { code: s.code, name: s.name });
    return {
      project: {
        id: p.id,
        name: p.name,
        title: p.title,
        description: p.description,
        org: { id: o.id, name: o.name, ims_org_id: o.code },
        workspace: {
          id: w.id,
          name: w.name,
          title: w.title,
          description: w.description,
          action_url: w.runtime ? `https://${o.id}-${p.name.toLowerCase()}-${w.name.toLowerCase()}.adobeioruntime.net` : '',
          app_url: w.runtime ? `https://${o.id}-${p.name.toLowerCase()}-${w.name.toLowerCase()}.adobeio-static.net` : '',
          details: {
            credentials: creds.map(downloadCredentialJson),
            services: [...services.values()],
            runtime: { namespaces: w.runtime ? [{ name: `${o.id}-${p.name.toLowerCase()}-${w.name.toLowerCase()}`, auth: hex(32) }] : [] },
            events: { registrations: [] },
            mesh: {},
          },
        },
      },
    };
  };
  const integrationJson = (c: FakeCredential) => ({
    id: c.id,
    apikey: c.oauthClientId ?? c.clientId,
    orgId: c.orgId,
    name: c.name,
    description: '',
    type: c.flowType,
    platform: c.flowType === 'entp' ? 'NA' : 'Web',
    ...(c.technicalAccountId ? { technicalAccountId: c.technicalAccountId, technicalAccountEmail: c.technicalAccountEmail } : {}),
    ...(c.kind === 'adobeid' ? { redirectUriList: c.redirectUris, defaultRedirectUri: c.redirectUris[0] ?? '', domain: 'example.com' } : {}),
    production: false,
    readOnly: false,
    sdkList: c.services.map((s) => s.code),
    serviceProperties: c.services.map((s) => ({
      sdkCode: s.code,
      name: s.name,
      roles: [],
      scopes: c.kind === 'jwt' ? [] : (s.scopes ?? c.scopes),
      licenseConfigs: [],
    })),
    status: 'ENABLED',
    createdDate: c.created,
    lastModifiedDate: c.created,
  });

  // ── Console routes ──
  type Route = [method: string, re: RegExp, fn: (t: TokenRecord, m: string[], q: URLSearchParams) => unknown | Promise<unknown>];
  const seg = '([^/]+)';
  const O = `/console/organizations/${seg}`;
  const P = `${O}/projects/${seg}`;
  const W = `${P}/workspaces/${seg}`;
  const consoleRoutes: Route[] = [
    ['GET', /^\/console\/organizations$/, (t) => [...orgs.values()].filter((o) => orgAllowed(t, o)).map(orgJson)],
    [
      'GET',
      new RegExp(`^${O}/projects$`),
      (t, [orgId], q) => {
        needOrg(t, orgId);
        if (!t.canListProjects) throw consoleError(403, 5, 'Listing projects requires a user token');
        let list = [...projects.values()].filter((p) => p.orgId === orgId && projectAllowed(t, p));
        if (q.get('title')) list = list.filter((p) => p.title === q.get('title'));
        const count = list.length;
        const page = Number(q.get('page') ?? 0);
        if (page > 0) {
          const size = Number(q.get('size') ?? 100);
          list = list.slice((page - 1) * size, page * size);
          return new HttpError(200, list.map(projectJson), { 'x-pagination-count': String(count), 'x-pagination-page': String(page), 'x-pagination-size': String(size) });
        }
        return list.map(projectJson);
      },
    ],
    ['GET', new RegExp(`^${P}$`), (t, [o, p]) => projectJson(needProject(t, o, p))],
    [
      'GET',
      new RegExp(`^${P}/workspaces$`),
      (t, [o, p]) => {
        needProject(t, o, p);
        return [...workspaces.values()].filter((w) => w.projectId === p).map(workspaceJson);
      },
    ],
    ['GET', new RegExp(`^${W}$`), (t, [o, p, w]) => workspaceJson(needWorkspace(t, o, p, w).w)],
    [
      'GET',
      new RegExp(`^${W}/credentials$`),
      (t, [o, p, w]) => {
        needWorkspace(t, o, p, w);
        return credentialsOf(w).map(credentialListJson);
      },
    ],
    [
      'GET',
      new RegExp(`^${W}/download$`),
      (t, [o, p, w]) => {
        const r = needWorkspace(t, o, p, w);
        return downloadJson(orgs.get(o)!, r.p, r.w);
      },
    ],
    [
      'GET',
      new RegExp(`^${O}/integrations/entp/${seg}/bindings$`),
      (t, [o, id]) => {
        const c = needCredential(t, o, id);
        if (c.flowType !== 'entp') throw consoleError(404, 12, `Integration ${id} is not an enterprise integration`);
        return c.certificates.map((b) => ({ bindingId: b.bindingId, orgId: o, technicalAccountId: c.technicalAccountId, certificateFingerprint: b.certificateFingerprint, notAfter: b.notAfter }));
      },
    ],
    [
      'GET',
      new RegExp(`^${O}/integrations/${seg}/secrets$`),
      (t, [o, id]) => {
        const c = needCredential(t, o, id);
        const list = c.clientSecrets.length ? c.clientSecrets : c.clientSecret ? [{ uuid: randomUUID(), client_secret: c.clientSecret, created_at: c.created }] : [];
        return {
          client_id: c.oauthClientId ?? c.clientId,
          client_secrets: list.map((s) => ({
            client_secret: s.client_secret,
            uuid: s.uuid,
            created_at: s.created_at,
            ...('expires_at' in s && s.expires_at ? { expires_at: s.expires_at } : {}),
            secret_usages: 'last_used_at' in s && s.last_used_at ? [{ last_used_at: s.last_used_at, grant_type: 'client_credentials' }] : [],
          })),
        };
      },
    ],
    ['GET', new RegExp(`^${O}/integrations/${seg}$`), (t, [o, id]) => integrationJson(needCredential(t, o, id))],
    [
      'GET',
      new RegExp(`^${O}/credentials/oauth-server-to-server/${seg}/status$`),
      (t, [o, id]) => {
        const c = needCredential(t, o, id);
        const migrationStatus = c.kind === 'jwt' ? 'NOT_STARTED' : c.kind === 'migrating' ? 'STARTED' : c.migratedFromJwt ? 'COMPLETED' : 'NONE';
        return { migrationStatus };
      },
    ],
    [
      'GET',
      /^\/console\/clients\/([^/]+)\/credential$/,
      (t, [clientId]) => {
        const c = [...credentials.values()].find((x) => x.clientId === clientId || x.oauthClientId === clientId);
        if (!c) throw consoleError(404, 13, `Credential with client id ${clientId} not found`);
        const o = orgs.get(c.orgId)!;
        if (!orgAllowed(t, o)) throw consoleError(403, 3, `Not authorized to access organization ${o.id}`);
        const p = projects.get(c.projectId);
        if (p && !projectAllowed(t, p)) throw consoleError(403, 4, `Not authorized to access project ${p.id}`);
        return {
          org_id: o.id,
          org_code: o.code,
          project_id: c.projectId,
          workspace_id: c.workspaceId,
          credential_id: c.id,
          client_id: clientId,
          flow_type: c.flowType,
          credential_type: c.integrationType,
          metadata: c.kind === 'adobeid' ? { 'adobeid.domain': 'example.com' } : {},
          services: c.services.map((s) => s.code),
        };
      },
    ],
  ];

  // ── Platform: Query Service accounts ──
  const queryAccounts = (t: TokenRecord, req: IncomingMessage) => {
    const orgHeader = req.headers['x-gw-ims-org-id'];
    const sandbox = req.headers['x-sandbox-name'];
    if (typeof orgHeader !== 'string' || !orgHeader) throw gatewayError(400, '400003', 'Missing required header x-gw-ims-org-id');
    if (typeof sandbox !== 'string' || !sandbox) throw gatewayError(400, '400004', 'Missing required header x-sandbox-name');
    const o = [...orgs.values()].find((x) => x.code === orgHeader);
    if (!o || !orgAllowed(t, o)) throw gatewayError(403, '403027', `Not authorized for organization ${orgHeader}`);
    const list = queryServiceAccounts
      .filter((a) => a.imsOrgId === orgHeader && a.sandbox === sandbox)
      .sort((a, b) => b.created.localeCompare(a.created))
      .map((a) => ({
        lastUpdated: a.created,
        accountName: a.accountName,
        description: a.description,
        assignedToUser: a.assignedToUser,
        technicalAccountName: a.technicalAccountName,
        technicalAccountId: a.technicalAccountId,
        lastUpdatedBy: a.createdBy,
        createdBy: a.createdBy,
        created: a.created,
        active: a.active,
      }));
    return {
      accounts: list,
      _page: { count: list.length, orderby: '-created', property: 'active==true', ...(list.length ? { start: list[0].created, next: list[list.length - 1].created } : {}) },
      _links: {},
      version: 1,
    };
  };

  // ── dispatch ──
  const route = async (req: IncomingMessage, path: string, query: URLSearchParams, body: unknown): Promise<[number, unknown, Record<string, string>]> => {
    const method = req.method ?? 'GET';
    if (path === '/ims/token/v3') {
      if (method !== 'POST') throw imsError(405, 'invalid_request', 'method not allowed');
      return [200, tokenV3(req, body), {}];
    }
    if (path === '/data/foundation/queryauth/accounts' && method === 'GET') {
      const t = authenticate(req);
      return [200, queryAccounts(t, req), {}];
    }
    if (path.startsWith('/console/')) {
      for (const [m, re, fn] of consoleRoutes) {
        const hit = re.exec(path);
        if (!hit || m !== method) continue;
        const t = authenticate(req);
        if (!t.ioManagementApi) throw gatewayError(403, '403003', 'Api Key is invalid: the credential has no I/O Management API');
        const out = await fn(t, hit.slice(1).map(decodeURIComponent), query);
        return out instanceof HttpError ? [out.status, out.body, out.headers] : [200, out, {}];
      }
      authenticate(req);
      throw consoleError(404, 0, `No route for ${method} ${path}`);
    }
    throw new HttpError(404, { error_code: '404000', message: `No route for ${method} ${path}` });
  };

  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, answer: unknown, headers: Record<string, string>) => {
    if (res.destroyed || res.writableEnded) return;
    try {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'x-request-id': randomUUID(), ...headers });
      res.end(answer === undefined ? '' : JSON.stringify(answer));
    } catch {
      /* client went away */
    }
  };

  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const path = u.pathname;
    const raw = await readBody(req);
    const body = parseBody(req, raw);
    const entry: FakeAdobeRequest = { method: req.method ?? 'GET', path, query: Object.fromEntries(u.searchParams), headers: req.headers, body, status: 0 };
    log.push(entry);

    const fault = faults.find((f) => f.remaining > 0 && f.spec.path.test(path) && (!f.spec.method || f.spec.method.toUpperCase() === entry.method));
    if (fault) {
      fault.remaining -= 1;
      fault.hits += 1;
      const s = fault.spec;
      if (s.delayMs) await sleep(s.delayMs);
      if (s.drop) {
        entry.fault = true;
        req.socket.destroy();
        return;
      }
      if (s.status !== undefined || !s.delayMs) {
        const status = s.status ?? 500;
        entry.fault = true;
        entry.status = status;
        entry.response = s.body ?? defaultFaultBody(path, status);
        send(res, status, entry.response, s.headers ?? {});
        return;
      }
    }

    let status: number;
    let answer: unknown;
    let headers: Record<string, string>;
    try {
      [status, answer, headers] = await route(req, path, u.searchParams, body);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      [status, answer, headers] = [e.status, e.body, e.headers];
    }
    entry.status = res.destroyed ? 0 : status;
    entry.response = answer;
    send(res, status, answer, headers);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    log,
    orgs,
    projects,
    workspaces,
    credentials,
    clients,
    queryServiceAccounts,
    addClient,
    addOrg,
    addProject,
    addWorkspace,
    addJwtCredential,
    addOAuthCredential,
    addMigratingCredential,
    addAdobeIdCredential,
    addApiKeyCredential,
    startMigration,
    finishMigration,
    deleteCredential,
    addQueryServiceAccount,
    issueToken,
    revokeToken: (t) => void tokens.delete(t),
    advanceClock: (ms) => void (clockOffset += ms),
    now,
    inject(spec) {
      const f: Fault = {
        spec,
        hits: 0,
        remaining: spec.times ?? 1,
        cancel: () => {
          f.remaining = 0;
        },
      };
      faults.push(f);
      return f;
    },
    clearFaults: () => void faults.splice(0),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// ───────────────────────────── seeding a typical org ─────────────────────────────

export interface DemoSeed {
  org: FakeOrg;
  project: FakeProject;
  workspace: FakeWorkspace;
  /** an OAuth S2S credential with the I/O Management API: the one the action authenticates with */
  ioManagement: FakeCredential & { secret: string };
  jwt: FakeCredential;
  jwtExpired: FakeCredential;
  migrating: FakeCredential;
  migrated: FakeCredential;
  web: FakeCredential;
  queryAccount: FakeQueryServiceAccount;
}

/**
 * One org ("Acme Retail") with project "ReportSync" / workspace "Production" holding every kind of
 * credential: the I/O Management OAuth credential, a JWT with a valid certificate, a JWT whose only
 * certificate expired, a migrating credential, a migrated OAuth credential (Analytics scopes), an
 * OAuth web credential; and one Query Service account in sandbox prod.
 */
export function seedDemo(fake: FakeAdobe): DemoSeed {
  const day = 86_400_000;
  const org = fake.addOrg({ id: '53444', code: '3C8B1E2F5A6D7E8F9A0B1C2D@AdobeOrg', name: 'Acme Retail' });
  const project = fake.addProject(org.id, { id: '4566206088344794932', name: 'ReportSync', title: 'Report Sync' });
  const workspace = fake.addWorkspace(project.id, { id: '4566206088344797001', name: 'Production' });
  const secret = 'p8e-IoManagementSecret000000000';
  const io = fake.addOAuthCredential(workspace.id, { id: '471900', name: 'Console reader', clientId: 'a0b1c2d3e4f5061728394a5b6c7d8e9f', clientSecrets: [secret] });
  const jwt = fake.addJwtCredential(workspace.id, {
    id: '471911',
    name: 'Reports_JWT',
    clientId: '1b2c3d4e5f60718293a4b5c6d7e8f901',
    metascopes: ['ent_analytics_bulk_ingest_sdk'],
    services: [{ code: 'AdobeAnalyticsSDK', name: 'Adobe Analytics' }],
    certificates: [{ notAfter: fake.now() + 120 * day }, { notAfter: fake.now() - 30 * day }],
  });
  const jwtExpired = fake.addJwtCredential(workspace.id, {
    id: '471912',
    name: 'Legacy_JWT',
    clientId: '2b3c4d5e6f708192a3b4c5d6e7f80912',
    metascopes: ['ent_dataservices_sdk'],
    services: [{ code: 'AdobeExperiencePlatformSDK', name: 'Experience Platform API' }],
    certificates: [{ notAfter: fake.now() - 10 * day }],
  });
  const migrating = fake.addMigratingCredential(workspace.id, {
    id: '471920',
    name: 'Tagger credential',
    clientId: '3d4e5f60718293a4b5c6d7e8f9011223',
    metascopes: ['ent_smartcontent_sdk'],
    services: [{ code: 'SmartContent', name: 'Smart Content' }],
    scopes: ['openid', 'AdobeID', 'read_organizations'],
  });
  const migrated = fake.addOAuthCredential(workspace.id, {
    id: '471944',
    name: 'Reports_OAuth',
    clientId: '4e5f60718293a4b5c6d7e8f901122334',
    migratedFromJwt: true,
    services: [{ code: 'AdobeAnalyticsSDK', name: 'Adobe Analytics' }],
    scopes: ['openid', 'AdobeID', 'read_organizations', 'additional_info.projectedProductContext', 'additional_info.job_function'],
  });
  const web = fake.addAdobeIdCredential(workspace.id, { id: '471950', name: 'Web login', clientId: '5f60718293a4b5c6d7e8f90112233445' });
  const queryAccount = fake.addQueryServiceAccount(org.code, { accountName: 'Tableau nightly', technicalAccountId: 'E09A0DFB5FDB25D90A494012' });
  return { org, project, workspace, ioManagement: Object.assign(io, { secret }), jwt, jwtExpired, migrating, migrated, web, queryAccount };
}

// ───────────────────────────── pointing HTTPS clients at the fake ─────────────────────────────

/**
 * Patch node:https.request (used by node-fetch v2, hence by @adobe/aio-lib-core-networking and the
 * Console client) so requests for the given hosts go over plain HTTP to the fake instead. The
 * original Host header is kept (the log shows which host a request was meant for). Returns a
 * function that undoes the patch. Only affects the current process; undici/global fetch is not
 * touched (the project's own code takes the fake's URL through its inputs).
 */
export function redirectHttpsToFake(fakeUrl: string, hosts: string[] = ADOBE_HOSTS): () => void {
  const target = new URL(fakeUrl);
  const original = https.request;
  const originalGet = https.get;
  type Args = Parameters<typeof https.request>;
  const rewrite = (args: unknown[]): unknown[] | undefined => {
    let opts: Record<string, any>;
    let rest: unknown[];
    if (typeof args[0] === 'string' || args[0] instanceof URL) {
      const u = new URL(args[0] as string | URL);
      const extra = typeof args[1] === 'object' && args[1] !== null && typeof args[1] !== 'function' ? (args[1] as object) : {};
      opts = { protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search, ...extra };
      rest = args.slice(extra === args[1] ? 2 : 1);
    } else {
      opts = { ...(args[0] as object) };
      rest = args.slice(1);
    }
    const host = String(opts.hostname ?? opts.host ?? '').replace(/:\d+$/, '');
    if (!hosts.includes(host)) return undefined;
    const headers = { ...(opts.headers ?? {}) } as Record<string, unknown>;
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.host = host;
    return [{ ...opts, protocol: 'http:', hostname: target.hostname, host: target.hostname, port: target.port, agent: undefined, headers, servername: undefined }, ...rest];
  };
  https.request = function patched(...args: unknown[]) {
    const r = rewrite(args);
    return r ? (http.request as (...a: unknown[]) => http.ClientRequest)(...r) : original.apply(https, args as Args);
  } as typeof https.request;
  https.get = function patchedGet(...args: unknown[]) {
    const r = rewrite(args);
    if (!r) return originalGet.apply(https, args as Args);
    const req = (http.request as (...a: unknown[]) => http.ClientRequest)(...r);
    req.end();
    return req;
  } as typeof https.get;
  return () => {
    https.request = original;
    https.get = originalGet;
  };
}
