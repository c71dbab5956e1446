// The rewriters run their patterns on repository text through the linear-time engine of
// src/regex.ts. Its RE2 syntax differs from JavaScript's in two places that matter here: `\s` is
// ASCII-only (JavaScript's also takes the BOM, no-break and other Unicode spaces) and `.` matches
// `\r`. `linearJs` rewrites `\s`, `\S` and `.` to what they mean in JavaScript first, so a pattern
// taken over from a RegExp literal matches what it matched before.
// Left as they are: with the `m` flag, RE2's `^` and `$` see only `\n` as a line break (JavaScript
// also a lone `\r`), and `i` folds `ſ` with `s` and the Kelvin sign with `k`.
import { linear, type LinearRegExp } from '../regex.js';

/** JavaScript's `\s`, as the inside of a character class. */
const SPACE = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
/** JavaScript's `.` without the `s` flag. */
const NOT_LINE_BREAK = String.raw`[^\n\r\u2028\u2029]`;

/** The source of a RegExp with `\s`, `\S` and `.` spelled out as JavaScript reads them. */
function jsSource(source: string, dotAll = false): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (next === 's') out += inClass ? SPACE : `[${SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${SPACE}]`;
      else if (next === 'S') throw new Error(`\\S inside a character class: ${source}`);
      else out += c + next;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
    } else out += c === '.' && !dotAll ? NOT_LINE_BREAK : c;
  }
  return out;
}

/** `linear(re)` with JavaScript's meaning of `\s`, `\S` and `.` (compiled once, like `linear`). */
export function linearJs(re: RegExp | string, flags?: string): LinearRegExp {
  const source = typeof re === 'string' ? re : re.source;
  const f = typeof re === 'string' ? (flags ?? '') : re.flags;
  return linear(jsSource(source, f.includes('s')), f);
}
