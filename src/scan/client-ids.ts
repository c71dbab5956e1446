// Client ids in code and config: the links from a repository to its Adobe Developer Console
// projects (looked up with GET /console/clients/{clientId}/credential).
//
// An Adobe client id is 32 lowercase hex characters, which is also the shape of an MD5 hash, an
// ETag, a UUID without dashes or a cache key. So a value is only taken when a name ties it to a
// client id:
//   - directly: `clientId: '…'`, `ADOBE_CLIENT_ID=…`, `'x-api-key': '…'`, `setApiKey("…")`,
//     `--client-id …`, `<apiKey>…</apiKey>`, `- name: ADOBE_CLIENT_ID` + `value: …`, or as the
//     default of an environment variable with such a name (`process.env.ADOBE_CLIENT_ID || '…'`,
//     `os.getenv("ADOBE_CLIENT_ID", "…")`, `${ADOBE_CLIENT_ID:-…}`, `getOrDefault("…", "…")`);
//   - through one constant or variable of the same file: `const KEY = '…'` (or `KEY: …` in a
//     workflow's env block) whose name a client-id position uses (`'x-api-key': KEY`,
//     `client-id: ${{ env.KEY }}`, `-H "x-api-key: $KEY"`, `.withClientId(KEY)`);
//   - in the JWT audience `https://ims-na1.adobelogin.com/c/<client id>`.
// A generic name (client_id, apiKey, x-api-key) counts only in a file about Adobe (or with the
// Adobe-named variable: ADOBE_/AIO_/IMS_…), since other services use 32-hex keys too (Datadog,
// Algolia, Mixpanel…), and not when another service is named just before it (`docsearch({ apiKey`).
// Names of secrets, hashes and other vendors never count: a key for another service must not be
// sent to Adobe. Each id is reported once per file, on the line of its value.
//
// Cost: a few linear-time passes (src/regex.ts) with bounded match counts, and per-match work
// bounded by short captures.
import { linear } from '../regex.js';
import { lineStarts } from './match.js';

export interface ClientIdRef {
  clientId: string;
  file: string;
  line: number;
}

/** At most this many client ids per file. */
const MAX_IDS = 50;
/** At most this many hex assignments and client-id positions read per file. */
const MAX_MATCHES = 1000;

const NAME = String.raw`[A-Za-z_$][\w$.\-]*`;
const HEX = String.raw`[0-9a-f]{32}`;
/** What links a name to its value: assignment, key, default of an environment lookup, setter. */
const LINK = String.raw`["']?\]?\){0,2}[ \t]*(?:={1,3}|:=|=>|<-|\|\||\?\?|\?:|:-|:|>|[ \t]or[ \t]|\.(?:orElse|getOrElse|unwrap_or|unwrapOr|or)\()`;
/** A quoted name then a comma: getenv("X", "…"), put("x-api-key", "…"), ('client_id', '…'). */
const QUOTED_COMMA = String.raw`["']\]?\){0,2}[ \t]*,`;
/** A typed declaration: `const KEY: string = …`, `val KEY: String = …`. */
const TYPED = String.raw`[ \t]*:[ \t]*[\w.<>\[\]?|]{1,40}[ \t]*=`;

/**
 * Names given a 32-hex value. Groups: n1/v1 (name, link, value), n2/v2 (a YAML key whose
 * `value:` is on the next line: GitLab variables), n3/v3 (`name: X` / `key="X"` then `value: …`:
 * Kubernetes, Azure Pipelines, .NET appSettings), n4/v4 (a command-line flag), v5 (JWT audience).
 */
const DEFS = linear(
  String.raw`(?:^|[^\w$.])(?:` +
    String.raw`(?<n1>${NAME})(?:${LINK}|${QUOTED_COMMA}|${TYPED}|\()[ \t]*(?:\(?[ \t]*["'\x60])?(?<v1>${HEX})\b` +
    String.raw`|(?<n2>${NAME})["']?:[ \t]*\r?\n[ \t]+["']?value["']?[ \t]*:[ \t]*["']?(?<v2>${HEX})\b` +
    String.raw`|(?:[Nn]ame|[Kk]ey)["']?[ \t]*[:=][ \t]*["']?(?<n3>${NAME})["']?[ \t]*,?[ \t]*(?:\r?\n[ \t]*-?[ \t]*)?["']?[Vv]alue["']?[ \t]*[:=][ \t]*["']?(?<v3>${HEX})\b` +
    String.raw`|--?(?<n4>[A-Za-z][\w.\-]*)[ \t]+["']?(?<v4>${HEX})\b` +
    String.raw`)|adobelogin\.com/c/(?<v5>${HEX})\b`,
  'g',
);

