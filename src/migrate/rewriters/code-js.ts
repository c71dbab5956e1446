// JS/TS token code: @adobe/jwt-auth call sites move to a generated OAuth helper; hand-signed JWT
// exchanges become client_credentials requests. Spans come from the TypeScript parser and are
// spliced into the original text, so untouched bytes survive.
import { posix } from 'node:path';
import ts from 'typescript';
import { describeScopes, SCOPES_PLACEHOLDER } from '../scopes.js';
import { settledIds } from '../settle.js';
import { EMAIL_PLACEHOLDER, EXCHANGE_PATH, placeholderStep as spanPlaceholderStep, TEST_PATH, TOKEN_PATH } from '../spans.js';
import { linear, type LinearRegExp } from '../../regex.js';
import { containsWord, eolOf, indentAt, isBlank, isSpace, lineStartOf, skipBlanks, withoutSpaces } from '../../text.js';
import { linearJs } from '../linear-js.js';
import type { ManualStep, RewriteContext, RewriteResult, Rewriter, ScopeChoice } from '../types.js';

// ---------------------------------------------------------------- shared (also used by code-python)

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; throws on overlap (the rewriter then leaves the file alone). */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let limit = Infinity;
  for (const s of sorted) {
    if (s.end > limit) throw new Error('overlapping edits');
    limit = s.start;
  }
  // As if applied from the last to the first (so insertions at one offset come out in reverse
  // order), joined in one pass: splicing into the whole text each time is quadratic.
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted.reverse()) {
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Where an offset of the text before the splices lands after them. */
export function mapOffset(splices: { start: number; end: number; text: string }[], pos: number): number {
  let delta = 0;
  for (const s of splices) if (s.end <= pos) delta += s.text.length - (s.end - s.start);
  return pos + delta;
}

/** Removes one element of a comma-separated list (syntax-tree items) with the separator next to it. */
export function dropElement(list: { startIndex: number; endIndex: number }[], i: number): Splice {
  if (i + 1 < list.length) return { start: list[i].startIndex, end: list[i + 1].startIndex, text: '' };
  if (i > 0) return { start: list[i - 1].endIndex, end: list[i].endIndex, text: '' };
  return { start: list[i].startIndex, end: list[i].endIndex, text: '' };
}


const METASCOPE = linear(/\bent_[a-z_]+_sdk\b|\bevent_receiver_api\b/g);
const META_SCOPES_VAR = linear(/\b([A-Z][A-Z0-9_]*?)META_?SCOPES?\b/);
const CLIENT_VAR = linear(/\b([A-Z][A-Z0-9_]*?)(?:CLIENT_ID|API_KEY|CLIENT_SECRET)\b/);

export function metascopesIn(text: string): string[] {
  return [...new Set([...METASCOPE.matchAll(text)].map((m) => m[0]))];
}

/** The env var for scopes, named after the file's metascope or client id variable. */
export function scopesEnvName(text: string): string {
  const meta = META_SCOPES_VAR.exec(text);
  if (meta) return `${meta.group(1)}SCOPES`;
  const id = CLIENT_VAR.exec(text);
  return `${id ? id.group(1) : 'ADOBE_'}SCOPES`;
}

export function placeholderStep(ctx: RewriteContext, choice: ScopeChoice, text: string, ruleId: string): ManualStep[] {
  if (choice.value !== SCOPES_PLACEHOLDER) return [];
  const at = text.indexOf(SCOPES_PLACEHOLDER);
  const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
  return [{ file: ctx.file, line, ruleId, instructions: `Set the OAuth scopes: ${describeScopes(choice)}.` }];
}

/** Names of JWT-only settings; an org id or client id is still needed after the migration. */
const JWT_ONLY_NAME = linear(/PRIVATE|KEY_?(?:PATH|FILE)|PASSPHRASE|TECH|META|JWT|CERT/i);

/** Env names a removed span read that the new text no longer mentions (names only). */
export function droppedEnvNames(removed: string[], text: string, envRe: LinearRegExp): string[] {
  const names = new Set<string>();
  for (const r of removed) for (const m of envRe.matchAll(r)) names.add((m.group(1) ?? m.group(2))!);
  return [...names].filter((n) => n && JWT_ONLY_NAME.test(n) && !containsWord(text, n)).sort();
}

// ---------------------------------------------------------------- JS/TS helpers

const JS_ENV = linearJs(/\b(?:process\.env|env)\.([A-Z][A-Z0-9_]*)\b|\b(?:process\.env|env)\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g);
const CLEANUP_MODULES = linear(/^(?:node:)?(?:fs|path|fs\/promises)$|^(?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|form-data)$/);
/** Calls that only compute a value (key loading, signing), so an unused result can go. */
const PURE_CALL = linear(
  /^(?:require|path\.\w+|fs\.readFileSync|fs\.promises\.readFile|fsp?\.readFile|readFileSync|readFile|jwt\.sign|jwt\.encode|sign|encode|importPKCS8|createPrivateKey|crypto\.createPrivateKey|Buffer\.from|String|Number|Math\.\w+|Date\.now|\w+\.(?:split|trim|toString|replace|join|map|filter))$/,
);
const IDENTIFIER = linear(/[A-Za-z_$][\w$]*/g);
const MILLISECONDS_COMMENT = linear(/^[ \t]*\/\/[^\n]*millisecond/i);
const COMMENT_LEAD = linear(/^([ \t]*\/\/ ?)[^\r\n]*/);
const PROCESS_ENV = linear(/\bprocess\.env\./);
/** `env.X` not preceded by `.` or a word character (`(?<![.\w])env\.[A-Z]`). */
const BARE_ENV = linear(/(?:^|[^.\w])env\.[A-Z]/);
const RELATIVE_JS = linearJs(/^\.\.?\/.*\.[cm]?js$/);

function parse(file: string, text: string): ts.SourceFile {
  // native-regex: a file path
  const kind = /x$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function parses(file: string, text: string): boolean {
  const sf = parse(file, text) as unknown as { parseDiagnostics?: unknown[] };
  return !(sf.parseDiagnostics ?? []).length;
}

function walk(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  node.forEachChild((c) => walk(c, fn));
}


/** Span of whole lines holding [start, end) when nothing else shares them (an optional comma may follow). */
function ownLines(text: string, start: number, end: number): { start: number; end: number } | null {
  let ls = start;
  while (ls > 0 && text[ls - 1] !== '\n') {
    if (!isSpace(text[ls - 1])) return null;
    ls--;
  }
  // then, on the same line: `[ \t]*,?[ \t]*;?[ \t]*` and the end of the line or of the text
  let i = skipBlanks(text, end);
  if (text[i] === ',') i = skipBlanks(text, i + 1);
  if (text[i] === ';') i = skipBlanks(text, i + 1);
  if (text.startsWith('\r\n', i)) i += 2;
  else if (text[i] === '\n') i++;
  else if (i < text.length) return null;
  return { start: ls, end: i };
}

function count(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) n++;
  return n;
}

function quoteOf(text: string): string {
  return count(text, "'") >= count(text, '"') ? "'" : '"';
}

function propName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return undefined;
}

