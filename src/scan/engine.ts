import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import ignore from 'ignore';
import { RULES } from '../rules/index.js';
import type { ScanSettings } from '../config.js';
import type { Finding, ScanResult, Severity } from '../types.js';
import { type BatchOptions, type BatchResult, scanBatch } from './batch.js';
import { applyContext } from './context.js';
import { listFiles } from './files.js';
import { WORKER_ROLE } from './worker.js';

const BATCH = 256;
/** Below this many files, threads cost more than they save. */
const INLINE_LIMIT = 2000;

export interface EngineOptions {
  /** A script that calls runWorker() when started as a worker (the bundle itself). */
  workerScript?: URL | string;
  workers?: number;
}

function merge(into: BatchResult, part: BatchResult): void {
  into.findings.push(...part.findings);
  into.skipped.push(...part.skipped);
  Object.assign(into.keyRefs, part.keyRefs);
  into.secrets.push(...part.secrets);
  into.filesScanned += part.filesScanned;
  into.filesMatched += part.filesMatched;
  into.bytes += part.bytes;
}

function emptyResult(): BatchResult {
  return { findings: [], skipped: [], keyRefs: {}, secrets: [], filesScanned: 0, filesMatched: 0, bytes: 0 };
}

async function scanInWorkers(files: string[], opts: BatchOptions, script: URL | string, count: number): Promise<BatchResult> {
  const total = emptyResult();
  let next = 0;
  const runOne = (): Promise<void> =>
    new Promise((resolvePromise, reject) => {
      const worker = new Worker(script, { workerData: { role: WORKER_ROLE, opts } });
      const feed = (): void => {
        if (next >= files.length) {
          void worker.terminate();
          resolvePromise();
          return;
        }
        const batch = files.slice(next, next + BATCH);
        next += BATCH;
        worker.postMessage(batch);
      };
      worker.on('message', (part: BatchResult) => {
        merge(total, part);
        feed();
      });
      worker.once('error', reject);
      worker.once('online', feed);
    });
  await Promise.all(Array.from({ length: count }, runOne));
  return total;
}

function applyPolicy(findings: Finding[], s: ScanSettings): Finding[] {
  return findings
    .filter((f) => !s.disabled.has(f.ruleId) && !s.ignoredFingerprints.has(f.fingerprint))
    .map((f) => {
      const sev: Severity | undefined = s.severity.get(f.ruleId);
      return sev ? { ...f, severity: sev } : f;
    });
}

export async function scan(settings: ScanSettings, engine: EngineOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const { files: listed } = await listFiles(settings.root);
  const excluded = ignore().add(settings.exclude);
  const files = settings.exclude.length ? listed.filter((f) => !excluded.ignores(f)) : listed;
  const opts: BatchOptions = { root: settings.root, realRoot: realpathSync(settings.root), maxFileSize: settings.maxFileSize };

  const threads = engine.workers ?? availableParallelism();
  const raw =
    engine.workerScript && threads > 1 && files.length > INLINE_LIMIT
      ? await scanInWorkers(files, opts, engine.workerScript, Math.min(threads, Math.ceil(files.length / BATCH)))
      : scanBatch(files, opts);

  const findings = applyPolicy(applyContext(raw.findings, files, raw.keyRefs), settings).sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)),
  );
  raw.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    root: settings.root,
    findings,
    skipped: raw.skipped,
    secrets: [...new Set(raw.secrets)],
    stats: {
      filesListed: listed.length,
      filesScanned: raw.filesScanned,
      filesMatched: raw.filesMatched,
      bytesScanned: raw.bytes,
      durationMs: Math.round(performance.now() - started),
      rules: RULES.length - settings.disabled.size,
    },
  };
}
