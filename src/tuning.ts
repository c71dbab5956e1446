// Timing knobs for the network clients (GitHub and Adobe), read from the environment.

export interface Tuning {
  retryBaseMs?: number;
  writeSpacingMs?: number;
  timeoutMs?: number;
}

/**
 * Knobs the tests use to keep fault scenarios fast (never needed in a workflow):
 * ADOBE_JWT_MIGRATE_RETRY_BASE_MS, ADOBE_JWT_MIGRATE_WRITE_SPACING_MS, ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS.
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv = process.env): Tuning {
  const num = (name: string) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v >= 0 && env[name] !== undefined && env[name] !== '' ? v : undefined;
  };
  const out: Tuning = {};
  const retry = num('ADOBE_JWT_MIGRATE_RETRY_BASE_MS');
  const spacing = num('ADOBE_JWT_MIGRATE_WRITE_SPACING_MS');
  const timeout = num('ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS');
  if (retry !== undefined) out.retryBaseMs = retry;
  if (spacing !== undefined) out.writeSpacingMs = spacing;
  if (timeout !== undefined) out.timeoutMs = timeout;
  return out;
}

