// Python that signs the JWT itself (PyJWT) and posts jwt_token to the exchange: the form fields
// become grant_type/scope, the URL /ims/token/v3, and the claims, key reading and signing go.
// No Python parser in Node: a small tokenizer (strings, comments, brackets) finds statement
// spans, and only recognisable shapes are edited; anything else stays a manual step.
import { linear } from '../../regex.js';
import { indentAt, isWordChar, onlyBlanks, skipBlanks, wordOffsets } from '../../text.js';
import { linearJs } from '../linear-js.js';
import { settledIds } from '../settle.js';
import { EXCHANGE_PATH, TOKEN_PATH } from '../spans.js';
import type { RewriteContext, RewriteResult, Rewriter } from '../types.js';
import { applySplices, droppedEnvNames, metascopesIn, placeholderStep, scopesEnvName, type Splice } from './code-js.js';

const RULES = ['code-jwt-library-python', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim'];
const PY_ENV = linearJs(/os\.(?:environ(?:\.get)?\s*[[(]|getenv\s*\()\s*['"]([A-Z][A-Z0-9_]*)['"]/g);
/** The `'jwt_token':` key of the token request's form (`(['"])jwt_token\1`: no backreference in RE2). */
const JWT_TOKEN_FIELD = linear(/(?:'jwt_token'|"jwt_token")[ \t]*:[ \t]*/g);
/** The value posted: a name or a call with simple arguments. */
const FIELD_VALUE = linear(/^(\w+)(?:\(([^()\n]*)\))?/);
const CLIENT_ID_KEY = linearJs(/['"]client_id['"]\s*:/);
const CLIENT_SECRET_KEY = linearJs(/['"]client_secret['"]\s*:/);
const JWT_ENCODE = linearJs(/\bjwt\.encode\s*\(/);
const JWT_ENCODE_RHS = linearJs(/^\s*jwt\.encode\s*\(/);
/** The claims and key names of `jwt.encode(claims, key, ...)`. */
const JWT_ENCODE_ARGS = linearJs(/jwt\.encode\s*\(\s*(\w+)\s*,\s*(\w+)\s*[,)]/);
const IMPORTS_OS = linear(/^import os\b|^import [\w, ]*\bos\b/m);
const OS_ENV = linear(/\bos\.(?:environ|getenv)\b/);
const OS_ENVIRON = linear(/\bos\.environ\b/);
const WITH_OPEN = linear(/^([ \t]*)with[ \t]+open\([^\n]*\)[ \t]+as[ \t]+(\w+)[ \t]*:[ \t]*\r?\n$/);
/** `expires_in / 1000` in its spellings: group 1 the value, group 2 the division. */
const EXPIRES_IN_MS = linearJs(
  /((?:\w+(?:\.\w+)*(?:\([^()\n]*\))?)?(?:\[\s*['"]expires_in['"]\s*\]|\.get\(\s*['"]expires_in['"][^()\n]*\))|\bexpires_in\b)([ \t]*\/[ \t]*1000(?:\.0)?)\b/g,
);
const MILLISECONDS_COMMENT = linear(/^([ \t]*#[ \t]?)([^\r\n]*millisecond[^\r\n]*)/i);
const CONSTANT_NAME = linear(/\b[A-Z][A-Z0-9_]*\b/g);
/** A module constant set to a short string or a number, on its own line (group 1 the name). */
const CONSTANT_LINE = linear(/^([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?:[rbf]?(?:'[^'"\n]*'|"[^'"\n]*")|\d+)[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/gm);
const IMPORT_JWT = linear(/^import[ \t]+jwt[ \t]*(?:#[^\n]*)?\r?\n/m);

interface Tokens {
  /** Offsets inside strings or comments. */
  code: (i: number) => boolean;
  /** Matching bracket of each bracket offset. */
  match: Map<number, number>;
  /** Innermost open bracket enclosing each offset is found by scanning this list. */
  pairs: [number, number][];
}

function tokenize(text: string): Tokens | null {
  const skip: [number, number][] = [];
  const match = new Map<number, number>();
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? text.length : e;
      skip.push([i, end]);
      i = end;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < text.length && !text.startsWith(q, j)) {
        if (text[j] === '\\') j++;
        else if (!triple && text[j] === '\n') return null;
        j++;
      }
      if (j >= text.length) return null;
      skip.push([i, j + q.length]);
      i = j + q.length;
    } else {
      if ('([{'.includes(c)) stack.push(i);
      else if (')]}'.includes(c)) {
        const o = stack.pop();
        if (o === undefined || '([{'.indexOf(text[o]) !== ')]}'.indexOf(c)) return null;
        match.set(o, i);
        match.set(i, o);
        pairs.push([o, i]);
      }
      i++;
    }
  }
  if (stack.length) return null;
  return { code: (p) => !inSpans(skip, p), match, pairs };
}

/** Whether `p` lies in one of the sorted, disjoint [start, end) spans (a binary search). */
function inSpans(spans: [number, number][], p: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid];
    if (p < s) hi = mid - 1;
    else if (p >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const e = text.indexOf('\n', pos);
  return e < 0 ? text.length : e + 1;
}

/** End (after the newline) of the logical line that starts at `start`. */
function statementEnd(text: string, tk: Tokens, start: number): number {
  // Brackets opened in the statement, by where they open; the line end only moves forward, so
  // one pass over them finds the farthest close of those opened before it.
  const opened = tk.pairs.filter(([o]) => o >= start).sort((a, b) => a[0] - b[0]);
  let next = 0;
  let farthest = -1;
  let i = start;
  for (;;) {
    const e = lineEnd(text, i);
    for (; next < opened.length && opened[next][0] < e; next++) farthest = Math.max(farthest, opened[next][1]);
    if (farthest >= e) i = farthest;
    else if (e < text.length && continues(text, lineStart(text, i), e)) i = e;
    else return e;
  }
}

/** Whether the line [start, end) ends in a backslash continuation (`/\\\r?\n$/`). */
function continues(text: string, start: number, end: number): boolean {
  let i = end;
  if (text[i - 1] !== '\n') return false;
  i--;
  if (text[i - 1] === '\r' && i - 1 > start) i--;
  return i - 1 >= start && text[i - 1] === '\\';
}

/** Code (not string/comment) occurrences of a word not after a word character or `.` (`(?<![\w.])word\b`). */
function refs(text: string, tk: Tokens, word: string): number[] {
  const notAttribute = (c: string | undefined) => !isWordChar(c) && c !== '.';
  return wordOffsets(text, word, notAttribute).filter((p) => tk.code(p));
}

// `name` below is a Python identifier (`\w+`) taken from the file: nothing to escape.

/** The assignment `name = ...` at the start of a line (one in the file), as a whole-line span. */
function assignment(text: string, tk: Tokens, name: string): { start: number; end: number; rhs: string } | null {
  // `^([ \t]*)name[ \t]*=(?!=)`, the lookahead done by hand: RE2 has none
  const re = linear(String.raw`^([ \t]*)${name}[ \t]*=`, 'gm');
  const hits = [...re.matchAll(text)].filter((m) => text[m.end] !== '=' && tk.code(m.index + m.group(1)!.length));
  if (hits.length !== 1) return null;
  const start = hits[0].index;
  const end = statementEnd(text, tk, start);
  return { start, end, rhs: text.slice(hits[0].end, end) };
}

/** A top-level-or-nested `def name(...)` block with the blank lines after it. */
function defBlock(text: string, name: string): { start: number; end: number } | null {
  const m = linear(String.raw`^([ \t]*)def[ \t]+${name}[ \t]*\(`, 'm').exec(text);
  if (!m) return null;
  const indent = m.group(1)!.length;
  let end = lineEnd(text, m.index);
  while (end < text.length) {
    const next = lineEnd(text, end);
    if (text.slice(end, next).trim() && skipBlanks(text, end, next) - end <= indent) break;
    end = next;
  }
  return { start: m.index, end };
}

/** A `with open(...) as f:` line whose only body line is [start, end): the whole block goes. */
function withOpenAround(text: string, start: number, end: number): { start: number; end: number } | null {
  if (start === 0) return null;
  const prevStart = lineStart(text, start - 1);
  const prev = text.slice(prevStart, start);
  const m = WITH_OPEN.exec(prev);
  if (!m || indentAt(text, start).length <= m.group(1)!.length) return null;
  const next = text.slice(end, lineEnd(text, end));
  if (end < text.length && next.trim() && indentAt(text, end).length > m.group(1)!.length) return null;
  return { start: prevStart, end };
}

function rewrite(ctx: RewriteContext): RewriteResult | null {
  const text = ctx.text;
  const tk = tokenize(text);
  if (!tk) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  // The jwt_token dict entry, with client_id and client_secret beside it.
  const fields = [...JWT_TOKEN_FIELD.matchAll(text)].filter((m) => tk.code(m.index - 1) && !tk.code(m.index + 1));
  if (fields.length !== 1) return null;
  const f = fields[0];
  const q = f[0][0];
  const valueStart = f.end;
  const vm = FIELD_VALUE.exec(text.slice(valueStart));
  if (!vm) return null;
  const valueEnd = valueStart + vm[0].length;
  const dict = tk.pairs.filter(([o, c]) => text[o] === '{' && o < f.index && c > f.index).sort((a, b) => b[0] - a[0])[0];
  if (!dict) return null;
  const dictText = text.slice(dict[0], dict[1]);
  if (!CLIENT_ID_KEY.test(dictText) || !CLIENT_SECRET_KEY.test(dictText)) return null;
  // then `,`, `}`, a comment or the end of the line
  const after = skipBlanks(text, valueEnd);
  const next = text[after];
  if (!(next === ',' || next === '}' || next === '#' || next === '\n' || text.startsWith('\r\n', after))) return null;

  // The token must be signed here: `name = jwt.encode(...)` or a local function that does.
  const value = vm.group(1)!;
  const isCall = vm.group(2) !== undefined;
  let signer: { start: number; end: number; rhs: string } | null = null;
  let signFn: { start: number; end: number } | null = null;
  if (isCall) {
    signFn = defBlock(text, value);
    if (!signFn || !JWT_ENCODE.test(text.slice(signFn.start, signFn.end))) return null;
  } else {
    signer = assignment(text, tk, value);
    if (!signer || !JWT_ENCODE_RHS.test(signer.rhs)) return null;
  }

  // URLs in strings, not on comment lines
  const commentLine = (at: number) => text[skipBlanks(text, lineStart(text, at))] === '#';
  const urls = [...EXCHANGE_PATH.matchAll(text)].filter((m) => !tk.code(m.index) && !commentLine(m.index));
  if (!urls.length) return null;

  const choice = ctx.scopes(metascopesIn(text));
  const usesEnv = IMPORTS_OS.test(text) && OS_ENV.test(text);
  const env = usesEnv ? scopesEnvName(text) : undefined;
  const getter = OS_ENVIRON.test(text) ? 'os.environ.get' : 'os.getenv';
  const scopes = env ? `${getter}(${q}${env}${q}, ${q}${choice.value}${q})` : `${q}${choice.value}${q}`;

  const splices: Splice[] = [];
  const removed: string[] = [];
  const own = onlyBlanks(text, lineStart(text, f.index), f.index);
  const sep = own ? `,${eol}${indentAt(text, f.index)}` : ', ';
  splices.push({ start: f.index, end: valueEnd, text: `${q}grant_type${q}: ${q}client_credentials${q}${sep}${q}scope${q}: ${scopes}` });
  for (const u of urls) splices.push({ start: u.index, end: u.end, text: TOKEN_PATH });

  // Signing statement or function, then what only it used: the claims and the key.
  const once = (name: string, within: { start: number; end: number }) => refs(text, tk, name).every((p) => (p >= within.start && p < within.end) || (p >= f.index && p < valueEnd));
  let encodeArgs = '';
  if (signer) {
    if (!once(value, signer)) return null;
    splices.push({ start: signer.start, end: signer.end, text: '' });
    removed.push(text.slice(signer.start, signer.end));
    encodeArgs = signer.rhs;
  } else if (signFn && once(value, signFn)) {
    splices.push({ ...signFn, text: '' });
    removed.push(text.slice(signFn.start, signFn.end));
  }
  const args = JWT_ENCODE_ARGS.exec(encodeArgs);
  for (const name of args ? [args.group(1)!, args.group(2)!] : []) {
    const a = assignment(text, tk, name);
    const s = signer;
    if (!a || !s || refs(text, tk, name).some((p) => !(p >= a.start && p < a.end) && !(p >= s.start && p < s.end))) continue;
    const span = withOpenAround(text, a.start, a.end) ?? a;
    splices.push({ ...span, text: '' });
    removed.push(text.slice(span.start, span.end));
  }

  // expires_in is in seconds now.
  for (const m of EXPIRES_IN_MS.matchAll(text)) {
    if (!tk.code(m.index)) continue;
    const at = m.index + m.group(1)!.length;
    splices.push({ start: at, end: at + m.group(2)!.length, text: '' });
    const ls = lineStart(text, m.index);
    const prevStart = ls > 0 ? lineStart(text, ls - 1) : ls;
    const c = MILLISECONDS_COMMENT.exec(text.slice(prevStart, ls));
    const lead = c?.group(1)!.length ?? 0;
    if (ls > 0 && c && !splices.some((s) => s.start === prevStart + lead)) {
      splices.push({ start: prevStart + lead, end: prevStart + c[0].length, text: 'expires_in is in seconds (OAuth Server-to-Server)' });
    }
  }

  let out = applySplices(text, splices);
  // Module constants only the removed code read (metascope and audience URLs, key locations).
  let tk2 = tokenize(out);
  if (!tk2) return null;
  const mentioned = new Set([...CONSTANT_NAME.matchAll(removed.join('\n'))].map((m) => m[0]));
  const consts: Splice[] = [];
  for (const m of CONSTANT_LINE.matchAll(out)) {
    const name = m.group(1)!;
    if (mentioned.has(name) && refs(out, tk2, name).length === 1) {
      consts.push({ start: m.index, end: m.end, text: '' });
      removed.push(m[0]);
    }
  }
  out = applySplices(out, consts);
  // `import jwt` goes when nothing else uses it.
  tk2 = tokenize(out);
  if (!tk2) return null;
  const imp = IMPORT_JWT.exec(out);
  if (imp && refs(out, tk2, 'jwt').length === 1) {
    removed.push(imp[0]);
    out = out.slice(0, imp.index) + out.slice(imp.end);
  }
  if (!tokenize(out)) return null;

  const ids = settledIds(ctx, RULES, out);
  if (!ids.includes('code-ims-jwt-exchange') || !ids.includes('code-jwt-token-form-field')) return null;
  return {
    ruleIds: ids,
    text: out,
    manual: placeholderStep(ctx, choice, out, 'code-ims-jwt-exchange'),
    secrets: { add: env ? [env] : [], remove: droppedEnvNames(removed, out, PY_ENV) },
  };
}

export const codePythonRewriters: Rewriter[] = [
  {
    name: 'Python signed JWT exchange',
    ruleIds: ['code-jwt-library-python', 'code-ims-jwt-exchange', 'code-jwt-token-form-field'],
    rewrite: (ctx) => (/\.py$/.test(ctx.file) ? rewrite(ctx) : null), // native-regex: a file path
  },
];