/**
 * How often each name is referenced other than by declarations and property names (no scope
 * analysis: over-counts, which only keeps code). One walk for all names.
 */
function refCounts(sf: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  walk(sf, (node) => {
    if (!ts.isIdentifier(node)) return;
    const p = node.parent;
    if ((ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node)) return;
    if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p) || ts.isImportClause(p) || ts.isImportSpecifier(p) || ts.isNamespaceImport(p)) && p.name === node) return;
    counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
  });
  return counts;
}

function isPure(node: ts.Node): boolean {
  if (ts.isCallExpression(node)) {
    return PURE_CALL.test(withoutSpaces(node.expression.getText())) && node.arguments.every(isPure) && (!ts.isPropertyAccessExpression(node.expression) || isPure(node.expression.expression));
  }
  if (ts.isNewExpression(node) || ts.isFunctionLike(node) || ts.isDeleteExpression(node) || ts.isTaggedTemplateExpression(node)) return false;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
    if ([ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator)) return false;
  }
  let ok = true;
  node.forEachChild((c) => {
    if (ok && !isPure(c)) ok = false;
  });
  return ok;
}

function identifiersIn(node: ts.Node | string, out: Set<string>): void {
  if (typeof node === 'string') {
    for (const m of IDENTIFIER.matchAll(node)) out.add(m[0]);
    return;
  }
  walk(node, (n) => {
    if (ts.isIdentifier(n)) out.add(n.text);
  });
}

/** End of the blank line starting at `at` (`/^[ \t]*\r?\n/`), or 0. */
function blankLineAt(text: string, at: number): number {
  let i = skipBlanks(text, at);
  if (text[i] === '\r') i++;
  return text[i] === '\n' ? i + 1 : 0;
}

/** Whether `at` follows a line ending whose line is blank or opens a block (`/(?:\{[ \t]*|\n[ \t]*)\r?\n$/`). */
function blankLineBefore(text: string, at: number): boolean {
  let i = at;
  if (text[i - 1] !== '\n') return false;
  i--;
  if (text[i - 1] === '\r') i--;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return text[i - 1] === '{' || text[i - 1] === '\n';
}

/**
 * Removes declarations that became unused: variables with pure initializers, non-exported
 * functions, and imports/requires of fs, path and JWT libraries, when their names are in
 * `candidates` (names the removed code mentioned). Repeats until nothing changes.
 */
function dropUnused(file: string, text: string, candidates: Set<string>, removed: string[], force = new Set<string>()): string {
  for (let round = 0; round < 6; round++) {
    const sf = parse(file, text);
    const splices: Splice[] = [];
    // The walk meets nodes in source order, so a span can only overlap the spans before it by
    // starting before the end of the last one.
    let covered = 0;
    const drop = (node: ts.Node) => {
      const span = ownLines(text, node.getStart(sf), node.end);
      if (!span || span.start < covered) return;
      // First statement of a block followed by a blank line: the blank line goes too.
      // A blank line left doubled, or opening a block, goes too.
      const blank = blankLineAt(text, span.end);
      if (blank && blankLineBefore(text, span.start)) span.end = blank;
      splices.push({ ...span, text: '' });
      covered = span.end;
      removed.push(node.getText(sf));
      identifiersIn(node, candidates);
    };
    let refs: Map<string, number> | undefined;
    const unused = (name: string) => candidates.has(name) && !(refs ??= refCounts(sf)).get(name);
    walk(sf, (node) => {
      if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1 && !node.modifiers?.length) {
        const d = node.declarationList.declarations[0];
        if (!d.initializer || !(isPure(d.initializer) || (ts.isIdentifier(d.name) && force.has(d.name.text)))) return;
        const req = ts.isCallExpression(d.initializer) && d.initializer.expression.getText(sf) === 'require' ? d.initializer.arguments[0] : undefined;
        if (req && !(ts.isStringLiteral(req) && CLEANUP_MODULES.test(req.text))) return;
        const names: string[] = [];
        if (ts.isIdentifier(d.name)) names.push(d.name.text);
        else if (ts.isObjectBindingPattern(d.name)) for (const e of d.name.elements) if (ts.isIdentifier(e.name)) names.push(e.name.text);
        if (names.length && names.every(unused)) drop(node);
      } else if (ts.isFunctionDeclaration(node) && node.name && !node.modifiers?.length && unused(node.name.text)) {
        drop(node);
      } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && CLEANUP_MODULES.test(node.moduleSpecifier.text)) {
        const c = node.importClause;
        if (!c || c.isTypeOnly) return;
        const names: string[] = c.name ? [c.name.text] : [];
        const nb = c.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
        if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) names.push(e.name.text);
        if (names.length && names.every(unused)) drop(node);
      }
    });
    if (!splices.length) return text;
    text = applySplices(text, splices);
  }
  return text;
}

