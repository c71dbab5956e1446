// The token function: a JWT flow is more than its exchange line. For each code file whose lines
// carry a JWT signal (the exchange, the claims, the jwt_token field, the signing), the file is
// parsed with its language's real parser and the function (or method) holding each signal becomes
// one region finding spanning it; a class whose methods split the flow becomes one region.
// This runs after the per-file scan, on the main thread, only for the few files with signals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../languages/index.js';
import type { Language } from '../languages/types.js';
import { loadTypeScript } from '../lazy.js';
import { enclosing, parseWith } from '../parse/tree-sitter.js';
import { RULES_BY_ID } from '../rules/index.js';
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
export const AEM_REGION_RULE = 'aem-service-credential-token-function';

interface Span {
  start: number;
  end: number;
  /** A class (several methods of the flow) rather than one function. */
  isClass: boolean;
  /** The first line, for the fingerprint and the snippet. */
  head: string;
}

/** Functions holding the offsets, outermost function within any class; then classes that hold 2+. */
async function spansOf(lang: Language, text: string, offsets: number[]): Promise<Span[]> {
  const found = new Map<string, { start: number; end: number; classStart?: number; classEnd?: number; className?: string }>();
  if (lang.parser === 'typescript') {
    const ts = await loadTypeScript();
    const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const fn = new Set(lang.functionNodes);
    const cls = new Set(lang.classNodes);
    for (const at of offsets) {
      let node: import('typescript').Node | undefined = tokenAt(ts, sf, at);
      let outer: import('typescript').Node | undefined;
      let klass: import('typescript').Node | undefined;
      while (node && node !== sf) {
        const kind = ts.SyntaxKind[node.kind];
        if (fn.has(kind)) outer = node;
        if (cls.has(kind)) {
          klass = node;
          break;
        }
        node = node.parent;
      }
      if (!outer) continue;
      // An arrow or function expression assigned to a name: the whole statement.
      let top: import('typescript').Node = outer;
      while (top.parent && (ts.isVariableDeclaration(top.parent) || ts.isVariableDeclarationList(top.parent) || ts.isVariableStatement(top.parent) || ts.isPropertyAssignment(top.parent) || ts.isExportAssignment(top.parent))) top = top.parent;
      const start = top.getStart(sf);
      const className = klass && 'name' in klass ? (klass.name as import('typescript').Identifier | undefined)?.text : undefined;
      found.set(`${start}`, { start, end: top.end, classStart: klass?.getStart(sf), classEnd: klass?.end, className });
    }
  } else if (lang.parser) {
    const tree = await parseWith(lang.parser, text);
    if (!tree) return [];
    const fn = new Set(lang.functionNodes);
    const cls = new Set(lang.classNodes);
    for (const at of offsets) {
      let node = enclosing(tree, at, fn);
      if (!node) continue;
      // The outermost function (a callback inside a token function is part of it).
      for (let up = node.parent; up && !cls.has(up.type); up = up.parent) if (fn.has(up.type)) node = up;
      // R binds functions with `name <- function(...)`: the assignment is the function's extent.
      const bound = node.parent && /assignment|binary_operator|decorated_definition/.test(node.parent.type) ? node.parent : node; // native-regex: a node type name
      let klass = bound.parent;
      while (klass && !cls.has(klass.type)) klass = klass.parent;
      const className = klass?.childForFieldName('name')?.text;
      found.set(`${bound.startIndex}`, { start: bound.startIndex, end: bound.endIndex, classStart: klass?.startIndex, classEnd: klass?.endIndex, className });
    }
    tree.delete();
  }
  const spans: Span[] = [...found.values()].map((f) => ({ start: f.start, end: f.end, isClass: false, head: '' }));
  // A class whose methods split the flow (two or more of them hold a signal): the class.
  // A class named for the flow (JWTProvider, JwtTokenBuilder) is the flow with all its helpers.
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

function tokenAt(ts: typeof import('typescript'), sf: import('typescript').SourceFile, at: number): import('typescript').Node | undefined {
  let node: import('typescript').Node = sf;
  for (;;) {
    const child: import('typescript').Node | undefined = node.getChildren(sf).find((c) => c.getStart(sf) <= at && at < c.end);
    if (!child) return node;
    node = child;
  }
}

/** Region findings for the files whose findings hold a JWT signal in code. */
export async function regionFindings(root: string, findings: Finding[], maxFileSize: number): Promise<Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (SIGNAL_RULES.has(f.ruleId) && f.file) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: Finding[] = [];
  for (const [file, signals] of byFile) {
    const lang = languageOf(file);
    if (!lang?.parser) continue;
    let text: string;
    try {
      const buf = readFileSync(join(root, file));
      if (buf.length > maxFileSize) continue;
      text = buf.toString('utf8');
    } catch {
      continue;
    }
    const starts = lineStarts(text);
    const offsets = signals.map((s) => starts[s.line - 1] + s.column - 1);
    let spans: Span[];
    try {
      spans = await spansOf(lang, text, offsets);
    } catch {
      continue; // a parser that cannot read the file leaves the line findings as they are
    }
    const aem = signals.some((s) => s.ruleId === 'aem-cloud-service-credential');
    const rule = RULES_BY_ID.get(aem ? AEM_REGION_RULE : REGION_RULE)!;
    for (const span of spans) {
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
  return out;
}
