// A fake Adobe IMS on 127.0.0.1: the JWT exchange (verifies the RS256 signature against the
// credential's certificate and the claims, answers expires_in in milliseconds, as IMS did) and the
// OAuth Server-to-Server token endpoint (checks client id, secret and scopes; answers in seconds).
import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ImsCredential {
  clientId: string;
  clientSecret: string;
  orgId: string;
  technicalAccountId: string;
  /** JWT metascopes the credential has (e.g. ent_analytics_bulk_ingest_sdk). */
  metascopes: string[];
  /** OAuth scopes of the same credential after migration. */
  scopes: string[];
  certificatePem: string;
}

export interface ImsCall {
  path: string;
  status: number;
  form: Record<string, string>;
}

export interface FakeIms {
  url: string;
  calls: ImsCall[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** urlencoded or multipart/form-data (text fields only), as IMS accepts both. */
function parseForm(req: IncomingMessage, raw: Buffer): Record<string, string> {
  const type = req.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.startsWith('multipart/form-data') && boundary) {
    const out: Record<string, string> = {};
    for (const part of raw.toString('utf8').split(`--${boundary[1] ?? boundary[2]}`)) {
      const name = /name="([^"]+)"/.exec(part);
      const at = part.indexOf('\r\n\r\n');
      if (name && at !== -1) out[name[1]] = part.slice(at + 4).replace(/\r\n$/, '');
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

function b64url(s: string): Buffer {
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export async function startFakeIms(cred: ImsCredential): Promise<FakeIms> {
  const calls: ImsCall[] = [];
  const publicKey = createPublicKey(new X509Certificate(cred.certificatePem).publicKey.export({ type: 'spki', format: 'pem' }));
  let url = '';

  const exchange = (form: Record<string, string>): [number, object] => {
    if (form.client_id !== cred.clientId || form.client_secret !== cred.clientSecret) return [400, { error: 'invalid_client', error_description: 'invalid client_id or client_secret' }];
    const parts = (form.jwt_token ?? '').split('.');
    if (parts.length !== 3) return [400, { error: 'invalid_token', error_description: 'jwt_token is not a JWT' }];
    const header = JSON.parse(b64url(parts[0]).toString('utf8'));
    if (header.alg !== 'RS256') return [400, { error: 'invalid_token', error_description: `alg ${header.alg} is not RS256` }];
    if (!verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, b64url(parts[2]))) {
      return [400, { error: 'invalid_signature', error_description: 'JWT signature does not match the certificate' }];
    }
    const claims = JSON.parse(b64url(parts[1]).toString('utf8'));
    const now = Math.floor(Date.now() / 1000);
    if (!(claims.exp > now)) return [400, { error: 'invalid_token', error_description: 'JWT expired' }];
    if (claims.iss !== cred.orgId) return [400, { error: 'invalid_token', error_description: 'iss is not the organization' }];
    if (claims.sub !== cred.technicalAccountId) return [400, { error: 'invalid_token', error_description: 'sub is not the technical account' }];
    if (claims.aud !== `${url}/c/${cred.clientId}`) return [400, { error: 'invalid_token', error_description: 'aud is not <ims>/c/<client_id>' }];
    for (const m of cred.metascopes) {
      if (claims[`${url}/s/${m}`] !== true) return [400, { error: 'invalid_scope', error_description: `missing metascope claim ${m}` }];
    }
    return [200, { token_type: 'bearer', access_token: `jwt-access-${calls.length}`, expires_in: 86_399_000 }];
  };

  const token = (form: Record<string, string>): [number, object] => {
    if (form.grant_type !== 'client_credentials') return [400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }];
    if (form.client_id !== cred.clientId || form.client_secret !== cred.clientSecret) return [401, { error: 'invalid_client', error_description: 'invalid client_id or client_secret' }];
    const asked = (form.scope ?? '').split(',').filter(Boolean);
    if (/\s/.test(form.scope ?? '')) return [400, { error: 'invalid_scope', error_description: 'scopes must be comma-separated without spaces' }];
    const unknown = asked.filter((s) => !cred.scopes.includes(s));
    if (!asked.length || unknown.length) return [400, { error: 'invalid_scope', error_description: `invalid scope (${unknown.join(',') || 'none given'})` }];
    return [200, { access_token: `oauth-access-${calls.length}`, token_type: 'bearer', expires_in: 86_399 }];
  };

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const form = req.method === 'POST' ? parseForm(req, await body(req)) : {};
    let [status, answer]: [number, object] = [404, { error: 'not_found' }];
    if (req.method === 'POST' && /^\/ims\/exchange\/(?:v1\/)?jwt\/?$/.test(path)) [status, answer] = exchange(form);
    else if (req.method === 'POST' && path === '/ims/token/v3') [status, answer] = token(form);
    calls.push({ path, status, form });
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
