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

function walkFiles(root: string): string[] {
  const out: string[] = [];
  // Each level carries the .gitignore rules of its ancestors, relative to where they were defined.
  const visit = (rel: string, rules: { base: string; ig: Ignore }[]): void => {
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to list
    }
    let here = rules;
    try {
      const gi = readFileSync(join(abs, '.gitignore'), 'utf8');
      here = [...rules, { base: rel, ig: ignore().add(gi) }];
    } catch {
      // no .gitignore at this level
    }
    const ignored = (p: string, dir: boolean): boolean =>
      here.some(({ base, ig }) => {
        const sub = base ? p.slice(base.length + 1) : p;
        return ig.ignores(dir ? `${sub}/` : sub);
      });
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (ALWAYS_SKIP.has(e.name) || ignored(p, true)) continue;
        visit(p, here);
      } else if ((e.isFile() || e.isSymbolicLink()) && !ignored(p, false)) {
        out.push(p);
      }
    }
  };
  visit('', []);
  return out;
}

/** Files to scan, as posix paths relative to root. */
export async function listFiles(root: string): Promise<{ files: string[]; source: 'git' | 'walk' }> {
  if (await isGitWorkTree(root)) {
    try {
      return { files: await gitFiles(root), source: 'git' };
    } catch {
      // fall back to walking (for example a repository git refuses as unsafe)
    }
  }
  return { files: walkFiles(root), source: 'walk' };
}
