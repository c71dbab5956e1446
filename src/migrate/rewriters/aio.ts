// aio-lib-ims contexts (.aio JSON, .env variables, App Builder manifest inputs) move from JWT to
// OAuth Server-to-Server. aio-lib-ims tries its JWT plugin first while private_key/meta_scopes are
// present, so those keys are removed, not only joined by the OAuth ones.
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { yamlDocument } from '../../yaml.js';
import { linear, type LinearMatch, type LinearRegExp, splitLines } from '../../regex.js';
import { posix } from 'node:path';
import { RULES } from '../../rules/index.js';
import { matchFile } from '../../scan/match.js';
import { containsWord, isSpace, trailingEol } from '../../text.js';
import { settledIds } from '../settle.js';
import {
  ACCOUNT_ID_PLACEHOLDER,
  arrayStyle,
  EMAIL_PLACEHOLDER,
  eolOf,
  indentAt,
  indentUnit,
  insertMembers,
  type JNode,
  lineAt,
  lineStartOf,
  member,
  metascopeList,
  nodeAt,
  parseJson,
  placeholderStep,
  removeElement,
  SECRET_PLACEHOLDER,
  scopesStep,
  stillFlags,
} from '../spans.js';
import type { ManualStep, RewriteContext, Rewriter } from '../types.js';

// ---------------------------------------------------------------------------------------------
// .aio JSON: ims.contexts.<name> and the older $ims.<name>

const AIO_RULE = 'config-aio-jwt-context';
const JWT_ONLY = ['private_key', 'passphrase'];

function contextPaths(root: JNode): (string | number)[][] {
  const out: (string | number)[][] = [];
  const ctxs = nodeAt(root, ['ims', 'contexts']);
  for (const m of ctxs?.kind === 'object' ? ctxs.members : []) out.push(['ims', 'contexts', m.key]);
  const legacy = nodeAt(root, ['$ims']);
  for (const m of legacy?.kind === 'object' ? legacy.members : []) out.push(['$ims', m.key]);
  return out.filter((p) => {
    const o = nodeAt(root, p);
    return o?.kind === 'object' && (member(o, 'meta_scopes') || member(o, 'private_key'));
  });
}

/** One edit on one context, re-parsing between edits so spans never go stale. */
function migrateJsonContext(ctx: RewriteContext, text0: string, path: (string | number)[], manual: ManualStep[]): string | null {
  let text = text0;
  const obj = () => nodeAt(parseJson(text)!, path)!;
  const o = obj();
  const keys = o.members.map((m) => m.key);
  if (new Set(keys).size !== keys.length) return null; // duplicate keys: which one aio reads is unclear
  const line = lineAt(text, o.start);
  const meta = member(o, 'meta_scopes');
  const choice = ctx.scopes(meta ? metascopeList(JSON.parse(text0.slice(meta.value.start, meta.value.end))) : []);
  const unit = indentUnit(text, o);
  const memberIndent = o.members.length ? indentAt(text, o.members[0].start) : '';
  const like = meta?.value.kind === 'array' ? meta.value : undefined;
  const arr = arrayStyle(text, like, memberIndent, unit);

  const replaceMember = (key: string, newKey: string, value: string) => {
    const m = member(obj(), key)!;
    text = `${text.slice(0, m.start)}${JSON.stringify(newKey)}: ${value}${text.slice(m.value.end)}`;
  };
  const remove = (key: string) => {
    const cur = obj();
    const idx = cur.members.findIndex((m) => m.key === key);
    if (idx >= 0) text = removeElement(text, cur, idx);
  };
  const insertAfter = (anchors: string[], entry: string) => {
    const cur = obj();
    let idx = -1;
    for (const a of anchors) {
      idx = cur.members.findIndex((m) => m.key === a);
      if (idx >= 0) break;
    }
    text = insertMembers(text, cur, idx >= 0 ? idx : cur.members.length - 1, [entry]);
  };

  // scopes take the place of meta_scopes, client_secrets that of client_secret
  const scopeItems = choice.value.split(',').map((s) => JSON.stringify(s));
  if (member(o, 'scopes')) remove('meta_scopes');
  else if (meta) replaceMember('meta_scopes', 'scopes', arr(scopeItems));
  else insertAfter(['client_id'], `"scopes": ${arr(scopeItems)}`);
  if (!member(o, 'scopes')) manual.push(...scopesStep(ctx.file, line, AIO_RULE, choice));

  const secret = member(o, 'client_secret');
  if (member(o, 'client_secrets')) remove('client_secret');
  else if (secret) replaceMember('client_secret', 'client_secrets', arr([text0.slice(secret.value.start, secret.value.end)]));
  else {
    insertAfter(['client_id'], `"client_secrets": ${arr([JSON.stringify(SECRET_PLACEHOLDER)])}`);
    manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'client secret', SECRET_PLACEHOLDER));
  }
  for (const k of JWT_ONLY) remove(k);

  if (!member(o, 'technical_account_id')) {
    const techacct = member(o, 'techacct');
    const value = techacct ? text0.slice(techacct.value.start, techacct.value.end) : JSON.stringify(ACCOUNT_ID_PLACEHOLDER);
    insertAfter(['techacct', 'client_secrets'], `"technical_account_id": ${value}`);
    if (!techacct) manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'technical account id', ACCOUNT_ID_PLACEHOLDER));
  }
  if (!member(o, 'technical_account_email')) {
    insertAfter(['technical_account_id'], `"technical_account_email": ${JSON.stringify(EMAIL_PLACEHOLDER)}`);
    manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'technical account email', EMAIL_PLACEHOLDER));
  }
  return text;
}

