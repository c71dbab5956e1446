// Whether a name is used in other code files of the repository: a function the migration would
// delete may be called from a file without any finding. The files are the scan's own listing
// (git's, or a walk honouring .gitignore); each is read on the first question, only when a
// rewrite asks.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../languages/index.js';
import { wordOffsets } from '../text.js';

/** A function definition's keyword just before a name: another file's own copy is not a call. */
const DEFINES = new Set(['function', 'def', 'func', 'fun', 'sub']);

function isDefinition(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const end = i + 1;
  while (i >= 0 && /[A-Za-z]/.test(text[i])) i--; // native-regex: one character
  return end > i + 1 && DEFINES.has(text.slice(i + 1, end).toLowerCase());
}

const MAX_FILE = 1 << 20;

function codeFiles(root: string, listing: Iterable<string>): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of listing) {
    if (!languageOf(file)) continue;
    try {
      if (statSync(join(root, file)).size <= MAX_FILE) out.push({ file, text: readFileSync(join(root, file), 'utf8') });
    } catch {
      // unreadable: it cannot call anything we can see
    }
  }
  return out;
}

/** A test of whether `name` occurs as a word in a code file other than `file`, not as a definition. */
export function wordsOfRepository(root: string, listing: Iterable<string>): (name: string, file: string) => boolean {
  let files: { file: string; text: string }[] | undefined;
  return (name, file) => {
    files ??= codeFiles(root, listing);
    return files.some((f) => f.file !== file && wordOffsets(f.text, name).some((at) => !isDefinition(f.text, at)));
  };
}