/** `x.expires_in`, `x['expires_in']`, `expires_in`, or a local alias of one. */
function isExpiresIn(node: ts.Node, aliases = new Set<string>()): boolean {
  if (ts.isParenthesizedExpression(node)) return isExpiresIn(node.expression, aliases);
  if (ts.isIdentifier(node)) return node.text === 'expires_in' || aliases.has(node.text);
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'expires_in';
  if (ts.isElementAccessExpression(node)) return ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === 'expires_in';
  return false;
}

/** `Date.now()` and its equivalents, written without whitespace. */
const NOW_MS = new Set(['Date.now()', 'newDate().getTime()', '+newDate()']);
const NOW_MS_LENGTH = Math.max(...[...NOW_MS].map((s) => s.length));

function isNowMs(node: ts.Node, sf: ts.SourceFile): boolean {
  // the node's text without whitespace, read no further than the longest form
  let t = '';
  for (let i = node.getStart(sf); i < node.end && t.length <= NOW_MS_LENGTH; i++) if (!isSpace(sf.text[i])) t += sf.text[i];
  return NOW_MS.has(t);
}

/** `expires_in`, optionally quoted (`/^['"]?expires_in['"]?$/`). */
function isExpiresInName(t: string): boolean {
  const quote = (c: string | undefined) => c === "'" || c === '"';
  const start = quote(t[0]) ? 1 : 0;
  const end = t.length > start && quote(t[t.length - 1]) ? t.length - 1 : t.length;
  return t.slice(start, end) === 'expires_in';
}

/** expires_in is now seconds: `Date.now() + expires_in` gains `* 1000`, `expires_in / 1000` loses it. */
function fixExpiresIn(sf: ts.SourceFile, text: string): Splice[] {
  const splices: Splice[] = [];
  const stale = new Set<number>();
  const aliases = new Set<string>();
  walk(sf, (n) => {
    if (ts.isBindingElement(n) && n.propertyName && ts.isIdentifier(n.name) && isExpiresInName(n.propertyName.getText(sf))) aliases.add(n.name.text);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isExpiresIn(n.initializer)) aliases.add(n.name.text);
  });
  const isExp = (n: ts.Node) => isExpiresIn(n, aliases);
  walk(sf, (node) => {
    if (!ts.isBinaryExpression(node)) return;
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      const [now, exp] = isNowMs(node.left, sf) ? [node.left, node.right] : [node.right, node.left];
      if (!isNowMs(now, sf) || !isExp(exp)) return;
      splices.push({ start: exp.end, end: exp.end, text: ' * 1000' });
    } else if (op === ts.SyntaxKind.SlashToken && isExp(node.left) && ['1000', '1000.0'].includes(node.right.getText(sf))) {
      splices.push({ start: node.left.end, end: node.end, text: '' });
    } else return;
    // A comment line right above that still says milliseconds would now be wrong.
    const ls = lineStartOf(text, node.getStart(sf));
    const prev = text.slice(lineStartOf(text, ls - 1), ls);
    if (ls > 0 && MILLISECONDS_COMMENT.test(prev) && !stale.has(ls)) {
      stale.add(ls);
      const start = lineStartOf(text, ls - 1);
      const m = COMMENT_LEAD.exec(prev)!;
      splices.push({ start, end: start + m[0].length, text: `${m.group(1)}IMS answers expires_in in seconds (OAuth Server-to-Server).` });
    }
  });
  return splices;
}

function scopesExpr(text: string, choice: ScopeChoice, envAccess: string | null, q: string): { expr: string; env?: string } {
  const lit = `${q}${choice.value}${q}`;
  if (!envAccess) return { expr: lit };
  const env = scopesEnvName(text);
  return { expr: `${envAccess}.${env} || ${lit}`, env };
}

// ---------------------------------------------------------------- @adobe/jwt-auth

const JWT_AUTH_RULES = ['code-adobe-jwt-auth', 'code-jwt-meta-scope-claim'];
const DROP_PROPS = new Set(['technicalAccountId', 'privateKey', 'passphrase', 'metaScopes']);
const HELPER = 'adobe-oauth-token';