const aioJson: Rewriter = {
  name: 'aio-lib-ims contexts (.aio)',
  ruleIds: [AIO_RULE],
  rewrite(ctx) {
    const root = parseJson(ctx.text);
    if (!root) return null;
    let text = ctx.text;
    const manual: ManualStep[] = [];
    for (const path of contextPaths(root)) {
      const next = migrateJsonContext(ctx, text, path, manual);
      if (next === null) return null;
      text = next;
    }
    if (text === ctx.text || stillFlags(ctx.file, text, AIO_RULE)) return null;
    return { ruleIds: [AIO_RULE], text, manual };
  },
};

// ---------------------------------------------------------------------------------------------
// .env: AIO_ims_contexts_<Ctx>_<key> (aio app use doubles every `_` inside a key) and the upper-case
// AIO_IMS_CONTEXTS_<NAME>_<KEY> style; values that are arrays are JSON strings.

const ENV_RULE = 'config-aio-env-jwt-context';
const ENV_FILE = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.(?:example|sample|template|dist))$/;
const ENV_LINE = linear(
  /^([ \t]*(?:export[ \t]+)?)(AIO_(?:\$ims|ims_contexts)_)(\w+?)_(client_?_id|client_?_secrets?|technical_?_account_?_(?:id|email)|meta_?_scopes|ims_?_org_?_id|private_?_key|passphrase|scopes|techacct)([ \t]*=[ \t]*)([^\r\n]*)(\r?\n?)$/i,
);

interface EnvLine {
  lead: string;
  prefix: string;
  name: string;
  key: string; // canonical: client_secret, meta_scopes, ...
  rawKey: string;
  value: string;
}

/** A dotenv value without its quotes, or null when unquoting would need escape handling. */
function envValue(raw: string): string | null {
  const v = raw.trim();
  const quote = v[0] === '"' || v[0] === "'" ? v[0] : '';
  if (quote && v.length >= 2 && v.endsWith(quote)) {
    const inner = v.slice(1, -1);
    return quote === '"' && inner.includes('\\') ? null : inner;
  }
  if (quote || hasComment(v)) return null;
  return v;
}

/** Whether a `#` follows whitespace somewhere in the value (`/\s#/`): an inline comment. */
function hasComment(v: string): boolean {
  for (let i = v.indexOf('#', 1); i !== -1; i = v.indexOf('#', i + 1)) if (isSpace(v[i - 1])) return true;
  return false;
}

