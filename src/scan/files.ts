import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ignore, { type Ignore } from 'ignore';

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

/** Files to scan, as posix paths relative to root. */
export async function listFiles(root: string): Promise<{ files: Iterable<string>; source: 'git' | 'walk' }> {
  if (await isGitWorkTree(root)) {
    try {
      return { files: await gitFiles(root), source: 'git' };
    } catch {
      // fall back to walking (for example a repository git refuses as unsafe)
    }
  }
  // A generator: the engine scans the first files while the walk goes on.
  return { files: walkFiles(root), source: 'walk' };
}
