import { parentPort, workerData } from 'node:worker_threads';
import { type BatchOptions, scanBatch } from './batch.js';

/** Answers each batch of paths with its BatchResult. */
export function runWorker(): void {
  const opts = (workerData as { opts: BatchOptions }).opts;
  parentPort?.on('message', (batch: string[]) => {
    parentPort?.postMessage(scanBatch(batch, opts));
  });
}