const aioEnv: Rewriter = {
  name: 'aio-lib-ims contexts (.env)',
  ruleIds: [ENV_RULE],
  rewrite(ctx) {
    // native-regex: a file path
    if (!ENV_FILE.test(ctx.file)) return null; // YAML and Dockerfiles: by hand
    const lines = splitLines(ctx.text);
    const parsed: (EnvLine | null)[] = lines.map((l) => {
      const m = ENV_LINE.exec(l);
      if (!m) return null;
      const [lead, prefix, name, rawKey, , value] = [1, 2, 3, 4, 5, 6].map((g) => m.group(g) ?? '');
      return { lead, prefix, name, key: rawKey.toLowerCase().replaceAll('__', '_'), rawKey, value };
    });
    const groups = new Map<string, number[]>();
    parsed.forEach((p, i) => {
      if (!p) return;
      const id = `${p.prefix.toLowerCase()}\0${p.name}`;
      const group = groups.get(id);
      if (group) group.push(i);
      else groups.set(id, [i]);
    });
    const out: (string | null)[] = [...lines];
    const after = new Map<number, string[]>();
    const manual: ManualStep[] = [];
    const eol = eolOf(ctx.text);
    for (const idxs of groups.values()) {
      const byKey = new Map<string, number>();
      for (const i of idxs) {
        if (byKey.has(parsed[i]!.key)) return null; // a key set twice: leave it to a person
        byKey.set(parsed[i]!.key, i);
      }
      if (!byKey.has('meta_scopes') && !byKey.has('private_key')) continue;
      const first = parsed[idxs[0]]!;
      const doubled = idxs.some((i) => parsed[i]!.rawKey.includes('__'));
      const upper = idxs.every((i) => parsed[i]!.rawKey === parsed[i]!.rawKey.toUpperCase());
      const keyName = (k: string) => {
        const s = doubled ? k.replaceAll('_', '__') : k;
        return upper ? s.toUpperCase() : s;
      };
      const lineFor = (i: number, k: string, v: string) => {
        const p = parsed[i] ?? first;
        const term = trailingEol(lines[i] ?? '') || eol;
        return `${p.lead}${first.prefix}${first.name}_${keyName(k)}=${v}${term}`;
      };
      const lineNo = Math.min(...['meta_scopes', 'private_key'].filter((k) => byKey.has(k)).map((k) => byKey.get(k)!)) + 1;
      const last = Math.max(...idxs);
      const add = (anchor: number | undefined, k: string, v: string) => {
        const at = anchor ?? last;
        after.set(at, [...(after.get(at) ?? []), lineFor(at, k, v)]);
      };

      const metaAt = byKey.get('meta_scopes');
      const metas = metaAt === undefined ? [] : metascopeList(envValue(parsed[metaAt]!.value) ?? '');
      const choice = ctx.scopes(metas);
      const scopes = JSON.stringify(choice.value.split(','));
      if (byKey.has('scopes')) {
        if (metaAt !== undefined) out[metaAt] = '';
      } else {
        if (metaAt !== undefined) out[metaAt] = lineFor(metaAt, 'scopes', scopes);
        else add(byKey.get('client_id'), 'scopes', scopes);
        manual.push(...scopesStep(ctx.file, lineNo, ENV_RULE, choice));
      }

      const secretAt = byKey.get('client_secret');
      if (byKey.has('client_secrets')) {
        if (secretAt !== undefined) out[secretAt] = '';
      } else if (secretAt !== undefined) {
        const v = envValue(parsed[secretAt]!.value);
        if (v === null) return null;
        out[secretAt] = lineFor(secretAt, 'client_secrets', JSON.stringify([v]));
      } else {
        add(byKey.get('client_id'), 'client_secrets', JSON.stringify([SECRET_PLACEHOLDER]));
        manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'client secret', SECRET_PLACEHOLDER));
      }

      for (const k of ['private_key', 'passphrase']) {
        const i = byKey.get(k);
        if (i === undefined) continue;
        if (parsed[i]!.value.trimStart().startsWith('"') && envValue(parsed[i]!.value) === null) return null; // multi-line PEM
        out[i] = '';
      }

      if (!byKey.has('technical_account_id')) {
        const t = byKey.get('techacct');
        add(t, 'technical_account_id', t !== undefined ? parsed[t]!.value : ACCOUNT_ID_PLACEHOLDER);
        if (t === undefined) manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'technical account id', ACCOUNT_ID_PLACEHOLDER));
      }
      if (!byKey.has('technical_account_email')) {
        add(byKey.get('technical_account_id') ?? byKey.get('techacct'), 'technical_account_email', EMAIL_PLACEHOLDER);
        manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'technical account email', EMAIL_PLACEHOLDER));
      }
    }
    if (!manual.length && out.every((l, i) => l === lines[i]) && !after.size) return null;
    const text = out.map((l, i) => {
      const extra = after.get(i)?.join('') ?? '';
      if (!extra) return l;
      // a last line without a newline gets one before the lines added after it
      return l && !l.endsWith('\n') ? l + eol + extra.slice(0, extra.length - trailingEol(extra).length) : (l ?? '') + extra;
    }).join('');
    if (stillFlags(ctx.file, text, ENV_RULE)) return null;
    return { ruleIds: [ENV_RULE], text, manual };
  },
};

// ---------------------------------------------------------------------------------------------
// App Builder manifests: an aio-lib-ims context passed as action inputs (a mapping with client_id
// and meta_scopes/private_key). Inputs that feed the action's own JWT code are the code's business.

