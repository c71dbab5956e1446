// The only place that builds a GitHub API client: retries and rate limits come from Octokit's
// own plugins; every request has a time limit so a hung connection becomes a retryable error.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
export { tuningFromEnv } from '../tuning.js';

export type GitHub = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: github.com, GitHub Enterprise Server (https://HOST/api/v3) or ghe.com. */
  baseUrl: string;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Retries after the first try, for 5xx, 429 and dropped connections. */
  retries?: number;
  /** Longest wait a rate limit may ask for before we give up (seconds). */
  maxRateLimitWait?: number;
  /** Back-off base of the retry plugin (it waits base * retry² ms). */
  retryBaseMs?: number;
  /** Spacing between writes; GitHub asks for one second, which the throttling plugin keeps by default. */
  writeSpacingMs?: number;
}

export function createClient(opts: ClientOptions): GitHub {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 4;
  const maxWait = opts.maxRateLimitWait ?? 120;
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
  return getOctokit(
    opts.token,
    {
      baseUrl: opts.baseUrl,
      request: { fetch: timedFetch, retries },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451], ...(opts.retryBaseMs ? { retryAfterBaseValue: opts.retryBaseMs } : {}) },
      throttle: {
        ...(opts.writeSpacingMs !== undefined
          ? { write: new Bottleneck.Group({ id: 'adobe-jwt-migrate-write', maxConcurrent: 1, minTime: opts.writeSpacingMs }) }
          : {}),
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          core.warning(`GitHub rate limit on ${options.method} ${options.url}: retrying in ${after}s`);
          return count < 2 && after <= maxWait;
        },
        onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          core.warning(`GitHub secondary rate limit on ${options.method} ${options.url}: retrying in ${after}s`);
          return count < 3 && after <= maxWait;
        },
      },
    },
    retry,
    throttling,
  );
}

/** GitHub's error message of a failed request, for matching known refusals. */
export function errorMessage(e: unknown): string {
  const err = e as { message?: string; response?: { data?: { message?: string; errors?: ({ message?: string } | string)[] } } };
  const data = err.response?.data;
  // 422 answers put the reason in errors[] ("Validation Failed" + "A pull request already exists").
  const details = (data?.errors ?? []).map((x) => (typeof x === 'string' ? x : x.message)).filter(Boolean);
  const main = data?.message ?? err.message ?? String(e);
  return details.length ? `${main}: ${details.join('; ')}` : main;
}

export function errorStatus(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}
