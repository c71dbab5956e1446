// The only place that builds a GitHub API client. Retries and rate limits follow one policy
// (./retry.ts); every request has a time limit so a hung connection becomes a retryable error.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { installRetry } from './retry.js';
export { tuningFromEnv } from '../tuning.js';

export type GitHub = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: github.com, GitHub Enterprise Server (https://HOST/api/v3) or ghe.com. */
  baseUrl: string;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Retries after the first try, for 5xx, 429, rate limits and dropped connections. */
  retries?: number;
  /** Longest wait a rate limit may ask for before we give up (milliseconds). */
  maxWaitMs?: number;
  /** First back-off (doubled on each retry); 1 s by default. */
  retryBaseMs?: number;
  /** Spacing between writes; GitHub asks for one second. */
  writeSpacingMs?: number;
}

export function createClient(opts: ClientOptions): GitHub {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
  const octokit = getOctokit(opts.token, { baseUrl: opts.baseUrl, request: { fetch: timedFetch } });
  installRetry(octokit, {
    retries: opts.retries ?? 4,
    baseMs: opts.retryBaseMs ?? 1000,
    maxWaitMs: opts.maxWaitMs ?? 120_000,
    writeSpacingMs: opts.writeSpacingMs ?? 1000,
    onWait: (message) => core.warning(message),
  });
  return octokit;
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

/** The failure for a person: which call, GitHub's answer, and what to do when we know. */
export function describeError(e: unknown): string {
  const err = e as { call?: string; status?: number; hint?: string };
  const status = err.status ? ` (${err.status})` : '';
  return `${err.call ? `${err.call} failed${status}: ` : ''}${errorMessage(e)}${err.hint ? `; ${err.hint}` : ''}`;
}

export function errorStatus(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}