const INPUTS_RULE = 'config-app-builder-jwt-inputs';

function contextMaps(node: unknown, out: YAMLMap[]): YAMLMap[] {
  if (isMap(node)) {
    const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    if (keys.includes('client_id') && (keys.includes('meta_scopes') || keys.includes('private_key'))) out.push(node);
    for (const p of node.items) contextMaps(p.value, out);
  } else if (isSeq(node)) for (const it of node.items) contextMaps(it, out);
  return out;
}

const ANY_VAR = linear(/^\$\{?\w+\}?$/);
/** Variables `aio app use` writes to .env (the .env rewriter renames them the same way). */
const AIO_VAR = linear(/^\$\{?AIO_(?:\$ims|ims_contexts)_\w+\}?$/i);
const META_SCOPES_KEY = linear(/meta_?_?scopes/i);
const CLIENT_SECRET_KEY = linear(/client_?_?secret\b/i);
/** The `id` of a technical account id key (the prefix is kept: no lookbehind in RE2). */
const TECHNICAL_ACCOUNT_ID_KEY = linear(/(technical_?_?account_?_?)id\b/i);

/** An aio context variable renamed from one context key to another, keeping its style. */
function renameVar(v: string, from: LinearRegExp, to: (m: LinearMatch) => string): string | null {
  if (!AIO_VAR.test(v) || !from.test(v)) return null;
  return from.replace(v, to);
}

/** Line span [start, end) of a YAML pair: from its key's line to the end of its value's last line. */
function pairLines(text: string, p: Pair): [number, number] {
  const k = p.key as { range: [number, number, number] };
  const v = p.value as { range?: [number, number, number] } | null;
  const start = lineStartOf(text, k.range[0]);
  let end = v?.range ? v.range[1] : k.range[1];
  while (end > start && isSpace(text[end - 1])) end--;
  const nl = text.indexOf('\n', end);
  return [start, nl === -1 ? text.length : nl + 1];
}

const caseLike = (m: string, lower: string) => (m === m.toUpperCase() ? lower.toUpperCase() : lower);

const appInputs: Rewriter = {
  name: 'aio-lib-ims contexts (App Builder inputs)',
  ruleIds: [INPUTS_RULE],
  rewrite(ctx) {
    if (!/\.ya?ml$/.test(ctx.file)) return null; // native-regex: a file path
    const doc = yamlDocument(ctx.text);
    if (doc.errors.length) return null;
    const maps = contextMaps(doc.contents, []);
    if (!maps.length) return null;
    const text0 = ctx.text;
    const eol = eolOf(text0);
    const span = (p: Pair) => pairLines(text0, p);
    const edits: { start: number; end: number; text: string }[] = [];
    const manual: ManualStep[] = [];
    for (const map of maps) {
      const pairs = new Map(map.items.map((p) => [String((p.key as { value: unknown }).value), p]));
      if (pairs.size !== map.items.length) return null;
      const first = span(map.items[0]);
      const indent = indentAt(text0, (map.items[0].key as { range: number[] }).range[0]);
      const line = lineAt(text0, first[0]);
      const scalar = (k: string) => {
        const v = pairs.get(k)?.value;
        return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
      };
      const entry = (k: string, v: string, at: [number, number]) => {
        const term = trailingEol(text0, at[1], at[0]) || eol;
        return `${indent}${k}: ${v}${term}`;
      };
      // a one-line pair keeps what follows its value (a comment); a block value goes with its lines
      const replace = (k: string, newKey: string | null, v?: string) => {
        const p = pairs.get(k)!;
        const s = span(p);
        const keyAt = (p.key as { range: number[] }).range[0];
        const valEnd = (p.value as { range?: number[] } | null)?.range?.[1] ?? s[1];
        if (newKey !== null && isScalar(p.value) && !text0.slice(keyAt, valEnd).includes('\n')) {
          edits.push({ start: keyAt, end: valEnd, text: `${newKey}: ${v}` });
        } else edits.push({ start: s[0], end: s[1], text: newKey === null ? '' : entry(newKey, v!, s) });
      };

      const meta = pairs.get('meta_scopes');
      if (pairs.has('scopes')) {
        if (meta) replace('meta_scopes', null);
      } else {
        const mv = scalar('meta_scopes');
        const renamed = mv && renameVar(mv, META_SCOPES_KEY, (m) => caseLike(m[0], 'scopes'));
        if (mv && ANY_VAR.test(mv) && !renamed) return null; // the action's own variable: by hand
        if (meta && renamed) replace('meta_scopes', 'scopes', renamed);
        else {
          const metas = meta ? metascopeList(meta.value && (meta.value as { toJSON(): unknown }).toJSON()) : [];
          const choice = ctx.scopes(metas);
          const v = JSON.stringify(choice.value.split(','));
          if (meta) replace('meta_scopes', 'scopes', v);
          else edits.push({ start: first[1], end: first[1], text: entry('scopes', v, first) });
          manual.push(...scopesStep(ctx.file, line, INPUTS_RULE, choice));
        }
      }

      const secret = pairs.get('client_secret');
      if (pairs.has('client_secrets')) {
        if (secret) replace('client_secret', null);
      } else if (secret) {
        const sv = scalar('client_secret');
        if (sv === undefined) return null;
        const renamed = renameVar(sv, CLIENT_SECRET_KEY, (m) => m[0] + caseLike(m[0].slice(-1), 's'));
        if (ANY_VAR.test(sv) && !renamed) return null;
        replace('client_secret', 'client_secrets', renamed ?? JSON.stringify([sv]));
      } else return null;
      for (const k of ['private_key', 'passphrase']) if (pairs.has(k)) replace(k, null);

      if (!pairs.has('technical_account_email')) {
        const idp = pairs.get('technical_account_id');
        const idv = scalar('technical_account_id');
        const renamed = idv && renameVar(idv, TECHNICAL_ACCOUNT_ID_KEY, (m) => m.group(1) + caseLike(m[0].slice(-2), 'email'));
        const at = idp ? span(idp) : first;
        edits.push({ start: at[1], end: at[1], text: entry('technical_account_email', renamed || EMAIL_PLACEHOLDER, at) });
        if (!renamed) manual.push(placeholderStep(ctx.file, line, INPUTS_RULE, 'technical account email', EMAIL_PLACEHOLDER));
      }
    }
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    let text = text0;
    for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    if (text === text0) return null;
    // other inputs (privateKey: $PRIVATE_KEY read by the action's own code) stay findings
    return { ruleIds: settledIds(ctx, [INPUTS_RULE], text), text, manual };
  },
};

