import { parentPort, workerData } from 'node:worker_threads';
import { type BatchOptions, finishBatch, scanBatch } from './batch.js';

/** Answers each batch of paths with its BatchResult. */
export function runWorker(): void {
  const opts = (workerData as { opts: BatchOptions }).opts;
  parentPort?.on('message', async (batch: string[]) => {
    parentPort?.postMessage(await finishBatch(scanBatch(batch, opts)));
  });
}
