import { execFile } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ignore, { type Ignore } from 'ignore';
import type { Skipped } from '../types.js';

const run = promisify(execFile);

/** Folders never worth walking when there is no git to say what is tracked. */
const ALWAYS_SKIP = new Set(['.git', 'node_modules', '.hg', '.svn']);

async function isGitWorkTree(root: string): Promise<boolean> {
  try {
    const { stdout } = await run('git', ['-C', root, 'rev-parse', '--is-inside-work-tree'], { maxBuffer: 1 << 20 });
    return stdout.trim() === 'true';
  } catch {
    return false;
  }
}

async function gitFiles(root: string): Promise<string[]> {
  // Tracked plus untracked-but-not-ignored, relative to root (git prints them relative to -C).
  const { stdout } = await run(
    'git',
    ['-C', root, '-c', 'core.quotepath=off', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'],
    { maxBuffer: 1 << 30 },
  );
  return stdout.split('\0').filter(Boolean);
}

/** Walks the tree depth-first, honouring every .gitignore on the way, yielding files as found. */
function* walkFiles(root: string): Generator<string> {
  // Each level carries the .gitignore rules of its ancestors, relative to where they were defined.
  type Level = { rel: string; rules: { base: string; ig: Ignore }[] };
  const stack: Level[] = [{ rel: '', rules: [] }];
  while (stack.length) {
    const { rel, rules } = stack.pop()!;
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to list
    }
    let here = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        here = [...rules, { base: rel, ig: ignore().add(readFileSync(join(abs, '.gitignore'), 'utf8')) }];
      } catch {
        // unreadable .gitignore: keep the parent rules
      }
    }
    const ignored = (p: string, dir: boolean): boolean =>
      here.some(({ base, ig }) => {
        const sub = base ? p.slice(base.length + 1) : p;
        return ig.ignores(dir ? `${sub}/` : sub);
      });
    const dirs: string[] = [];
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!ALWAYS_SKIP.has(e.name) && !(here.length && ignored(p, true))) dirs.push(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && !(here.length && ignored(p, false))) {
        yield p;
      }
    }
    for (let i = dirs.length - 1; i >= 0; i--) stack.push({ rel: dirs[i], rules: here });
  }
}

/** Whether the enclosing repository's .gitignore rules ignore the folder itself. */
async function ignoredByEnclosingRepo(root: string): Promise<boolean> {
  try {
    await run('git', ['-C', root, 'check-ignore', '-q', '.']);
    return true; // exit 0: ignored
  } catch {
    return false;
  }
}

/** Submodule paths (gitlinks, mode 160000) of the repository at root. */
async function gitlinks(root: string): Promise<Set<string>> {
  const { stdout } = await run('git', ['-C', root, '-c', 'core.quotepath=off', 'ls-files', '-z', '--stage'], { maxBuffer: 1 << 30 });
  const out = new Set<string>();
  for (const entry of stdout.split('\0')) {
    if (entry.startsWith('160000 ')) out.add(entry.slice(entry.indexOf('\t') + 1));
  }
  return out;
}

function hasGit(dir: string): boolean {
  try {
    lstatSync(join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

export interface Listing {
  files: Iterable<string>;
  source: 'git' | 'walk';
  /** Folders not scanned and why (a submodule that is not checked out). */
  skipped: Skipped[];
}

/**
 * Files to scan, as posix paths relative to root. In a git work tree: tracked plus untracked but
 * not ignored files, and the same inside submodules and nested repositories (their own tracked
 * files). A folder the user named is always scanned: when the enclosing repository ignores it
 * (a vendored tree, a second checkout), it is walked, honouring the .gitignore files inside it.
 */
export async function listFiles(root: string): Promise<Listing> {
  if ((await isGitWorkTree(root)) && !(await ignoredByEnclosingRepo(root))) {
    try {
      const entries = await gitFiles(root);
      const links = await gitlinks(root);
      const files: string[] = [];
      const skipped: Skipped[] = [];
      for (const entry of entries) {
        // Untracked nested repositories are listed as `dir/`; submodules as gitlinks.
        const dir = entry.endsWith('/') ? entry.slice(0, -1) : links.has(entry) ? entry : undefined;
        if (dir === undefined) {
          files.push(entry);
          continue;
        }
        const abs = join(root, dir);
        if (!hasGit(abs)) {
          if (links.has(entry)) skipped.push({ file: dir, reason: 'git submodule not checked out: run `git submodule update --init` (or `actions/checkout` with `submodules: true`) to scan it' });
          continue;
        }
        const inner = await listFiles(abs);
        for (const f of inner.files) files.push(`${dir}/${f}`);
        for (const s of inner.skipped) skipped.push({ ...s, file: `${dir}/${s.file}` });
      }
      return { files, source: 'git', skipped };
    } catch {
      // fall back to walking (for example a repository git refuses as unsafe)
    }
  }
  // A generator: the engine scans the first files while the walk goes on.
  return { files: walkFiles(root), source: 'walk', skipped: [] };
}