function helperSource(kind: 'cjs' | 'esm' | 'ts'): string {
  const ts_ = kind === 'ts';
  const head = kind === 'cjs' ? "'use strict';\n" : '';
  const types = ts_
    ? `export interface AdobeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Comma-separated OAuth scopes (or an array). */
  scopes?: string | string[];
  /** IMS host, e.g. https://ims-na1.adobelogin.com */
  ims?: string;
  [other: string]: unknown;
}

export interface AdobeOAuthToken {
  access_token: string;
  token_type: string;
  /** Lifetime in SECONDS (the retired token exchange answered milliseconds). */
  expires_in: number;
}

`
    : `/**
 * @typedef {{clientId: string, clientSecret: string, scopes?: string | string[], ims?: string}} AdobeOAuthOptions
 * @typedef {{access_token: string, token_type: string, expires_in: number}} AdobeOAuthToken
 */

`;
  const sig = ts_
    ? 'export default async function getAdobeOAuthToken(options: AdobeOAuthOptions): Promise<AdobeOAuthToken> {'
    : `/**
 * @param {AdobeOAuthOptions} options
 * @returns {Promise<AdobeOAuthToken>} expires_in is in SECONDS (the retired token exchange answered milliseconds).
 */
${kind === 'esm' ? 'export default ' : ''}async function getAdobeOAuthToken(options) {`;
  const json = ts_ ? 'let json: Record<string, any>;' : 'let json;';
  const err = ts_ ? 'const err = new Error(`Adobe IMS token request failed (${res.status}): ${detail}`) as Error & Record<string, unknown>;' : 'const err = new Error(`Adobe IMS token request failed (${res.status}): ${detail}`);';
  const tail = kind === 'cjs' ? '\nmodule.exports = getAdobeOAuthToken;\nmodule.exports.default = getAdobeOAuthToken;\n' : '';
  return `${head}// Adobe IMS access token for OAuth Server-to-Server (client_credentials), added by adobe-jwt-migrate
// in place of @adobe/jwt-auth. It takes the same options object: clientId, clientSecret, scopes
// (comma-separated) and ims (the IMS host; else env ADOBE_IMS_HOST, else ims-na1). The old
// options of the old library (the signing key, its pass phrase, the account and org ids) are
// ignored. Needs global fetch (Node 18+).
// IMS gives no refresh token and throttles clients that ask too often: cache the token.

const DEFAULT_IMS = 'https://ims-na1.adobelogin.com';

${types}${sig}
  const { clientId, clientSecret, scopes, ims } = options || {};
  if (!clientId || !clientSecret) throw new Error('Adobe IMS: clientId and clientSecret are required');
  const host = String(ims || process.env.ADOBE_IMS_HOST || DEFAULT_IMS).replace(/\\/+$/, '');
  const scope = (Array.isArray(scopes) ? scopes.join(',') : String(scopes || '')).replace(/\\s+/g, '');
  const res = await fetch(\`\${host}/ims/token/v3\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(clientId), client_secret: String(clientSecret), scope }),
  });
  const text = await res.text();
  ${json}
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  if (!res.ok || !json.access_token) {
    const detail = json.error_description || json.error || text.slice(0, 200);
    ${err}
    // Callers of @adobe/jwt-auth read these fields from the rejection.
    err.error = json.error;
    err.error_description = json.error_description;
    throw err;
  }
  return { access_token: json.access_token, token_type: json.token_type, expires_in: json.expires_in };
}
${tail}`;
}

type Declaration = ts.VariableDeclaration | ts.FunctionDeclaration;

/** Variable and function declarations by name, in source order (one walk, for every lookup). */
function declarations(sf: ts.SourceFile): Map<string, Declaration[]> {
  const out = new Map<string, Declaration[]>();
  walk(sf, (n) => {
    if ((ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name)) {
      const list = out.get(n.name.text);
      if (list) list.push(n);
      else out.set(n.name.text, [n]);
    }
  });
  return out;
}

/** The object literal(s) an argument evaluates to: a literal, a const, or what a local function returns. */
function optionObjects(sf: ts.SourceFile, expr: ts.Expression, byName: Map<string, Declaration[]>): ts.ObjectLiteralExpression[] | null {
  while (ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr)) expr = expr.expression;
  if (ts.isObjectLiteralExpression(expr)) return [expr];
  const name = ts.isIdentifier(expr) ? expr.text : ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) ? expr.expression.text : null;
  if (!name) return null;
  const decls = byName.get(name) ?? [];
  if (decls.length !== 1) return null;
  const d = decls[0];
  let fn: ts.FunctionLikeDeclaration | undefined;
  if (ts.isIdentifier(expr)) {
    if (!ts.isVariableDeclaration(d) || !d.initializer) return null;
    return ts.isObjectLiteralExpression(d.initializer) ? [d.initializer] : null;
  }
  if (ts.isFunctionDeclaration(d)) fn = d;
  else if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) fn = d.initializer;
  if (!fn?.body) return null;
  if (!ts.isBlock(fn.body)) return optionObjects(sf, fn.body, byName);
  const out: ts.ObjectLiteralExpression[] = [];
  let ok = true;
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) {
      const objs = n.expression && ts.isObjectLiteralExpression(n.expression) ? [n.expression] : null;
      if (objs) out.push(...objs);
      else ok = false;
    }
    n.forEachChild(visit);
  };
  fn.body.forEachChild(visit);
  return ok && out.length ? out : null;
}

/** Edits one options object: drops JWT-only properties, puts `scopes` where metaScopes was (or last). */
function editOptions(text: string, obj: ts.ObjectLiteralExpression, scopes: string, sf: ts.SourceFile, removed: string[]): Splice[] | null {
  const props = obj.properties;
  if (!props.some((p) => ts.isSpreadAssignment(p) || propName(p) === 'clientId')) return null;
  const drop = props.filter((p) => DROP_PROPS.has(propName(p) ?? '') && !ts.isMethodDeclaration(p));
  const meta = drop.find((p) => propName(p) === 'metaScopes');
  const hasScopes = props.some((p) => propName(p) === 'scopes');
  const splices: Splice[] = [];
  for (const p of drop) removed.push(p.getText(sf));
  const gone = drop.filter((p) => p !== meta || hasScopes);
  splices.push(...removeProperties(text, props, new Set(gone), sf));
  if (hasScopes) return splices;
  if (meta) {
    splices.push({ start: meta.getStart(sf), end: meta.end, text: `scopes: ${scopes}` });
    return splices;
  }
  const add = appendProperty(text, obj, `scopes: ${scopes}`, sf);
  return add ? [...splices, ...add] : null;
}

/**
 * Removes `gone` from an object's properties (or an array's elements): whole lines when each
 * stands on its own, else runs of neighbours together with one separator.
 */
