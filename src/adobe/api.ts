// Adobe IMS, Developer Console and Query Service calls this project makes, with the shapes it
// relies on (zod, loose: extra fields are fine, missing ones are an error that names the call).
import { z } from 'zod';
import { callJson, type HttpOptions } from './http.js';

const id = z.union([z.string(), z.number()]).transform(String);

export const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().optional(), token_type: z.string().optional() }).loose();

export const Org = z.object({ id, code: z.string().optional(), name: z.string().optional() }).loose();
export const Project = z.object({ id, name: z.string().optional(), title: z.string().optional(), org_id: id.optional() }).loose();
export const Workspace = z.object({ id, name: z.string().optional(), title: z.string().optional() }).loose();
export const CredentialEntry = z
  .object({
    id_integration: id.optional(),
    id: id.optional(),
    client_id: z.string().optional(),
    name: z.string().optional(),
    flow_type: z.string(),
    integration_type: z.string(),
  })
  .loose();

const OAuthObject = z
  .object({ client_id: z.string().optional(), scopes: z.array(z.string()).optional(), client_secrets: z.array(z.string()).optional(), technical_account_email: z.string().optional() })
  .loose();
const DownloadCredential = z
  .object({ id: id.optional(), name: z.string().optional(), integration_type: z.string().optional(), oauth_server_to_server: OAuthObject.optional(), jwt: z.object({ client_id: z.string().optional() }).loose().optional() })
  .loose();
export const WorkspaceDownload = z
  .object({
    project: z
      .object({
        id: id.optional(),
        name: z.string().optional(),
        org: z.object({ id: id.optional(), ims_org_id: z.string().optional() }).loose().optional(),
        workspace: z.object({ id: id.optional(), name: z.string().optional(), details: z.object({ credentials: z.array(DownloadCredential).optional() }).loose().optional() }).loose().optional(),
      })
      .loose(),
  })
  .loose();

export const Binding = z.object({ certificateFingerprint: z.string().optional(), notAfter: z.union([z.number(), z.string()]).optional() }).loose();
export const ClientCredential = z.object({ org_id: id.optional(), project_id: id, workspace_id: id, credential_id: id.optional(), flow_type: z.string().optional() }).loose();
export const QueryAccount = z.object({ technicalAccountId: z.string().optional(), name: z.string().optional(), credential: z.unknown().optional() }).loose();
const QueryAccounts = z.union([z.array(QueryAccount), z.object({ accounts: z.array(QueryAccount) }).loose().transform((v) => v.accounts)]);

export interface AdobeEndpoints {
  ims: string;
  console: string;
  platform: string;
}

export interface Session {
  endpoints: AdobeEndpoints;
  token: string;
  apiKey: string;
  http?: HttpOptions;
}

function strip(url: string): string {
  return url.replace(/\/+$/, ''); // native-regex: a URL from the inputs
}

/** OAuth Server-to-Server token (client_credentials at /ims/token/v3). */
export async function requestToken(imsUrl: string, clientId: string, clientSecret: string, scopes: string, http?: HttpOptions): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: scopes }).toString();
  const answer = await callJson(
    `${strip(imsUrl)}/ims/token/v3`,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, schema: TokenAnswer, what: 'IMS token request' },
    http,
  );
  return answer.access_token;
}

function get<T>(s: Session, path: string, schema: z.ZodType<T>, what: string, extra: Record<string, string> = {}): Promise<T> {
  const base = path.startsWith('/data/') ? s.endpoints.platform : s.endpoints.console;
  return callJson(`${strip(base)}${path}`, { headers: { authorization: `Bearer ${s.token}`, 'x-api-key': s.apiKey, ...extra }, schema, what }, s.http);
}

const enc = encodeURIComponent;

export const consoleApi = {
  organizations: (s: Session) => get(s, '/console/organizations', z.array(Org), 'list organizations'),
  projects: (s: Session, org: string) => get(s, `/console/organizations/${enc(org)}/projects`, z.array(Project), `list projects of org ${org}`),
  workspaces: (s: Session, org: string, project: string) =>
    get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces`, z.array(Workspace), `list workspaces of project ${project}`),
  credentials: (s: Session, org: string, project: string, ws: string) =>
    get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces/${enc(ws)}/credentials`, z.array(CredentialEntry), `list credentials of workspace ${ws}`),
  download: (s: Session, org: string, project: string, ws: string) =>
    get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces/${enc(ws)}/download`, WorkspaceDownload, `download workspace ${ws}`),
  bindings: (s: Session, org: string, integration: string) =>
    get(s, `/console/organizations/${enc(org)}/integrations/entp/${enc(integration)}/bindings`, z.array(Binding), `read certificates of credential ${integration}`),
  clientCredential: (s: Session, clientId: string) => get(s, `/console/clients/${enc(clientId)}/credential`, ClientCredential, `look up client id ${clientId}`),
  queryAccounts: (s: Session, org: string, sandbox: string) =>
    get(s, '/data/foundation/queryauth/accounts', QueryAccounts, `list Query Service accounts of sandbox ${sandbox}`, { 'x-gw-ims-org-id': org, 'x-sandbox-name': sandbox }),
};
