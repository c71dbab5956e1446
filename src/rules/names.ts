import { linear } from '../regex.js';
import { lineOf, lineStarts, startsAsComment } from '../scan/match.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';
import { NOT_CODE_TEXT } from './context.js';
import { HISTORY_FILES, VERSIONED_API_DOCS } from './docs.js';

// The names only the JWT flow uses: the private key (path, data, passphrase), the technical
// account id, the metascopes, and identifiers built on "jwt" (jwt_payload, JWTAuth, createJwt,
// ims_endpoint_jwt). Where the flow lives, every line that names them changes with it: settings,
// CLI flags, call sites, tests, docs. Alone they prove nothing (a TLS private key, an app's own
// session JWT), so they count only in a package (the folder of the nearest manifest) that has a
// JWT finding of its own (`needsContext: 'package'`).

const NAME = String.raw`(?:private\.key|meta[_-]{0,2}scopes?|metascopes?|private[_-]{0,2}key(?:[_-]{0,2}(?:path|file|data|pem|pass(?:phrase|word)?|b64|base64|location|content))?|priv[_-]?key(?:[_-]?(?:path|data|pass|file))?|path[_-]?to[_-]?(?:private[_-]?)?key|encoded[_-]?pkcs8|tech(?:nical)?[_-]{0,2}acc(?:oun)?t(?:[_-]{0,2}id)?|tech[_-]?id|techacct|passphrase|ims[_-]?exchange|certificate_pub)`;
/**
 * A JWT-only name as a whole identifier or key (camelCase, snake_case, UPPER_CASE, kebab-case,
 * CLI flags); or an identifier built on "jwt" (not a kebab-case name such as a package or a rule
 * id, nor a URL path segment such as /ims/exchange/jwt: other rules judge those).
 */
const JWT_ONLY_NAME = new RegExp(
  // Boundaries are matched, not looked behind: a lookbehind would cost the fast DFA pass.
  String.raw`(?:^|[^A-Za-z0-9])(?<hit>${NAME})(?:[^A-Za-z0-9]|$)|(?:^|[^A-Za-z0-9/-])(?<hit2>[A-Za-z0-9_]*jwt[A-Za-z0-9_]*)(?:[^A-Za-z0-9-]|$)`,
  'im',
);
/**
 * Lines about what stays or replaces the flow: OAuth Server-to-Server, user OAuth, decoding an
 * access token (IMS access tokens are JWTs too), validation of any token.
 */
