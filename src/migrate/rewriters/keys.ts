import { posix } from 'node:path';
import { isSpace } from '../../text.js';
import type { Rewriter } from '../types.js';

const KEY_FILE_RULES = ['key-private-key-file', 'key-config-zip', 'key-jwt-certificate', 'key-pem-private-key'];

// "This file holds only a key": what the pattern
//   /^(?:\s*(?:[^\n-][^\n]{0,200}\n)?)*?\s*-----BEGIN [A-Z ]+-----[\s\S]*-----END [A-Z ]+-----\s*$/
// matched, checked line by line. As a RegExp it backtracked exponentially on a PEM key indented
// in a YAML block scalar with more keys after it.

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
/** Longest header line: one character that is not `-`, then up to 200 more. */
const MAX_HEADER = 201;

const isLabel = (c: string | undefined) => c === ' ' || (c !== undefined && c >= 'A' && c <= 'Z');

/** Where the `-----END <LABEL>-----` that ends the text (before trailing whitespace) starts, or -1. */
function finalEnd(text: string): number {
  let e = text.length;
  while (e > 0 && isSpace(text[e - 1])) e--;
  if (!text.startsWith(DASHES, e - DASHES.length) || e < DASHES.length) return -1;
  const labelEnd = e - DASHES.length;
  let s = labelEnd;
  while (s > 0 && isLabel(text[s - 1])) s--;
  // the run of label characters takes in "END " too: it must start right after the dashes
  const start = s - DASHES.length;
  const labelStart = start + END.length;
  return start >= 0 && text.startsWith(END, start) && labelEnd > labelStart ? start : -1;
}

/** End of a `-----BEGIN <LABEL>-----` whose label starts at `from`, or -1. */
function beginEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isLabel(text[i])) i++;
  return i > from && text.startsWith(DASHES, i) ? i + DASHES.length : -1;
}

/**
 * Whether a line may stand before the key: blank, or a short header (`Bag Attributes`, a YAML
 * key) of at most 201 characters after its indent, where a line starting with `-` needs an indent
 * character to stand in for its first character.
 */
function headerLine(text: string, start: number, firstNonSpace: number, end: number): boolean {
  if (firstNonSpace === end) return true;
  if (text[firstNonSpace] !== '-') return end - firstNonSpace <= MAX_HEADER;
  return firstNonSpace > start && end - firstNonSpace + 1 <= MAX_HEADER;
}

/** A file that holds nothing but PEM blocks (and blank lines or a short header). */
export function pemOnly(text: string): boolean {
  const end = finalEnd(text);
  if (end < 0) return false;
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl;
    let i = start;
    while (i < lineEnd && isSpace(text[i])) i++;
    if (text.startsWith(BEGIN, i)) {
      const e = beginEnd(text, i + BEGIN.length);
      if (e >= 0 && e <= end) return true;
    }
    if (nl < 0 || !headerLine(text, start, i, lineEnd)) return false;
    start = nl + 1;
  }
}

const REVOKE =
  'This key was committed: deleting the file does not remove it from git history. After the OAuth Server-to-Server credential is in use, delete the Service Account (JWT) credential in the Adobe Developer Console, which revokes the key, and rotate anything else the key protected.';

/** Committed key material is deleted; revoking it is a manual step in the Console. */
export const keys: Rewriter = {
  name: 'key files',
  ruleIds: KEY_FILE_RULES,
  rewrite(ctx) {
    const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => KEY_FILE_RULES.includes(id));
    const pathOnly = ids.some((id) => id !== 'key-pem-private-key');
    const keyOnly = pemOnly(ctx.text);
    if (!pathOnly && !keyOnly) return null; // an inline key inside other content: another rewriter's job
    const isCert = posix.basename(ctx.file) === 'certificate_pub.crt';
    return {
      ruleIds: ids,
      delete: true,
      manual: isCert
        ? []
        : [{ file: ctx.file, line: 1, ruleId: ids[0], instructions: REVOKE }],
    };
  },
};
