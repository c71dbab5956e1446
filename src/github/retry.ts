// When to try a GitHub request again, and how long to wait first. One policy for every request,
// kept per request (each call counts its own attempts):
// - retried: 5xx (a dropped connection or a timeout reaches here as one), 429, and 403 when it is
//   a secondary rate limit or a primary limit that resets soon;
// - waits: `retry-after` when GitHub sends it, else until `x-ratelimit-reset` for an exhausted
//   limit, else exponential back-off from `baseMs` (1 s by default) with jitter;
// - never retried: 4xx answers that would be the same the next time (404, 409, 422, ...).
// Writes are spaced `writeSpacingMs` apart, as GitHub asks of clients that make many of them.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First back-off; doubled on each retry. */
  baseMs: number;
  /** Longest single wait; a rate limit that asks for more fails at once, saying when it resets. */
  maxWaitMs: number;
  writeSpacingMs: number;
  /** Told before every wait (the action turns it into a warning). */
  onWait: (message: string) => void;
  /** For tests: the clock and the sleep. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: { message?: string } };
}

/** Why a failed request may succeed later, and after how long; undefined when it will not. */
export function retryDelay(e: unknown, attempt: number, policy: RetryPolicy): { ms: number; why: string } | undefined {
  const err = e as HttpError;
  const status = err.status ?? 0;
  const headers = err.response?.headers ?? {};
  const message = `${err.response?.data?.message ?? ''} ${err.message ?? ''}`;
  const backoff = policy.baseMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
  const retryAfter = Number(headers['retry-after']);
  const now = policy.now?.() ?? Date.now();
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers['retry-after'] !== undefined && (status === 429 || status === 403 || status >= 500)) {
    return { ms: retryAfter * 1000, why: `${status} with retry-after ${retryAfter}s` };
  }
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    if (Number.isFinite(reset)) return { ms: Math.max(0, reset - now) + 1000, why: `${status}: rate limit exhausted until ${new Date(reset).toISOString()}` };
  }
  if (status === 429) return { ms: backoff, why: '429 too many requests' };
  // native-regex: GitHub's short error message (here and below)
  if (status === 403 && /secondary rate limit/i.test(message)) {
    // GitHub asks for at least a minute when it gives no retry-after (60 × the 1 s base).
    return { ms: Math.max(backoff, 60 * policy.baseMs), why: '403 secondary rate limit' };
  }
  // native-regex: as above
  if (status >= 500) return { ms: backoff, why: status === 500 && /fetch failed|aborted|socket|ECONN|timeout/i.test(message) ? 'connection failed' : `${status}` };
  return undefined;
}

import type { GitHub } from './client.js';

/** The call, as `METHOD /path` (the route template, so no ids or query strings). */
export function describeCall(options: Record<string, unknown>): string {
  return `${String(options.method ?? 'GET')} ${String(options.url ?? '')}`;
}

export function installRetry(octokit: GitHub, policy: RetryPolicy): void {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = policy.now ?? Date.now;
  let nextWrite = 0;
  let writes: Promise<void> = Promise.resolve();
  /** Resolves when this write may start: writes go one at a time, spaced apart. */
  const writeTurn = (): Promise<void> => {
    const turn = writes.then(async () => {
      const wait = nextWrite - now();
      if (wait > 0) await sleep(wait);
      nextWrite = now() + policy.writeSpacingMs;
    });
    writes = turn.catch(() => undefined);
    return turn;
  };

  octokit.hook.wrap('request', async (request, options) => {
    const call = describeCall(options as unknown as Record<string, unknown>);
    const write = !['GET', 'HEAD'].includes(String(options.method ?? 'GET').toUpperCase());
    for (let attempt = 1; ; attempt++) {
      if (write) await writeTurn();
      try {
        return await request(options);
      } catch (e) {
        const delay = retryDelay(e, attempt, policy);
        if (delay && attempt <= policy.retries && delay.ms > policy.maxWaitMs) {
          throw Object.assign(e as object, { call, hint: `GitHub asked to wait ${Math.ceil(delay.ms / 1000)}s (${delay.why}), longer than this action waits; rerun the job later` });
        }
        if (!delay || attempt > policy.retries) throw Object.assign(e as object, { call });
        const what = delay.why === 'connection failed' ? `The connection to GitHub failed on ${call}` : `GitHub answered ${delay.why} to ${call}`;
        policy.onWait(`${what}: retrying in ${(delay.ms / 1000).toFixed(1)}s (retry ${attempt} of ${policy.retries}).`);
        await sleep(delay.ms);
      }
    }
  });
}