const NOT_THE_FLOW =
  /HS256|HS384|HS512|\bsession\b|\/ims\/token\/v\d|client_credentials|authorization_code|refresh_token|\bjwt[._-]?decode|jwtDecode|jwt_decode|\bdecode\s*\(|\bverify\s*\(|jwks|id_token|oauth_?s2s|oauth_server_to_server|Server[- ]to[- ]Server/i;
/**
 * Besides docs, history, lock files and generated references (NOT_CODE_TEXT, R's .Rd help): ignore files,
 * CLI manifests and installed packages, which repeat names without using them.
 */
const NOT_SOURCES = new RegExp(
  `${NOT_CODE_TEXT.source}|\\.Rd$|(?:^|\\/)\\.[\\w-]*ignore$|(?:^|\\/)oclif\\.manifest[^/]*\\.json$|(?:^|\\/)packages\\.lock\\.json$|(?:^|\\/)sitemap\\.xml$|(?:^|\\/)node_modules\\/`,
  'i',
);

/** Another vendor's JWT or service account (Google, Salesforce, Box, DocuSign, Apple, Azure AD). */
const OTHER_VENDOR = linear(
  /googleapis\.com|google\.oauth2|GoogleCredentials|service_account\.Credentials|salesforce|login\.microsoftonline\.com|microsoft graph|\bbox\.com\b|boxcloud|docusign|appstoreconnect|App Store Connect|github app|octokit\/auth-app/i,
);
const OAUTH = linear(/client_?_?secrets|oauth_server_to_server|\bOAUTH_|\/ims\/token\/v\d|client_credentials/i);
const TECH = /^tech/i;
const QUOTES = `'"\``;
const ADOBE = linear(/adobe|adobelogin|\bims\b|\baio\b|techacct|\bent_[a-z_]+_sdk\b/i);
const NAMES = linear(JWT_ONLY_NAME);
/** A comment about the flow itself (not a token decoder's doc comment). */
const FLOW_PROSE = linear(/service account|exchange|credential|adobe|\bims\b|technical|metascope|private|sign/i);
/** A line about another system's key (an SFTP or SSH login, a TLS certificate). */
const OTHER_KEY = linear(/\b(?:s?ftp|ssh|ssl|tls|gpg|pgp|ssh-keygen|known_hosts)\b/i);
/** A file of another vendor's connector (readers/google_sheets/, salesforce_client.py). */
const OTHER_VENDOR_PATH = /google|gcp|firebase|salesforce|docusign|(?:^|[/_-])box(?:[/_.-]|$)|apple|azure|microsoft|github/i;
const FLOW_NOT = linear(NOT_THE_FLOW);

/**
 * The lines naming JWT-only settings; none in a file about another vendor's tokens (their JWT
 * and service-account names are the same words).
 */
/** Identifier characters, for the whole name around a hit. */
function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** The whole identifier a hit sits in (ADOBE_PRIVATE_KEY_PATH around PRIVATE_KEY). */
function identifierAround(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a > 0 && start - a < 100 && isIdent(text.charCodeAt(a - 1))) a--;
  while (b < text.length && b - end < 100 && isIdent(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}

/** Names of what stays (the technical account email) or of other systems' keys (SSH, TLS, apps). */
const NOT_JWT_NAME = /e_?mail|(?:^|_|[a-z])(?:SSH|Ssh|ssh)|DEPLOY|[Dd]eploy|GPG|PGP|TLS|[Tt]ls|SSL|[Ss]sl|SFTP|GITHUB|[Gg]it[Hh]ub|(?:^|_)GH_|(?:^|_)APP_|[Aa]pp[A-Z_]|DOCKER|[Dd]ocker|NPM|APPLE|ANDROID|GOOGLE|[Gg]oogle|GCP|FIREBASE|AWS|[Aa]ws[A-Z]|AZURE|[Aa]zure|VAULT|KUBE|HEROKU|VERCEL|NETLIFY|SALESFORCE|[Ss]alesforce|SNOWFLAKE|BOX_|DOCUSIGN|SIGNING|WEBHOOK|[Ww]ebhook/;

/** A file about Adobe: its text says so, or its path does (samples/adobe-jwt-python/readme.md). */
function aboutAdobe(file: FileInput): boolean {
  return ADOBE.test(file.text) || /adobe/i.test(file.path); // native-regex: a path
}

function nameHits(file: FileInput): Hit[] {
  const text = file.text;
  if ((OTHER_VENDOR.test(text) || OTHER_VENDOR_PATH.test(file.path)) && !ADOBE.test(text)) return []; // native-regex: a path
  // A token decoder or verifier (Expand-JWTInformation.ps1, jwt_decode.py) reads any JWT.
  if (TOKEN_READER.test(file.path.slice(file.path.lastIndexOf('/') + 1))) return []; // native-regex: a file name
  // "jwt" alone is every library's word: it names the Adobe flow only in a file about Adobe.
  // An R package's generated help (man/*.Rd) never names its vendor: its package (the context
  // rule) holding the flow says enough.
  const jwtCounts = aboutAdobe(file) || /(?:^|\/)man\/[^/]+\.Rd$/.test(file.path); // native-regex: a path
  // OAuth Server-to-Server keeps the technical account: in a file that has OAuth, it is not a sign.
  const techCounts = !OAUTH.test(text);
  const starts = lineStarts(text);
  const hits: Hit[] = [];
  let from = 0;
  // One hit a line: after a hit (or a line about OAuth) the search goes on at the next line.
  search: while (from < text.length) {
    for (const m of NAMES.matchAll(text, Infinity, from)) {
      const named = m.span('hit');
      const span = named ?? m.span('hit2') ?? { index: m.index, end: m.end };
      const line = lineOf(starts, span.index);
      const end = line + 1 < starts.length ? starts[line + 1] : text.length;
      const ident = identifierAround(text, span.index, span.end);
      const word = text.slice(span.index, span.end);
      const tech = TECH.test(word); // native-regex: one matched name
      const ours =
        (named ? !tech || techCounts : jwtCounts) &&
        text.charCodeAt(span.index - 1) !== 64 && // `@techacct.adobe.com`: an email's host
        !ident.startsWith('AIO_') && // aio-lib-ims context variables: the config rules judge them
        !NOT_JWT_NAME.test(ident); // native-regex: one identifier of at most 200 characters
      // "JWT" as a word in a comment is prose (a decoder's doc comment), not a name of the flow.
      // Quoted, it is a value (`type: 'oauth', 's2s', or 'jwt'`), not prose.
      const quoted = word === 'jwt' && QUOTES.includes(text[span.index - 1] ?? '') && text[span.end] === text[span.index - 1];
      const prose =
        !named &&
        !quoted &&
        (word.length === 3 || word === 'JWTs' || word === 'jwts') &&
        startsAsComment(text, starts[line], span.index) &&
        !FLOW_PROSE.test(text.slice(starts[line], Math.min(end, starts[line] + 4000)));
      if (!ours || prose) continue; // another match on the line may still be one
      // Another system's key is named on the line or just above it (`if host_type == 'sftp':`).
      const around = text.slice(starts[Math.max(0, line - 3)], end);
      if (end - starts[line] > 4000 || (!FLOW_NOT.test(text.slice(starts[line], end)) && (around.length > 16000 || !OTHER_KEY.test(around)))) {
        hits.push({ index: span.index, length: span.end - span.index });
        if (hits.length >= 1000) break search;
      }
      from = end;
      continue search;
    }
    break;
  }
  return hits;
}

/**
 * A file named after the flow (JwtTokenBuilder.java, jwt_auth.py, private_key_loader.ts,
 * KeyStoreUtil, certgen.py, Load-PFXCert.ps1, test files of them): in a package that uses the JWT flow the whole
 * file exists for it. Decoders and verifiers of tokens are not the flow.
 */
const FLOW_FILE = /jwt|private[_-]?key|key[_-]?store|certgen|techacct|meta[_-]?scope|pfx[_-]?cert/i;
/**
 * The name of a file or function that decodes, verifies or inspects any token (jwt_decode.py,
 * Expand-JWTInformation, parse_jwt): it reads access tokens too, and is not the flow.
 */
export const TOKEN_READER = /decod|verif|expand|inspect|pars(?:e|er|ing)(?:[^a-z]|$)/i;
const NOT_FLOW_FILE = new RegExp(`adobe-jwt-migrate|session|readme|license|${TOKEN_READER.source}`, 'i');
/** Generated API references (javadoc, typedoc, Sphinx, pkgdown): one page a class or function. */
const API_PAGES = /(?:^|\/)(?:apidocs|javadoc|api-?docs|typedoc|_build\/html|site\/api|docs\/(?:dev\/)?reference)\/.*\.html?$/i;
/** A docs site built into docs/ (GitHub Pages, pkgdown): its pages are the README and guides. */
const SITE_PAGES = /(?:^|\/)docs\/(?:[\w.-]+\/)*[\w.-]+\.html?$/;
/** Javadoc's search indexes of types and members (one line of JSON each). */
const API_SEARCH_INDEX = /(?:^|\/)(?:apidocs|javadoc)\/(?:type|member)-search-index\.js$/;

/** A generated reference's package pages (javadoc): they list the package's classes. */
const PACKAGE_PAGE = /^package-(?:summary|tree|use|frame)\.html?$/i;
/** A link from a package page to one of its class pages, or to that class's uses. */
const CLASS_LINK = linear(/href="(?:class-use\/)?(?<name>[A-Z][A-Za-z0-9_$]*)\.html/);

/**
 * A package page of a generated reference documents the flow when every class it links is named
 * after the flow (com/adobe/aio/ims/util: KeyStoreUtil, PrivateKeyBuilder): the package goes too.
 */
function flowPackagePage(text: string): boolean {
  let classes = 0;
  for (let m = CLASS_LINK.exec(text); m; m = CLASS_LINK.exec(text, m.end)) {
    const name = m.group(1) ?? '';
    if (!FLOW_FILE.test(name) || NOT_FLOW_FILE.test(name)) return false; // native-regex: a class name
    if (++classes > 200) return false;
  }
  return classes > 0;
}

function wholeFile(file: FileInput): Hit[] {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const flowName = FLOW_FILE.test(name) && !NOT_FLOW_FILE.test(name); // native-regex: a file name
  const packagePage = !flowName && PACKAGE_PAGE.test(name) && API_PAGES.test(file.path); // native-regex: a path
  if (!flowName && !(packagePage && flowPackagePage(file.text))) return [];
  // "jwt" (or the certificate generator, technical account, metascopes) in the name says the
  // flow; a private key or key store helper says it only about Adobe.
  if (!/jwt|certgen|techacct|meta[_-]?scope/i.test(name) && !aboutAdobe(file)) return []; // native-regex: a file name
  let end = file.text.length;
  while (end > 0 && (file.text.charCodeAt(end - 1) === 10 || file.text.charCodeAt(end - 1) === 13)) end--;
  return end > 0 ? [{ index: 0, length: end }] : [];
}

const base = {
  needsContext: 'package' as const,
  match: nameHits,
  excludePaths: NOT_SOURCES,
};

export const names: RuleFamily = {
  name: 'names',
  // A file named after the flow is read whatever it says (Load-PFXCert.ps1 says "private key").
  candidatePaths: new RegExp(`(?:^|/)[^/]*(?:${FLOW_FILE.source})[^/]*$`, 'i'),
  // Byte literals of the names (case variants; the first letter left off where case varies).
  literals: ['jwt', 'JWT', 'Jwt', 'eyStore', 'ertgen', 'rivate.key', 'etaScope', 'eta_scope', 'eta__scope', 'etascope', 'ETA_SCOPE', 'ETASCOPE', 'rivate_key', 'rivateKey', 'RIVATE_KEY', 'rivate-key', 'rivate__key', 'riv_key', 'rivKey', 'athToKey', 'ech_acct', 'echAcc', 'echnical_account', 'echnical__account', 'ECHNICAL_ACCOUNT', 'ech_id', 'echId', 'echacct', 'assphrase', 'ncoded_pkcs8', 'ertificate_pub'],
  rules: [
    {
      // A file named after the flow is the flow wherever it sits: a test project beside the
      // library (Adobe.Tests/JwtCreatorTests.cs) is a package of its own.
      needsContext: 'repository',
      match: wholeFile,
      id: 'code-jwt-flow-file',
      title: 'A file that exists for the JWT flow',
      severity: 'warning',
      category: 'code',
      message:
        'This file is named after the Service Account (JWT) flow (the JWT, its private key, key store, certificate or metascopes) in a package that uses that flow. Review all of it: after the move to OAuth Server-to-Server it goes, or becomes the client-credentials token code, and its tests with it.',
      excludePaths: NOT_SOURCES,
    },
    {
      // A file named after the flow is the flow wherever it sits: a test project beside the
      // library (Adobe.Tests/JwtCreatorTests.cs) is a package of its own.
      needsContext: 'repository',
      match: wholeFile,
      id: 'docs-jwt-api-page',
      title: 'Docs: an API reference page of the JWT flow',
      severity: 'note',
      category: 'docs',
      message:
        'This generated API reference page documents a class of the Service Account (JWT) flow. Regenerate the reference after the move to OAuth Server-to-Server so it no longer offers the JWT classes.',
      paths: API_PAGES,
      excludePaths: VERSIONED_API_DOCS,
    },
    {
      // Found after the scan (src/scan/api-indexes.ts) from the package pages reported above.
      id: 'docs-jwt-api-index',
      title: 'Docs: an API reference index lists a package of the JWT flow',
      severity: 'note',
      category: 'docs',
      message:
        "This generated API reference index lists a package that holds only the Service Account (JWT) flow's classes. Regenerate the reference after the move to OAuth Server-to-Server so the package drops out of it.",
      origin: 'region',
    },
    {
      ...base,
      id: 'code-jwt-only-name',
      title: 'A name only the JWT flow uses',
      severity: 'warning',
      category: 'code',
      message:
        'This line names a setting or value only the Service Account (JWT) flow uses (private key, technical account id, metascopes, passphrase, the JWT itself). Review it with the token code: after the move to OAuth Server-to-Server it goes, or becomes the client secret or the scopes.',
      excludePaths: NOT_SOURCES,
    },
    {
      ...base,
      id: 'docs-jwt-only-name',
      title: 'Docs: a name only the JWT flow uses',
      severity: 'note',
      category: 'docs',
      message:
        'These docs name a setting only the Service Account (JWT) flow uses (private key, technical account id, metascopes, passphrase, the JWT). Document the OAuth Server-to-Server client secret and scopes instead.',
      // Prose, and the current generated reference (its index and constants list the JWT
      // members); references of released versions are history, as are release notes, migration
      // guides and the OAuth pages.
      paths: new RegExp(`\\.(?:md|mdx|markdown|rst|adoc|txt|Rd)$|(?:^|\\/)README$|${API_PAGES.source}|${SITE_PAGES.source}|${API_SEARCH_INDEX.source}`, 'i'),
      excludePaths: HISTORY_FILES,
    },
  ],
};
