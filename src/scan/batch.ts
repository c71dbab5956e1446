import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RULES } from '../rules/index.js';
import type { Finding, Skipped } from '../types.js';
import { matchFile, matchPath } from './match.js';
import { isCandidate } from './prefilter.js';

export interface BatchOptions {
  root: string;
  /** Real path of root, to tell whether a symlink leaves it. */
  realRoot: string;
  maxFileSize: number;
}

export interface BatchResult {
  findings: Finding[];
  skipped: Skipped[];
  /** file -> key file names it mentions (only files with findings). */
  keyRefs: Record<string, string[]>;
  secrets: string[];
  filesScanned: number;
  filesMatched: number;
  bytes: number;
}

const CONTENT_RULES = RULES.filter((r) => !r.pathOnly);
const PATH_RULES = RULES.filter((r) => r.pathOnly);
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

let buffer = Buffer.allocUnsafe(1 << 20);

function isBinary(buf: Buffer, n: number): boolean {
  return buf.subarray(0, Math.min(n, 8000)).indexOf(0) !== -1;
}

function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable: permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `unreadable: ${code ?? String(err)}`;
}

/** Scans files synchronously: one open and one read per file, into a reused buffer. */
export function scanBatch(files: string[], opts: BatchOptions): BatchResult {
  const result: BatchResult = { findings: [], skipped: [], keyRefs: {}, secrets: [], filesScanned: 0, filesMatched: 0, bytes: 0 };
  for (const rel of files) {
    const abs = join(opts.root, rel);
    try {
      const lst = lstatSync(abs, { throwIfNoEntry: false });
      if (!lst) continue; // tracked but deleted in the work tree
      if (lst.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          result.skipped.push({ file: rel, reason: 'broken symbolic link' });
          continue;
        }
        const inside = relative(opts.realRoot, target);
        if (inside.startsWith('..') || inside.split(sep)[0] === '..' || /^[a-zA-Z]:|^\//.test(inside)) {
          result.skipped.push({ file: rel, reason: 'symbolic link pointing outside the scanned folder' });
        }
        continue; // a link inside the root: its target is scanned under its own name
      }
      if (!lst.isFile()) continue;
      result.findings.push(...matchPath(PATH_RULES, rel));
      if (lst.size > opts.maxFileSize) {
        result.skipped.push({ file: rel, reason: `larger than ${opts.maxFileSize} bytes (max-file-size)` });
        continue;
      }
      const fd = openSync(abs, 'r');
      let n = 0;
      try {
        const size = fstatSync(fd).size;
        if (size > opts.maxFileSize) {
          result.skipped.push({ file: rel, reason: `larger than ${opts.maxFileSize} bytes (max-file-size)` });
          continue;
        }
        if (buffer.length < size + 1) buffer = Buffer.allocUnsafe(Math.max(size + 1, buffer.length * 2));
        // Read until EOF, so a file that grows while read is cut at the buffer, not overrun.
        let r: number;
        while (n < buffer.length && (r = readSync(fd, buffer, n, buffer.length - n, null)) > 0) n += r;
      } finally {
        closeSync(fd);
      }
      result.filesScanned++;
      result.bytes += n;
      if (isBinary(buffer, n)) {
        result.skipped.push({ file: rel, reason: 'binary file' });
        continue;
      }
      if (!isCandidate(buffer, n, rel)) continue;
      result.filesMatched++;
      const text = decoder.decode(buffer.subarray(0, n));
      const fr = matchFile(CONTENT_RULES, { path: rel, text });
      if (fr.findings.length) {
        result.findings.push(...fr.findings);
        if (fr.keyRefs.length) result.keyRefs[rel] = fr.keyRefs;
        result.secrets.push(...fr.secrets);
      }
    } catch (err) {
      result.skipped.push({ file: rel, reason: errorReason(err) });
    }
  }
  return result;
}
