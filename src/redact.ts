// Redaction: every string that leaves the scanner (snippets, report text, diffs) goes through here.
// It hides secret values, never code: identifiers and expressions (`process.env.X`,
// `json.access_token`) stay readable. Every pattern runs on the linear-time engine.
import { linear } from './regex.js';

const PEM_BLOCK = linear(/-----BEGIN ([A-Z0-9 ]*)-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g);
const PEM_LINE_BODY = linear(/^[\s"'`]*[A-Za-z0-9+/]{40,}={0,2}[\s"',`\\n]*$/);
const JWT_VALUE = linear(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g);
const ADOBE_SECRET = linear(/\bp8e-[A-Za-z0-9_-]{8,}/g);
const SECRET_KEY_NAMES =
  'client_{0,2}secrets?|client-secrets?|clientsecrets?|secret|password|passwd|passphrase|private_{0,2}key|private-key|privatekey|priv[_-]?key(?:[_-]data)?|access[_-]?token|jwt[_-]?token|refresh[_-]?token|api[_-]?secret|auth[_-]?token';
// key = value, key: value, "key": value, KEY=value (env), with the value up to a delimiter.
const KEY_VALUE = linear(
  `((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["'\`]?)([^"'\`\\s,;}{)]{6,})`,
  'gi',
);
// The same keys holding a list (aio-lib-ims client_secrets: ["..."]): every quoted item goes.
const KEY_LIST = linear(
  `((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["']?\\[)([^\\]\\n]*)`,
  'gi',
);
const LIST_ITEM = linear(/(\\?["'])([^"'\\]{6,})(\\?["'])/g);
const LIST_ITEM_VALUE = linear(/["']([^"'\\]{8,})\\?["']/g);
const LONG_TOKEN = linear(/[A-Za-z0-9+/_-]{48,}={0,2}/g);
const LINE_BREAK = linear(/\r?\n|\\n/);

/** Values that look like expressions or references, not secrets. */
function isReference(value: string): boolean {
  // native-regex: anchored prefix test on a value of one line
  return /^(?:\$\{?|\{\{|process\.env|os\.environ|env\.|secrets\.|<|\[|%|\(|@|getenv|System\.|config\.|cfg\.|options\.|opts\.|self\.|this\.)/i.test(
    value,
  );
}

/**
 * How a file's text reads: in code, an unquoted value after `secret =` is an expression
 * (`json.access_token`, `String(clientSecret)`), so only literals are hidden; in data files
 * (.env, YAML, properties, shell) an unquoted value is the literal itself.
 */
export type TextKind = 'code' | 'data';

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|ipynb|java|kt|kts|scala|groovy|cs|fs|vb|php|go|rb|r|R|swift|rs)$/;

export function textKind(path: string): TextKind {
  return CODE_FILE.test(path) ? 'code' : 'data'; // native-regex: a path
}

/** A run of token characters that carries entropy (not a path, a word or an identifier). */
function looksLikeToken(run: string): boolean {
  // native-regex: classes on one run of at most a line (here and below)
  const digits = /\d/.test(run);
  // native-regex: as above
  return digits && ((/[a-z]/.test(run) && /[A-Z]/.test(run)) || run.length >= 64);
}

/** A base64 run as long as a key's lines: a PEM block without one is armour in code, not a key. */
const KEY_RUN = linear(/[A-Za-z0-9+/]{40,}/);

/**
 * Whether a PEM block carries key material. Code that strips the armour
 * (`pem.replace("-----BEGIN PRIVATE KEY-----", "")`) names both markers with no key between.
 */
function carriesKey(block: string): boolean {
  return KEY_RUN.test(block) || !block.includes('-----END');
}

/** One line (or snippet) with secret values hidden. */
export function redact(text: string, kind: TextKind = 'data'): string {
  let out = PEM_BLOCK.replace(text, (m) => (carriesKey(m[0]) ? `-----BEGIN ${m.group(1)}----- [REDACTED]` : m[0]));
  if (PEM_LINE_BODY.test(out)) return '[REDACTED key material]';
  out = JWT_VALUE.replace(out, '[REDACTED]');
  out = ADOBE_SECRET.replace(out, '[REDACTED]');
  out = KEY_LIST.replace(out, (m) => {
    const items = LIST_ITEM.replace(m.group(2)!, (i) => (isReference(i.group(2)!) ? i[0] : `${i.group(1)}[REDACTED]${i.group(3)}`));
    return `${m.group(1)}${items}`;
  });
  out = KEY_VALUE.replace(out, (m) => {
    const prefix = m.group(1)!;
    const value = m.group(2)!;
    const quoted = /["'`]$/.test(prefix); // native-regex: the last character of a prefix
    if (isReference(value) || (kind === 'code' && !quoted && !looksSecret(value))) return m[0];
    return `${prefix}[REDACTED]`;
  });
  return LONG_TOKEN.replace(out, (m) => (looksLikeToken(m[0]) ? '[REDACTED]' : m[0]));
}

/**
 * A whole text redacted line by line, with every line of a PEM block hidden (a line-by-line pass
 * alone would show a key's short last line). Line count and line ends stay, so diffs line up.
 */
export function redactText(text: string, kind: TextKind = 'data'): string {
  const out: string[] = [];
  let last = 0;
  for (const m of PEM_BLOCK.matchAll(text)) {
    if (!carriesKey(m[0])) continue;
    out.push(redactEachLine(text.slice(last, m.index), kind));
    const lines = m[0].split('\n');
    out.push(lines.map((l, i) => (i === 0 ? `-----BEGIN ${m.group(1)}----- [REDACTED]` : l.endsWith('\r') ? '[REDACTED]\r' : l ? '[REDACTED]' : '')).join('\n'));
    last = m.end;
  }
  out.push(redactEachLine(text.slice(last), kind));
  return out.join('');
}

function redactEachLine(text: string, kind: TextKind): string {
  return text
    .split('\n')
    .map((l) => redact(l, kind))
    .join('\n');
}

/**
 * Whether a value is worth masking in logs: long enough, not an identifier, a reference or PEM
 * armour. Masking a word that appears in ordinary log lines (`privateKey`, `CLIENT_SECRET`)
 * would turn the whole log into `***`.
 */
function looksSecret(value: string): boolean {
  if (value.length < 8 || isReference(value) || value.startsWith('-----')) return false;
  // native-regex: one value; code (calls, indexing, templates) is not a secret
  if (/[()[\]{}<>]/.test(value)) return false;
  // native-regex: anchored character classes on one value (here and below)
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value) && !/\d/.test(value)) return false; // an identifier or a word
  // native-regex: as above; a dotted expression
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  return true;
}

/** Per pattern and file: a file with more "secrets" than this is generated, not a credential store. */
const MAX_SECRETS = 200;

/**
 * Secret values in a text, for core.setSecret. Errs on the side of collecting more secrets,
 * but never ordinary words: masking a word used in log lines hides the log itself.
 */
export function findSecrets(text: string): string[] {
  const found = new Set<string>();
  for (const m of PEM_BLOCK.matchAll(text, MAX_SECRETS)) {
    for (const line of LINE_BREAK.split(m[0])) {
      const body = line.trim().replace(/^["'`]|["'`,]+$/g, ''); // native-regex: anchored ends of one line
      // Only base64 lines are key material; an unterminated block runs on into ordinary code.
      if (body.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(body)) found.add(body); // native-regex: one line, one class
    }
  }
  for (const re of [JWT_VALUE, ADOBE_SECRET]) for (const m of re.matchAll(text, MAX_SECRETS)) found.add(m[0]);
  for (const m of KEY_LIST.matchAll(text, MAX_SECRETS)) {
    for (const item of LIST_ITEM_VALUE.matchAll(m.group(2)!)) if (looksSecret(item.group(1)!)) found.add(item.group(1)!);
  }
  for (const m of KEY_VALUE.matchAll(text, MAX_SECRETS)) {
    const value = m.group(2)!;
    if (looksSecret(value)) found.add(value);
  }
  return [...found];
}
