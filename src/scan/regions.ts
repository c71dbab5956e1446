// The token function: a JWT flow is more than its exchange line. For each code file whose lines
// carry a JWT signal (the exchange, the claims, the jwt_token field, the signing), the file is
// parsed with its language's real parser and the function (or method) holding each signal becomes
// one region finding spanning it; a class whose methods split the flow becomes one region.
// This runs after the per-file scan, on the main thread, only for the few files with signals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../languages/index.js';
import type { Language } from '../languages/types.js';
import { enclosing, type Node as SyntaxNode, parseWith } from '../parse/tree-sitter.js';
import { RULES_BY_ID } from '../rules/index.js';
import { TOKEN_READER } from '../rules/names.js';
import type { Finding } from '../types.js';
import { fingerprint, lineOf, lineStarts, snippetOf } from './match.js';

/** Findings that mark the JWT flow itself in code (not configuration around it). */
export const SIGNAL_RULES = new Set([
  'code-ims-jwt-exchange',
  'code-ims-jwt-exchange-manual',
  'code-jwt-meta-scope-claim',
  'code-jwt-audience-claim',
  'code-jwt-token-form-field',
  'code-adobe-jwt-auth',
  'code-jwt-library-js',
  'code-jwt-library-python',
  'code-jwt-library-manual',
  'code-ims-go-exchange-jwt',
  'code-pdf-services-service-account',
  'aem-cloud-service-credential',
]);

export const REGION_RULE = 'code-jwt-token-function';
/** Files larger than this keep their line findings only. */
export const REGION_MAX_BYTES = 256 * 1024;
/** At most this many signals of one file are placed in functions. */
const REGION_MAX_SIGNALS = 200;
export const AEM_REGION_RULE = 'aem-service-credential-token-function';
/** Rules whose findings are a token function's region, not a line a rule matched. */
export const REGION_RULES = new Set([REGION_RULE, AEM_REGION_RULE]);

interface Span {
  start: number;
  end: number;
  /** A class (several methods of the flow) rather than one function. */
  isClass: boolean;
  /** The first line, for the fingerprint and the snippet. */
  head: string;
  /** The function's or class's name, when it has one: other files call it. */
  name?: string;
}

/** The name a function or class node is bound to (its own, or the variable it is assigned to). */
function nameOf(node: SyntaxNode, bound: SyntaxNode): string | undefined {
  // The binding first: R's function_definition calls its `function` keyword its name.
  const fields: [SyntaxNode, string][] = [[bound, 'lhs'], [bound, 'left'], [bound, 'name'], [bound, 'key'], [node, 'name']];
  for (const [n, field] of fields) {
    const named = n.childForFieldName(field);
    if (named && named.text !== 'function' && named.text.length <= 100 && IDENTIFIER.test(named.text)) return named.text; // native-regex: at most 100 characters
  }
  // Grammars that keep the name in a child rather than a field (PowerShell's function_name).
  for (const child of node.namedChildren) {
    if (child && /name/.test(child.type) && child.text.length <= 100 && IDENTIFIER.test(child.text)) return child.text; // native-regex: a node type name and at most 100 characters
  }
  return undefined;
}
/** A plain name: letters, digits, `_`, `$` and, for PowerShell's verb-noun commands, `-`. */
const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;


/** Where one signal sits: its outermost function (as bound), and the class around it. */
export interface Place {
  start: number;
  end: number;
  name?: string;
  classStart?: number;
  classEnd?: number;
  className?: string;
}

/**
 * What the parser says of a file's signals: each offset's function (or null, at top level) and
 * the spans of the file's token decoders. Worker threads work it out for the files they scan,
 * while the text is in hand; the main thread then groups the places of the signals that stay.
 */
export interface Located {
  offsets: number[];
  places: (Place | null)[];
  decoders: Span[];
}

/** Parses the text and places each offset; undefined when the language has no parser here. */
export async function locate(lang: Language, text: string, offsets: number[]): Promise<Located | undefined> {
  if (!lang.parser) return undefined;
  const tree = await parseWith(lang.parser, text);
  if (!tree) return undefined;
  const decoders: Span[] = [];
  const places: (Place | null)[] = [];
  try {
    const fn = new Set(lang.functionNodes);
    const cls = new Set(lang.classNodes);
    for (const node of tree.rootNode.descendantsOfType(lang.functionNodes)) {
      const name = node && nameOf(node, node.parent ?? node);
      if (!node || !name || !TOKEN_READER.test(name)) continue; // native-regex: a name of at most 100 characters
      // With its doc comment (PowerShell's comment-based help sits just above the function).
      let start = node.startIndex;
      for (let c = node.previousSibling; c && /comment/.test(c.type) && !text.slice(c.endIndex, start).trim(); c = c.previousSibling) start = c.startIndex; // native-regex: a node type name
      decoders.push({ start, end: node.endIndex, isClass: false, head: '', name });
    }
    for (const at of offsets) {
      let node = decoders.some((d) => d.start <= at && at < d.end) ? undefined : enclosing(tree, at, fn);
      if (!node) {
        places.push(null);
        continue;
      }
      // The outermost function (a callback inside a token function is part of it).
      for (let up = node.parent; up && !cls.has(up.type); up = up.parent) if (fn.has(up.type)) node = up;
      // R binds functions with `name <- function(...)`: the assignment is the function's extent.
      // JS/TS: `const token = async () => {...}`, `module.exports = function...`, `export ...`.
      let bound = node.parent && /assignment|binary_operator|decorated_definition|variable_declarator|pair/.test(node.parent.type) ? node.parent : node; // native-regex: a node type name
      while (bound.parent && /^(?:variable_declarator|lexical_declaration|variable_declaration|expression_statement|export_statement)$/.test(bound.parent.type)) bound = bound.parent; // native-regex: a node type name
      let klass = bound.parent;
      while (klass && !cls.has(klass.type)) klass = klass.parent;
      const className = klass?.childForFieldName('name')?.text;
      places.push({ start: bound.startIndex, end: bound.endIndex, name: nameOf(node, bound), classStart: klass?.startIndex, classEnd: klass?.endIndex, className });
    }
  } finally {
    tree.delete();
  }
  return { offsets, places, decoders };
}

