// Python that signs the JWT itself (PyJWT) and posts jwt_token to the exchange: the form fields
// become grant_type/scope, the URL /ims/token/v3, and the claims, key reading and signing go.
// No Python parser in Node: a small tokenizer (strings, comments, brackets) finds statement
// spans, and only recognisable shapes are edited; anything else stays a manual step.
import { settledIds } from '../settle.js';
import { escapeRegExp } from '../../text.js';
import type { RewriteContext, RewriteResult, Rewriter } from '../types.js';
import { applySplices, droppedEnvNames, metascopesIn, placeholderStep, scopesEnvName, type Splice } from './code-js.js';

const RULES = ['code-jwt-library-python', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim'];
const EXCHANGE_PATH = /\/ims\/exchange\/(?:v1\/)?jwt\/?/;
const PY_ENV = /os\.(?:environ(?:\.get)?\s*[[(]|getenv\s*\()\s*['"]([A-Z][A-Z0-9_]*)['"]/g;

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
  return { code: (p) => !skip.some(([s, e]) => p >= s && p < e), match, pairs };
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
  let i = start;
  for (;;) {
    const e = lineEnd(text, i);
    const far = Math.max(-1, ...tk.pairs.filter(([o, c]) => o >= start && o < e && c >= e).map(([, c]) => c));
    if (far >= 0) i = far;
    else if (e < text.length && /\\\r?\n$/.test(text.slice(lineStart(text, i), e))) i = e;
    else return e;
  }
}

/** Code (not string/comment) occurrences of a word. */
function refs(text: string, tk: Tokens, word: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\w.])${escapeRegExp(word)}\\b`, 'g'))) if (tk.code(m.index)) out.push(m.index);
  return out;
}

/** The assignment `name = ...` at the start of a line (one in the file), as a whole-line span. */
function assignment(text: string, tk: Tokens, name: string): { start: number; end: number; rhs: string } | null {
  const re = new RegExp(`^([ \\t]*)${name}[ \\t]*=(?!=)`, 'gm');
  const hits = [...text.matchAll(re)].filter((m) => tk.code(m.index + m[1].length));
  if (hits.length !== 1) return null;
  const start = hits[0].index;
  const end = statementEnd(text, tk, start);
  return { start, end, rhs: text.slice(start + hits[0][0].length, end) };
}

function indentOf(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, pos)))![0];
}

/** A top-level-or-nested `def name(...)` block with the blank lines after it. */
function defBlock(text: string, name: string): { start: number; end: number } | null {
  const m = new RegExp(`^([ \\t]*)def[ \\t]+${name}[ \\t]*\\(`, 'm').exec(text);
  if (!m) return null;
  let end = lineEnd(text, m.index);
  while (end < text.length) {
    const line = text.slice(end, lineEnd(text, end));
    if (line.trim() && /^[ \t]*/.exec(line)![0].length <= m[1].length) break;
    end = lineEnd(text, end);
  }
  return { start: m.index, end };
}

/** A `with open(...) as f:` line whose only body line is [start, end): the whole block goes. */
function withOpenAround(text: string, start: number, end: number): { start: number; end: number } | null {
  if (start === 0) return null;
  const prevStart = lineStart(text, start - 1);
  const prev = text.slice(prevStart, start);
  const m = /^([ \t]*)with[ \t]+open\([^\n]*\)[ \t]+as[ \t]+(\w+)[ \t]*:[ \t]*\r?\n$/.exec(prev);
  if (!m || indentOf(text, start).length <= m[1].length) return null;
  const next = text.slice(end, lineEnd(text, end));
  if (end < text.length && next.trim() && indentOf(text, end).length > m[1].length) return null;
  return { start: prevStart, end };
}

function rewrite(ctx: RewriteContext): RewriteResult | null {
  const text = ctx.text;
  const tk = tokenize(text);
  if (!tk) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  // The jwt_token dict entry, with client_id and client_secret beside it.
  const fields = [...text.matchAll(/(['"])jwt_token\1[ \t]*:[ \t]*/g)].filter((m) => tk.code(m.index - 1) && !tk.code(m.index + 1));
  if (fields.length !== 1) return null;
  const f = fields[0];
  const q = f[1];
  const valueStart = f.index + f[0].length;
  const vm = /^(\w+)(?:\(([^()\n]*)\))?/.exec(text.slice(valueStart));
  if (!vm) return null;
  const valueEnd = valueStart + vm[0].length;
  const dict = tk.pairs.filter(([o, c]) => text[o] === '{' && o < f.index && c > f.index).sort((a, b) => b[0] - a[0])[0];
  if (!dict) return null;
  const dictText = text.slice(dict[0], dict[1]);
  if (!/['"]client_id['"]\s*:/.test(dictText) || !/['"]client_secret['"]\s*:/.test(dictText)) return null;
  if (!/^[ \t]*(?:,|\}|#|\r?\n)/.test(text.slice(valueEnd))) return null;

  // The token must be signed here: `name = jwt.encode(...)` or a local function that does.
  const value = vm[1];
  const isCall = vm[2] !== undefined;
  let signer: { start: number; end: number; rhs: string } | null = null;
  let signFn: { start: number; end: number } | null = null;
  if (isCall) {
    signFn = defBlock(text, value);
    if (!signFn || !/\bjwt\.encode\s*\(/.test(text.slice(signFn.start, signFn.end))) return null;
  } else {
    signer = assignment(text, tk, value);
    if (!signer || !/^\s*jwt\.encode\s*\(/.test(signer.rhs)) return null;
  }

  const urls = [...text.matchAll(new RegExp(EXCHANGE_PATH.source, 'g'))].filter((m) => !tk.code(m.index) && !/^[ \t]*#/.test(text.slice(lineStart(text, m.index))));
  if (!urls.length) return null;

  const choice = ctx.scopes(metascopesIn(text));
  const usesEnv = /^import os\b|^import [\w, ]*\bos\b/m.test(text) && /\bos\.(?:environ|getenv)\b/.test(text);
  const env = usesEnv ? scopesEnvName(text) : undefined;
  const getter = /\bos\.environ\b/.test(text) ? 'os.environ.get' : 'os.getenv';
  const scopes = env ? `${getter}(${q}${env}${q}, ${q}${choice.value}${q})` : `${q}${choice.value}${q}`;

  const splices: Splice[] = [];
  const removed: string[] = [];
  const own = /^[ \t]*$/.test(text.slice(lineStart(text, f.index), f.index));
  const sep = own ? `,${eol}${indentOf(text, f.index)}` : ', ';
  splices.push({ start: f.index, end: valueEnd, text: `${q}grant_type${q}: ${q}client_credentials${q}${sep}${q}scope${q}: ${scopes}` });
  for (const u of urls) splices.push({ start: u.index, end: u.index + u[0].length, text: '/ims/token/v3' });

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
  const args = /jwt\.encode\s*\(\s*(\w+)\s*,\s*(\w+)\s*[,)]/.exec(encodeArgs);
  for (const name of args ? [args[1], args[2]] : []) {
    const a = assignment(text, tk, name);
    const s = signer;
    if (!a || !s || refs(text, tk, name).some((p) => !(p >= a.start && p < a.end) && !(p >= s.start && p < s.end))) continue;
    const span = withOpenAround(text, a.start, a.end) ?? a;
    splices.push({ ...span, text: '' });
    removed.push(text.slice(span.start, span.end));
  }

  // expires_in is in seconds now.
  const ms = /((?:\w+(?:\.\w+)*(?:\([^()\n]*\))?)?(?:\[\s*['"]expires_in['"]\s*\]|\.get\(\s*['"]expires_in['"][^()\n]*\))|\bexpires_in\b)([ \t]*\/[ \t]*1000(?:\.0)?)\b/g;
  for (const m of text.matchAll(ms)) {
    if (!tk.code(m.index)) continue;
    const at = m.index + m[1].length;
    splices.push({ start: at, end: at + m[2].length, text: '' });
    const ls = lineStart(text, m.index);
    const prevStart = ls > 0 ? lineStart(text, ls - 1) : ls;
    const c = /^([ \t]*#[ \t]?)([^\r\n]*millisecond[^\r\n]*)/i.exec(text.slice(prevStart, ls));
    if (ls > 0 && c && !splices.some((s) => s.start === prevStart + c[1].length)) {
      splices.push({ start: prevStart + c[1].length, end: prevStart + c[0].length, text: 'expires_in is in seconds (OAuth Server-to-Server)' });
    }
  }

  let out = applySplices(text, splices);
  // Module constants only the removed code read (metascope and audience URLs, key locations).
  let tk2 = tokenize(out);
  if (!tk2) return null;
  const mentioned = new Set(removed.join('\n').match(/\b[A-Z][A-Z0-9_]*\b/g) ?? []);
  const consts: Splice[] = [];
  for (const m of out.matchAll(/^([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?:[rbf]?(['"])[^'"\n]*\2|\d+)[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/gm)) {
    if (mentioned.has(m[1]) && refs(out, tk2, m[1]).length === 1) {
      consts.push({ start: m.index, end: m.index + m[0].length, text: '' });
      removed.push(m[0]);
    }
  }
  out = applySplices(out, consts);
  // `import jwt` goes when nothing else uses it.
  tk2 = tokenize(out);
  if (!tk2) return null;
  const imp = /^import[ \t]+jwt[ \t]*(?:#[^\n]*)?\r?\n/m.exec(out);
  if (imp && refs(out, tk2, 'jwt').length === 1) {
    removed.push(imp[0]);
    out = out.slice(0, imp.index) + out.slice(imp.index + imp[0].length);
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
    rewrite: (ctx) => (/\.py$/.test(ctx.file) ? rewrite(ctx) : null),
  },
];
