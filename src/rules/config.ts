import { DOC_PATHS } from './context.js';
import { linear } from '../regex.js';
import { AEM_OAUTH_GUIDE } from './code.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';

// Configuration that carries a Service Account (JWT) credential: aio-lib-ims contexts, App Builder
// workspace files, Developer Console downloads, SDK configs, User Sync Tool, Postman exports, Java
// and INI settings, AEM 6.5 token providers. Also AEM as a Cloud Service service credentials (legacy: a warning).

// ---------------------------------------------------------------------------------------------
// Paths and file-level context

/** dotenv files: .env, .env.local, .env.sample, stage.env, env.example. */
const ENV_PATHS = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.(?:example|sample|template|dist))$/;
/** Key/value configuration files the generic settings rules read. */
const SETTINGS_PATHS = new RegExp(`\\.(?:properties|ini|cfg|conf|config|toml|ya?ml|json|jsonc)$|${ENV_PATHS.source}`);
/** App Builder / I/O Runtime manifests: their own rule (fixable). */
const APP_BUILDER_PATHS = /(?:^|\/)(?:(?:app|ext)\.config\.ya?ml|manifest\.ya?ml|[\w-]+\.manifest\.ya?ml)$/;
/** AEM 6.5 / AMS OSGi configurations of the Granite IMS token provider. */
const AEM_TOKEN_PROVIDER_PATHS =
  /(?:^|\/)com\.adobe\.granite\.auth\.(?:oauth\.accesstoken\.provider|ims\.impl\.IMSAccessTokenRequestCustomizerImpl)[^/]*(?:\/\.content\.xml)?$/;
/** CI definitions: the ci family owns them. */
const CI_PATHS =
  /(?:^|\/)\.github\/workflows[\w.-]*\/|(?:^|\/)(?:action\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml)$|(?:^|\/)\.circleci\//;
/** Files other families or rules own. */
const NOT_GENERIC =
  /(?:^|\/)\.aio$|(?:^|\/)(?:\d+ )?connector-umapi\.ya?ml$|(?:^|\/)package(?:-lock)?\.json$|(?:^|\/)(?:tsconfig|jsconfig)[\w.-]*\.json$/;

/** The file is about Adobe (META_SCOPES alone may be Facebook's). */
const ADOBE_CTX = /adobe|ims-na1|techacct|\bent_[a-z0-9_]+_sdk\b|\baio[._-](?:meta|technical|ims|api|client|encoded|credential)|metascopes/i;
/** The file holds a JWT-only setting besides the private key. */
const JWT_TRIAD =
  /meta[_.-]{0,2}scopes?|metascopes?|technical[_.-]{0,2}account|tech[_.-]?acc(?:oun)?t|techacct|ims\/exchange|\bent_[a-z0-9_]+_sdk\b/i;
