// Every path the action reads or writes outside the scan itself goes through here: it resolves
// symbolic links, keeps reads inside the folder they belong to, reads only regular files of a
// bounded size, and never writes through a link or over a file git tracks.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from './errors.js';

/** Whether `path` (already real) is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return join(realPathOf(parent), basename(path));
  }
}

/**
 * Reads a settings file (config, baseline): it must resolve inside `within` (when given), be a
 * regular file (not a FIFO, a device or a folder) and hold at most `maxBytes`.
 */
export function readSettingsFile(path: string, what: string, opts: { within?: string; maxBytes: number }): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  if (opts.within && !isInside(realPathOf(opts.within), real)) {
    throw new UsageError(`${what} ${path} resolves outside ${opts.within}: it must be a file inside the repository (symbolic links may not lead out of it)`);
  }
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO cannot hang the open; fstat then refuses it.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${what} ${path} is not a regular file`);
    if (st.size > opts.maxBytes) throw new UsageError(`${what} ${path} is ${st.size} bytes, over the limit of ${opts.maxBytes}`);
    const buf = Buffer.alloc(Math.min(st.size, opts.maxBytes) + 1);
    let n = 0;
    let r: number;
    while (n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0) n += r;
    if (n > opts.maxBytes) throw new UsageError(`${what} ${path} is over the limit of ${opts.maxBytes} bytes`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function isTracked(workspace: string, file: string): boolean {
  try {
    execFileSync('git', ['-C', workspace, 'ls-files', '--error-unmatch', '--', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a report the action produces. The resolved target must lie inside one of `roots`
 * (the workspace, RUNNER_TEMP), must not be a file git tracks, and is opened without following
 * a link, so a committed symlink cannot send the write elsewhere.
 */
export function writeOutputFile(path: string, text: string, opts: { what: string; roots: string[]; workspace: string }): string {
  const target = realPathOf(path);
  const roots = opts.roots.map(realPathOf);
  if (!roots.some((r) => isInside(r, target))) {
    throw new UsageError(`input '${opts.what}' resolves to ${target}, outside the workspace and RUNNER_TEMP: choose a path inside them (symbolic links may not lead out)`);
  }
  const ws = realPathOf(opts.workspace);
  if (isInside(ws, target) && isTracked(ws, relative(ws, target))) {
    throw new UsageError(`input '${opts.what}' names ${relative(ws, target)}, a file tracked by git: choose a path the action may overwrite`);
  }
  try {
    if (lstatSync(target).isSymbolicLink()) throw new UsageError(`input '${opts.what}' is a symbolic link: choose a plain path`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  mkdirInside(dirname(target));
  const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return target;
}

function mkdirInside(dir: string): void {
  // mkdirSync with recursive follows links on the way; the target's parent was resolved already.
  try {
    lstatSync(dir);
  } catch {
    mkdirInside(dirname(dir));
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
