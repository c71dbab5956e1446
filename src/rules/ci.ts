import { isMap, isScalar, visit } from 'yaml';
import { linear } from '../regex.js';
import { yamlDocument } from '../yaml.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';

// CI pipelines that feed the Service Account (JWT) credential to their steps.

// At any depth: monorepos keep whole apps, each with its own .github/workflows (and example
// workflows kept in a folder beside it, such as .github/workflows-example).
export const GITHUB_WORKFLOW = /(?:^|\/)\.github\/workflows[\w.-]*\/[^/]+\.ya?ml$/;
const COMPOSITE_ACTION = /(?:^|\/)action\.ya?ml$/;
const CI_FILES =
  /(?:^|\/)\.github\/workflows[\w.-]*\/[^/]+\.ya?ml$|(?:^|\/)(?:action\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml)$|(?:^|\/)(?:\.circleci|\.buildkite|\.gitlab|\.azure-pipelines|\.pipelines)\/[^/]+\.ya?ml$/;

/** The file talks to Adobe: Adobe actions, the aio CLI, AIO_/ADOBE_ names, IMS hosts, metascopes. */
export const FILE_ADOBE =
  /\badobe\/aio-|@adobe\/aio-cli|\baio[ \t]+(?:app|login|config|console|cloudmanager|runtime|rt|plugins|where|api-mesh|event)\b|adobelogin\.com|\bAIO_[A-Z]|\bADOBE_[A-Z]|\bent_[a-z_]+_sdk\b/;

/** Names (upper-cased, `-`/`.` as `_`) that say Adobe on their own. */
export const ADOBE_NAME = /ADOBE|(?:^|_)AIO(?:_|$)|(?:^|_)IMS(?:_|$)|TECH_?ACC/;
/** Names of other systems' keys that sit in the same pipelines (SSH deploys, GitHub Apps, signing). */
export const OTHER_NAME =
  /SSH|DEPLOY|GPG|PGP|SIGN|TLS|SSL|SFTP|GIT|(?:^|_)GH(?:_|$)|(?:^|_)APP(?:_|$)|BOT|DOCKER|NPM|APPLE|ANDROID|GOOGLE|GCP|GCLOUD|FIREBASE|AWS|AZURE|SNOWFLAKE|VAULT|SERVER|HOST|KUBE|K8S|TERRAFORM|HEROKU|VERCEL|NETLIFY|JENKINS|SALESFORCE|SF_|CERT/;
export const PRIVATE_KEY_NAME = /(?:^|_)PRIVATE_?KEY(?:_|$)|PRIVATEKEY/;
export const META_SCOPES_NAME = /META_?SCOPES?(?:_|$)/;