/**
 * The spans of the places of the signals that stay: each function once; then a class whose
 * methods split the flow (two or more of them hold a signal), or a class named for the flow
 * (JWTProvider, JwtTokenBuilder), which is the flow with all its helpers.
 */
function group(places: Place[]): Span[] {
  const found = new Map<number, Place>();
  for (const p of places) found.set(p.start, p);
  const spans: Span[] = [...found.values()].map((f) => ({ start: f.start, end: f.end, isClass: false, head: '', name: f.name }));
  const byClass = new Map<number, { end: number; n: number; named: boolean }>();
  for (const f of found.values()) {
    if (f.classStart === undefined) continue;
    const c = byClass.get(f.classStart) ?? { end: f.classEnd!, n: 0, named: /jwt/i.test(f.className ?? '') }; // native-regex: a class name
    c.n++;
    byClass.set(f.classStart, c);
  }
  for (const [start, c] of byClass) if (c.n >= 2 || c.named) spans.push({ start, end: c.end, isClass: true, head: '' });
  return spans;
}

/** The offsets of a file's signal findings, as locate() takes them. */
export function signalOffsets(findings: Finding[], starts: number[]): number[] {
  return findings
    .filter((f) => SIGNAL_RULES.has(f.ruleId))
    .slice(0, REGION_MAX_SIGNALS)
    .map((s) => starts[s.line - 1] + s.column - 1);
}

/** Whether a scanned file is one the region pass parses: code of a parsed language, not too big. */
export function parsedForRegions(file: string, bytes: number): Language | undefined {
  const lang = languageOf(file);
  return lang?.parser && bytes <= REGION_MAX_BYTES ? lang : undefined;
}

export interface Regions {
  findings: Finding[];
  /** The names of the token functions and classes found, by the file that defines them. */
  names: Map<string, Set<string>>;
  /** The line spans of token decoders and verifiers, by file: their lines are not the flow. */
  decoders: Map<string, { line: number; endLine: number }[]>;
}

/**
 * Region findings for the files whose findings hold a JWT signal in code. `located` holds what
 * the scan threads parsed already; other files are parsed here.
 */
export async function regionFindings(root: string, findings: Finding[], maxFileSize: number, located: Record<string, Located> = {}): Promise<Regions> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (SIGNAL_RULES.has(f.ruleId) && f.file) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: Finding[] = [];
  const names = new Map<string, Set<string>>();
  const decoders = new Map<string, { line: number; endLine: number }[]>();
  for (const [file, signals] of byFile) {
    const lang = languageOf(file);
    if (!lang?.parser) continue;
    let text: string;
    try {
      const buf = readFileSync(join(root, file));
      // Token functions live in hand-written source; a generated or minified file (or a hostile
      // one) would cost the parser's error recovery more than its region is worth.
      if (buf.length > Math.min(maxFileSize, REGION_MAX_BYTES)) continue;
      text = buf.toString('utf8');
    } catch {
      continue;
    }
    const starts = lineStarts(text);
    const offsets = signalOffsets(signals, starts);
    let spans: Span[];
    try {
      // The scan's parse, if it placed every signal that stayed (the context pass only drops).
      const pre = located[file];
      const known = pre && offsets.every((o) => pre.offsets.includes(o)) ? pre : undefined;
      const parsed = known ?? (await locate(lang, text, offsets));
      if (!parsed) continue;
      const places = offsets.map((o) => parsed.places[parsed.offsets.indexOf(o)]).filter((p): p is Place => !!p);
      spans = group(places);
      for (const d of parsed.decoders) {
        const lines = { line: lineOf(starts, d.start) + 1, endLine: lineOf(starts, Math.max(d.start, d.end - 1)) + 1 };
        decoders.set(file, [...(decoders.get(file) ?? []), lines]);
      }
    } catch {
      continue; // a parser that cannot read the file leaves the line findings as they are
    }
    const aem = signals.some((s) => s.ruleId === 'aem-cloud-service-credential');
    const rule = RULES_BY_ID.get(aem ? AEM_REGION_RULE : REGION_RULE)!;
    for (const span of spans) {
      if (span.name) names.set(file, (names.get(file) ?? new Set()).add(span.name));
      const line = lineOf(starts, span.start);
      const endLine = lineOf(starts, Math.max(span.start, span.end - 1));
      const head = text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : text.length);
      const snippet = snippetOf(head, file);
      out.push({
        ruleId: rule.id,
        severity: rule.severity,
        file,
        line: line + 1,
        column: span.start - starts[line] + 1,
        endLine: endLine + 1,
        endColumn: span.end - starts[endLine] + 1,
        message: `${rule.message} (${span.isClass ? 'the class' : 'the function'} spans lines ${line + 1}-${endLine + 1})`,
        title: rule.title,
        category: rule.category,
        fingerprint: fingerprint(rule.id, file, snippet.replace(/\s+/g, ' '), 0), // native-regex: a snippet of at most 200 characters
        fixable: false,
        snippet,
      });
    }
  }
  return { findings: out, names, decoders };
}
