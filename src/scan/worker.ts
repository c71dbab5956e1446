import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type BatchOptions, scanBatch } from './batch.js';

export const WORKER_ROLE = 'adobe-jwt-migrate-scan';

/** True when this thread was started by the engine to scan files. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

/** Answers each batch of paths with its BatchResult. */
export function runWorker(): void {
  const opts = (workerData as { opts: BatchOptions }).opts;
  parentPort?.on('message', (batch: string[]) => {
    parentPort?.postMessage(scanBatch(batch, opts));
  });
}