const LINE_KEY = linear(/^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?([A-Za-z_][\w.-]{0,100})[ \t]*[:=]/);
const SECRET_REF = linear(/\bsecrets\.([A-Za-z_]\w{0,100})|\bsecrets\[\s*['"]([\w-]{1,100})['"]\s*\]/g);
const VAR_REF = linear(
  /\$\{?([A-Za-z_]\w{0,100})\}?|\$\(([\w.]{1,100})\)|\$env:([A-Za-z_]\w{0,100})|\b(?:vars|env)\.([A-Za-z_]\w{0,100})|\b(?:credentials|credentialsId:)\s*\(?\s*['"]([\w.-]{1,100})['"]/g,
);
const COMMENT = linear(/^[ \t]*(?:#|\/\/|\*)/);

// native-regex: names are at most 100 characters
const norm = (name: string): string => name.toUpperCase().replace(/[-.]/g, '_');

interface LineNames {
  index: number;
  key?: string;
  secrets: string[];
  vars: string[];
}

/** Per non-comment line: its key and the secrets/variables it references. */
function scanLines(text: string): LineNames[] {
  const out: LineNames[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const here = offset;
    offset += line.length + 1;
    if (line.length > 2000 || COMMENT.test(line)) continue;
    const key = LINE_KEY.exec(line)?.group(1);
    const secrets = [...SECRET_REF.matchAll(line)].map((m) => norm((m.group(1) ?? m.group(2))!));
    const vars = [...VAR_REF.matchAll(line)].map((m) => norm((m.group(1) ?? m.group(2) ?? m.group(3) ?? m.group(4) ?? m.group(5))!));
    out.push({ index: here + line.length - line.trimStart().length, key: key ? norm(key) : undefined, secrets, vars });
  }
  return out;
}

/**
 * Lines passing a JWT-shaped secret (name matching `shape`) with Adobe context: an Adobe name on the
 * line, or an Adobe file without another system's name on the line. GitHub workflows must take it
 * from `secrets.`; other CI systems reference their variables (`$NAME`, `$(NAME)`, credentials()).
 */
/**
 * Lines of a pipeline that hand a secret of this shape to a step. `adobe`: the name or the file
 * says Adobe. `unnamed`: neither does (E2E_PRIVATE_KEY_B64), and no other system is named either:
 * a finding only in a package with JWT code of its own.
 */
function jwtSecretLines(shape: RegExp, allowLiteral: boolean, which: 'adobe' | 'unnamed' = 'adobe') {
  return (file: FileInput): Hit[] => {
    const fileAdobe = linear(FILE_ADOBE).test(file.text);
    // native-regex: a path
    const github = GITHUB_WORKFLOW.test(file.path) || COMPOSITE_ACTION.test(file.path);
    const hits: Hit[] = [];
    for (const l of scanLines(file.text)) {
      const refs = github ? l.secrets : [...l.secrets, ...l.vars];
      const names = [...(l.key ? [l.key] : []), ...refs];
      // native-regex: names are at most 100 characters (here and below)
      if (!names.some((n) => shape.test(n))) continue;
      // native-regex: names, as above
      if (refs.length === 0 && !(allowLiteral && l.key && shape.test(l.key))) continue;
      // native-regex: names, as above
      const other = names.some((n) => OTHER_NAME.test(n));
      // native-regex: names, as above
      const adobe = names.some((n) => ADOBE_NAME.test(n)) || (fileAdobe && !other);
      if (which === 'adobe' ? !adobe : adobe || other) continue;
      hits.push({ index: l.index, length: 1 });
    }
    return hits;
  };
}

/** `adobe/aio-apps-action` steps run with `command: auth` or given a `KEY` input. */
function aioAppsActionJwt(file: FileInput): Hit[] {
  const doc = yamlDocument(file.text, { uniqueKeys: false });
  const hits: Hit[] = [];
  visit(doc, {
    Map(_, node) {
      const uses = node.get('uses');
      // native-regex: anchored literal prefix
      if (typeof uses !== 'string' || !/^adobe\/aio-apps-action(?:@|$)/.test(uses.trim())) return;
      const withNode = node.get('with', true);
      if (!isMap(withNode)) return;
      for (const pair of withNode.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const value = isScalar(pair.value) ? String(pair.value.value).trim() : '';
        const jwt = (name === 'command' && value === 'auth') || name === 'KEY';
        const range = pair.key.range;
        if (jwt && range) hits.push({ index: range[0], length: range[1] - range[0] });
      }
    },
  });
  return hits;
}

export const ci: RuleFamily = {
  name: 'ci',
  literals: [],
  candidatePaths: CI_FILES,
  rules: [
    {
      id: 'ci-aio-apps-action-jwt-auth',
      title: 'aio-apps-action JWT auth step',
      severity: 'error',
      category: 'ci',
      message:
        'This adobe/aio-apps-action step uses the JWT `auth` command or the KEY (private key) input, which no longer yield tokens. Switch it to `command: oauth_sts` with CLIENTID, CLIENTSECRET, TECHNICALACCOUNTID, TECHNICALACCOUNTEMAIL, IMSORGID and SCOPES, and drop the KEY secret.',
      paths: new RegExp(`${GITHUB_WORKFLOW.source}|${COMPOSITE_ACTION.source}`),
      requires: [/adobe\/aio-apps-action/],
      match: aioAppsActionJwt,
    },
    {
      id: 'ci-jwt-private-key-secret',
      title: 'Adobe JWT private key passed to CI',
      severity: 'error',
      category: 'ci',
      message:
        'This pipeline hands the Adobe Service Account (JWT) private key to a step. After switching to OAuth Server-to-Server (client id + client secret + scopes), remove the key secret here and revoke the key by deleting the JWT credential in the Adobe Developer Console.',
      paths: CI_FILES,
      match: jwtSecretLines(PRIVATE_KEY_NAME, false),
    },
    {
      id: 'ci-private-key-secret-in-jwt-package',
      title: 'Private key passed to CI in a project that uses the JWT flow',
      severity: 'warning',
      category: 'ci',
      message:
        'This pipeline hands a private key to a step, in a project whose code uses the Adobe Service Account (JWT) flow (the secret name does not say which system the key is for). If it is the JWT key, remove it when the code moves to OAuth Server-to-Server (client id, client secret, scopes) and revoke it by deleting the JWT credential in the Adobe Developer Console.',
      needsContext: 'package',
      paths: CI_FILES,
      match: jwtSecretLines(PRIVATE_KEY_NAME, false, 'unnamed'),
    },
    {
      id: 'ci-jwt-meta-scopes',
      title: 'Adobe JWT metascopes in CI',
      severity: 'error',
      category: 'ci',
      message:
        'Metascopes only exist for the Adobe Service Account (JWT) flow. Replace them with the OAuth Server-to-Server scopes listed on the credential in the Adobe Developer Console (for aio contexts: SCOPES, plus TECHNICAL_ACCOUNT_EMAIL and CLIENT_SECRETS).',
      paths: CI_FILES,
      unless: [/\bent_aem_cloud_api\b/],
      match: jwtSecretLines(META_SCOPES_NAME, true),
    },
    {
      id: 'ci-aio-jwt-auth-plugin',
      title: 'aio JWT auth plugin in CI',
      severity: 'error',
      category: 'ci',
      message:
        'This pipeline gets its token through the aio JWT auth plugin, which depends on the retired Service Account (JWT) flow. Configure an OAuth Server-to-Server aio context instead (or use adobe/aio-apps-action with `command: oauth_sts`).',
      paths: CI_FILES,
      pattern:
        /\baio[ \t]+plugins(?::install|[ \t]+install)[ \t]+(?:-[\w-]+[ \t]+){0,3}(?<hit>(?:@adobe\/)?aio-cli-plugin-jwt-auth)\b|\baio[ \t]+(?<hit2>jwt-auth:[\w-]+)/,
    },
  ],
};
