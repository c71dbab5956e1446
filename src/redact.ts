// Redaction: every string that leaves the scanner (snippets, report text) goes through here.

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]*)-----[\s\S]*?(?:-----END \1-----|$)/g;
const PEM_LINE_BODY = /^[\s"'`]*[A-Za-z0-9+/]{40,}={0,2}[\s"',`\\n]*$/;
const JWT_VALUE = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const ADOBE_SECRET = /\bp8e-[A-Za-z0-9_-]{8,}/g;
const SECRET_KEY_NAMES =
  'client_{0,2}secrets?|client-secrets?|clientsecrets?|secret|password|passwd|passphrase|private_{0,2}key|private-key|privatekey|priv[_-]?key(?:[_-]data)?|access[_-]?token|jwt[_-]?token|refresh[_-]?token|api[_-]?secret|auth[_-]?token';
// key = value, key: value, "key": "value", KEY=value (env), with the value up to a delimiter.
const KEY_VALUE = new RegExp(
  `((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["'\`]?)([^"'\`\\s,;}{)]{6,})`,
  'gi',
);
// The same keys holding a list (aio-lib-ims client_secrets: ["..."]): every quoted item goes.
const KEY_LIST = new RegExp(`((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["']?\\[)([^\\]\\n]*)`, 'gi');
const LONG_TOKEN = /[A-Za-z0-9+/_-]{48,}={0,2}/g;

/** Values that look like expressions or references, not secrets. */
function isReference(value: string): boolean {
  return /^(?:\$\{?|\{\{|process\.env|os\.environ|env\.|secrets\.|<|\[|%|\(|@|getenv|System\.|config\.|cfg\.|options\.|opts\.|self\.|this\.)/i.test(
    value,
  );
}

export function redact(text: string): string {
  let out = text.replace(PEM_BLOCK, (_m, label: string) => `-----BEGIN ${label}----- [REDACTED]`);
  if (PEM_LINE_BODY.test(out)) return '[REDACTED key material]';
  out = out.replace(JWT_VALUE, '[REDACTED]').replace(ADOBE_SECRET, '[REDACTED]');
  out = out.replace(KEY_LIST, (_m, prefix: string, items: string) =>
    `${prefix}${items.replace(/(\\?["'])([^"'\\]{6,})(\\?["'])/g, (_i, a: string, v: string, b: string) => (isReference(v) ? `${a}${v}${b}` : `${a}[REDACTED]${b}`))}`,
  );
  out = out.replace(KEY_VALUE, (m, prefix: string, value: string) =>
    isReference(value) ? m : `${prefix}[REDACTED]`,
  );
  return out.replace(LONG_TOKEN, '[REDACTED]');
}

/**
 * Secret values in a text, for core.setSecret. Errs on the side of collecting more:
 * masking a harmless value costs nothing, printing a secret cannot be undone.
 */
export function findSecrets(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(PEM_BLOCK)) {
    for (const line of m[0].split(/\r?\n|\\n/)) {
      const body = line.trim().replace(/^["'`]|["'`,]+$/g, '');
      if (body.length >= 16 && !body.startsWith('-----')) found.add(body);
    }
  }
  for (const re of [JWT_VALUE, ADOBE_SECRET]) for (const m of text.matchAll(re)) found.add(m[0]);
  for (const m of text.matchAll(KEY_LIST)) {
    for (const item of m[2].matchAll(/["']([^"'\\]{8,})\\?["']/g)) if (!isReference(item[1])) found.add(item[1]);
  }
  for (const m of text.matchAll(KEY_VALUE)) {
    const value = m[2];
    if (!isReference(value) && value.length >= 8) found.add(value);
  }
  return [...found];
}