/** JSON shapes the structured rules judge (the generic line rules stay out of them). */
const STRUCTURED_JSON = /"(?:integration_type|contexts|\$ims|tech_id|PUBLIC_KEYS_WITH_EXPIRY)"\s*:|_postman_/;
/** An OAuth Server-to-Server (or user OAuth) configuration. */
const OAUTH_MARKERS =
  /(?<!meta[_.-]{0,2})scopes\b|client_?_?secrets|\bclient_credentials\b|\/ims\/token\/v[123]|authentication_method[ \t]*[:=][ \t]*["']?oauth/i;

// ---------------------------------------------------------------------------------------------
// Line helpers (linear: one pass over the lines, bounded regexes per line)

const AIO_CONTEXT_KEY = /^AIO_(?:\$ims|ims_contexts)_/i;
const COMMENT_LINE = linear(/^[ \t]*(?:#|;|\/\/|!|<!--|\/\*|\*)/);
/** `key = value`, `key: value`, `"key": value`, `<add key="key" value=...>`, `export KEY=value`. */
const KEY_AT_LINE = linear(/^[ \t]*(?:export[ \t]+|-[ \t]+)?["']?([\w.$-]{1,120})["']?[ \t]*[:=]|\bkey=["']([\w.$-]{1,120})["']/);

interface KeyLine {
  key: string;
  /** Offset of the key in the file. */
  index: number;
  /** The rest of the line after the key. */
  rest: string;
}

function* keyLines(text: string): Generator<KeyLine> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (!COMMENT_LINE.test(line)) {
      const m = KEY_AT_LINE.exec(line);
      if (m) {
        const key = (m.group(1) ?? m.group(2))!;
        const at = line.indexOf(key, m.index);
        yield { key, index: start + at, rest: line.slice(at + key.length, at + key.length + 400) };
      }
    }
    start = end + 1;
  }
}

function keyHits(text: string, keyTest: RegExp, valueTest?: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const kl of keyLines(text)) {
    // native-regex: a key is at most 120 characters, the rest of its line at most 400
    if (AIO_CONTEXT_KEY.test(kl.key)) continue; // aio-lib-ims context variables have their own rule
    // native-regex: as above
    if (keyTest.test(kl.key) || (valueTest && valueTest.test(kl.rest))) {
      hits.push({ index: kl.index, length: kl.key.length });
      if (hits.length >= 1000) break;
    }
  }
  return hits;
}

// Key names (tested against a whole key, so anchored).
const METASCOPES_KEY = /^[\w.$-]{0,80}(?:meta[_.-]?scopes?|metascopes?)$/i;
const PRIVATE_KEY_KEY =
  /^[\w.$-]{0,80}?(?:private[_.-]?key(?:[_.-]?(?:path|file|location|data|pem|content))?|key[_.-]?(?:path|file)|path[_.-]?to[_.-]?(?:private[_.-]?)?key|encoded[_.-]?pkcs8|pkcs(?:8|12)[_.-]?file[_.-]?path)$/i;
const TECH_ACCOUNT_KEY =
  /^[\w.$-]{0,80}?(?:technical[_.-]?account[_.-]?id|tech[_.-]?acc(?:oun)?t[_.-]?id|techacct)$/i;
/** A metascope as a value: ent_analytics_bulk_ingest_sdk, /s/ent_user_sdk. */
const METASCOPE_VALUE = /^["']?[ \t]*[:=][^\n]{0,300}?(?:^|[\s"'\/,=:[(])ent_[a-z0-9_]{2,60}_sdk\b/;

// ---------------------------------------------------------------------------------------------
// JSON helpers: parse (validates), then locate keys in the text with a single linear scan.

type JsonPath = (string | number)[];
interface KeyPos {
  /** Path of the object holding the key. */
  path: JsonPath;
  key: string;
  index: number;
  length: number;
}

let cachedText: string | undefined;
let cachedJson: { value: unknown; keys: KeyPos[] } | null = null;

/** Parsed JSON and key positions, or null when the text is not JSON. Cached for the file at hand. */
function readJson(text: string): { value: unknown; keys: KeyPos[] } | null {
  if (text === cachedText) return cachedJson;
  cachedText = text;
  cachedJson = null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  cachedJson = { value, keys: locateKeys(text) };
  return cachedJson;
}

interface Frame {
  kind: 'o' | 'a';
  path: JsonPath;
  key: string | null;
  idx: number;
  expectKey: boolean;
}

/** Every object key of a valid JSON text with its position and the path of its object. */
function locateKeys(text: string): KeyPos[] {
  const out: KeyPos[] = [];
  const stack: Frame[] = [];
  const childPath = (): JsonPath => {
    const f = stack[stack.length - 1];
    if (!f) return [];
    return f.kind === 'o' ? [...f.path, f.key ?? ''] : [...f.path, f.idx];
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
      const f = stack[stack.length - 1];
      if (f && f.kind === 'o' && f.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        out.push({ path: f.path, key, index: i + 1, length: j - i - 1 });
        f.key = key;
        f.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 123 /* { */) stack.push({ kind: 'o', path: childPath(), key: null, idx: 0, expectKey: true });
    else if (c === 91 /* [ */) stack.push({ kind: 'a', path: childPath(), key: null, idx: 0, expectKey: false });
    else if (c === 125 /* } */ || c === 93 /* ] */) stack.pop();
    else if (c === 44 /* , */) {
      const f = stack[stack.length - 1];
      if (f?.kind === 'o') f.expectKey = true;
      else if (f) f.idx++;
    }
    i++;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Hits for chosen keys of the objects a predicate picks. */
function jsonKeyHits(file: FileInput, pick: (obj: Record<string, unknown>, path: JsonPath) => string[]): Hit[] {
  const doc = readJson(file.text);
  if (!doc) return [];
  const hits: Hit[] = [];
  const decided = new Map<string, Set<string>>();
  for (const k of doc.keys) {
    const id = JSON.stringify(k.path);
    let wanted = decided.get(id);
    if (!wanted) {
      const obj = at(doc.value, k.path);
      wanted = new Set(isObject(obj) ? pick(obj, k.path) : []);
      decided.set(id, wanted);
    }
    if (wanted.has(k.key)) hits.push({ index: k.index, length: k.length });
    if (hits.length >= 1000) break;
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Structured matchers

/** aio-lib-ims contexts: ims.contexts.<name> (and the older $ims.<name>) holding JWT keys. */
function aioJwtContexts(file: FileInput): Hit[] {
  return jsonKeyHits(file, (obj, path) => {
    const inContexts =
      (path.length === 3 && path[0] === 'ims' && path[1] === 'contexts') || (path.length === 2 && path[0] === '$ims');
    if (!inContexts) return [];
    return ['meta_scopes', 'private_key'].filter((k) => k in obj);
  });
}

function credentialEntry(path: JsonPath): boolean {
  return path.length >= 2 && typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'credentials';
}

/** Workspace JSON: `integration_type: service`, or a bare `jwt` object in a credentials entry. */
function workspaceJwtCredentials(file: FileInput): Hit[] {
  return jsonKeyHits(file, (obj, path) => {
    if (!credentialEntry(path)) return [];
    const type = obj.integration_type;
    if (type === 'service') return ['integration_type'];
    if (type === undefined && isObject(obj.jwt)) return ['jwt'];
    return [];
  });
}

function workspaceMigrating(file: FileInput): Hit[] {
  return jsonKeyHits(file, (obj, path) =>
    credentialEntry(path) && obj.integration_type === 'oauth_server_to_server_migrate' ? ['integration_type'] : [],
  );
}

/** Developer Console "Download JSON" of a JWT credential. */
function consoleJwtDownload(file: FileInput): Hit[] {
  return jsonKeyHits(file, (obj) => {
    if ('PUBLIC_KEYS_WITH_EXPIRY' in obj) return ['PUBLIC_KEYS_WITH_EXPIRY'];
    if ('API_KEY' in obj && 'TECHNICAL_ACCOUNT_ID' in obj && !('SCOPES' in obj) && !('CLIENT_SECRETS' in obj)) {
      return ['TECHNICAL_ACCOUNT_ID'];
    }
    return [];
  });
}

/** aepp / aanalytics2 / cjapy JSON config: tech_id + pathToKey (or private_key), no scopes. */
function pythonSdkJwtConfig(file: FileInput): Hit[] {
  return jsonKeyHits(file, (obj) => {
    if (!('tech_id' in obj) || 'scopes' in obj) return [];
    if (!('pathToKey' in obj) && !('private_key' in obj)) return [];
    return ['tech_id', 'pathToKey', 'private_key'].filter((k) => k in obj);
  });
}

/** App Builder manifests: action inputs carrying the JWT context (private key, metascopes). */
const APP_INPUT_KEY = /^[\w$-]{0,80}(?:meta[_-]?_?scopes?|metascopes?|private[_-]?_?key)$/i;
const APP_INPUT_VALUE =
  /^["']?[ \t]*:[ \t]*["']?\$\{?[\w$]{0,120}?(?:META_?_?SCOPES?|METASCOPES?|PRIVATE_?_?KEY|meta__scopes|private__key)\b/i;
function appBuilderInputs(file: FileInput): Hit[] {
  return keyHits(file.text, APP_INPUT_KEY, APP_INPUT_VALUE);
}

/** A settings line commented out, whose value is the JWT exchange (example configs ship these). */
const COMMENTED_EXCHANGE = /^[ \t]*(?:#|;|\/\/)[ \t]*(?<hit>[\w.-]+[ \t]*[:=][ \t]*["']?[^\s"']*\/ims\/exchange\/jwt)/gm;

/**
 * The AEM Developer Console hands out two JSON files: the service credential (a JWT key pair) and
 * a local development token. A setting described as the JSON from that console is the former
 * unless its line says token.
 */
const AEM_CONSOLE_JSON = linear(/\bJSON\b[^\n]{0,80}\b(?:AEMaaCS|AEM as a Cloud Service|AEM Cloud Service|AEM) Developer Console/g);

function aemConsoleJson(file: FileInput): Hit[] {
  const hits: Hit[] = [];
  for (const m of AEM_CONSOLE_JSON.matchAll(file.text, 100)) {
    const start = file.text.lastIndexOf('\n', m.index) + 1;
    const end = file.text.indexOf('\n', m.end);
    const line = file.text.slice(start, end < 0 ? file.text.length : end);
    if (!/token/i.test(line)) hits.push({ index: m.index, length: m.end - m.index }); // native-regex: one line
  }
  return hits;
}

export const config: RuleFamily = {
  name: 'config',
  literals: [
    'adobe',
    'Adobe',
    'ADOBE',
    'techacct',
    'meta_scopes',
    'meta__scopes',
    'metascopes',
    'integration_type',
    'priv_key_',
    'ent_aem_cloud_api',
    'imsEndpoint',
    'echnicalAccount',
    'ims/exchange',
    'Developer Console',
  ],
  // App Builder manifests name the JWT inputs through variables ($META_SCOPES) with no Adobe word.
  candidatePaths: APP_BUILDER_PATHS,
  rules: [
    {
      id: 'config-aio-jwt-context',
      title: 'aio-lib-ims JWT context in aio config',
      severity: 'error',
      category: 'config',
      message:
        'This aio-lib-ims context is a Service Account (JWT) context. Remove meta_scopes and private_key (aio-lib-ims tries JWT first while they are present) and set client_secrets, scopes and technical_account_email from the OAuth Server-to-Server credential.',
      paths: /(?:^|\/)(?:\.aio|aio)$|\.json$/,
      requires: [/"(?:contexts|\$ims)"\s*:/],
      match: aioJwtContexts,
    },
    {
      id: 'config-aio-env-jwt-context',
      title: 'aio-lib-ims JWT context in environment',
      severity: 'error',
      category: 'config',
      message:
        'This AIO_ims_contexts variable belongs to a Service Account (JWT) context. Run `aio app use` with the OAuth Server-to-Server workspace (or set ..._client__secrets, ..._scopes, ..._technical__account__email) and delete the meta__scopes and private__key variables.',
      paths: new RegExp(`${ENV_PATHS.source}|\\.ya?ml$|(?:^|\\/)Dockerfile[\\w.-]*$`),
      excludePaths: CI_PATHS,
      pattern: /(?<![\w$])(?<hit>AIO_(?:\$ims|ims_contexts)_\w{1,120}?_(?:meta_?_scopes|private_?_key))["']?[ \t]*[:=]/gi,
    },
    {
      id: 'config-app-builder-jwt-inputs',
      title: 'App Builder action inputs for a JWT context',
      severity: 'error',
      category: 'config',
      message:
        'This action input passes a JWT private key or metascopes to the action. Pass the OAuth Server-to-Server client id, client secret and scopes instead, and request the token at /ims/token/v3 (or let aio-lib-ims use an OAuth context).',
      paths: APP_BUILDER_PATHS,
      requires: [/meta[_.-]{0,2}scopes?|metascopes?|tech[_.-]?acc(?:oun)?t|technical[_.-]?_?account|ims_contexts|techacct/i],
      match: appBuilderInputs,
    },
    {
      id: 'config-workspace-jwt-credential',
      title: 'Service Account (JWT) credential in workspace config',
      severity: 'error',
      category: 'config',
      message:
        'This App Builder workspace holds a Service Account (JWT) credential. Add an OAuth Server-to-Server credential in the Developer Console, download the workspace again (or run `aio app use`) and switch the app to the oauth_server_to_server entry.',
      paths: /\.json$|(?:^|\/)\.aio$/,
      requires: [/"(?:integration_type|jwt)"\s*:/],
      match: workspaceJwtCredentials,
    },
    {
      id: 'config-workspace-jwt-migrating',
      title: 'Workspace credential mid-migration to OAuth',
      severity: 'warning',
      category: 'config',
      message:
        'This credential is being migrated from JWT to OAuth Server-to-Server. Make the app use the oauth_server_to_server values, wait until the JWT credential is no longer used, delete it in the Developer Console, then download the workspace again.',
      paths: /\.json$|(?:^|\/)\.aio$/,
      requires: [/oauth_server_to_server_migrate/],
      match: workspaceMigrating,
    },
    {
      id: 'config-console-jwt-credential-json',
      title: 'Developer Console JWT credential download',
      severity: 'error',
      category: 'config',
      message:
        'This is the Developer Console download of a Service Account (JWT) credential. Download the OAuth Server-to-Server credential instead (CLIENT_ID, CLIENT_SECRETS, SCOPES) and change the code that reads this file to request tokens at /ims/token/v3.',
      paths: /\.json$/,
      requires: [/"(?:PUBLIC_KEYS_WITH_EXPIRY|TECHNICAL_ACCOUNT_ID)"\s*:/],
      match: consoleJwtDownload,
    },
    {
      id: 'config-python-sdk-jwt-config',
      title: 'aepp / aanalytics2 / cjapy JWT config file',
      severity: 'error',
      category: 'config',
      message:
        'This aepp/aanalytics2/cjapy config authenticates with JWT (tech_id + private key). Replace tech_id and pathToKey with "scopes" from the OAuth Server-to-Server credential; the library then uses the OAuth flow.',
      paths: /\.json$/,
      requires: [/"tech_id"\s*:/],
      match: pythonSdkJwtConfig,
    },
    {
      id: 'config-user-sync-jwt',
      title: 'User Sync Tool JWT connector settings',
      severity: 'error',
      category: 'config',
      message:
        'This User Sync Tool umapi connector authenticates with JWT. Set authentication_method: oauth, use the OAuth Server-to-Server client_id and client_secret, and remove tech_acct_id and the private key settings.',
      paths: /\.ya?ml$/,
      requires: [/^enterprise[ \t]*:/m],
      unless: [/^[ \t]+authentication_method[ \t]*:[ \t]*["']?oauth/m],
      pattern:
        /^[ \t]+(?:(?<hit>tech_acct(?:_id)?|priv_key_(?:path|data)|secure_priv_key_data_key)[ \t]*:|(?<hit2>authentication_method)[ \t]*:[ \t]*["']?jwt)/gm,
    },
    {
      id: 'config-postman-jwt',
      title: 'Postman JWT environment or pre-request signing',
      severity: 'error',
      category: 'config',
      message:
        'This Postman export uses the Adobe JWT flow (private key, metascopes, signed JWT exchange). Download the OAuth Server-to-Server Postman environment from the Developer Console and request the token at /ims/token/v3 with grant_type=client_credentials.',
      paths: /\.json$/,
      requires: [/_postman_|getpostman\.com/, ADOBE_CTX],
      pattern:
        // The exchange URL itself is code-ims-jwt-exchange-config's.
        /(?<hit>"key"[ \t]*:[ \t]*"(?:PRIVATE_KEY|META_SCOPES?|METASCOPES?|JWT_TOKEN)"|KJUR\.jws\.JWS\.sign)/g,
    },
    {
      id: 'config-jwt-scope-claim-setting',
      title: 'Metascopes setting (JWT only)',
      severity: 'error',
      category: 'config',
      message:
        'Metascopes exist only in the JWT flow. Replace this setting with the scope list of the OAuth Server-to-Server credential (comma-separated, from the Developer Console) and change the code that reads it.',
      paths: SETTINGS_PATHS,
      excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
      requires: [ADOBE_CTX],
      unless: [STRUCTURED_JSON],
      match: (file) => keyHits(file.text, METASCOPES_KEY, METASCOPE_VALUE),
    },
    {
      id: 'config-jwt-signing-key',
      title: 'JWT private key setting',
      severity: 'error',
      category: 'config',
      message:
        'This setting points to the private key used to sign the Adobe JWT. OAuth Server-to-Server needs no key: remove the setting (and revoke the key), and use the client secret and scopes of the OAuth credential instead.',
      paths: SETTINGS_PATHS,
      excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
      requires: [ADOBE_CTX, JWT_TRIAD],
      unless: [STRUCTURED_JSON],
      match: (file) => keyHits(file.text, PRIVATE_KEY_KEY),
    },
    {
      id: 'config-service-account-id',
      title: 'Adobe technical account setting',
      severity: 'warning',
      category: 'config',
      message:
        'This configuration names an Adobe technical account but no OAuth scopes, so it probably feeds a JWT integration. Check how it is used; an OAuth Server-to-Server setup needs the client id, client secret and scopes.',
      paths: SETTINGS_PATHS,
      excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
      requires: [ADOBE_CTX],
      unless: [
        STRUCTURED_JSON,
        OAUTH_MARKERS,
        /"API_KEY"\s*:/,
        /meta[_.-]{0,2}scopes?|metascopes?|private[_.-]?key|privateKey|priv_key_|key[_.-]?path|encoded[_.-]?pkcs8|pkcs(?:8|12)[_.-]?file|\bent_[a-z0-9_]+_sdk\b/i,
      ],
      match: (file) => keyHits(file.text, TECH_ACCOUNT_KEY),
    },
    {
      id: 'config-aem-jwt-token-provider',
      title: 'AEM OSGi IMS token provider using JWT',
      severity: 'error',
      category: 'config',
      message:
        'This AEM Granite IMS access token provider signs a JWT. Set auth.token.provider.authorization.grants="client_credentials", auth.access.token.request to https://ims-na1.adobelogin.com/ims/token/v3, the OAuth client id, secret and scope (see Adobe\'s AEM 6.5 OAuth steps).',
      paths: AEM_TOKEN_PROVIDER_PATHS,
      unless: [/authorization\.grants[^\n]{0,40}client_credentials|\/ims\/token\/v[123]/],
      pattern:
        // The exchange URL itself is code-ims-jwt-exchange-config's.
        /(?<hit>auth\.token\.provider\.keypair\.alias|\/s\/ent_[a-z0-9_]{2,60}_sdk|auth\.ims\.[\w.]{0,40}?jwt[\w.]{0,40})/gi,
    },
    {
      id: 'aem-cloud-service-credential',
      title: 'AEM as a Cloud Service service credential (legacy JWT)',
      severity: 'warning',
      category: 'config',
      message: `This is an AEM as a Cloud Service service credential (ent_aem_cloud_api / cm-p…-e…-integration): a JWT signed with its private key. Adobe's AEM documentation now calls it legacy and points to OAuth Server-to-Server; plan the move with Adobe's AEM guide (${AEM_OAUTH_GUIDE}). The findings beside it in this package are warnings for the same reason.`,
      // In docs it would silence the docs rules of the whole page; the docs rules skip AEM lines.
      excludePaths: DOC_PATHS,
      // The metascope, the client id, or code reading the credential's JSON shape
      // (integration.imsEndpoint, integration.technicalAccount.clientId, ['integration']['metascopes']).
      pattern:
        /(?<hit>\bent_aem_cloud_api\b|\bcm-p\d{1,10}-e\d{1,10}-integration\b|\bintegration(?:\??\.|\[\s*['"]|['"]\]\s*\[\s*['"])(?:imsEndpoint|metascopes|technicalAccount(?:Id)?)\b|\btechnicalAccount(?:\??\.|['"]\]\s*\[\s*['"])clientId\b)/g,
    },
    {
      id: 'aem-service-credential-download',
      title: 'AEM service credential JSON asked for',
      severity: 'warning',
      category: 'config',
      message: `This setting asks for the service credential JSON downloaded from the AEM as a Cloud Service Developer Console: a JWT key pair Adobe now calls legacy. Ask for OAuth Server-to-Server credentials instead, as Adobe's AEM guide describes (${AEM_OAUTH_GUIDE}).`,
      excludePaths: DOC_PATHS,
      match: aemConsoleJson,
    },
    {
      id: 'config-commented-jwt-exchange',
      title: 'Commented-out setting pointing at the JWT exchange',
      severity: 'warning',
      category: 'config',
      message:
        'This commented-out setting names the retired IMS JWT exchange; whoever uncomments it gets a broken token request. Point it at /ims/token/v3 (or remove it) with the move to OAuth Server-to-Server.',
      paths: SETTINGS_PATHS,
      excludePaths: new RegExp(`${DOC_PATHS.source}|${CI_PATHS.source}`, 'i'),
      // A file whose live setting is the OAuth token endpoint keeps the old URL as history.
      unless: [/^[ \t]*[\w.-]+[ \t]*[:=][^\n]*\/ims\/token\/v\d/m],
      pattern: COMMENTED_EXCHANGE,
    },
  ],
};