function removeProperties(text: string, props: ts.NodeArray<ts.Node>, gone: Set<ts.Node>, sf: ts.SourceFile): Splice[] {
  const splices: Splice[] = [];
  const each = [...gone];
  if (each.every((p) => ownLines(text, p.getStart(sf), p.end))) {
    for (const p of each) splices.push({ ...ownLines(text, p.getStart(sf), p.end)!, text: '' });
    return splices;
  }
  const dropped = props.map((p) => gone.has(p));
  for (let i = 0; i < props.length; i++) {
    if (!dropped[i]) continue;
    let j = i;
    while (j + 1 < props.length && dropped[j + 1]) j++;
    if (j + 1 < props.length) splices.push({ start: props[i].getStart(sf), end: props[j + 1].getStart(sf), text: '' });
    else if (i > 0) splices.push({ start: props[i - 1].end, end: props[j].end, text: '' });
    else splices.push({ start: props[i].getStart(sf), end: props[j].end, text: '' });
    i = j;
  }
  return splices;
}

/** Adds `entry` after an object's last property, on its own line when the object spans lines. */
function appendProperty(text: string, obj: ts.ObjectLiteralExpression, entry: string, sf: ts.SourceFile): Splice[] | null {
  const last = obj.properties[obj.properties.length - 1];
  if (!last) return null;
  if (ownLines(text, last.getStart(sf), last.end) && text.slice(obj.getStart(sf), obj.end).includes('\n')) {
    const comma = text[skipBlanks(text, last.end)] === ',' ? '' : ',';
    const lineEnd = text.indexOf('\n', last.end);
    if (lineEnd < 0) return null;
    return [
      { start: last.end, end: last.end, text: comma },
      { start: lineEnd + 1, end: lineEnd + 1, text: `${indentAt(text, last.getStart(sf))}${entry},${eolOf(text)}` },
    ];
  }
  return [{ start: last.end, end: last.end, text: `, ${entry}` }];
}

function rewriteJwtAuth(ctx: RewriteContext): RewriteResult | null {
  const { file } = ctx;
  const sf = parse(file, ctx.text);
  let local: string | undefined;
  let spec: ts.StringLiteral | undefined;
  let esm = false;
  let mentions = 0;
  walk(sf, (n) => {
    if (ts.isStringLiteralLike(n) && n.text === '@adobe/jwt-auth') mentions++;
  });
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0];
      const init = d.initializer;
      if (init && ts.isCallExpression(init) && init.expression.getText(sf) === 'require' && init.arguments.length === 1) {
        const a = init.arguments[0];
        if (ts.isStringLiteral(a) && a.text === '@adobe/jwt-auth' && ts.isIdentifier(d.name)) [local, spec] = [d.name.text, a];
      }
    } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === '@adobe/jwt-auth') {
      const c = st.importClause;
      if (c?.name && !c.namedBindings && !c.isTypeOnly) [local, spec, esm] = [c.name.text, st.moduleSpecifier, true];
    }
  }
  if (!local || !spec || mentions !== 1) return null;
  const hasEsmSyntax = sf.statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s) || (ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)));

  // Every use of the binding must be a call with one options argument we can find.
  const calls: ts.CallExpression[] = [];
  let stray = false;
  walk(sf, (n) => {
    if (!ts.isIdentifier(n) || n.text !== local) return;
    const p = n.parent;
    if ((ts.isVariableDeclaration(p) || ts.isImportClause(p)) && p.name === n) return;
    if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)) return;
    if (ts.isCallExpression(p) && p.expression === n && p.arguments.length === 1) calls.push(p);
    else stray = true;
  });
  if (stray || !calls.length) return null;
  const objects = new Map<number, ts.ObjectLiteralExpression>();
  const byName = declarations(sf);
  for (const c of calls) {
    const objs = optionObjects(sf, c.arguments[0], byName);
    if (!objs) return null;
    for (const o of objs) objects.set(o.pos, o);
  }

  if (![...objects.values()].every((o) => o.properties.some((p) => ts.isSpreadAssignment(p) || propName(p) === 'clientId'))) return null;
  const text = ctx.text;
  const q = spec.getText(sf)[0];
  const metas: string[] = [];
  for (const o of objects.values()) {
    const m = o.properties.find((p) => propName(p) === 'metaScopes');
    metas.push(...metascopesIn(m ? m.getText(sf) : ''));
  }
  const choice = ctx.scopes(metas.length ? [...new Set(metas)] : metascopesIn(text));
  const objText = [...objects.values()].map((o) => o.getText(sf)).join('\n');
  const envAccess = PROCESS_ENV.test(objText) ? 'process.env' : BARE_ENV.test(objText) ? 'env' : null;
  const scopes = scopesExpr(objText, choice, envAccess, q);

  const removed: string[] = [];
  const splices: Splice[] = [];
  for (const o of objects.values()) {
    const s = editOptions(text, o, scopes.expr, sf, removed);
    if (!s) return null;
    splices.push(...s);
  }

  const ext = posix.extname(file);
  const isTs = /^\.[cm]?tsx?$/.test(ext); // native-regex: a file extension
  let helperFile: string;
  let kind: 'cjs' | 'esm' | 'ts';
  let specText: string;
  if (isTs && esm) {
    kind = 'ts';
    const mts = ext === '.mts';
    helperFile = `${HELPER}${mts ? '.mts' : '.ts'}`;
    const withJs = mts || sf.statements.some((s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && RELATIVE_JS.test(s.moduleSpecifier.text));
    specText = `./${HELPER}${withJs ? (mts ? '.mjs' : '.js') : ''}`;
  } else if (esm || ext === '.mjs' || (hasEsmSyntax && !isTs)) {
    if (!esm) return null; // require() inside an ES module: leave it to a person
    kind = 'esm';
    helperFile = `${HELPER}${ext === '.mjs' ? '.mjs' : '.js'}`;
    specText = `./${helperFile}`;
  } else {
    kind = 'cjs';
    helperFile = `${HELPER}${ext === '.cjs' ? '.cjs' : '.js'}`;
    specText = `./${HELPER}${ext === '.cjs' ? '.cjs' : ''}`;
  }
  splices.push({ start: spec.getStart(sf), end: spec.end, text: `${q}${specText}${q}` });

  let out = applySplices(text, splices);
  const candidates = new Set<string>();
  for (const r of removed) identifiersIn(r, candidates);
  out = dropUnused(file, out, candidates, removed);
  const after = parse(file, out);
  out = applySplices(out, fixExpiresIn(after, out));
  if (!parses(file, out)) return null;

  const ids = settledIds(ctx, JWT_AUTH_RULES, out);
  if (!ids.includes('code-adobe-jwt-auth')) return null;
  const dir = posix.dirname(file);
  return {
    ruleIds: ids,
    text: out,
    create: [{ file: dir === '.' ? helperFile : posix.join(dir, helperFile), content: helperSource(kind) }],
    manual: placeholderStep(ctx, choice, out, 'code-adobe-jwt-auth'),
    secrets: { add: scopes.env ? [scopes.env] : [], remove: droppedEnvNames(removed, out, JS_ENV) },
  };
}

