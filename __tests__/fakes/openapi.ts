// Checks recorded GitHub REST calls (requests the client sent, answers the fake gave) against
// GitHub's OpenAPI description from @octokit/openapi (api.github.com, dereferenced).
//
// For each call: the method + path must match a documented operation (path templates with
// {params}, the most literal template wins); path parameters and query parameters must satisfy
// their schemas (required ones present, unknown query parameters reported); a required request
// body must be present and the body must validate against the request schema; the response body
// must validate against the schema of the documented response for that status (or the `default`
// response). A status the operation does not document is checked against GitHub's generic error
// shape when it is an error (>= 400: GitHub answers 401/403/5xx on every endpoint but documents
// them on few), and reported when it is a success. 204 and content-less responses must have no
// body. Dropped calls have only their request checked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its function is the default export's `default` under NodeNext
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (a: Ajv) => Ajv;

/** the part of a recorded call the check reads (FakeGitHubCall satisfies it) */
export interface RecordedCall {
  method: string;
  /** API path without query and without an API prefix such as /api/v3 */
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  status: number | null;
  responseBody?: unknown;
  dropped?: boolean;
}

export interface CheckOptions {
  /** report error statuses (>= 400) the operation does not document instead of checking the generic error shape */
  strictStatuses?: boolean;
  /** most schema errors listed per call; default 8 */
  maxErrorsPerCall?: number;
}

const SPANNING = /^(ref|basehead|path|branch)$/;

interface Operation {
  method: string;
  template: string;
  re: RegExp;
  names: string[];
  literal: number;
  op: any;
}

interface Spec {
  byMethod: Map<string, Operation[]>;
}

let spec: Spec | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function specPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@octokit/openapi/package.json');
  return join(dirname(pkg), 'generated', 'api.github.com.deref.json');
}

/** load the description once (about 70 MB; a second or so) */
export function loadOpenApi(): Spec {
  if (spec) return spec;
  const doc = JSON.parse(readFileSync(specPath(), 'utf8'));
  const byMethod = new Map<string, Operation[]>();
  for (const [template, item] of Object.entries<any>(doc.paths)) {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(m[1]);
        // a parameter spans slashes only when it is a ref, a base...head pair, a file path or a branch name
        return SPANNING.test(m[1]) ? '(.+)' : '([^/]+)';
      })
      .join('');
    const re = new RegExp(`^${source}$`);
    const literal = template.replace(/\{[^}]+\}/g, '').length;
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      const o: Operation = { method: method.toUpperCase(), template, re, names, literal, op: { ...op, parameters: [...shared, ...(op.parameters ?? [])] } };
      const list = byMethod.get(o.method) ?? [];
      list.push(o);
      byMethod.set(o.method, list);
    }
  }
  for (const list of byMethod.values()) list.sort((a, b) => b.literal - a.literal || a.names.length - b.names.length);
  spec = { byMethod };
  return spec;
}

function getAjv(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'double', 'float', 'timestamp', 'repo.nwo', 'binary', 'byte', 'password', 'uri-template']) {
    if (!(ajv as any).formats[f]) ajv.addFormat(f, true);
  }
  return ajv;
}

const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-github', 'externalDocs']);

