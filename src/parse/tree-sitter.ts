// Real parsers for the languages the JWT flow was written in: tree-sitter grammars compiled to
// WebAssembly (web-tree-sitter), so the same bundle runs on every runner OS and CPU. Each grammar
// is loaded on first use, only for a file that needs it; the bundle copies them to dist/grammars/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Language, Node, Tree } from 'web-tree-sitter';
import list from './grammars.json' with { type: 'json' };

type Library = typeof import('web-tree-sitter');

export type GrammarId = keyof typeof list.grammars;
export type { Node, Tree };

const HERE = dirname(fileURLToPath(import.meta.url));

/** dist/grammars next to either bundle, else the npm package (tests run the sources). */
function locate(entry: { package: string; file: string }): string {
  const name = entry.file.slice(entry.file.lastIndexOf('/') + 1);
  const candidates = [join(HERE, 'grammars', name), join(HERE, '..', 'grammars', name), join(HERE, '..', '..', 'node_modules', entry.package, entry.file)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`tree-sitter file ${name} is missing (looked in ${candidates.join(', ')})`);
  return found;
}

let runtime: Promise<Library> | undefined;
const languages = new Map<GrammarId, Promise<Language>>();

/**
 * The library, imported at run time from dist/grammars (or node_modules): bundled, its start-up
 * (`await import('module')`) breaks. Its WebAssembly is read here and handed over.
 */
async function library(): Promise<Library> {
  const lib = (await import(/* webpackIgnore: true */ pathToFileURL(locate(list.library)).href)) as Library;
  await lib.Parser.init({ wasmBinary: readFileSync(locate(list.runtime)) });
  return lib;
}

function language(id: GrammarId): Promise<Language> {
  runtime ??= library();
  let lang = languages.get(id);
  if (!lang) {
    lang = runtime.then((lib) => lib.Language.load(readFileSync(locate(list.grammars[id]))));
    languages.set(id, lang);
  }
  return lang;
}

/** The syntax tree of a text, or undefined when the grammar cannot be loaded here. */
export async function parseWith(id: GrammarId, text: string): Promise<Tree | undefined> {
  return (await loadGrammar(id)) ? parseLoaded(id, text) : undefined;
}

const loaded = new Map<GrammarId, { lib: Library; lang: Language }>();

/**
 * Loads grammars ahead of `parseLoaded`, for a pass that must stay synchronous (the migration
 * plan). Returns false for a grammar that cannot be loaded here.
 */
export async function loadGrammar(id: GrammarId): Promise<boolean> {
  if (loaded.has(id)) return true;
  try {
    const lang = await language(id);
    loaded.set(id, { lib: await (runtime as Promise<Library>), lang });
    return true;
  } catch (e) {
    if (process.env.ADOBE_JWT_MIGRATE_DEBUG) process.stderr.write(`tree-sitter ${id}: ${(e as Error).stack}\n`);
    return false;
  }
}

/** The syntax tree of a text with a grammar `loadGrammar` loaded; the caller deletes it. */
export function parseLoaded(id: GrammarId, text: string): Tree | undefined {
  const entry = loaded.get(id);
  if (!entry) return undefined;
  const parser = new entry.lib.Parser();
  try {
    parser.setLanguage(entry.lang);
    return parser.parse(text) ?? undefined;
  } finally {
    parser.delete();
  }
}

/** Whether a parse found syntax errors (a tree-sitter parse always yields a tree). */
export function hasErrors(tree: Tree): boolean {
  return tree.rootNode.hasError;
}

/** The innermost node of one of `types` enclosing the character offset `at`. */
export function enclosing(tree: Tree, at: number, types: ReadonlySet<string>): Node | undefined {
  let node: Node | null = tree.rootNode.descendantForIndex(at, at);
  while (node) {
    if (types.has(node.type)) return node;
    node = node.parent;
  }
  return undefined;
}
