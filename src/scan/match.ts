import { createHash } from 'node:crypto';
import { findSecrets, redact } from '../redact.js';
import type { FileInput, Finding, Hit, Rule } from '../types.js';

const IGNORE = /adobe-jwt-migrate-ignore(?::\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))?/;

/** What a file produced: findings plus facts the cross-file pass needs. */
export interface FileResult {
  findings: Finding[];
  /** Key-like file names this file mentions (only collected when it has findings). */
  keyRefs: string[];
  secrets: string[];
}

/** Client ids next to the names code and config give them: links to Developer Console projects. */
const CLIENT_ID = /(?:client_?id|clientId|API_KEY|api_key|apiKey|x-api-key)["']?\s{0,4}[:=]\s{0,4}["']?([0-9a-f]{32})\b/gi;

export interface ClientIdRef {
  clientId: string;
  file: string;
  line: number;
}

export function findClientIds(path: string, text: string): ClientIdRef[] {
  const out: ClientIdRef[] = [];
  let starts: number[] | undefined;
  for (const m of text.matchAll(CLIENT_ID)) {
    starts ??= lineStarts(text);
    out.push({ clientId: m[1], file: path, line: lineOf(starts, m.index ?? 0) + 1 });
    if (out.length >= 50) break;
  }
  return out;
}

/** Offsets of line starts, for offset -> line/column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = -1;
  while ((i = text.indexOf('\n', i + 1)) !== -1) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
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
  return text.slice(starts[line], end).replace(/\r$/, '');
}

function regexHits(re: RegExp, text: string): Hit[] {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const global = new RegExp(re.source, flags.includes('d') ? flags : `${flags}d`);
  const hits: Hit[] = [];
  for (const m of text.matchAll(global)) {
    const span = m.indices?.groups?.hit ?? m.indices?.[0];
    if (!span) continue;
    hits.push({ index: span[0], length: Math.max(0, span[1] - span[0]) });
    if (hits.length >= 1000) break; // a generated file can match everywhere; enough is enough
  }
  return hits;
}

export function ruleAppliesToPath(rule: Rule, path: string): boolean {
  if (rule.paths && !rule.paths.test(path)) return false;
  if (rule.excludePaths && rule.excludePaths.test(path)) return false;
  return true;
}

function ignoredBy(line: string, ruleId: string): boolean {
  const m = IGNORE.exec(line);
  if (!m) return false;
  if (!m[1]) return true;
  return m[1].split(',').some((id) => id.trim() === ruleId);
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
    fixable: rule.fixable,
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

/** Runs every content rule that applies to the file. */
export function matchFile(rules: Rule[], file: FileInput): FileResult {
  const { text, path } = file;
  let starts: number[] | undefined;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();

  for (const rule of rules) {
    if (rule.pathOnly || !ruleAppliesToPath(rule, path)) continue;
    if (rule.requires && !rule.requires.every((re) => re.test(text))) continue;
    if (rule.unless && rule.unless.some((re) => re.test(text))) continue;
    let hits: Hit[];
    try {
      hits = rule.match ? rule.match(file) : rule.pattern ? regexHits(rule.pattern, text) : [];
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
      const snippet = redact(current.trim()).slice(0, 200);
      const normalized = snippet.replace(/\s+/g, ' ');
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
    keyRefs = [...new Set([...text.matchAll(/(?<![\w.-])[\w.-]{1,200}\.(?:key|pem|p8|p12|pfx)\b/g)].map((m) => m[0]))];
    secrets = findSecrets(text);
  }
  return { findings, keyRefs, secrets };
}
