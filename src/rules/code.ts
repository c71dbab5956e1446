import { linear } from '../regex.js';
import { languageOf } from '../languages/index.js';
import { escapeRegExp } from '../text.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';
import { ADOBE_IMS, CODE_PATHS, DOC_PATHS, NOT_CODE_TEXT } from './context.js';

// Code (and config-like strings) that performs the Service Account (JWT) flow itself:
// the exchange call, the JWT claims, the form it posts, the libraries that sign it, and the
// SDK credentials built on it.

/** Languages the migration engine rewrites (JS/TS and Python). */
const JS_TS = /\.[cm]?[jt]sx?$/;
const PYTHON = /\.(?:py|ipynb)$/;
const JS_TS_PY = /\.(?:[cm]?[jt]sx?|py|ipynb)$/;

/** Config-like files where an exchange URL is read at runtime (not docs). */
const CONFIG_FILES =
  /\.(?:ini|cfg|conf|config|properties|ya?ml|json|jsonc|json5|toml|xml|tf|tfvars|hcl|env|plist)$|(?:^|\/)\.env(?:\.[\w-]+)*$|(?:^|\/)\.aio$/i;

/** Scripts and build files that can install or run the aio JWT CLI plugin. */
const SCRIPT_PATHS = /(?:^|\/)(?:Dockerfile[\w.-]*|Makefile|Procfile|Jenkinsfile)$/;

/**
 * The Service Account (JWT) flow, as opposed to any IMS use: an OAuth Server-to-Server file
 * also names adobelogin.com, so generic JWT libraries need one of these as well.
 */
const JWT_FLOW = /\/ims\/exchange|meta_?scopes?|\bent_[a-z_]+_sdk\b|event_receiver_api|jwt_token|techacct|adobelogin\.com\/[cs]\//i;

/**
 * AEM as a Cloud Service service credentials (legacy, a warning) also exchange a JWT: their
 * metascope, or the shape of their JSON (integration.imsEndpoint, technicalAccount.clientId).
 */
