// Small text-position helpers shared by the scanner's Console links and the rewriters.

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

/** Leading blanks of the line holding `at`. */
export function indentAt(text: string, at: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, at)))![0];
}

/** The file's line ending, so inserted lines match it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