/** Client-id positions and what they hold (to resolve constants): u/t, and the JWT audience t2. */
const USES = linear(
  String.raw`(?:^|[^\w$.])(?<u>[\w$.\-]*?(?:client[\-_.]{0,2}id|api[\-_.]?key)[\w$.\-]*)(?:${LINK}|${QUOTED_COMMA}|\()(?<t>[^\r\n,;]{1,100})` +
    String.raw`|adobelogin\.com/c/(?<t2>[^\r\n,;]{1,100})`,
  'gi',
);

/** The file is about Adobe: its name, the IMS hosts, the aio CLI and libraries, metascopes. */
const ADOBE_FILE = linear(/adobe|\baio(?:[-_]|\s+(?:app|login|config|console))|\bims-na1\b|\bent_[a-z]+(?:_[a-z]+)*_sdk\b|x-gw-ims-org-id/i);

/** Words that make a name Adobe's. */
const ADOBE_WORDS = new Set(['adobe', 'adobeio', 'aio', 'ims', 'aep', 'aem', 'cja', 'firefly', 'photoshop', 'lightroom', 'acrobat', 'pdfservices', 'frameio']);
/** Words of names whose value is not a client id even when the name also says "client id". */
const NOT_AN_ID = new Set([
  'secret', 'secrets', 'hash', 'hashed', 'md5', 'sha', 'sha1', 'sha256', 'checksum', 'etag', 'digest', 'salt', 'nonce', 'token', 'signature',
  'sig', 'hmac', 'password', 'passwd', 'pwd', 'private', 'cert', 'certificate', 'fingerprint', 'commit', 'revision', 'uuid', 'guid', 'cache',
]);
/** Other services with 32-hex client ids or API keys: their keys must not go to Adobe. */
const OTHER_VENDORS = new Set([
  'google', 'gcp', 'firebase', 'youtube', 'gmaps', 'mailgun', 'sendgrid', 'mailchimp', 'mandrill', 'postmark', 'lastfm', 'flickr', 'datadog', 'dd',
  'newrelic', 'sentry', 'bugsnag', 'rollbar', 'algolia', 'mixpanel', 'amplitude', 'segment', 'hotjar', 'optimizely', 'launchdarkly', 'stripe',
  'paypal', 'braintree', 'twilio', 'nexmo', 'vonage', 'pusher', 'ably', 'mapbox', 'tomtom', 'openweather', 'owm', 'spotify', 'twitch', 'github',
  'gitlab', 'bitbucket', 'slack', 'discord', 'telegram', 'azure', 'aws', 'openai', 'anthropic', 'cohere', 'huggingface', 'contentful', 'shopify',
  'salesforce', 'sfdc', 'hubspot', 'zendesk', 'intercom', 'okta', 'auth0', 'facebook', 'fb', 'twitter', 'linkedin', 'instagram',
  'pinterest', 'tiktok', 'dropbox', 'box', 'imgur', 'giphy', 'tmdb', 'omdb', 'newsapi', 'cloudinary', 'imgix', 'fastly', 'akamai', 'cloudflare',
  'heroku', 'netlify', 'vercel', 'circleci', 'travis', 'sonar', 'snyk', 'codecov', 'browserstack', 'saucelabs', 'applitools', 'percy', 'loggly',
  'logdna', 'honeycomb', 'elastic', 'typesense', 'pinecone', 'supabase', 'airtable', 'notion', 'trello', 'atlassian', 'jira', 'asana', 'figma',
  'unsplash', 'pexels', 'shutterstock', 'getty', 'bing', 'yandex', 'baidu', 'microsoft', 'msal',
]);

/**
 * Other services named just before a generic name (`docsearch({ apiKey: … })`,
 * `algoliasearch('APP', …)`): the key is theirs. Distinctive names only, matched as substrings.
 */
