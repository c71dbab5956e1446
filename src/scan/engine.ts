import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import ignore from 'ignore';
import { RULES, SUPPORTING_RULES } from '../rules/index.js';
import type { ScanSettings } from '../config.js';
import type { Finding, ScanResult, Severity } from '../types.js';
import { type BatchOptions, type BatchResult, finishBatch, scanBatch } from './batch.js';
import { callerFindings } from './callers.js';
import { apiIndexFindings } from './api-indexes.js';
import { applyContext } from './context.js';
import { listFiles } from './files.js';
import { regionFindings } from './regions.js';
import { WORKER_ROLE } from './worker-role.js';

const BATCH = 256;
/**
 * Batches queued per worker: enough that a worker keeps busy while the main thread does
 * something else for a while (loads the migration engine, parses a token function).
 */
const MAX_IN_FLIGHT = 4;
/** Below this many files, threads cost more than they save. */
const INLINE_LIMIT = 2000;

export interface EngineOptions {
  /** A script that calls runWorker() when started as a worker (the bundle itself). */
  workerScript?: URL | string;
  workers?: number;
  /**
   * Work the caller needs after the scan (loading the migration engine), started while worker
   * threads scan, when the main thread's share of files can go to them instead of the tail.
   */
  warmUp?: () => Promise<unknown>;
}

function merge(into: BatchResult, part: BatchResult): void {
  into.findings.push(...part.findings);
  into.skipped.push(...part.skipped);
  Object.assign(into.keyRefs, part.keyRefs);
  into.secrets.push(...part.secrets);
  into.clientIds.push(...part.clientIds);
  into.filesScanned += part.filesScanned;
  into.filesMatched += part.filesMatched;
  into.bytes += part.bytes;
  into.jwtFiles.push(...part.jwtFiles);
  Object.assign(into.located, part.located);
}

function emptyResult(): BatchResult {
  return { findings: [], skipped: [], keyRefs: {}, secrets: [], clientIds: [], filesScanned: 0, filesMatched: 0, bytes: 0, jwtFiles: [], located: {} };
}

