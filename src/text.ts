// Small text-position helpers shared by the scanner's Console links and the rewriters. None of
// them runs a regex: they scan characters, so their cost stays bounded by what they look at.

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Offset where the line holding `at` starts. */
export function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Whether `c` is a space or a tab. */
export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** First offset at or after `from` (and before `end`) that is not a space or a tab. */
export function skipBlanks(text: string, from: number, end = text.length): number {
  let i = from;
  while (i < end && isBlank(text[i])) i++;
  return i;
}

/** Whether text[from, to) holds only spaces and tabs (`/^[ \t]*$/` on that slice). */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  return skipBlanks(text, from, to) >= to;
}

/** Leading blanks of the line holding `at`. */
export function indentAt(text: string, at: number): string {
  const start = lineStartOf(text, at);
  return text.slice(start, skipBlanks(text, start));
}

/** The file's line ending, so inserted lines match it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The `\r\n` or `\n` that ends text[start, end), or '' (`/\r?\n$/` on that slice). */
export function trailingEol(text: string, end = text.length, start = 0): string {
  if (end - 1 < start || text[end - 1] !== '\n') return '';
  return end - 2 >= start && text[end - 2] === '\r' ? '\r\n' : '\n';
}

/** Whether a character is whitespace as JavaScript's `\s` (and `String#trim`) mean it. */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const n = c.charCodeAt(0);
  if (n <= 0x20) return n === 0x20 || (n >= 0x09 && n <= 0x0d);
  return (
    n === 0xa0 ||
    n === 0x1680 ||
    (n >= 0x2000 && n <= 0x200a) ||
    n === 0x2028 ||
    n === 0x2029 ||
    n === 0x202f ||
    n === 0x205f ||
    n === 0x3000 ||
    n === 0xfeff
  );
}

/** The text without its whitespace (`s.replace(/\s+/g, '')`). */
export function withoutSpaces(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSpace(s[i])) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The items of a list separated by commas and whitespace (`s.split(/[\s,]+/).filter(Boolean)`). */
export function listItems(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const sep = i === s.length || s[i] === ',' || isSpace(s[i]);
    if (sep && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    } else if (!sep && start < 0) start = i;
  }
  return out;
}

/** Whether a character is a RegExp word character (`\w`: ASCII letters, digits, `_`). */
export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const n = c.charCodeAt(0);
  return (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 95;
}

/** Whether text[at] sits on a word boundary (`\b`). */
function boundary(text: string, at: number): boolean {
  return isWordChar(text[at - 1]) !== isWordChar(text[at]);
}

/**
 * Offsets of `word` with a word boundary (`\b`) on both sides, left to right and without
 * overlap, like the matches of `/\b<word>\b/g`. `lead` replaces the leading `\b` with a test of
 * the character before (undefined at the start), as a lookbehind such as `(?<![\w.])` does.
 */
export function wordOffsets(
  text: string,
  word: string,
  lead?: (before: string | undefined) => boolean,
  limit = Infinity,
): number[] {
  const out: number[] = [];
  if (!word) return out;
  for (let i = text.indexOf(word); i !== -1 && out.length < limit; ) {
    const end = i + word.length;
    const ok = (lead ? lead(text[i - 1]) : boundary(text, i)) && boundary(text, end);
    if (ok) out.push(i);
    i = text.indexOf(word, ok ? end : i + 1);
  }
  return out;
}

/** Whether `word` occurs as a whole word (`new RegExp(`\\b${escapeRegExp(word)}\\b`).test(text)`). */
export function containsWord(text: string, word: string): boolean {
  return wordOffsets(text, word, undefined, 1).length > 0;
}

const REGEXP_SPECIAL = new Set([...'.*+?^${}()|[]\\/']);

export function escapeRegExp(s: string): string {
  let out = '';
  for (const c of s) out += REGEXP_SPECIAL.has(c) ? `\\${c}` : c;
  return out;
}
