import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { RULES } from '../rules/index.js';
import type { Finding, Skipped } from '../types.js';
import { type ClientIdRef, clientIdConfigPath, findClientIds } from './client-ids.js';
import type { Language } from '../languages/types.js';
import { lineStarts, matchFile, matchPath } from './match.js';
import { type Located, locate, parsedForRegions, signalOffsets } from './regions.js';
import { isCandidate, scratch } from './prefilter.js';

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
  clientIds: ClientIdRef[];
  filesScanned: number;
  filesMatched: number;
  bytes: number;
  /** Files that say "jwt" (any of its cases): the only ones a JWT-named function can be used in. */
  jwtFiles: string[];
  /** The parser's places of each code file's signals (see regions.ts), by file. */
  located: Record<string, Located>;
  /** Files still to parse for `located` (finishBatch does it; never sent between threads). */
  toLocate?: { file: string; lang: Language; text: string; offsets: number[] }[];
}

const CONTENT_RULES = RULES.filter((r) => !r.pathOnly);
const PATH_RULES = RULES.filter((r) => r.pathOnly);
/** Config files read for client ids only when they reach no rule: at most this size. */
const CLIENT_ID_CONFIG_MAX = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Files are read into the prefilter's own memory (WebAssembly), where it searches them without a
 * copy. Taken on first use; a larger file grows it, which detaches the view held before.
 */
let buffer: Buffer | undefined;

const JWT_CASES = ['jwt', 'Jwt', 'JWT'];
function sayJwt(buf: Buffer, n: number): boolean {
  const b = buf.subarray(0, n);
  return JWT_CASES.some((w) => b.includes(w));
}
// O_NOFOLLOW: a symlink fails to open (ELOOP) instead of being followed, saving an lstat a file.
// O_NONBLOCK: a FIFO in the tree cannot hang the scan.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const OPEN_FLAGS = constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0);

/** Why a symlink is listed as skipped, or undefined when it stays inside the root. */
function linkReason(abs: string, realRoot: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(abs);
  } catch {
    return 'broken symbolic link';
  }
  const inside = relative(realRoot, target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return 'symbolic link pointing outside the scanned folder';
  return undefined;
}

/** A NUL byte in the first 8000 bytes, as git judges binaries. buf[n] is a sentinel the read left room for. */
function isBinary(buf: Buffer, n: number): boolean {
  buf[n] = 0;
  return buf.indexOf(0) < Math.min(n, 8000);
}

function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable: permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `unreadable: ${code ?? String(err)}`;
}

/** The number of the last line holding text in the first n bytes. */
function lastLine(buf: Buffer, n: number): number {
  let lines = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) if (i + 1 < n) lines++;
  return lines;
}

/** Scans files synchronously: one open, one read and one close per file, into a reused buffer. */
export function scanBatch(files: string[], opts: BatchOptions): BatchResult {
  buffer ??= scratch(1 << 20);
  const result: BatchResult = { findings: [], skipped: [], keyRefs: {}, secrets: [], clientIds: [], filesScanned: 0, filesMatched: 0, bytes: 0, jwtFiles: [], located: {}, toLocate: [] };
  for (const rel of files) {
    const abs = `${opts.root}${sep}${rel}`;
    try {
      let fd: number;
      try {
        if (!NOFOLLOW && lstatSync(abs).isSymbolicLink()) throw Object.assign(new Error('link'), { code: 'ELOOP' });
        fd = openSync(abs, OPEN_FLAGS);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue; // tracked but deleted in the work tree
        if (code === 'ELOOP') {
          const reason = linkReason(abs, opts.realRoot);
          if (reason) result.skipped.push({ file: rel, reason });
          continue; // a link inside the root: its target is scanned under its own name
        }
        throw err;
      }
      const byPath = matchPath(PATH_RULES, rel);
      result.findings.push(...byPath);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, 0);
        if (n === buffer.length && n <= opts.maxFileSize) {
          // Filled the buffer: size the file, then read the rest unless it is over the limit.
          const size = fstatSync(fd).size;
          if (size <= opts.maxFileSize) {
            // The bytes read so far stay where they are: growth keeps the memory's contents.
            buffer = scratch(size + 1);
            let r: number;
            while (n < buffer.length && (r = readSync(fd, buffer, n, buffer.length - n, n)) > 0) n += r;
          } else n = size;
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EISDIR') continue; // a submodule or folder
        throw err;
      } finally {
        closeSync(fd);
      }
      if (n > opts.maxFileSize) {
        result.skipped.push({ file: rel, reason: `larger than ${opts.maxFileSize} bytes (max-file-size)` });
        continue;
      }
      result.filesScanned++;
      result.bytes += n;
      if (isBinary(buffer, n)) {
        result.skipped.push({ file: rel, reason: 'binary file' });
        continue;
      }
      // A key file is wholly the finding: its span is every line of it.
      if (byPath.length) {
        const last = lastLine(buffer, n);
        for (const f of byPath) f.endLine = last;
      }
      if (!isCandidate(buffer, n, rel)) {
        // No rule reads it, but a dotenv or key=value config file may still name a client id.
        if (n <= CLIENT_ID_CONFIG_MAX && clientIdConfigPath(rel)) result.clientIds.push(...findClientIds(rel, decoder.decode(buffer.subarray(0, n))));
        continue;
      }
      result.filesMatched++;
      if (sayJwt(buffer, n)) result.jwtFiles.push(rel);
      const text = decoder.decode(buffer.subarray(0, n));
      const fr = matchFile(CONTENT_RULES, { path: rel, text });
      result.clientIds.push(...findClientIds(rel, text));
      if (fr.findings.length) {
        // Token functions: the thread that holds the text parses it (finishBatch), so the
        // parsing spreads over the threads instead of waiting for the end of the scan.
        const lang = parsedForRegions(rel, n);
        const offsets = lang ? signalOffsets(fr.findings, lineStarts(text)) : [];
        if (lang && offsets.length) result.toLocate!.push({ file: rel, lang, text, offsets });
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

/** Parses the batch's code files with signals (see scanBatch); the result can then be posted. */
export async function finishBatch(result: BatchResult): Promise<BatchResult> {
  for (const { file, lang, text, offsets } of result.toLocate ?? []) {
    try {
      const located = await locate(lang, text, offsets);
      if (located) result.located[file] = located;
    } catch {
      // the region pass parses it again, and reports nothing more if it fails there too
    }
  }
  delete result.toLocate;
  return result;
}
