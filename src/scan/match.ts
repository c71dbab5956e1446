import { createHash } from 'node:crypto';
import { findSecrets, redact, textKind } from '../redact.js';
import { linear } from '../regex.js';
import type { FileInput, Finding, Hit, Rule } from '../types.js';

const IGNORE = linear(/adobe-jwt-migrate-ignore(?::\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))?/);
/** Hits of one rule in one file: enough to act on; a generated file can match everywhere. */
const MAX_HITS = 1000;

/** What a file produced: findings plus facts the cross-file pass needs. */
export interface FileResult {
  findings: Finding[];
  /** Key-like file names this file mentions (only collected when it has findings). */
  keyRefs: string[];
  secrets: string[];
}

/** Offsets of line starts, for offset -> line/column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = -1;
  while ((i = text.indexOf('\n', i + 1)) !== -1) starts.push(i + 1);
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo; // 0-based
}

function lineText(text: string, starts: number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  const s = text.slice(starts[line], end);
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

const HIT_GROUPS = ['hit', 'hit2', 'hit3'];

/** Whether the line from `lineStart` starts as a comment before `at` (one pass over the prefix). */
export function startsAsComment(text: string, lineStart: number, at: number): boolean {
  let i = lineStart;
  while (i < at && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  for (const marker of COMMENT_MARKERS) if (text.startsWith(marker, i) && i + marker.length <= at) return true;
  return false;
}
const COMMENT_MARKERS = ['//', '#', '*', '/*', ';', '<!--', '"""', "'''"];

/**
 * Hits of a pattern rule, one per line (a finding is per rule and line): after a hit the search
 * moves on to the next line, so a huge line full of matches costs one match, not all of them.
 */
function regexHits(rule: Rule, text: string, starts: number[]): Hit[] {
  const hits: Hit[] = [];
  const pattern = linear(rule.pattern!);
  const reject = rule.reject ? linear(rule.reject) : undefined;
  let from = 0;
  search: while (from <= text.length) {
    for (const m of pattern.matchAll(text, Infinity, from)) {
      let span = { index: m.index, end: m.end };
      for (const g of HIT_GROUPS) {
        const s = m.span(g);
        if (s) {
          span = s;
          break;
        }
      }
      if (reject && reject.test(m[0])) continue;
      const line = lineOf(starts, span.index);
      if (rule.skipComments && startsAsComment(text, starts[line], span.index)) continue;
      hits.push({ index: span.index, length: Math.max(0, span.end - span.index) });
      if (hits.length >= MAX_HITS || line + 1 >= starts.length) break search;
      from = Math.max(starts[line + 1], m.end);
      continue search;
    }
    break;
  }
  return hits;
}

export function ruleAppliesToPath(rule: Rule, path: string): boolean {
  // native-regex: paths are short (here and below)
  if (rule.paths && !rule.paths.test(path)) return false;
  // native-regex: a path
  if (rule.excludePaths && rule.excludePaths.test(path)) return false;
  return true;
}

function ignoredBy(line: string, ruleId: string): boolean {
  if (!line.includes('adobe-jwt-migrate-ignore')) return false;
  const m = IGNORE.exec(line);
  if (!m) return false;
  const ids = m.group(1);
  if (!ids) return true;
  return ids.split(',').some((id) => id.trim() === ruleId);
}

export function fingerprint(ruleId: string, file: string, normalizedLine: string, occurrence: number): string {
  return createHash('sha256')
    .update(`${ruleId}\0${file}\0${normalizedLine}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}

function makeFinding(rule: Rule, path: string, line: number, col: number, endLine: number, endCol: number, snippet: string): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    file: path,
    line,
    column: col,
    endLine,
    endColumn: endCol,
    message: rule.message,
    title: rule.title,
    category: rule.category,
    fingerprint: '',
    fixable: false, // set from the migration plan (markFixable)
    snippet,
  };
}

/** Path-only rules: no content needed (key files, archives). */
export function matchPath(rules: Rule[], path: string): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.pathOnly || !ruleAppliesToPath(rule, path)) continue;
    const f = makeFinding(rule, path, 1, 1, 1, 1, '');
    f.fingerprint = fingerprint(rule.id, path, '', 0);
    out.push(f);
  }
  return out;
}

const KEY_REF = linear(/(?:^|[^\w.-])([\w.-]{1,200}\.(?:key|pem|der|p8|p12|pfx))\b/g);

/**
 * The line as reports show it: trimmed, secrets redacted, at most 200 characters. Redaction looks
 * at a bounded window (so a 5 MB line costs nothing), wide enough that a secret cut at the window's
 * edge is still recognised.
 */
export function snippetOf(line: string, path: string): string {
  const window = line.length > 1000 ? line.slice(0, 1000) : line;
  return redact(window.trim(), textKind(path)).slice(0, 200);
}

/** Runs every content rule that applies to the file. */
export function matchFile(rules: Rule[], file: FileInput): FileResult {
  const { text, path } = file;
  let starts: number[] | undefined;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();

  // Rules share their file conditions (ADOBE_IMS, AEM_CLOUD): each is tested once a file.
  const tested = new Map<RegExp, boolean>();
  const holds = (re: RegExp): boolean => {
    let v = tested.get(re);
    if (v === undefined) tested.set(re, (v = linear(re).test(text)));
    return v;
  };
  for (const rule of rules) {
    if (rule.pathOnly || !ruleAppliesToPath(rule, path)) continue;
    if (rule.requires && !rule.requires.every(holds)) continue;
    if (rule.unless && rule.unless.some(holds)) continue;
    let hits: Hit[];
    try {
      hits = rule.match ? rule.match(file) : rule.pattern ? regexHits(rule, text, (starts ??= lineStarts(text))) : [];
    } catch {
      continue; // a structured matcher that cannot read the file reports nothing
    }
    for (const hit of hits) {
      starts ??= lineStarts(text);
      const line = lineOf(starts, hit.index);
      const endLine = lineOf(starts, hit.index + Math.max(0, hit.length - 1));
      const key = `${rule.id}:${line}`;
      if (seen.has(key)) continue; // one finding per rule and line
      seen.add(key);
      const current = lineText(text, starts, line);
      const previous = line > 0 ? lineText(text, starts, line - 1) : '';
      if (ignoredBy(current, rule.id) || ignoredBy(previous, rule.id)) continue;
      const column = hit.index - starts[line] + 1;
      const endColumn = endLine === line ? column + Math.max(1, hit.length) : hit.index + hit.length - starts[endLine] + 1;
      const snippet = snippetOf(current, path);
      const normalized = snippet.replace(/\s+/g, ' '); // native-regex: a snippet is at most 200 characters
      const occKey = `${rule.id}\0${normalized}`;
      const occurrence = occurrences.get(occKey) ?? 0;
      occurrences.set(occKey, occurrence + 1);
      const f = makeFinding(rule, path, line + 1, column, endLine + 1, endColumn, snippet);
      f.fingerprint = fingerprint(rule.id, path, normalized, occurrence);
      findings.push(f);
    }
  }

  let keyRefs: string[] = [];
  let secrets: string[] = [];
  if (findings.length > 0) {
    keyRefs = [...new Set([...KEY_REF.matchAll(text, MAX_HITS)].map((m) => m.group(1)!))];
    secrets = findSecrets(text);
  }
  return { findings, keyRefs, secrets };
}