const AEM_CLOUD =
  /ent_aem_cloud_api|aemcs-api-client-lib|technicalAccount(?:\??\.|['"]\]\s*\[\s*['"])clientId|\bintegration(?:\??\.|\[\s*['"]|['"]\]\s*\[\s*['"])(?:imsEndpoint|metascopes|technicalAccount)/;

/** Adobe's AEM guide to OAuth Server-to-Server for AEM as a Cloud Service server-side APIs. */
export const AEM_OAUTH_GUIDE =
  'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/generating-access-tokens-for-server-side-apis';

const EXCHANGE = /\bims\/exchange\/(?:v1\/)?jwt\b/;

const EXCHANGE_MESSAGE =
  'This calls the Adobe IMS JWT exchange, which no longer issues tokens. Request a token with grant_type=client_credentials, client_id, client_secret and scope at /ims/token/v3 (OAuth Server-to-Server) instead.';

/** Metascope claims: the literal claim URL, or one built from an IMS host variable. */
const META_SCOPE_CLAIM =
  /(?:adobelogin\.com\/s\/|[}'"\x60]\/s\/(?:\$?\{|ent_\w|event_receiver_api)|%[sv]\/s\/|['"\x60]\/?s\/['"\x60]|\$\w+\/s\/\$?\{?\w)/;

/** The aud claim: the literal audience URL, or `aud` built from an IMS host variable. */
const AUDIENCE_CLAIM =
  /(?:adobelogin\.com\/c\/|\b(?:aud|AUD|Aud)(?:ience|IENCE)?(?:_\w{0,30}|[A-Z]\w{0,30})?['"]?\s*(?:[:=,]|=>)[^\n]{0,120}?(?:\}\/c\/|%[sv]\/c\/|['"\x60]\/?c\/|\$\w+\/c\/))/;

/** Adobe in the file at all: jwt_token is IMS's own field name, so a form class named for Adobe is enough. */
const ADOBE_ANY = new RegExp(`${ADOBE_IMS.source}|adobe|\\bims\\b`, 'i');

/** The jwt_token form field, in each shape a form is written (fixture lines in rules/code). */
const JWT_TOKEN_FIELD_FORMS = {
  // `'jwt_token': jwt`, `["jwt_token"] = $jwt`, `"jwt_token\": ` in an escaped JSON string
  quotedKey: String.raw`['"]jwt_token\\?['"]`,
  // `client_id=...&jwt_token=${jwt}`, `'jwt_token=' + jwt`
  urlencodedPair: String.raw`(?:^|[&?'"\x60])jwt_token=`,
  // `{ jwt_token: jwt }`, `jwt_token: signed(...)`
  objectKey: String.raw`\bjwt_token\s*:\s*[\w$'"\x60[(]\w*`,
  // `list(client_id = id, client_secret = s, jwt_token = jwt)` on one line
  afterSecret: String.raw`\bclient_secret\b[^\n]{0,80}\bjwt_token\b`,
  // an R or keyword argument on its own line: `jwt_token = jwt,`, `jwt_token = sign(id))`
  argumentLine: String.raw`^[ \t]*jwt_token\s*=\s*[\w$.]+(?:\([^()\n]{0,80}\))?[ \t]*(?:,|\)|$)`,
};
const JWT_TOKEN_FIELD = new RegExp(Object.values(JWT_TOKEN_FIELD_FORMS).join('|'), 'm');
/** Type annotations (`jwt_token: str`) and empty defaults (`jwt_token = None`) are not the form field. */
const JWT_TOKEN_NOT_FIELD = /^jwt_token\s*:\s*(?:str|string|number|Optional)$|^[ \t]*jwt_token\s*=\s*(?:NULL|None|null|nil)[ \t]*[,)]?$/;

const JS_JWT_LIBS = String.raw`(?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt)`;
const JS_JWT_LIBRARY = new RegExp(
  String.raw`\b(?:require|import)\s*\(\s*['"]${JS_JWT_LIBS}['"]\s*\)|(?:\bfrom|\bimport)\s*['"]${JS_JWT_LIBS}['"]|\bKJUR\.jws\.JWS\.sign\s*\(`,
);

const PY_JWT_LIBRARY =
  /^[ \t]*"?(?:import[ \t]+jwt\b|from[ \t]+jwt(?:\.\w+)?[ \t]+import\b|from[ \t]+jose[ \t]+import[^\n]{0,40}\bjwt\b|import[ \t]+jose\b)|\bjwt\.encode\s*\(/m;

/**
 * JWT signing in the languages the migration engine does not rewrite: each file is matched with
 * its own language's signing calls and imports, from the language registry.
 */
function manualSigningHits(file: FileInput): Hit[] {
  const lang = languageOf(file.path);
  if (!lang || lang.id === 'javascript' || lang.id === 'python') return [];
  return [...linear(lang.jwtSigning).matchAll(file.text, 1000)].map((m) => ({ index: m.index, length: m.end - m.index }));
}

/** `@adobe/jwt-auth` imports and the calls of the names they bind (JS/TS). */
const JWT_AUTH_IMPORT =
  /\b(?:(?:const|let|var)\s+(?:(\w+)|\{[^}\n]{0,200}\})\s*=\s*|import\s+(\w+)\s*=\s*)?(?:require|import)\s*\(\s*['"`]@adobe\/jwt-auth['"`]\s*\)|\bimport\s+(?:(\w+)\s*(?:,\s*\{[^}\n]{0,200}\}\s*)?|\*\s*as\s+(\w+)\s*|\{[^}\n]{0,200}\}\s*)from\s*['"]@adobe\/jwt-auth['"]/g;

function jwtAuthHits(file: FileInput): Hit[] {
  const hits: Hit[] = [];
  const names = new Set<string>();
  for (const m of linear(JWT_AUTH_IMPORT).matchAll(file.text)) {
    hits.push({ index: m.index, length: m.end - m.index });
    for (const name of [m.group(1), m.group(2), m.group(3), m.group(4)]) if (name) names.add(name);
    if (hits.length >= 1000) return hits; // a generated file can match everywhere
  }
  for (const name of names) {
    const call = linear(String.raw`(?<![\w$.])(?<!function\s+)${escapeRegExp(name)}\s*\(`, 'g');
    for (const m of call.matchAll(file.text)) {
      hits.push({ index: m.index, length: name.length });
      if (hits.length >= 1000) return hits;
    }
  }
  return hits;
}

/**
 * Code that takes the token lifetime for milliseconds, as the JWT exchange answered it
 * (fixtures: code/python-expiry-ms, code/java-expiry-ms).
 */
const EXPIRY_AS_MILLISECONDS = new RegExp(
  [
    // time.time() + token["expires_in"] / 1000
    String.raw`\bexpir(?:es_in|esIn|y|ation|e)\b[\w'"\]).$]{0,40}\s*\/\s*1000\b`,
    // System.currentTimeMillis() + accessToken.getExpiresIn();  Date.now() + body.expires_in,
    String.raw`(?:currentTimeMillis\(\)|Date\.now\(\)|\.getTime\(\))\s*\+\s*[\w.]{0,40}(?:expires_?in|ExpiresIn)\b(?:\(\))?\s*(?:[;,)]|$)`,
    // * the value in milliseconds when the token will expire.  (a doc comment, then within three
    // lines the expires_in field, not multiplied there)
    String.raw`^[ \t]*(?:\*|\/\/|#)[^\n]{0,80}\bmilliseconds?\b[^\n]{0,40}\bexpire[^\n]*(?:\n[^\n]*){0,3}?\bexpires_?in\b[^*\n]*$`,
  ].join('|'),
  'im',
);

export const code: RuleFamily = {
  name: 'code',
  literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange', 'jwt-auth'],
  rules: [
    {
      id: 'code-jwt-token-function',
      title: 'JWT token function',
      severity: 'error',
      category: 'code',
      message:
        'This function builds, signs or exchanges the Adobe Service Account JWT (the lines of it are reported too). Replace it with one OAuth Server-to-Server request: POST grant_type=client_credentials, client_id, client_secret and scope to /ims/token/v3, and drop the key loading, the claims and the signing.',
      origin: 'region',
    },
    {
      id: 'code-jwt-token-function-call',
      title: 'A use of the JWT token function',
      severity: 'warning',
      category: 'code',
      message:
        'This line calls, imports or exports a function or class of the Service Account (JWT) flow (reported as the token function elsewhere in this package). Review it with that function: its arguments (private key, technical account, metascopes) become the client secret and scopes, or the call goes.',
      origin: 'region',
    },
    {
      id: 'aem-service-credential-token-function',
      title: 'AEM service credential token function',
      severity: 'warning',
      category: 'code',
      message: `This function exchanges an AEM as a Cloud Service service credential (a JWT signed with its private key). Adobe now calls these credentials legacy: move to OAuth Server-to-Server as Adobe's AEM guide describes (${AEM_OAUTH_GUIDE}).`,
      origin: 'region',
    },
    {
      id: 'code-ims-jwt-exchange',
      title: 'Adobe IMS JWT exchange endpoint',
      severity: 'error',
      category: 'code',
      message: EXCHANGE_MESSAGE,
      paths: JS_TS_PY,
      unless: [AEM_CLOUD],
      pattern: EXCHANGE,
      skipComments: true,
    },
    {
      id: 'code-ims-jwt-exchange-manual',
      title: 'Adobe IMS JWT exchange endpoint (manual migration)',
      severity: 'error',
      category: 'code',
      message: `${EXCHANGE_MESSAGE} Code in this language is not rewritten automatically.`,
      // Any text that is not docs, config (the config rule's) or JS/TS/Python (the rewritten rule's).
      excludePaths: new RegExp(`${JS_TS_PY.source}|${CONFIG_FILES.source}|${NOT_CODE_TEXT.source}`, 'i'),
      unless: [AEM_CLOUD],
      pattern: EXCHANGE,
      skipComments: true,
    },
    {
      id: 'code-ims-jwt-exchange-config',
      title: 'Adobe IMS JWT exchange URL in configuration',
      severity: 'error',
      category: 'code',
      message:
        'This configuration points at the Adobe IMS JWT exchange, which no longer issues tokens. Point it at /ims/token/v3 and change the code that reads it to send grant_type=client_credentials with client_id, client_secret and scope.',
      paths: CONFIG_FILES,
      excludePaths: DOC_PATHS,
      unless: [AEM_CLOUD],
      pattern: EXCHANGE,
      skipComments: true,
    },
    {
      id: 'code-jwt-meta-scope-claim',
      title: 'JWT metascope claim',
      severity: 'error',
      category: 'code',
      message:
        'This builds a Service Account (JWT) metascope claim. OAuth Server-to-Server has no JWT: drop the claim and request the scopes shown on the credential in the Developer Console as a comma-separated scope parameter at /ims/token/v3.',
      excludePaths: NOT_CODE_TEXT,
      requires: [ADOBE_IMS, JWT_FLOW],
      unless: [AEM_CLOUD],
      pattern: META_SCOPE_CLAIM,
      skipComments: true,
    },
    {
      id: 'code-jwt-audience-claim',
      title: 'JWT audience claim for Adobe IMS',
      severity: 'error',
      category: 'code',
      message:
        'This builds the aud claim of a Service Account (JWT) token. Remove the JWT and request an OAuth Server-to-Server token with client_id and client_secret at /ims/token/v3.',
      excludePaths: NOT_CODE_TEXT,
      requires: [ADOBE_IMS, JWT_FLOW],
      unless: [AEM_CLOUD],
      pattern: AUDIENCE_CLAIM,
      skipComments: true,
    },
    {
      id: 'code-jwt-token-form-field',
      title: 'jwt_token field posted to Adobe IMS',
      severity: 'error',
      category: 'code',
      message:
        'This posts a signed JWT to Adobe IMS. Send grant_type=client_credentials, client_id, client_secret and scope to /ims/token/v3 instead, and drop the jwt_token field.',
      excludePaths: NOT_CODE_TEXT,
      requires: [ADOBE_ANY],
      unless: [AEM_CLOUD],
      pattern: JWT_TOKEN_FIELD,
      reject: JWT_TOKEN_NOT_FIELD,
    },
    {
      id: 'code-adobe-jwt-auth',
      title: '@adobe/jwt-auth',
      severity: 'error',
      category: 'code',
      message:
        '@adobe/jwt-auth only performs the retired JWT exchange. Replace it with a POST to /ims/token/v3 (grant_type=client_credentials, client_id, client_secret, scope) or @adobe/aio-lib-ims with an OAuth Server-to-Server context.',
      paths: JS_TS,
      match: jwtAuthHits,
    },
    {
      id: 'code-aio-jwt-plugin',
      title: 'Adobe I/O JWT plugin or CLI command',
      severity: 'error',
      category: 'code',
      message:
        'The aio JWT plugin signs a Service Account JWT. Use @adobe/aio-lib-ims with an OAuth Server-to-Server context (client_secrets, scopes, technical_account_email) or `aio app use` with the OAuth credential instead.',
      paths: new RegExp(`${CODE_PATHS.source}|${SCRIPT_PATHS.source}`, 'i'),
      excludePaths: DOC_PATHS,
      pattern: /@adobe\/aio-lib-ims-jwt\b|\baio-cli-plugin-jwt-auth\b|\baio\s+jwt-auth:access-token\b/,
    },
    {
      id: 'code-aio-ims-jwt-context',
      title: 'aio-lib-ims JWT context in code',
      severity: 'error',
      category: 'code',
      message:
        'aio-lib-ims uses the JWT plugin while a context holds meta_scopes and private_key. Replace them with client_secrets, scopes and technical_account_email from the OAuth Server-to-Server credential.',
      paths: JS_TS,
      // The context may be built in a helper that never imports aio-lib-ims: its other keys say so.
      requires: [/@adobe\/aio-lib-ims(?:[^\w-]|$)|@adobe\/aio-sdk\b|\btechnical_account_id\b|\bims_org_id\b/, /\bprivate_key\b/],
      pattern: /['"]?\bmeta_scopes['"]?\s*:/,
    },
    {
      id: 'code-jwt-library-js',
      title: 'JWT library used beside Adobe IMS (JS/TS)',
      severity: 'warning',
      category: 'code',
      message:
        'This file signs tokens next to Adobe JWT claims or the JWT exchange. If it signs the Adobe Service Account JWT, remove the signing and request an OAuth Server-to-Server token at /ims/token/v3 instead.',
      paths: JS_TS,
      requires: [ADOBE_IMS, JWT_FLOW],
      unless: [AEM_CLOUD],
      pattern: JS_JWT_LIBRARY,
    },
    {
      id: 'code-jwt-library-python',
      title: 'JWT library used beside Adobe IMS (Python)',
      severity: 'warning',
      category: 'code',
      message:
        'This file uses PyJWT or python-jose next to Adobe JWT claims or the JWT exchange. If it signs the Adobe Service Account JWT, remove the signing and request an OAuth Server-to-Server token at /ims/token/v3 instead.',
      paths: PYTHON,
      requires: [ADOBE_IMS, JWT_FLOW],
      unless: [AEM_CLOUD],
      pattern: PY_JWT_LIBRARY,
    },
    {
      id: 'code-jwt-library-manual',
      title: 'JWT signing beside Adobe IMS (manual migration)',
      severity: 'warning',
      category: 'code',
      message:
        'This signs a token next to Adobe JWT claims or the JWT exchange. If it is the Adobe Service Account JWT, remove the signing, certificate and private key and request an OAuth Server-to-Server token at /ims/token/v3 by hand.',
      paths: CODE_PATHS,
      excludePaths: JS_TS_PY,
      requires: [ADOBE_IMS, JWT_FLOW],
      unless: [AEM_CLOUD],
      match: manualSigningHits,
    },
    {
      // The JWT exchange answered expires_in in milliseconds; /ims/token/v3 answers in seconds.
      id: 'code-jwt-expiry-milliseconds',
      title: 'Token lifetime read as milliseconds',
      severity: 'warning',
      category: 'code',
      message:
        'This divides the token lifetime by 1000: the JWT exchange answered expires_in in milliseconds, OAuth Server-to-Server (/ims/token/v3) answers in seconds. After the move, read it as seconds, or the token looks expired almost at once.',
      paths: CODE_PATHS,
      excludePaths: NOT_CODE_TEXT,
      needsContext: 'package',
      pattern: EXPIRY_AS_MILLISECONDS,
    },
    {
      id: 'code-ims-go-exchange-jwt',
      title: 'adobe/ims-go ExchangeJWT',
      severity: 'error',
      category: 'code',
      message:
        'ims-go ExchangeJWT calls the retired JWT exchange. Request an OAuth Server-to-Server token (client_credentials with client_id, client_secret and scopes at /ims/token/v3) instead of ExchangeJWT.',
      paths: /\.go$/,
      requires: [/github\.com\/adobe\/ims-go/],
      pattern: /\.ExchangeJWT\s*\(|\bExchangeJWTRequest\s*\{/,
    },
    {
      id: 'code-pdf-services-service-account',
      title: 'PDF Services SDK service-account (JWT) credentials',
      severity: 'error',
      category: 'code',
      message:
        'PDF Services service-account credentials use the retired JWT flow. Upgrade the SDK and build ServicePrincipalCredentials from the OAuth Server-to-Server client id and client secret instead.',
      paths: CODE_PATHS,
      excludePaths: NOT_CODE_TEXT,
      requires: [/pdfservices/i],
      // Google Cloud's ServiceAccountCredentials share the class name.
      unless: [/com\.google\.auth\.oauth2\.ServiceAccountCredentials|google\.oauth2\.service_account|Google\.Apis\.Auth/],
      pattern:
        /(?<!oauth2\.)\b(?:serviceAccountCredentialsBuilder|ServiceAccountCredentialsBuilder|service_account_credentials_builder|ServiceAccountCredentials|service_account_credentials)\b/,
    },
  ],
};