const OTHER_VENDOR_CONTEXT = [
  'algolia', 'docsearch', 'mapbox', 'datadog', 'sentry', 'mixpanel', 'amplitude', 'bugsnag', 'rollbar', 'stripe', 'twilio', 'sendgrid',
  'mailgun', 'mailchimp', 'spotify', 'google', 'firebase', 'lastfm', 'last.fm', 'flickr', 'newrelic', 'optimizely', 'launchdarkly', 'pusher',
  'cloudinary', 'contentful', 'hubspot', 'zendesk', 'intercom', 'imgur', 'giphy', 'themoviedb', 'openweather',
];
/** How far before a generic name the context for OTHER_VENDOR_CONTEXT reaches (same line and above). */
const CONTEXT_BEFORE = 160;

function otherVendorNear(text: string, at: number): boolean {
  const after = text.slice(at, at + 200);
  const lineEnd = after.indexOf('\n');
  const window = (text.slice(Math.max(0, at - CONTEXT_BEFORE), at) + (lineEnd < 0 ? after : after.slice(0, lineEnd))).toLowerCase();
  return OTHER_VENDOR_CONTEXT.some((v) => window.includes(v));
}

/** Words of an identifier: split at non-alphanumerics and camelCase humps, lower-cased (no regex). */
export function nameWords(name: string): string[] {
  const s = name.length > 200 ? name.slice(-200) : name;
  const out: string[] = [];
  let cur = '';
  const kind = (c: string | undefined): number => (c === undefined ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 0);
  for (let i = 0; i < s.length; i++) {
    const k = kind(s[i]);
    if (k === 0) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    if (k === 2 && cur) {
      const prev = kind(s[i - 1]);
      if (prev === 1 || prev === 3 || (prev === 2 && kind(s[i + 1]) === 1)) {
        out.push(cur);
        cur = '';
      }
    }
    cur += s[i].toLowerCase();
  }
  if (cur) out.push(cur);
  return out;
}

interface NameClass {
  /** Says client id / API key. */
  clientId: boolean;
  /** Says Adobe (adobe, aio, ims…). */
  adobe: boolean;
  /** Names a secret, a hash or another service: never an Adobe client id. */
  excluded: boolean;
}

export function classifyName(name: string): NameClass {
  const w = nameWords(name);
  let clientId = false;
  let adobe = false;
  let excluded = false;
  for (let i = 0; i < w.length; i++) {
    const a = w[i];
    const b = w[i + 1];
    if ((a === 'client' && b === 'id') || (a === 'api' && b === 'key') || a.endsWith('clientid') || a.endsWith('apikey')) clientId = true;
    if (ADOBE_WORDS.has(a) || a.startsWith('adobe')) adobe = true;
    if (NOT_AN_ID.has(a) || OTHER_VENDORS.has(a)) excluded = true;
  }
  return { clientId, adobe, excluded };
}

/** Keys a name is referred to by: itself without `$`, and its last dotted segment. */
function keysOf(name: string): string[] {
  const n = name.startsWith('$') ? name.slice(1) : name;
  const dot = n.lastIndexOf('.');
  return dot >= 0 && dot < n.length - 1 ? [n, n.slice(dot + 1)] : [n];
}

const isIdentChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$' || c === '.' || c === '-';
const OPERATORS = ['||', '??', '?:', ':-', '+', 'or '];

/**
 * Names a client-id position holds: the operands of its expression (at most 100 characters), e.g.
 * `KEY`, `$KEY`, `"${ADOBE_KEY}"`, `${{ env.KEY }}`, `config['KEY']`, `process.env.X || DEFAULT`.
 * Stops at the first thing that is neither an operand nor a fallback operator, so the next shell
 * argument or the next key on the line is not read.
 */