/** Takes up to `size` items from an iterator. */
function take(it: Iterator<string>, size: number): string[] {
  const out: string[] = [];
  while (out.length < size) {
    const r = it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

/**
 * Feeds batches to worker threads as the listing produces them, at most MAX_IN_FLIGHT in flight
 * per worker, so the walk, the workers' start-up and the scanning overlap.
 */
async function scanInWorkers(first: string[], rest: Iterator<string>, opts: BatchOptions, script: URL | string, count: number): Promise<BatchResult> {
  const total = emptyResult();
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { role: WORKER_ROLE, opts } }));
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', (part: BatchResult) => {
      merge(total, part);
      inFlight.set(w, inFlight.get(w)! - 1);
      wake?.();
    });
    w.once('error', (e) => {
      failure = e;
      wake?.();
    });
    w.once('exit', (code) => {
      if (inFlight.get(w)! > 0) failure ??= new Error(`a scan worker stopped (exit code ${code}) before finishing its files`);
      wake?.();
    });
  }
  const idle = (): Worker | undefined => workers.find((w) => inFlight.get(w)! < MAX_IN_FLIGHT);
  const waitForMessage = () => new Promise<void>((r) => (wake = r));
  try {
    let pending = first;
    while (pending.length) {
      for (let w = idle(); w && pending.length; w = idle()) {
        w.postMessage(pending.slice(0, BATCH));
        inFlight.set(w, inFlight.get(w)! + 1);
        pending = pending.slice(BATCH);
        if (pending.length < BATCH) pending = pending.concat(take(rest, BATCH * 4));
      }
      if (failure) throw failure;
      // Every worker has its batches queued: the main thread scans one itself rather than idle
      // (it is one of the threads counted), then hands out what the workers finished meanwhile.
      if (pending.length) {
        merge(total, await finishBatch(scanBatch(pending.slice(0, BATCH), opts)));
        pending = pending.slice(BATCH);
        if (pending.length < BATCH) pending = pending.concat(take(rest, BATCH * 4));
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    while ([...inFlight.values()].some((n) => n > 0)) {
      if (failure) throw failure;
      await waitForMessage();
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return total;
}


/**
 * Drops supporting-line findings on a line another finding reports, or inside a region finding
 * (a token function, a docs section): the reader sees each line once.
 */
function dropCovered(findings: Finding[]): void {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (!SUPPORTING_RULES.has(f.ruleId)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  let w = 0;
  for (const f of findings) {
    const others = SUPPORTING_RULES.has(f.ruleId) ? (byFile.get(f.file) ?? []) : [];
    if (!others.some((o) => o.line <= f.line && f.line <= o.endLine)) findings[w++] = f;
  }
  findings.length = w;
}

/** What a token decoder's lines say of "jwt" (names, signing calls) is not the flow's. */
const NOT_IN_DECODERS = new Set([...SUPPORTING_RULES, 'code-jwt-library-manual', 'code-jwt-library-js', 'code-jwt-library-python']);

function dropInDecoders(findings: Finding[], decoders: Map<string, { line: number; endLine: number }[]>): void {
  let w = 0;
  for (const f of findings) {
    const inDecoder = NOT_IN_DECODERS.has(f.ruleId) && (decoders.get(f.file) ?? []).some((d) => d.line <= f.line && f.line <= d.endLine);
    if (!inDecoder) findings[w++] = f;
  }
  findings.length = w;
}

/** Disabled rules, ignored fingerprints and severity overrides from the config. */
export function applyPolicy(findings: Finding[], s: ScanSettings): Finding[] {
  return findings
    .filter((f) => !s.disabled.has(f.ruleId) && !s.ignoredFingerprints.has(f.fingerprint))
    .map((f) => {
      const sev: Severity | undefined = s.severity.get(f.ruleId);
      return sev ? { ...f, severity: sev } : f;
    });
}

/** With ADOBE_JWT_MIGRATE_DEBUG set, each phase's end (ms from the start) goes to stderr. */
function phase(name: string, started: number): void {
  if (process.env.ADOBE_JWT_MIGRATE_DEBUG) process.stderr.write(`adobe-jwt-migrate: debug: ${name} done at ${Math.round(performance.now() - started)} ms\n`);
}

export async function scan(settings: ScanSettings, engine: EngineOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const { files: listing, skipped: unlisted } = await listFiles(settings.root);
  const excluded = ignore().add(settings.exclude);
  const files: string[] = [];
  let listed = 0;
  // Every listed file passes here once: counted, excluded or kept (for the cross-file pass).
  const kept = (function* () {
    for (const f of listing) {
      listed++;
      if (settings.exclude.length && excluded.ignores(f)) continue;
      files.push(f);
      yield f;
    }
  })();
  const opts: BatchOptions = { root: settings.root, realRoot: realpathSync(settings.root), maxFileSize: settings.maxFileSize };

  const threads = engine.workers ?? availableParallelism();
  const first = take(kept, INLINE_LIMIT + 1);
  // The main thread scans too, so `threads` threads are the main one and threads - 1 workers.
  const workers = engine.workerScript && threads > 1 && first.length > INLINE_LIMIT ? threads - 1 : 0;
  // Inline, the rest of the listing is scanned too (a one-thread run of a large tree once stopped
  // after the first INLINE_LIMIT files).
  // A failed warm-up is the caller's to see when it does that work itself.
  if (workers && engine.warmUp) engine.warmUp().catch(() => undefined);
  const raw = workers ? await scanInWorkers(first, kept, opts, engine.workerScript!, workers) : await finishBatch(scanBatch(first.concat([...kept]), opts));

  phase('file scan', started);
  const found = applyContext(raw.findings, files, raw.keyRefs);
  const regions = await regionFindings(settings.root, found, settings.maxFileSize, raw.located);
  phase('token functions', started);
  dropInDecoders(found, regions.decoders);
  found.push(...regions.findings);
  found.push(...apiIndexFindings(settings.root, files, found, settings.maxFileSize));
  found.push(...callerFindings(settings.root, files, raw.jwtFiles, regions.names, found, settings.maxFileSize));
  phase('cross-file passes', started);
  dropCovered(found);
  const findings = applyPolicy(found, settings).sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)),
  );
  raw.skipped.push(...unlisted);
  raw.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    root: settings.root,
    findings,
    skipped: raw.skipped,
    secrets: [...new Set(raw.secrets)],
    clientIds: raw.clientIds,
    stats: {
      filesListed: listed,
      filesScanned: raw.filesScanned,
      filesMatched: raw.filesMatched,
      bytesScanned: raw.bytes,
      durationMs: Math.round(performance.now() - started),
      rules: RULES.length - settings.disabled.size,
      workers,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