// ---------------------------------------------------------------- hand-signed JWT exchange

const SIGN_RULES = ['code-jwt-library-js', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim'];
const SIGNS = linearJs(/\b(?:jwt|jsonwebtoken|jws|JWT)\.(?:sign|encode)\s*\(|\bnew\s+SignJWT\b|\bKJUR\.jws\.JWS\.sign\s*\(|\.sign\s*\(/);

/** The value posted as jwt_token must be made here by signing: a local variable or a local signing function. */
function signedLocally(sf: ts.SourceFile, value: ts.Expression, byName: Map<string, Declaration[]>): boolean {
  while (ts.isAwaitExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
  const name = ts.isIdentifier(value) ? value.text : ts.isCallExpression(value) && ts.isIdentifier(value.expression) ? value.expression.text : null;
  if (!name) return false;
  let ok = false;
  for (const n of byName.get(name) ?? []) {
    if (ts.isVariableDeclaration(n) && n.initializer) {
      const init = n.initializer;
      if (SIGNS.test(init.getText(sf))) ok = true;
      else if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ok = SIGNS.test(init.getText(sf));
      else ok = ok || signedLocally(sf, init, byName);
    }
    if (ts.isFunctionDeclaration(n) && SIGNS.test(n.getText(sf))) ok = true;
  }
  return ok;
}

function rewriteSigned(ctx: RewriteContext): RewriteResult | null {
  const { file, text } = ctx;
  if (!EXCHANGE_PATH.test(text)) return null;
  const sf = parse(file, text);
  const q = quoteOf(text);
  const eol = eolOf(text);
  const objSites: ts.PropertyAssignment[] = [];
  const callSites: ts.ExpressionStatement[] = [];
  const urls: ts.Node[] = [];
  walk(sf, (n) => {
    if (ts.isPropertyAssignment(n) && propName(n) === 'jwt_token') objSites.push(n);
    if (ts.isExpressionStatement(n) && ts.isCallExpression(n.expression)) {
      const c = n.expression;
      const a = c.arguments[0];
      if (ts.isPropertyAccessExpression(c.expression) && ['append', 'set'].includes(c.expression.name.text) && a && ts.isStringLiteral(a) && a.text === 'jwt_token') callSites.push(n);
    }
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && EXCHANGE_PATH.test(n.getText(sf))) urls.push(n);
  });
  if (objSites.length + callSites.length !== 1 || !urls.length) return null;

  const splices: Splice[] = [];
  const removed: string[] = [];
  const candidates = new Set<string>();
  const site = objSites[0];
  const value = site ? site.initializer : (callSites[0].expression as ts.CallExpression).arguments[1];
  if (!value || !signedLocally(sf, value, declarations(sf))) return null;
  if (site) {
    const names = (site.parent as ts.ObjectLiteralExpression).properties.map(propName);
    if (!names.includes('client_id') || !names.includes('client_secret')) return null;
  }
  const choice = ctx.scopes(metascopesIn(text));
  const scopes = scopesExpr(text, choice, PROCESS_ENV.test(text) ? 'process.env' : null, q);

  if (site) {
    const keyQ = ts.isStringLiteral(site.name) ? site.name.getText(sf)[0] : '';
    const fields = [`${keyQ}grant_type${keyQ}: ${q}client_credentials${q}`, `${keyQ}scope${keyQ}: ${scopes.expr}`];
    const own = ownLines(text, site.getStart(sf), site.end);
    const sep = own ? `,${eol}${indentAt(text, site.getStart(sf))}` : ', ';
    splices.push({ start: site.getStart(sf), end: site.end, text: fields.join(sep) });
  } else {
    const st = callSites[0];
    const call = st.expression as ts.CallExpression;
    const access = call.expression as ts.PropertyAccessExpression;
    const recv = access.expression.getText(sf);
    const method = access.name.text;
    const sent = new Set<string>();
    walk(sf, (n) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText(sf) === recv && ts.isStringLiteral(n.arguments[0] ?? n)) sent.add((n.arguments[0] as ts.StringLiteral).text);
    });
    if (!sent.has('client_id') || !sent.has('client_secret') || call.arguments.length !== 2) return null;
    const ind = indentAt(text, st.getStart(sf));
    const semi = st.getText(sf).endsWith(';') ? ';' : '';
    splices.push({ start: st.getStart(sf), end: st.end, text: `${recv}.${method}(${q}grant_type${q}, ${q}client_credentials${q})${semi}${eol}${ind}${recv}.${method}(${q}scope${q}, ${scopes.expr})${semi}` });
    // A multipart FormData body becomes urlencoded, as /ims/token/v3 expects.
    let formData = false;
    walk(sf, (n) => {
      if (ts.isVariableDeclaration(n) && n.name.getText(sf) === recv && n.initializer && ts.isNewExpression(n.initializer) && n.initializer.expression.getText(sf) === 'FormData') {
        formData = true;
        splices.push({ start: n.initializer.getStart(sf), end: n.initializer.end, text: 'new URLSearchParams()' });
        candidates.add('FormData');
      }
    });
    if (formData) {
      let bad = false;
      walk(sf, (n) => {
        if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.expression.getText(sf) !== recv) return;
        const m = n.expression.name.text;
        if (m === 'getHeaders') splices.push({ start: n.getStart(sf), end: n.end, text: `{ ${q}Content-Type${q}: ${q}application/x-www-form-urlencoded${q} }` });
        else if (m !== 'append' || n.arguments.length !== 2) bad = true; // files, getBuffer(), pipe(): not a plain form
      });
      if (bad) return null;
    }
    removed.push(st.getText(sf));
  }
  removed.push(value.getText(sf));
  identifiersIn(value, candidates);
  for (const u of urls) {
    const t = u.getText(sf);
    splices.push({ start: u.getStart(sf), end: u.end, text: EXCHANGE_PATH.replace(t, TOKEN_PATH) });
  }
  splices.push(...fixExpiresIn(sf, text));

  let out = applySplices(text, splices);
  // The signed token's own declaration goes even though signing is not a "pure" call.
  const force = new Set(ts.isIdentifier(value) ? [value.text] : []);
  out = dropUnused(file, out, candidates, removed, force);
  if (!parses(file, out)) return null;
  const ids = settledIds(ctx, SIGN_RULES, out);
  if (!ids.includes('code-ims-jwt-exchange') && !ids.includes('code-jwt-token-form-field')) return null;
  return {
    ruleIds: ids,
    text: out,
    manual: placeholderStep(ctx, choice, out, ids[0]),
    secrets: { add: scopes.env ? [scopes.env] : [], remove: droppedEnvNames(removed, out, JS_ENV) },
  };
}

// ---------------------------------------------------------------- aio-lib-ims contexts in code

// A context object literal (`context.set(name, {...})`, a store fixture, a config builder) moves
// to the OAuth Server-to-Server keys aio-lib-ims reads: client_secrets, scopes and
// technical_account_email; private_key and passphrase go, since aio-lib-ims picks its JWT plugin
// while they are there.
const AIO_CONTEXT_RULE = 'code-aio-ims-jwt-context';
const CONTEXT_KEYS = new Set(['client_id', 'ims_org_id', 'technical_account_id']);
const JWT_KEYS = new Set(['meta_scopes', 'private_key', 'passphrase', 'client_secret']);

/** Whether code reads a JWT key off an object (`ctx.meta_scopes`, `ctx['private_key']`). */
function readsJwtKey(sf: ts.SourceFile): boolean {
  let reads = false;
  walk(sf, (n) => {
    if (ts.isPropertyAccessExpression(n) && JWT_KEYS.has(n.name.text)) reads = true;
    else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) && JWT_KEYS.has(n.argumentExpression.text)) reads = true;
  });
  return reads;
}

