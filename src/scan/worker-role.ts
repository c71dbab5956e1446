import { isMainThread, workerData } from 'node:worker_threads';

export const WORKER_ROLE = 'adobe-jwt-migrate-scan';

/** True when this thread was started by the engine to scan files. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}
