// The JWT exchange written by hand in any function shape: a form with client_id, client_secret and
// `jwt_token` posted to /ims/exchange/jwt. The form's `jwt_token` entry becomes
// `grant_type=client_credentials` and `scope`, the URL becomes /ims/token/v3, and then what only
// fed the JWT goes, statement by statement on the syntax tree: the variable that held the token,
// the claims and the key it was signed with, and functions nothing calls any more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../../languages/index.js';
import type { FormSyntax, Language } from '../../languages/types.js';
import { type Node, parseLoaded, type Tree } from '../../parse/tree-sitter.js';
import { linear } from '../../regex.js';
import { eolOf, indentAt, isBlank, lineAt, lineStartOf, onlyBlanks, skipBlanks, wordOffsets } from '../../text.js';
import { settledIds } from '../settle.js';
import { EXCHANGE_PATH, TOKEN_PATH } from '../spans.js';
import type { ManualStep, RewriteContext, RewriteResult, Rewriter, ScopeChoice } from '../types.js';
import { applySplices, dropElement, mapOffset, metascopesIn, placeholderStep, type Splice } from './code-js.js';



/** The token interpolated into a form string: `"...&jwt_token=$JWT"`, `f"...&jwt_token={jwt}"`. */
const FORM_INTERPOLATED = linear(/&jwt_token=(?:\$(\w+)|\$\{(\w+)\}|\{(\w+)\})/g);
/** A form string ending in `jwt_token=` joined to the token: `'&jwt_token=' + $jwt`. */
const FORM_STRING = linear(/(['"])(&?)jwt_token=(['"])[ \t]*\+[ \t]*(\$?[\w.]+)/g);
const RULES = ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-manual', 'code-jwt-token-form-field', 'code-jwt-token-function', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-library-python', 'code-jwt-signing-powershell'];

const isComment = (node: Node | null) => !!node && node.type.includes('comment');

/** Parameter lists, in every grammar here: a parameter is a declaration, not a use. */
const PARAMETERS = new Set(['parameters', 'formal_parameters', 'parameter_list', 'param_block', 'method_parameters', 'lambda_parameters', 'function_value_parameters', 'class_parameters']);

function inParameters(node: Node | null): boolean {
  for (let n = node; n; n = n.parent) {
    if (PARAMETERS.has(n.type)) return true;
    if (n.type.includes('block') || n.type.includes('body') || n.type === 'braced_expression') return false;
  }
  return false;
}

/** The statement (a child of a block) at an offset. */
function statementAt(tree: Tree, at: number, syntax: FormSyntax): Node | undefined {
  let node: Node | null = tree.rootNode.descendantForIndex(at, at);
  while (node?.parent && !syntax.blocks.includes(node.parent.type)) node = node.parent;
  return node?.parent ? node : undefined;
}

/** Whether a line holds only a comment, given the line-comment markers. */
function commentLine(text: string, start: number, markers: string[]): boolean {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return markers.some((c) => c !== '*' && text.startsWith(c, i));
}

/** A file's line-comment markers; settings files (properties, .env) comment with `#` or `//`. */
const commentsOf = (file: string) => languageOf(file)?.lineComments ?? ['#', '//'];

/** The start of the run of comment lines right above a line (the line itself when there is none). */
function commentsAbove(text: string, line: number, lang: Language): number {
  let start = line;
  while (start > 0 && commentLine(text, lineStartOf(text, start - 1), lang.lineComments)) start = lineStartOf(text, start - 1);
  return start;
}

/**
 * Whole lines of a node, with the comment lines right above it (they were about it), when
 * nothing else shares them (else undefined).
 */
function ownLines(text: string, node: Node, lang: Language): Splice | undefined {
  let start = lineStartOf(text, node.startIndex);
  if (!onlyBlanks(text, start, node.startIndex)) return undefined;
  const own = start;
  start = commentsAbove(text, start, lang);
  if (start === 0) start = own; // comments that open the file are its header, not this statement's
  let end = node.endIndex;
  while (end < text.length && (isBlank(text[end]) || text[end] === ';')) end++;
  const lineEnd = (at: number) => (text.startsWith('\r\n', at) ? at + 2 : text[at] === '\n' ? at + 1 : -1);
  if (lineEnd(end) < 0 && end < text.length) return undefined;
  end = Math.max(end, lineEnd(end));
  // Between two blank lines, one of them goes too, so no gap of two is left.
  const before = start > 0 ? lineStartOf(text, start - 1) : -1;
  let next = end;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
  if (before >= 0 && blankLine(text, before) && lineEnd(next) > 0) end = lineEnd(next);
  // At the top of the file, the blank lines after it go too: a file does not open with a gap.
  while (start === 0 && end < text.length && blankLine(text, end) && text.indexOf('\n', end) > 0) end = text.indexOf('\n', end) + 1;
  return { start, end, text: '' };
}

/** A statement's lines and, when the language checks errors by hand, the check right after it. */
function withErrorCheck(text: string, statement: Node, lines: Splice | undefined, lang: Language): Splice | undefined {
  const next = statement.nextNamedSibling;
  const check = lang.form?.errorCheck;
  if (!lines || !next || !check || !linear(check).test(next.text)) return lines;
  const after = ownLines(text, next, lang);
  return after && onlyBlanks(text, lines.end, after.start) ? { ...lines, end: after.end } : lines;
}

/** Whether the line starting at `start` holds only spaces and tabs. */
function blankLine(text: string, start: number): boolean {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return onlyBlanks(text, start, text[end - 1] === '\r' ? end - 1 : end);
}

function functionNameNode(node: Node): Node | undefined {
  const named = node.childForFieldName('name');
  if (named) return named;
  for (let i = 0; i < node.childCount; i++) if (node.child(i)?.type === 'function_name') return node.child(i) ?? undefined;
  return undefined;
}

const functionName = (node: Node) => functionNameNode(node)?.text;

function identifiers(text: string, syntax: FormSyntax): string[] {
  return [...linear(syntax.identifier).matchAll(text)].map((m) => m.group(1)!);
}

/** The name a line gives the exchange URL (`JWT_URL = "…"`, `"tokenEndpoint": "…"`). */
const URL_NAME = linear(/([A-Za-z_]\w*)['"]?[ \t]*(?:[:=]|=>)[^:=]*$/);

/**
 * Another file that holds the exchange URL this file posts to, by a name both use, when the plan
 * has not rewritten it yet (it will, when asked).
 */
function urlHolder(ctx: RewriteContext): { file: string; text: string } | undefined {
  for (const other of ctx.files) {
    if (other === ctx.file || ctx.processed?.(other) !== false) continue;
    let text: string;
    try {
      text = readFileSync(join(ctx.root, other), 'utf8');
    } catch {
      continue;
    }
    for (const m of EXCHANGE_PATH.matchAll(text)) {
      if (commentLine(text, lineStartOf(text, m.index), commentsOf(other))) continue;
      const before = text.slice(lineStartOf(text, m.index), m.index);
      const name = URL_NAME.exec(before)?.group(1);
      if (name && wordOffsets(ctx.text, name).length) return { file: other, text };
    }
  }
  return undefined;
}

/** The form entry and URL edits; undefined when the file has no form this rewrite understands. */
function formEdits(ctx: RewriteContext, tree: Tree, lang: Language, syntax: FormSyntax): { splices: Splice[]; seeds: { name: string; at: number }[]; holder?: string; scopes: ScopeChoice } | undefined {
  const text = ctx.text;
  const eol = eolOf(text);
  const urls = [...EXCHANGE_PATH.matchAll(text)];
  const inCode = urls.filter((m) => !isComment(tree.rootNode.descendantForIndex(m.index, m.index)));
  // The URL may live in another file: that file is asked to change it, or this one is left.
  const holder = inCode.length ? undefined : urlHolder(ctx);
  if (!inCode.length && !holder) return undefined;
  // The metascopes may sit beside the URL (a settings module), not in this file.
  const choice = ctx.scopes(metascopesIn(holder ? `${text}\n${holder.text}` : text));
  const splices: Splice[] = [];
  const seeds: { name: string; at: number }[] = [];
  for (const m of FORM_STRING.matchAll(text)) {
    if (m.group(1) !== m.group(3) || isComment(tree.rootNode.descendantForIndex(m.index, m.index))) continue;
    const q = m.group(1)!;
    splices.push({ start: m.index, end: m.end, text: `${q}${m.group(2)}grant_type=client_credentials&scope=${choice.value}${q}` });
    // A plain variable is followed to where it was signed; `$config.jwt_token` (a token made
    // elsewhere) is only replaced.
    const value = m.group(4)!.replace('$', '');
    if (!value.includes('.')) seeds.push({ name: value, at: m.index });
  }
  for (const m of FORM_INTERPOLATED.matchAll(text)) {
    const node = tree.rootNode.descendantForIndex(m.index, m.index);
    if (!node || isComment(node) || !node.type.includes('string')) continue;
    splices.push({ start: m.index, end: m.end, text: `&grant_type=client_credentials&scope=${choice.value}` });
    seeds.push({ name: m.group(1) ?? m.group(2) ?? m.group(3)!, at: m.index });
  }
  for (const m of syntax.flagEntry ? linear(syntax.flagEntry).matchAll(text) : []) {
    if (m.group(2) !== m.group(4) || isComment(tree.rootNode.descendantForIndex(m.index, m.index))) continue;
    const [flag, q] = [m.group(1)!, m.group(2)!];
    splices.push({ start: m.index, end: m.end, text: `${flag}${q}grant_type=client_credentials${q} ${flag}${q}scope=${choice.value}${q}` });
    seeds.push(...[...new Set(identifiers(m.group(3)!, syntax))].map((name) => ({ name, at: m.index })));
  }
  const entries = [...(syntax.entry ? tree.rootNode.descendantsOfType(syntax.entry) : []), ...(syntax.callEntry ? tree.rootNode.descendantsOfType(syntax.callEntry) : [])];
  for (const entry of entries) {
    const call = entry.type === syntax.callEntry;
    if (call && entry.namedChildCount !== 2) continue;
    const key = entry.namedChild(0);
    const value = entry.childForFieldName('value') ?? entry.namedChild(entry.namedChildCount - 1);
    if (!key || !value || key.id === value.id || key.text.replace(/^['"]|['"]$/g, '') !== 'jwt_token') continue; // native-regex: a short key
    // A call that adds the entry is a statement of its own: the statement is the template.
    const unit = call ? statementAt(tree, entry.startIndex, syntax) : entry;
    // The exchange's form sends the client secret beside the JWT; an argument named jwt_token
    // in some other call (a helper's parameter) is not the form.
    // (Kotlin wraps each argument: the form is the entry's grandparent.)
    const form = call ? unit?.parent : entry.parent;
    if (!unit || !(form?.text.includes('client_secret') || (!call && form?.parent?.text.includes('client_secret')))) continue;
    // The entry is its own template: `{"jwt_token", x}` gives `{"grant_type", "client_credentials"}`;
    // a value in braces (Go's `{jwt}`) keeps them.
    const q = key.text.startsWith('"') ? '"' : key.text.startsWith("'") ? "'" : '';
    const literal = q || syntax.quote;
    const [open, close] = value.text.startsWith('{') && value.text.endsWith('}') ? ['{', '}'] : ['', ''];
    const rel = (at: number) => at - unit.startIndex;
    const between = unit.text.slice(rel(key.endIndex), rel(value.startIndex));
    // Values aligned in a column (`"jwt_token":     {x}`, as gofmt lays them out) stay in it.
    const pad = between.length - between.trimEnd().length;
    const spacing = (k: string) => (pad > 1 ? between.trimEnd() + ' '.repeat(Math.max(1, pad + 'jwt_token'.length - k.length)) : between);
    const render = (k: string, v: string) =>
      unit.text.slice(0, rel(key.startIndex)) + q + k + q + spacing(k) + open + literal + v + literal + close + unit.text.slice(rel(value.endIndex));
    const own = onlyBlanks(text, lineStartOf(text, unit.startIndex), unit.startIndex);
    const next = call
      ? `${eol}${indentAt(text, unit.startIndex)}`
      : own
        ? `${syntax.separator === ',' ? ',' : ''}${eol}${indentAt(text, entry.startIndex)}`
        : `${syntax.separator} `;
    splices.push({ start: unit.startIndex, end: unit.endIndex, text: render('grant_type', 'client_credentials') + next + render('scope', choice.value) });
    seeds.push(...[...new Set(identifiers(value.text, syntax))].slice(0, MAX_NAMES).map((name) => ({ name, at: entry.startIndex })));
  }
  if (!splices.length) return undefined;
  // The JWT exchange's form carries the client id and secret; the token request keeps them. A
  // form without them is a shape this rewrite does not know.
  if (!text.includes('client_id') || !text.includes('client_secret')) return undefined;
  seeds.push(...jwtVariables(text, syntax));
  if (holder) return { splices, seeds, holder: holder.file, scopes: choice };
  // Comments that name the URL (a parameter's documented default) follow the code.
  for (const u of urls) splices.push({ start: u.index, end: u.end, text: TOKEN_PATH });
  return { splices, seeds, scopes: choice };
}

const JWT_NAME = linear(/jwt/i);

/**
 * Variables named for the JWT (`$jwt = New-Jwt …`, `signed_jwt = sign(…)`): once the form no
 * longer sends a token, one that nothing reads goes too, even when the form sent another value
 * (`$config.jwt_token`) and never read it.
 */
function jwtVariables(text: string, syntax: FormSyntax): { name: string; at: number }[] {
  const assigns = linear(syntax.assigns);
  const out: { name: string; at: number }[] = [];
  for (let start = 0; start < text.length && out.length < MAX_NAMES; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const at = skipBlanks(text, start, end);
    const name = assigns.exec(text.slice(at, Math.min(end, at + 200)))?.group(1);
    if (name && JWT_NAME.test(name)) out.push({ name, at });
    start = end + 1;
  }
  return out;
}

const MAX_NAMES = 400;
const MAX_OCCURRENCES = 200;

/** The innermost function around a node (its id), or 0 at the top level. */
function scopeOf(node: Node | null, functions: Set<string>): number {
  for (let n = node?.parent ?? null; n; n = n.parent) if (functions.has(n.type)) return n.id;
  return 0;
}

/**
 * Statements and functions that only fed the JWT, found from the names the form's token value
 * used and followed through what each removed statement read. A variable is looked for in the
 * scope it was read in, then at the top level (a module constant, which no other file may use);
 * a function anywhere in the file, when nothing in the repository calls it.
 */
function deadCode(text: string, tree: Tree, lang: Language, syntax: FormSyntax, seeds: { name: string; scope: number }[], usedElsewhere: (name: string) => boolean): Splice[] {
  const functions = new Set(lang.functionNodes);
  const assigns = linear(syntax.assigns);
  // `name = value`, not `name == value` (RE2 has no lookahead to say so in the pattern).
  const assignment = { exec: (t: string) => { const m = assigns.exec(t); return m && t[m.end] !== '=' ? m : undefined; } };
  const inside = (at: number, spans: Splice[]) => spans.some((s) => at >= s.start && at < s.end);
  const scopeAt = (at: number) => scopeOf(tree.rootNode.descendantForIndex(at, at), functions);
  const within = (at: number, scope: number) => {
    for (let n: Node | null = tree.rootNode.descendantForIndex(at, at); n; n = n.parent) if (n.id === scope) return true;
    return false;
  };
  // First every name reachable from the seeds through what its definitions read, with those
  // definitions and the uses that must all fall inside what goes...
  const entries = new Map<string, { lines: Splice[]; uses: number[] }>();
  const queue = [...seeds];
  // Bounds for hostile files (a megabyte line of names): a name read that often, or more names
  // than a token function has, is left alone rather than followed.
  while (queue.length && entries.size < MAX_NAMES) {
    const { name, scope } = queue.shift()!;
    if (entries.has(`${scope}:${name}`)) continue;
    entries.set(`${scope}:${name}`, { lines: [], uses: [] });
    const found0 = wordOffsets(text, name, undefined, MAX_OCCURRENCES + 1);
    if (found0.length > MAX_OCCURRENCES) continue;
    // A parameter declares a name and a comment only mentions it: neither is a use.
    const occurrences = found0.filter((at) => {
      const node = tree.rootNode.descendantForIndex(at, at);
      return !inParameters(node) && !isComment(node);
    });
    const statements = occurrences.flatMap((at) => {
      const statement = statementAt(tree, at, syntax);
      return statement ? [{ at, statement, scope: scopeOf(statement, functions) }] : [];
    });
    // Functions of this name, when nothing else calls them.
    const defined = statements.filter((x) => functions.has(x.statement.type) && functionName(x.statement) === name && x.at < x.statement.startIndex + 64);
    let found: { lines: Splice; reads: string; scope: number }[] = [];
    let uses = occurrences;
    // `assertion, err := c.assertion()`: the local variable is what the seed named.
    const local = scope !== 0 && statements.some((x) => x.scope === scope && !functions.has(x.statement.type) && assignment.exec(x.statement.text)?.group(1) === name);
    if (defined.length && !local && !usedElsewhere(name)) {
      found = defined.flatMap((x) => {
        const lines = ownLines(text, x.statement, lang);
        return lines ? [{ lines, reads: x.statement.text, scope: 0 }] : [];
      });
    } else {
      // Assignments to the variable in its scope, else module constants at the top level.
      for (const where of scope ? [scope, 0] : [0]) {
        const assigned = statements.filter((x) => {
          const m = assignment.exec(x.statement.text);
          return x.scope === where && !functions.has(x.statement.type) && m?.group(1) === name && x.at < x.statement.startIndex + m[0].length;
        });
        if (!assigned.length) continue;
        if (where === 0 && syntax.exportsGlobals && usedElsewhere(name)) break;
        found = assigned.flatMap((x) => {
          const lines = withErrorCheck(text, x.statement, ownLines(text, x.statement, lang), lang);
          const m = assignment.exec(x.statement.text)!;
          return lines ? [{ lines, reads: x.statement.text.slice(m[0].length), scope: where }] : [];
        });
        // Uses of a local variable count in its own scope; a module constant's at the top level
        // and in functions that do not assign a local of that name.
        const assigning = new Set(statements.filter((x) => x.scope !== where && assignment.exec(x.statement.text)?.group(1) === name).map((x) => x.scope));
        // A local's uses include closures inside its scope that do not assign their own.
        uses = occurrences.filter((at) => (!where || within(at, where)) && (scopeAt(at) === where || !assigning.has(scopeAt(at))));
        break;
      }
    }
    if (found.length < (defined.length || 1) && !found.length) continue;
    entries.set(`${scope}:${name}`, { lines: found.map((f) => f.lines), uses });
    for (const f of found) for (const read of new Set(identifiers(f.reads, syntax))) queue.push({ name: read, scope: f.scope });
  }
  // ...then the largest set of them whose every use is inside the set (statements that read
  // each other, as `$jwt = $jwt + "." + $sig` and `$sig = sign($jwt)` do, go together).
  let alive = [...entries.values()].filter((e) => e.lines.length > 0);
  for (let changed = true; changed; ) {
    const spans = alive.flatMap((e) => e.lines);
    const kept = alive.filter((e) => e.uses.every((at) => inside(at, spans)));
    changed = kept.length !== alive.length;
    alive = kept;
  }
  const removed: Splice[] = [];
  for (const span of alive.flatMap((e) => e.lines)) if (!removed.some((r) => r.start === span.start)) removed.push(span);
  // Nested removals (a statement inside a removed function) leave only the outer one.
  return removed.filter((r) => !removed.some((o) => o !== r && o.start <= r.start && r.end <= o.end));
}

/** A Go module's major-version path segment (`/v5`), and the package name a path ends in. */
const GO_MAJOR = linear(/^v\d+$/);
const GO_PACKAGE = linear(/^(?:go-)?([A-Za-z_]\w*)/);
const JVM_IMPORT = linear(/^import[ \t]+(?:static[ \t]+)?(?:[A-Za-z_]\w*\.)+([A-Za-z]\w*|_\w+)[ \t]*;?[ \t]*$/);

/**
 * The names an import statement binds (`import a.b` binds a; `from m import x as y` binds y; Go's
 * `"github.com/golang-jwt/jwt/v5"` binds jwt, `jose "gopkg.in/square/go-jose.v2"` binds jose).
 */
function importedNames(node: Node): string[] {
  if (node.type === 'namespace_use_declaration') {
    const names: string[] = [];
    for (let i = 0; i < node.namedChildCount; i++) {
      const clause = node.namedChild(i)!;
      if (clause.type !== 'namespace_use_clause') return [];
      const alias = clause.namedChildren.find((c) => c?.type === 'name');
      const path = clause.namedChildren.find((c) => c?.type === 'qualified_name');
      const last = alias ?? path?.namedChild(path.namedChildCount - 1);
      if (!last) return [];
      names.push(last.text);
    }
    return names;
  }
  if (node.type === 'import_spec') {
    const alias = node.childForFieldName('name');
    if (alias) return alias.type === 'package_identifier' ? [alias.text] : [];
    const segments = (node.childForFieldName('path')?.text ?? '').replaceAll('"', '').split('/');
    const last = GO_MAJOR.test(segments[segments.length - 1] ?? '') ? segments[segments.length - 2] : segments[segments.length - 1];
    return [GO_PACKAGE.exec(last ?? '')?.group(1) ?? ''].filter(Boolean);
  }
  // JVM imports of one class (`import io.jsonwebtoken.Jwts`); `{A, B}`, `*` and aliases are not judged.
  if (node.type === 'import' || node.type === 'import_declaration') {
    const jvm = JVM_IMPORT.exec(node.text);
    if (jvm || !node.childForFieldName('module_name')) return jvm ? [jvm.group(1)!] : [];
  }
  const module = node.childForFieldName('module_name');
  const names: string[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const child = node.namedChild(i);
    if (!child || (module && child.id === module.id)) continue;
    if (child.type === 'aliased_import') names.push(child.childForFieldName('alias')?.text ?? '');
    else if (child.type === 'dotted_name') names.push(child.text.split('.')[0]);
    else return []; // `import *` and the like: not ours to judge
  }
  return names.filter(Boolean);
}

/** Imports whose names the original used outside them and the rewritten text no longer uses. */
function unusedImports(before: string, text: string, tree: Tree, lang: Language, syntax: FormSyntax): Splice[] {
  const out: Splice[] = [];
  const imports = tree.rootNode.descendantsOfType(syntax.imports ?? []);
  // A name inside another import (Go's "crypto" in "crypto/rand") is not a use.
  const inImport = (at: number) => imports.some((i) => at >= i.startIndex && at < i.endIndex) || isComment(tree.rootNode.descendantForIndex(at, at));
  for (const node of imports) {
    const names = importedNames(node);
    const usedOutside = (t: string, name: string) => wordOffsets(t, name).some((at) => !inImport(at));
    const orphaned = names.length > 0 && names.every((n) => !usedOutside(text, n) && wordOffsets(before, n).length > 1);
    // `import "x"` alone: the declaration goes with its only spec.
    const whole = node.parent && node.parent.namedChildCount === 1 && node.parent.type.startsWith('import') ? node.parent : node;
    const lines = orphaned ? ownLines(text, whole, lang) : undefined;
    if (lines) out.push(lines);
  }
  return out;
}

/**
 * Runs of blank lines where statements were deleted shrink to the gap the original had above the
 * deleted code (one between methods, two between Python's top-level functions).
 */
function tidyGaps(before: string, removed: Splice[]): string {
  const text = applySplices(before, removed);
  const sorted = [...removed].sort((a, b) => a.start - b.start);
  let gone = 0;
  const at = sorted.map((r) => {
    const p = r.start - gone;
    gone += r.end - r.start;
    let keep = 0;
    for (let line = r.start; line > 0 && keep < 2; keep++) {
      line = lineStartOf(before, line - 1);
      if (!blankLine(before, line)) break;
    }
    return { p, keep: Math.max(keep, 1) };
  });
  const gaps: Splice[] = [];
  for (const { p, keep } of at) {
    let start = p;
    while (start > 0) {
      const prev = lineStartOf(text, start - 1);
      if (!blankLine(text, prev)) break;
      start = prev;
    }
    let end = p;
    const blankLines: number[] = [];
    for (let line = start; line < text.length; ) {
      let eol = text.indexOf('\n', line);
      if (eol < 0) eol = text.length;
      if (!onlyBlanks(text, line, eol) || eol === text.length) break;
      blankLines.push(line);
      line = eol + 1;
      end = line;
    }
    // Nor after an opening bracket, before a closing one (`)` of Go's import block, `}` of a
    // class) or at the file's end.
    let before = start - 1;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t' || text[before - 1] === '\r')) before--;
    const opens = before > 0 && '([{'.includes(text[before - 1]);
    const closes = opens || end >= text.length || ')]}'.includes(text[skipBlanks(text, end)] ?? '');
    const room = closes ? 0 : keep;
    const gap = { start: blankLines[room], end, text: '' };
    if (blankLines.length > room && !gaps.some((g) => g.start < gap.end && gap.start < g.end)) gaps.push(gap);
  }
  return applySplices(text, gaps);
}

function rewrite(ctx: RewriteContext): RewriteResult | null {
  const lang = languageOf(ctx.file);
  const syntax = lang ? lang.form : undefined;
  const tree = lang && syntax ? ctx.parse?.() : undefined;
  if (!lang || !syntax || !tree) return null;
  let form;
  try {
    if (tree.rootNode.hasError) return null;
    form = formEdits(ctx, tree, lang, syntax);
  } finally {
    tree.delete();
  }
  if (!form) return null;
  // Offsets of the seeds in the rewritten text: the form's own splices come before or at them.
  let text = applySplices(ctx.text, form.splices);
  let seedsAt = form.seeds.map((s) => ({ name: s.name, at: mapOffset(form.splices, s.at) }));
  const unwrapped = syntax.signingCallback && lang.parser ? unwrapCallbacks(text, lang, syntax) : undefined;
  if (unwrapped) {
    seedsAt = [...seedsAt.map((s) => ({ ...s, at: mapOffset(unwrapped.splices, s.at) })), ...unwrapped.seeds];
    text = unwrapped.text;
  }
  const after = lang.parser ? parseLoaded(lang.parser, text) : undefined;
  if (!after) return null;
  try {
    const functions = new Set(lang.functionNodes);
    const seeds = seedsAt.map((s) => ({ name: s.name, scope: scopeOf(after.rootNode.descendantForIndex(s.at, s.at), functions) }));
    // A PowerShell script's functions are another file's only when it dot-sources the script.
    const dead = deadCode(text, after, lang, syntax, seeds, sharedNames(ctx, syntax));
    text = tidyGaps(text, dead);
  } finally {
    after.delete();
  }
  text = followParameters(ctx, text, lang, syntax, new Set(form.seeds.map((s) => s.name))) ?? text;
  if (syntax.imports && lang.parser) {
    const cleaned = parseLoaded(lang.parser, text);
    if (!cleaned) return null;
    try {
      text = tidyGaps(text, unusedImports(ctx.text, text, cleaned, lang, syntax));
    } finally {
      cleaned.delete();
    }
  }
  const ids = settledIds(ctx, RULES, text);
  if (!ids.includes('code-jwt-token-form-field')) return null;
  const choice = form.scopes;
  const requests = form.holder ? [{ file: form.holder, kind: 'exchange-url' }] : [];
  const manual = [...placeholderStep(ctx, choice, text, 'code-jwt-token-form-field'), ...unsentTokens(ctx.file, text, lang, form.seeds)];
  return { ruleIds: ids, text, manual, requests };
}

/**
 * A JWT the form no longer sends but the code still signs (inside a lambda, or read again
 * elsewhere): the token request works, and the signing is left for a person to delete.
 */
function unsentTokens(file: string, text: string, lang: Language, seeds: { name: string }[]): ManualStep[] {
  const names = [...new Set(seeds.map((s) => s.name))].filter((n) => JWT_NAME.test(n) && !['', '$'].some((sigil) => text.includes(`Deprecated: parameter ${sigil}${n} `)));
  if (!names.length || !lang.parser) return [];
  const tree = parseLoaded(lang.parser, text);
  if (!tree) return [];
  try {
    const steps: ManualStep[] = [];
    for (const name of names) {
      const at = wordOffsets(text, name).find((i) => !isComment(tree.rootNode.descendantForIndex(i, i)));
      if (at === undefined) continue;
      steps.push({
        file,
        line: lineAt(text, at),
        ruleId: 'code-jwt-token-form-field',
        instructions: `\`${name}\` is still signed here but the token request no longer sends it (OAuth Server-to-Server needs no JWT): delete the signing code, its claims and the private key it reads.`,
      });
    }
    return steps;
  } finally {
    tree.delete();
  }
}

/** The parameters step (see unusedParameters) and the dead code its removed arguments leave. */
function followParameters(ctx: RewriteContext, text: string, lang: Language, syntax: FormSyntax, names: Set<string>): string | undefined {
  const tree = parseLoaded(lang.parser!, text);
  if (!tree) return undefined;
  let edits;
  try {
    edits = unusedParameters(text, tree, lang, syntax, names, sharedNames(ctx, syntax));
  } finally {
    tree.delete();
  }
  if (!edits.splices.length) return undefined;
  let next: string;
  try {
    next = applySplices(text, edits.splices);
  } catch {
    return undefined;
  }
  if (!edits.seeds.length) return next;
  const after = parseLoaded(lang.parser!, next);
  if (!after) return undefined;
  try {
    const functions = new Set(lang.functionNodes);
    const seeds = edits.seeds.map((s) => {
      const at = mapOffset(edits.splices, s.at);
      return { name: s.name, scope: scopeOf(after.rootNode.descendantForIndex(at, at), functions) };
    });
    return tidyGaps(next, deadCode(next, after, lang, syntax, seeds, sharedNames(ctx, syntax)));
  } finally {
    after.delete();
  }
}

/** The start of the doc comment right above a line (`/** … */`, a run of `///` or `#` lines), else the line. */
function aboveDocComment(text: string, line: number, lang: Language): number {
  if (line === 0) return line;
  const prev = lineStartOf(text, line - 1);
  const prevText = text.slice(prev, line).trim();
  if (prevText.endsWith('*/')) {
    const open = text.lastIndexOf('/*', prev + text.slice(prev, line).lastIndexOf('*/'));
    return open >= 0 && onlyBlanks(text, lineStartOf(text, open), open) ? lineStartOf(text, open) : line;
  }
  return commentsAbove(text, line, lang);
}

/** A call's argument list, in the grammars here. */
const ARGUMENT_LISTS = new Set(['arguments', 'argument_list', 'value_arguments']);
const CALL = linear(/call|invocation/);
const RECEIVER = new Set(['self', 'cls', '$this', 'this']);

/** A parameter's name (`String jwt`, `jwt: String`, `$jwt`). */
function parameterName(node: Node, syntax: FormSyntax): string | undefined {
  const named = node.childForFieldName('name');
  return named ? identifiers(named.text, syntax)[0] : identifiers(node.text, syntax)[0];
}

/**
 * Parameters the form's token came in by (`fetch(jwtToken, secret)`) that the function no longer
 * reads. When only this file calls the function, the parameter goes with the argument in its
 * place at every call, and what those arguments read seeds the dead code again (the caller's
 * `jwtToken = sign(…)`). A function that other files call keeps its signature: a library's public
 * API stays, with a deprecation comment, and its callers drop the argument in their own time.
 */
function unusedParameters(text: string, tree: Tree, lang: Language, syntax: FormSyntax, names: Set<string>, usedElsewhere: (name: string) => boolean): { splices: Splice[]; seeds: { name: string; at: number }[] } {
  const splices: Splice[] = [];
  const seeds: { name: string; at: number }[] = [];
  const reads = (fn: Node, name: string) =>
    wordOffsets(fn.text, name).some((rel) => {
      const node = tree.rootNode.descendantForIndex(fn.startIndex + rel, fn.startIndex + rel);
      return !inParameters(node) && !isComment(node);
    });
  const functions = tree.rootNode.descendantsOfType(lang.functionNodes).filter((f): f is Node => !!f);
  // The function that sends the rewritten form (the innermost one holding it).
  const senders = functions.filter((f) => f.text.includes('client_credentials') && !functions.some((g) => g.id !== f.id && g.startIndex >= f.startIndex && g.endIndex <= f.endIndex && g.text.includes('client_credentials')));
  for (const fn of senders) {
    const list = fn.childForFieldName('parameters') ?? fn.namedChildren.find((c) => !!c && PARAMETERS.has(c.type));
    const fname = functionName(fn);
    if (!list || !fname) continue;
    const params = list.namedChildren.filter((c): c is Node => !!c && !isComment(c));
    // `shown`: the name as declared (PHP's `$jwt`).
    const unused = params
      .map((p, i) => ({ i, name: parameterName(p, syntax), shown: p.childForFieldName('name')?.text }))
      .filter((p) => p.name && names.has(p.name) && !reads(fn, p.name));
    if (!unused.length) continue;
    // Every other mention of the function must be a call with one argument per parameter (a
    // method called on `self` passes one fewer).
    const skip = params.length > 0 && RECEIVER.has(parameterName(params[0], syntax) ?? '') ? 1 : 0;
    const calls: Node[][] = [];
    let callsOk = !usedElsewhere(fname);
    for (const at of wordOffsets(text, fname)) {
      if (!callsOk) break;
      if (at === functionNameNode(fn)?.startIndex) continue; // the declaration itself
      const here = tree.rootNode.descendantForIndex(at, at);
      if (!here || isComment(here)) continue;
      let call: Node | null = here.parent;
      while (call && !CALL.test(call.type)) call = call.parent;
      const args = call && (call.childForFieldName('arguments') ?? call.namedChildren.find((c) => !!c && ARGUMENT_LISTS.has(c.type)));
      const items = args?.namedChildren.filter((c): c is Node => !!c && !isComment(c));
      if (!call || !args || !items || at >= args.startIndex || items.length !== params.length - skip) callsOk = false;
      else calls.push(items);
    }
    const nameNode = functionNameNode(fn)!;
    const head = text.slice(lineStartOf(text, fn.startIndex), nameNode.endIndex);
    const vis = syntax.visibility;
    const api = !!vis && (!!vis.public?.test(head) || (!!vis.private && !vis.private.test(head))); // native-regex: a declaration's head
    if (!callsOk || api || !calls.length) {
      // A deprecation note above the function and its doc comment (which stays next to it), once.
      const start = aboveDocComment(text, lineStartOf(text, fn.startIndex), lang);
      const marker = lang.lineComments[0];
      const note = unused.map((p) => `${indentAt(text, fn.startIndex)}${marker} Deprecated: parameter ${p.shown ?? p.name} is unused (OAuth Server-to-Server sends no JWT); kept for callers.${eolOf(text)}`).join('');
      const own = onlyBlanks(text, lineStartOf(text, fn.startIndex), fn.startIndex);
      if (own && !text.slice(Math.max(0, start - 400), start).includes(`Deprecated: parameter ${unused[0].shown ?? unused[0].name} `)) splices.push({ start, end: start, text: note });
      continue;
    }
    for (const p of unused) {
      splices.push(dropElement(params, p.i));
      for (const items of calls) {
        const arg = items[p.i - skip];
        splices.push(dropElement(items, p.i - skip));
        seeds.push(...[...new Set(identifiers(arg.text, syntax))].map((name) => ({ name, at: arg.startIndex })));
      }
    }
  }
  return { splices, seeds };
}

/**
 * Signing calls whose callback no longer reads the token (the form it fed was rewritten): the
 * callback's statements take the call's place, and what the call signed with seeds the dead code.
 */
function unwrapCallbacks(text: string, lang: Language, syntax: FormSyntax): { text: string; splices: Splice[]; seeds: { name: string; at: number }[] } | undefined {
  const tree = parseLoaded(lang.parser!, text);
  if (!tree) return undefined;
  const splices: Splice[] = [];
  const seeds: { name: string; at: number }[] = [];
  try {
    const signs = linear(syntax.signingCallback!);
    for (const call of tree.rootNode.descendantsOfType('call_expression')) {
      const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c) ?? [];
      const callback = args[args.length - 1];
      const statement = call.parent;
      if (!signs.test(call.childForFieldName('function')?.text ?? '') || !callback || statement?.type !== 'expression_statement') continue;
      const body = callback.childForFieldName('body');
      const params = identifiers(callback.childForFieldName('parameters')?.text ?? '', syntax);
      // A parameter a nested callback declares again (`function (err, res)`) is that one's.
      const read = (p: string) =>
        !!body &&
        wordOffsets(body.text, p).some((rel) => {
          const at = body.startIndex + rel;
          const here = tree.rootNode.descendantForIndex(at, at);
          // Only a name is a read: not `/ims/token/v3` in a string, nor `.token` of an object.
          if (!here || (here.type !== 'identifier' && here.type !== 'shorthand_property_identifier')) return false;
          for (let n: Node | null = here; n && n.id !== callback.id; n = n.parent) {
            const own = n.childForFieldName('parameters');
            if (own && n.id !== callback.id && wordOffsets(own.text, p).length) return false;
          }
          return true;
        });
      if (body?.type !== 'statement_block' || params.some(read)) continue;
      const start = lineStartOf(text, statement.startIndex);
      const nl = text.indexOf('\n', statement.endIndex);
      const end = nl < 0 ? text.length : nl + 1;
      const first = body.namedChild(0);
      if (!first || !onlyBlanks(text, start, statement.startIndex) || !onlyBlanks(text, statement.endIndex + 1, end - 1)) continue;
      // The body's lines, one level out (to the call statement's indentation).
      const from = text.indexOf('\n', body.startIndex) + 1;
      const to = lineStartOf(text, body.endIndex - 1);
      const inner = indentAt(text, first.startIndex);
      const outer = indentAt(text, statement.startIndex);
      const lines = text.slice(from, to).split('\n');
      if (!inner.startsWith(outer) || lines.some((l) => l.trim() && !l.startsWith(inner))) continue;
      splices.push({ start, end, text: lines.map((l) => (l.trim() ? outer + l.slice(inner.length) : l)).join('\n') });
      for (const a of args.slice(0, -1)) for (const name of new Set(identifiers(a.text, syntax))) seeds.push({ name, at: start });
    }
  } finally {
    tree.delete();
  }
  if (!splices.length) return undefined;
  try {
    return { text: applySplices(text, splices), splices, seeds };
  } catch {
    return undefined;
  }
}

/** Whether names of this file's functions can be another file's (see `rewrite`). */
function sharedNames(ctx: RewriteContext, syntax: FormSyntax): (name: string) => boolean {
  const file = ctx.file.slice(ctx.file.lastIndexOf('/') + 1);
  const shared = syntax.exportsGlobals || !file.toLowerCase().endsWith('.ps1') || (ctx.usedElsewhere?.(file) ?? true);
  return (name) => shared && (ctx.usedElsewhere?.(name) ?? true);
}

/**
 * What an earlier rewrite of this file left behind: functions and variables the original used and
 * nothing uses now (the claims builder, the key reader), then what only they used, and imports.
 */
function orphans(ctx: RewriteContext): RewriteResult | null {
  const lang = languageOf(ctx.file);
  const syntax = lang ? lang.form : undefined;
  if (!lang?.parser || !syntax || ctx.original === undefined || ctx.original === ctx.text) return null;
  // An earlier rewrite of the form inside a signing callback leaves the callback's token unread.
  const unwrapped = syntax.signingCallback ? unwrapCallbacks(ctx.text, lang, syntax) : undefined;
  let text = unwrapped?.text ?? ctx.text;
  const tree = unwrapped ? parseLoaded(lang.parser, text) : ctx.parse?.();
  if (!tree) return null;
  try {
    if (tree.rootNode.hasError) return null;
    const functions = new Set(lang.functionNodes);
    const seeds = (unwrapped?.seeds ?? []).map((s) => ({ name: s.name, scope: scopeOf(tree.rootNode.descendantForIndex(s.at, s.at), functions) }));
    const seen = new Set<string>();
    for (const node of tree.rootNode.descendantsOfType([...functions]).slice(0, MAX_NAMES)) {
      const name = functionName(node);
      if (!name || seen.has(name)) continue;
      seen.add(name);
      // Used outside its own body before this run's rewrites, and not now.
      const inside = wordOffsets(node.text, name).length;
      const now = wordOffsets(text, name).length - inside;
      if (now === 0 && wordOffsets(ctx.original, name).length > inside) seeds.push({ name, scope: 0 });
    }
    const dead = seeds.length ? deadCode(text, tree, lang, syntax, seeds, sharedNames(ctx, syntax)) : [];
    if (!dead.length && !unwrapped) return null;
    text = tidyGaps(text, dead);
  } finally {
    tree.delete();
  }
  if (syntax.imports) {
    const cleaned = parseLoaded(lang.parser, text);
    if (!cleaned) return null;
    try {
      text = tidyGaps(text, unusedImports(ctx.original, text, cleaned, lang, syntax));
    } finally {
      cleaned.delete();
    }
  }
  return { ruleIds: settledIds(ctx, RULES, text), text };
}

export const exchangeFormRewriters: Rewriter[] = [
  {
    name: 'hand-written JWT exchange form',
    ruleIds: ['code-jwt-token-form-field'],
    syntax: true,
    rewrite,
  },
];

/** The exchange URL a rewritten form in another file posts to, when that rewrite asked. */
function heldUrl(ctx: RewriteContext): RewriteResult | null {
  if (!ctx.requested?.has('exchange-url')) return null;
  const text = ctx.text;
  const splices: Splice[] = [];
  for (const m of EXCHANGE_PATH.matchAll(text)) {
    if (commentLine(text, lineStartOf(text, m.index), commentsOf(ctx.file))) continue;
    splices.push({ start: m.index, end: m.end, text: TOKEN_PATH });
  }
  if (!splices.length) return null;
  const out = applySplices(text, splices);
  return { ruleIds: settledIds(ctx, ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-config', 'code-ims-jwt-exchange-manual'], out), text: out };
}

export const heldUrlRewriters: Rewriter[] = [
  { name: 'exchange URL another file posts to', ruleIds: ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-config', 'code-ims-jwt-exchange-manual'], rewrite: heldUrl },
];

/** Runs after every other code rewrite of a file. */
export const orphanRewriters: Rewriter[] = [
  {
    name: 'JWT helpers left without callers',
    ruleIds: ['code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-token-function', 'code-jwt-library-python', 'code-jwt-library-manual', 'code-jwt-signing-powershell'],
    syntax: true,
    rewrite: orphans,
  },
];