function contextEdits(ctx: RewriteContext, text: string, obj: ts.ObjectLiteralExpression, sf: ts.SourceFile, removed: string[], manual: ManualStep[], choices: ScopeChoice[]): Splice[] | null {
  const props = obj.properties;
  const named = (k: string) => props.find((p) => propName(p) === k);
  const assigned = (p: ts.ObjectLiteralElementLike | undefined) => p && (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p));
  const q = quoteOf(text);
  const line = sf.getLineAndCharacterOfPosition(obj.getStart(sf)).line + 1;
  const splices: Splice[] = [];
  const gone = props.filter((p) => ['private_key', 'passphrase'].includes(propName(p) ?? ''));
  if (!gone.every(assigned)) return null;
  const meta = named('meta_scopes');
  const listed = meta && ts.isPropertyAssignment(meta) && ts.isArrayLiteralExpression(meta.initializer) ? meta.initializer.getText(sf) : '';
  const choice = ctx.scopes(metascopesIn(listed));
  const items = choice.value.split(',').map((s) => `${q}${s}${q}`);
  let scopes = `[${items.join(', ')}]`;
  if (meta && ts.isPropertyAssignment(meta) && ts.isArrayLiteralExpression(meta.initializer) && listed.includes('\n')) {
    // A list written one item a line stays so.
    const arr = meta.initializer;
    const first = arr.elements[0];
    const inner = first ? indentAt(text, first.getStart(sf)) : `${indentAt(text, meta.getStart(sf))}  `;
    const comma = arr.elements.hasTrailingComma || !first ? ',' : '';
    const eol = eolOf(text);
    scopes = `[${eol}${items.map((i) => `${inner}${i}`).join(`,${eol}`)}${comma}${eol}${indentAt(text, meta.getStart(sf))}]`;
  }
  if (meta && !assigned(meta)) return null;
  if (meta && named('scopes')) gone.push(meta);
  for (const p of gone) removed.push(p.getText(sf));
  splices.push(...removeProperties(text, props, new Set(gone), sf));
  const adds: string[] = [];
  if (meta && !named('scopes')) {
    removed.push(meta.getText(sf));
    splices.push({ start: meta.getStart(sf), end: meta.end, text: `scopes: ${scopes}` });
    choices.push(choice);
  } else if (!named('scopes')) {
    adds.push(`scopes: ${scopes}`);
    choices.push(choice);
  }
  const secret = named('client_secret');
  if (secret && !named('client_secrets')) {
    if (!assigned(secret)) return null;
    const value = ts.isPropertyAssignment(secret) ? secret.initializer.getText(sf) : 'client_secret';
    splices.push({ start: secret.getStart(sf), end: secret.end, text: `client_secrets: [${value}]` });
  }
  const oauth = named('oauth_enabled');
  if (oauth && ts.isPropertyAssignment(oauth) && oauth.initializer.kind === ts.SyntaxKind.FalseKeyword) {
    splices.push({ start: oauth.initializer.getStart(sf), end: oauth.initializer.end, text: 'true' });
  }
  if (!named('technical_account_email')) {
    adds.push(`technical_account_email: ${q}${EMAIL_PLACEHOLDER}${q}`);
    manual.push(spanPlaceholderStep(ctx.file, line, AIO_CONTEXT_RULE, 'technical account email', EMAIL_PLACEHOLDER));
  }
  for (const entry of adds) {
    const add = appendProperty(text, obj, entry, sf);
    if (!add) return null;
    splices.push(...add);
  }
  return splices;
}

