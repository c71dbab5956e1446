// The language registry: rules, regions, snippets and rewriters derive from these entries. A new
// language is one file here (plus its fixtures).
import { csharp } from './csharp.js';
import { fsharp } from './fsharp.js';
import { go } from './go.js';
import { groovy } from './groovy.js';
import { java } from './java.js';
import { javascript } from './javascript.js';
import { kotlin } from './kotlin.js';
import { php } from './php.js';
import { powershell } from './powershell.js';
import { python } from './python.js';
import { r } from './r.js';
import { ruby } from './ruby.js';
import { scala } from './scala.js';
import { shell } from './shell.js';
import type { Language } from './types.js';
import { escapeRegExp } from '../text.js';

export type { Language };

export const LANGUAGES: Language[] = [javascript, python, java, kotlin, scala, groovy, csharp, fsharp, php, go, ruby, r, powershell, shell];

const BY_EXTENSION = new Map<string, Language>();
const BY_NAME = new Map<string, Language>();
for (const lang of LANGUAGES) {
  for (const e of lang.extensions) BY_EXTENSION.set(e, lang);
  for (const n of lang.filenames ?? []) BY_NAME.set(n, lang);
}

/** The language of a file, from its name (undefined for data, docs and unknown files). */
export function languageOf(path: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const named = BY_NAME.get(name);
  if (named) return named;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION.get(name.slice(dot).toLowerCase()) : undefined;
}

/** The language whose packages a dependency manifest declares (package.json: JavaScript). */
export function manifestLanguage(path: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return LANGUAGES.find((l) => l.manifests?.test(name)); // native-regex: a file name
}

/** A path pattern matching the files of these languages (derived: one list, in the registry). */
export function pathsOf(langs: Language[]): RegExp {
  const ends = langs.flatMap((l) => l.extensions.map(escapeRegExp));
  const names = langs.flatMap((l) => (l.filenames ?? []).map(escapeRegExp));
  return new RegExp(`(?:${ends.join('|')})$|(?:^|/)(?:${names.join('|') || '(?!)'})$`, 'i');
}

/** Every source file of a registered language. */
export const CODE_FILES = pathsOf(LANGUAGES);