export function referencedNames(tail: string): string[] {
  const names: string[] = [];
  let i = 0;
  const n = tail.length;
  const blanks = (): void => {
    while (i < n && (tail[i] === ' ' || tail[i] === '\t')) i++;
  };
  let expectOperand = true;
  while (i < n && names.length < 8) {
    blanks();
    if (i >= n) break;
    if (!expectOperand) {
      const op = OPERATORS.find((o) => tail.startsWith(o, i));
      if (!op) break;
      i += op.length;
      expectOperand = true;
      continue;
    }
    // One operand: no blank inside (except within ${{ … }}); a closing parenthesis ends the call
    // that holds the position, `&` the query parameter.
    const start = i;
    while (i < n && tail[i] !== ' ' && tail[i] !== '\t' && tail[i] !== ')' && tail[i] !== '&') {
      if (tail.startsWith('{{', i)) {
        const close = tail.indexOf('}}', i + 2);
        i = close < 0 ? n : close + 2;
      } else i++;
    }
    const operand = tail.slice(start, i);
    for (let j = 0; j < operand.length; ) {
      const c = operand[j];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$') {
        let k = j + 1;
        while (k < operand.length && isIdentChar(operand[k])) k++;
        let word = operand.slice(j, k);
        while (word.endsWith('.') || word.endsWith('-')) word = word.slice(0, -1);
        if (word.startsWith('$')) word = word.slice(1);
        if (word) names.push(word);
        j = k;
      } else j++;
    }
    if (i < n && (tail[i] === ')' || tail[i] === '&')) break;
    expectOperand = false;
  }
  return names;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Whether a file that reaches no rule is still read for client ids: dotenv and key=value config. */
export function clientIdConfigPath(path: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return true;
  const dot = base.lastIndexOf('.');
  return dot > 0 && ['properties', 'ini', 'toml', 'cfg', 'conf'].includes(base.slice(dot + 1));
}

interface Def {
  name: string;
  value: string;
  at: number;
  cls: NameClass;
}

/** Client ids the file ties to a client-id name (see the top of this file), at most 50. */
export function findClientIds(path: string, text: string): ClientIdRef[] {
  if (!DEFS.test(text)) return [];
  let adobeFile: boolean | undefined;
  const isAdobeFile = (): boolean => (adobeFile ??= path.toLowerCase().includes('adobe') || ADOBE_FILE.test(text));
  const found = new Map<string, number>(); // client id -> offset of the value
  const take = (value: string, at: number): void => {
    const seen = found.get(value);
    if (seen === undefined || at < seen) found.set(value, at);
  };
  const byName = new Map<string, Def[]>();

  for (const m of DEFS.matchAll(text, MAX_MATCHES)) {
    let g = 5;
    while (g > 1 && !m.span(`v${g}`)) g--;
    const vs = m.span(`v${g}`)!;
    const value = text.slice(vs.index, vs.end);
    if (g === 5) {
      take(value, vs.index); // the JWT audience on Adobe's IMS host
      continue;
    }
    const ns = m.span(`n${g}`)!;
    const name = text.slice(ns.index, ns.end);
    const cls = classifyName(name);
    if (cls.excluded) continue;
    if (cls.clientId) {
      if (cls.adobe || (isAdobeFile() && !otherVendorNear(text, ns.index))) take(value, vs.index);
      continue;
    }
    const def: Def = { name, value, at: vs.index, cls };
    for (const key of keysOf(name)) {
      const list = byName.get(key);
      if (!list) byName.set(key, [def]);
      else if (list.length < 4) list.push(def);
    }
  }

  // One hop: a constant or variable of this file, used where a client id goes.
  if (byName.size > 0) {
    for (const m of USES.matchAll(text, MAX_MATCHES)) {
      const us = m.span('u');
      let useAdobe = false;
      if (us) {
        const cls = classifyName(text.slice(us.index, us.end));
        if (cls.excluded || !cls.clientId) continue;
        useAdobe = cls.adobe;
      } else useAdobe = true; // the JWT audience
      const ts = m.span('t') ?? m.span('t2')!;
      let generic: boolean | undefined; // a generic name in an Adobe file, with no other service near
      for (const ref of referencedNames(text.slice(ts.index, ts.end))) {
        for (const key of keysOf(ref)) {
          for (const def of byName.get(key) ?? []) {
            if (useAdobe || def.cls.adobe || (generic ??= isAdobeFile() && !otherVendorNear(text, m.index))) take(def.value, def.at);
          }
        }
      }
    }
  }

  if (found.size === 0) return [];
  const starts = lineStarts(text);
  return [...found]
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_IDS)
    .map(([clientId, at]) => ({ clientId, file: path, line: lineOf(starts, at) }));
}