const PARAM_READ = linear(/\b([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)/g);

/**
 * The names of inputs the removed keys read (`params.privateKey`), taken out of a list that names
 * inputs to check (`requiredParams = ['apiKey', 'privateKey']`, as App Builder's templates
 * write it) once nothing reads them: the action would otherwise refuse to run without them.
 */
function dropUnreadParams(file: string, before: string, text: string, removed: string[]): string {
  const unread = new Map<string, Set<string>>();
  for (const r of removed) {
    for (const m of PARAM_READ.matchAll(r)) {
      const [obj, name] = [m.group(1)!, m.group(2)!];
      if (!containsWord(text, `${obj}.${name}`) && !text.includes(`${obj}['${name}']`) && !text.includes(`${obj}["${name}"]`)) {
        unread.set(obj, (unread.get(obj) ?? new Set()).add(name));
      }
    }
  }
  if (!unread.size) return text;
  const sf = parse(file, text);
  const splices: Splice[] = [];
  walk(sf, (n) => {
    if (!ts.isArrayLiteralExpression(n) || !n.elements.length || !n.elements.every(ts.isStringLiteral)) return;
    const names = n.elements.map((e) => (e as ts.StringLiteral).text);
    // Every element is an input the original read: the list names inputs.
    for (const [obj, gone] of unread) {
      if (!names.every((x) => containsWord(before, `${obj}.${x}`) || gone.has(x))) continue;
      const drop = new Set(n.elements.filter((e) => gone.has((e as ts.StringLiteral).text)));
      if (drop.size && drop.size < names.length) splices.push(...removeProperties(text, n.elements, drop, sf));
    }
  });
  try {
    return applySplices(text, splices);
  } catch {
    return text;
  }
}

// A file that also builds JWT claims is JWT machinery (a legacy config converter, its tests):
// converting its contexts alone would mix the flows.
const CLAIM_RULES = new Set(['code-jwt-meta-scope-claim', 'code-jwt-audience-claim']);

function rewriteAioContext(ctx: RewriteContext): RewriteResult | null {
  if (ctx.findings.some((f) => CLAIM_RULES.has(f.ruleId))) return null;
  const sf = parse(ctx.file, ctx.text);
  if (readsJwtKey(sf)) return null; // code built around the JWT keys: the plugin's own logic
  const objects: ts.ObjectLiteralExpression[] = [];
  walk(sf, (n) => {
    if (!ts.isObjectLiteralExpression(n)) return;
    const keys = n.properties.map(propName);
    if (keys.some((k) => k && CONTEXT_KEYS.has(k)) && keys.some((k) => k === 'meta_scopes' || k === 'private_key')) objects.push(n);
  });
  if (!objects.length) return null;
  const splices: Splice[] = [];
  const removed: string[] = [];
  const manual: ManualStep[] = [];
  const choices: ScopeChoice[] = [];
  for (const obj of objects) {
    const edits = contextEdits(ctx, ctx.text, obj, sf, removed, manual, choices);
    if (!edits) return null;
    splices.push(...edits);
  }
  let out: string;
  try {
    out = applySplices(ctx.text, splices);
  } catch {
    return null; // nested contexts: leave them to a person
  }
  const candidates = new Set<string>();
  for (const r of removed) identifiersIn(r, candidates);
  out = dropUnused(ctx.file, out, candidates, removed);
  out = dropUnreadParams(ctx.file, ctx.text, out, removed);
  if (!parses(ctx.file, out)) return null;
  const unknown = choices.find((c) => c.value === SCOPES_PLACEHOLDER);
  if (unknown) manual.unshift(...placeholderStep(ctx, unknown, out, AIO_CONTEXT_RULE));
  if (TEST_PATH.test(ctx.file)) {
    manual.push({
      file: ctx.file,
      line: sf.getLineAndCharacterOfPosition(objects[0].getStart(sf)).line + 1,
      ruleId: AIO_CONTEXT_RULE,
      instructions:
        'Test contexts now use the OAuth Server-to-Server keys. Tests that checked JWT-only behaviour (metascopes, private key) test a path the code no longer needs: delete them or assert the OAuth checks instead.',
    });
  }
  return {
    ruleIds: settledIds(ctx, [AIO_CONTEXT_RULE], out),
    text: out,
    manual,
    secrets: { add: [], remove: droppedEnvNames(removed, out, JS_ENV) },
  };
}

export const codeJsRewriters: Rewriter[] = [
  {
    name: 'JS/TS @adobe/jwt-auth',
    ruleIds: ['code-adobe-jwt-auth'],
    rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteJwtAuth(ctx) : null), // native-regex: a file path
  },
  {
    name: 'JS/TS signed JWT exchange',
    ruleIds: ['code-jwt-library-js', 'code-ims-jwt-exchange', 'code-jwt-token-form-field'],
    rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteSigned(ctx) : null), // native-regex: a file path
  },
  {
    name: 'JS/TS aio-lib-ims context objects',
    ruleIds: [AIO_CONTEXT_RULE],
    rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteAioContext(ctx) : null), // native-regex: a file path
  },
];