/** Manifest mappings that declare an action: its code file and its inputs. */
function actionMaps(node: unknown, out: YAMLMap[]): YAMLMap[] {
  if (isMap(node)) {
    const fn = node.get('function');
    if (typeof fn === 'string' && isMap(node.get('inputs', true))) out.push(node);
    for (const p of node.items) actionMaps(p.value, out);
  }
  return out;
}

// An action input the JWT flow needed (privateKey: $PRIVATE_KEY) goes once the action's code,
// as the plan leaves it (code is planned before YAML), no longer names it: the code's own
// rewrite moved it to the OAuth keys.
const unreadInputs: Rewriter = {
  name: 'App Builder action inputs the code no longer reads',
  ruleIds: [INPUTS_RULE],
  rewrite(ctx) {
    if (!/\.ya?ml$/.test(ctx.file) || !ctx.current) return null; // native-regex: a file path
    const doc = yamlDocument(ctx.text);
    if (doc.errors.length) return null;
    const text0 = ctx.text;
    const flagged = new Set(matchFile(RULES, { path: ctx.file, text: text0 }).findings.filter((f) => f.ruleId === INPUTS_RULE).map((f) => f.line));
    const edits: { start: number; end: number }[] = [];
    const dropped: string[] = []; // the variables they were given ($PRIVATE_KEY): secrets to retire
    for (const action of actionMaps(doc.contents, [])) {
      const code = ctx.current(posix.join(posix.dirname(ctx.file), String(action.get('function'))));
      if (code === null) continue;
      for (const p of (action.get('inputs', true) as unknown as YAMLMap).items) {
        const key = isScalar(p.key) ? String(p.key.value) : '';
        const [start, end] = pairLines(text0, p);
        if (!key || !flagged.has(lineAt(text0, start)) || containsWord(code, key)) continue;
        edits.push({ start, end });
        const v = isScalar(p.value) ? String(p.value.value) : '';
        if (ANY_VAR.test(v)) dropped.push(v.replace('$', '').replace('{', '').replace('}', ''));
      }
    }
    if (!edits.length) return null;
    let text = text0;
    for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + text.slice(e.end);
    return { ruleIds: settledIds(ctx, [INPUTS_RULE], text), text, secrets: { add: [], remove: dropped } };
  },
};

export const aioRewriters: Rewriter[] = [aioJson, aioEnv, appInputs, unreadInputs];
