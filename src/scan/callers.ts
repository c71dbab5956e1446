// Uses of the token function: other code reaches the JWT flow through functions named for it
// (auth_jwt, getJwtToken) in files that never say "Adobe": its tests, its callers, an export list
// such as R's NAMESPACE. Those lines go with the function, so each becomes a supporting finding.
// A wrapper named otherwise (getAccessToken) keeps its interface through the migration, and its
// callers stay. Runs after the region pass, on the main thread, over the files the scan saw
// saying "jwt", each searched by plain substring.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { languageOf } from '../languages/index.js';
import { NOT_CODE_TEXT } from '../rules/context.js';
import { RULES_BY_ID } from '../rules/index.js';
import { TOKEN_READER } from '../rules/names.js';
import type { Finding } from '../types.js';
import { packageRoots, packagesMeet, VENDORED } from './context.js';
import { fingerprint, lineOf, lineStarts, snippetOf } from './match.js';

export const CALL_RULE = 'code-jwt-token-function-call';
/** Names that many unrelated functions share: a call of one says nothing about the flow. */
const COMMON_NAMES = new Set(['constructor', '__init__', 'initialize', 'default', 'handler', 'execute', 'request', 'main']);
const NAME_RULE = 'code-jwt-only-name';
const JWT_NAME = /jwt/i;
/** Identifiers built on "jwt" in a finding's line (JwtContext, auth_jwt, getJwtToken). */
const JWT_IDENTIFIERS = /[A-Za-z0-9_]*(?:jwt|Jwt|JWT)[A-Za-z0-9_]*/g;
/** Code files read for calls are hand-written source; larger ones are generated or bundled. */
const MAX_BYTES = 512 * 1024;
const MAX_PER_FILE = 200;

function isNameChar(c: number, dashed: boolean): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || (dashed && c === 45);
}

/** Offsets where `name` occurs as a whole name (not inside a longer one). */
function occurrences(text: string, name: string): number[] {
  const dashed = name.includes('-');
  const out: number[] = [];
  for (let at = text.indexOf(name); at >= 0 && out.length < MAX_PER_FILE; at = text.indexOf(name, at + name.length)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = at + name.length < text.length ? text.charCodeAt(at + name.length) : 32;
    if (!isNameChar(before, dashed) && !isNameChar(after, dashed)) out.push(at);
  }
  return out;
}

/**
 * Findings on the lines of code files that name a JWT-named token function (or an identifier
 * built on "jwt" that a finding names) of the same package, or one around or inside it; lines
 * another finding covers already are left out. `files` (every listed file) places packages.
 */
export function callerFindings(
  root: string,
  files: string[],
  jwtFiles: string[],
  names: Map<string, Set<string>>,
  existing: Finding[],
  maxFileSize: number,
): Finding[] {
  const packageOf = packageRoots(files);
  const byPackage = new Map<string, Set<string>>();
  // A name that says JWT (get_jwt_token, auth_jwt, JwtHelper) goes with the flow, and so do its
  // uses; a wrapper named otherwise (getAccessToken) keeps its interface and its callers stay.
  const flowNames = new Map<string, Set<string>>();
  for (const [file, set] of names) flowNames.set(file, new Set([...set].filter((n) => JWT_NAME.test(n)))); // native-regex: a name of at most 100 characters
  for (const f of existing) {
    if (f.ruleId !== NAME_RULE) continue;
    for (const m of f.snippet.matchAll(JWT_IDENTIFIERS)) flowNames.set(f.file, (flowNames.get(f.file) ?? new Set()).add(m[0])); // native-regex: a snippet of at most 200 characters
  }
  for (const [file, set] of flowNames) {
    const usable = [...set].filter((n) => n.length >= 6 && !COMMON_NAMES.has(n));
    if (!usable.length) continue;
    const p = packageOf(file);
    byPackage.set(p, new Set([...(byPackage.get(p) ?? []), ...usable]));
  }
  if (!byPackage.size) return [];
  const covered = new Map<string, Finding[]>();
  for (const f of existing) covered.set(f.file, [...(covered.get(f.file) ?? []), f]);
  const rule = RULES_BY_ID.get(CALL_RULE)!;
  const out: Finding[] = [];
  // Every name here says "jwt", so only files that do can use one (the scan listed them).
  for (const file of jwtFiles) {
    if (!languageOf(file) || VENDORED.test(file) || NOT_CODE_TEXT.test(file)) continue; // native-regex: a path
    // A token decoder or verifier (Expand-JWTInformation.ps1) reads any JWT, not the flow's.
    if (TOKEN_READER.test(posix.basename(file))) continue; // native-regex: a file name
    const p = packageOf(file);
    const wanted = new Set<string>();
    for (const [a, set] of byPackage) if (packagesMeet(a, p)) for (const n of set) wanted.add(n);
    if (!wanted.size) continue;
    let text: string;
    try {
      const buf = readFileSync(posix.join(root, file));
      if (buf.length > Math.min(maxFileSize, MAX_BYTES) || buf.subarray(0, 8000).includes(0)) continue;
      text = buf.toString('utf8');
    } catch {
      continue; // unreadable now: the scan reported what it could read
    }
    const offsets = [...wanted].flatMap((n) => occurrences(text, n));
    if (!offsets.length) continue;
    const starts = lineStarts(text);
    const others = covered.get(file) ?? [];
    const seen = new Set<number>();
    for (const at of offsets.sort((a, b) => a - b)) {
      const line = lineOf(starts, at);
      if (seen.has(line) || others.some((o) => o.line <= line + 1 && line + 1 <= o.endLine)) continue;
      seen.add(line);
      const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
      const snippet = snippetOf(text.slice(starts[line], end), file);
      out.push({
        ruleId: rule.id,
        severity: rule.severity,
        file,
        line: line + 1,
        column: at - starts[line] + 1,
        endLine: line + 1,
        endColumn: end - starts[line] + 1,
        message: rule.message,
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