/** OpenAPI 3.0 schema -> JSON Schema: `nullable: true` becomes a type union (or anyOf with null) */
export function toJsonSchema(s: any): any {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: any = {};
  for (const [k, v] of Object.entries<any>(s)) {
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries<any>(v ?? {}).map(([p, x]) => [p, toJsonSchema(x)]));
    } else if (k === 'enum' || k === 'const' || k === 'default') {
      out[k] = v;
    } else if (DATA_KEYWORDS.has(k) || k === 'nullable' || k === 'discriminator' || k === 'readOnly' || k === 'writeOnly' || k === 'deprecated' || k === 'xml') {
      continue;
    } else {
      out[k] = toJsonSchema(v);
    }
  }
  if (s.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else if (out.type === undefined) {
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

function validator(cacheKey: string, schema: any): ValidateFunction {
  const hit = compiled.get(cacheKey);
  if (hit) return hit;
  const v = getAjv().compile(toJsonSchema(schema));
  compiled.set(cacheKey, v);
  return v;
}

function errorsOf(v: ValidateFunction, max: number): string {
  const errs = (v.errors ?? []).slice(0, max).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  const more = (v.errors?.length ?? 0) - errs.length;
  return errs.join('; ') + (more > 0 ? `; …${more} more` : '');
}

/** GitHub's generic error body (message, documentation_url, status) */
const GENERIC_ERROR = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' }, errors: { type: 'array' } },
};

function coerce(value: string, schema: any): unknown {
  const t = Array.isArray(schema?.type) ? schema.type.find((x: string) => x !== 'null') : schema?.type;
  if (t === 'integer' || t === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (t === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (t === 'array') return value.split(',');
  return value;
}

export function findOperation(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
  const list = loadOpenApi().byMethod.get(method.toUpperCase()) ?? [];
  for (const operation of list) {
    const m = operation.re.exec(path);
    if (!m) continue;
    return { operation, params: Object.fromEntries(operation.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return undefined;
}

/** problems found in the calls (empty when every request and response is faithful to the description) */
export function checkAgainstOpenApi(log: readonly RecordedCall[], options: CheckOptions = {}): string[] {
  const max = options.maxErrorsPerCall ?? 8;
  const problems: string[] = [];
  for (const call of log) {
    const label = `${call.method} ${call.path}${call.status !== null ? ` -> ${call.status}` : ' (dropped)'}`;
    const found = findOperation(call.method, call.path);
    if (!found) {
      problems.push(`${label}: no operation ${call.method} matches this path`);
      continue;
    }
    const { operation, params } = found;
    const id = `${operation.method} ${operation.template}`;
    const op = operation.op;

    // parameters
    for (const p of op.parameters as any[]) {
      if (p.in === 'path') {
        const v = params[p.name];
        if (v === undefined || v === '') {
          problems.push(`${label}: path parameter ${p.name} missing`);
          continue;
        }
        const val = validator(`${id}|path|${p.name}`, p.schema ?? {});
        if (!val(coerce(v, p.schema))) problems.push(`${label}: path parameter ${p.name}=${JSON.stringify(v)}: ${errorsOf(val, max)}`);
      } else if (p.in === 'query') {
        const raw = call.query?.[p.name];
        if (raw === undefined) {
          if (p.required) problems.push(`${label}: required query parameter ${p.name} missing`);
          continue;
        }
        const val = validator(`${id}|query|${p.name}`, p.schema ?? {});
        const v = Array.isArray(raw) ? raw.map((x) => coerce(x, p.schema?.items)) : coerce(raw, p.schema);
        if (!val(v)) problems.push(`${label}: query parameter ${p.name}=${JSON.stringify(raw)}: ${errorsOf(val, max)}`);
      }
    }
    const declared = new Set((op.parameters as any[]).filter((p) => p.in === 'query').map((p) => p.name));
    for (const q of Object.keys(call.query ?? {})) {
      if (!declared.has(q)) problems.push(`${label}: query parameter ${q} is not documented for ${id}`);
    }

    // request body
    const reqContent = op.requestBody?.content;
    const reqSchema = reqContent?.['application/json']?.schema ?? (reqContent ? (Object.values<any>(reqContent)[0]?.schema) : undefined);
    const hasBody = call.body !== undefined && call.body !== null && !(typeof call.body === 'object' && !Array.isArray(call.body) && Object.keys(call.body as object).length === 0 && !op.requestBody?.required);
    if (!op.requestBody) {
      if (hasBody) problems.push(`${label}: request has a body but ${id} takes none`);
    } else if (!hasBody) {
      if (op.requestBody.required) problems.push(`${label}: required request body missing`);
    } else if (reqSchema) {
      const val = validator(`${id}|request`, reqSchema);
      if (!val(call.body)) problems.push(`${label}: request body: ${errorsOf(val, max)}`);
    }

    // response
    if (call.status === null || (call.dropped && call.responseBody === undefined && call.status === null)) continue;
    const documented = op.responses?.[String(call.status)] ?? op.responses?.[`${String(call.status)[0]}XX`] ?? op.responses?.default;
    const body = call.responseBody;
    if (!documented) {
      if (call.status >= 400 && !options.strictStatuses) {
        const val = validator('generic-error', GENERIC_ERROR);
        if (!val(body)) problems.push(`${label}: undocumented error status with a body that is not GitHub's error shape: ${errorsOf(val, max)}`);
      } else {
        problems.push(`${label}: status ${call.status} is not documented for ${id} (documented: ${Object.keys(op.responses ?? {}).join(', ')})`);
      }
      continue;
    }
    const content = documented.content;
    const empty = body === undefined || body === '' || body === null;
    if (call.status === 204) {
      if (!empty) problems.push(`${label}: a 204 response has no body but this one has ${JSON.stringify(body).slice(0, 80)}`);
      continue;
    }
    if (!content) {
      // documented without a schema: an error still carries GitHub's error body
      if (call.status >= 400 && !empty) {
        const val = validator('generic-error', GENERIC_ERROR);
        if (!val(body)) problems.push(`${label}: error body is not GitHub's error shape: ${errorsOf(val, max)}`);
      }
      continue;
    }
    const schema = content['application/json']?.schema ?? (Object.values<any>(content)[0]?.schema);
    if (!schema) continue;
    if (body === undefined) {
      problems.push(`${label}: response body missing`);
      continue;
    }
    const val = validator(`${id}|${call.status}`, schema);
    if (!val(body)) problems.push(`${label}: response body: ${errorsOf(val, max)}`);
  }
  return problems;
}
