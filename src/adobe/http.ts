// The only HTTP client for Adobe (IMS, Developer Console, Experience Platform): undici with a
// time limit, retries on 429/5xx honouring Retry-After, the environment's proxy settings, and
// every answer parsed with zod so an unexpected shape is a clear error, not a crash.
import { EnvHttpProxyAgent, request } from 'undici';
import type { z } from 'zod';

export interface HttpOptions {
  timeoutMs?: number;
  retries?: number;
  /** Base of the back-off when the server gives no Retry-After (ms, doubled each try). */
  retryBaseMs?: number;
  /** Longest Retry-After we wait for (seconds). */
  maxRetryAfter?: number;
}

/** An Adobe call that failed, with what the user should check. */
export class AdobeError extends Error {
  override name = 'AdobeError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code?: string,
  ) {
    super(message);
  }
}

let dispatcher: EnvHttpProxyAgent | undefined;
function proxyAware(): EnvHttpProxyAgent {
  // Honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY like the toolkit's own client.
  dispatcher ??= new EnvHttpProxyAgent();
  return dispatcher;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(header: string | string[] | undefined, fallback: number, max: number): number {
  const v = Array.isArray(header) ? header[0] : header;
  if (v) {
    const secs = Number(v);
    if (Number.isFinite(secs)) return Math.min(secs, max) * 1000;
    const date = Date.parse(v);
    if (!Number.isNaN(date)) return Math.min(Math.max(0, date - Date.now()), max * 1000);
  }
  return fallback;
}

export interface CallOptions<T> {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  schema: z.ZodType<T>;
  /** What the call is, for messages ("list projects of org X"). */
  what: string;
}

/** One JSON call. GETs and token requests are safe to retry; nothing here writes. */
export async function callJson<T>(url: string, opts: CallOptions<T>, http: HttpOptions = {}): Promise<T> {
  const retries = http.retries ?? 3;
  const base = http.retryBaseMs ?? 500;
  let lastError: AdobeError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    let status: number | undefined;
    let text = '';
    let retryAfter: string | string[] | undefined;
    try {
      const res = await request(url, {
        method: opts.method ?? 'GET',
        headers: { accept: 'application/json', ...opts.headers },
        body: opts.body,
        dispatcher: proxyAware(),
        headersTimeout: http.timeoutMs ?? 30_000,
        bodyTimeout: http.timeoutMs ?? 30_000,
        signal: AbortSignal.timeout((http.timeoutMs ?? 30_000) + 1000),
      });
      status = res.statusCode;
      retryAfter = res.headers['retry-after'];
      text = await res.body.text();
    } catch (e) {
      lastError = new AdobeError(`${opts.what}: no answer (${(e as Error).message})`, undefined, 'network');
      if (attempt < retries) await sleep(base * 2 ** attempt);
      continue;
    }
    if (status === 429 || status >= 500) {
      lastError = new AdobeError(`${opts.what}: HTTP ${status}`, status);
      if (attempt < retries) await sleep(retryAfterMs(retryAfter, base * 2 ** attempt, http.maxRetryAfter ?? 60));
      continue;
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new AdobeError(`${opts.what}: HTTP ${status}, not JSON`, status);
    }
    if (status >= 400) {
      const body = (json ?? {}) as { error?: string; error_description?: string; message?: string; error_code?: string };
      const code = body.error ?? body.error_code;
      const detail = body.error_description ?? body.message ?? body.error ?? '';
      throw new AdobeError(`${opts.what}: HTTP ${status}${code ? ` ${code}` : ''}${detail && detail !== code ? `: ${detail}` : ''}`, status, code);
    }
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AdobeError(`${opts.what}: unexpected answer (${issue.path.join('.') || 'body'}: ${issue.message})`, status, 'shape');
    }
    return parsed.data;
  }
  throw lastError ?? new AdobeError(`${opts.what}: failed`, undefined);
}
