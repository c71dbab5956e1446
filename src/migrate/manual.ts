// Ready snippets for the manual steps, in the language of the file that needs the change: each
// language's entry in the registry (src/languages/) carries its token request; settings files get
// the OAuth Server-to-Server settings in their own format.
import { languageOf, manifestLanguage } from '../languages/index.js';
import { IMS_TOKEN_URL } from '../languages/types.js';

const SETTINGS = [
  ['client_id', '<client id of the OAuth Server-to-Server credential>'],
  ['client_secret', '<client secret from the Developer Console>'],
  ['scopes', '<scopes from the Developer Console, comma-separated>'],
  ['token_url', IMS_TOKEN_URL],
];
const HEAD = 'OAuth Server-to-Server settings (in place of the private key, metascopes and JWT endpoint)';

/** The OAuth settings in a settings file's format, by its name; undefined for other files. */
function settingsSnippet(file: string): string | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : name;
  if (['.properties', '.ini', '.cfg', '.conf', '.env'].includes(ext) || name.startsWith('.env')) {
    return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k}=${v}`)].join('\n');
  }
  // JSON has no comments: the members alone.
  if (ext === '.json') return [...SETTINGS.map(([k, v], i) => `"${k}": "${v}"${i < SETTINGS.length - 1 ? ',' : ''}`)].join('\n');
  if (ext === '.yml' || ext === '.yaml') return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k}: "${v}"`)].join('\n');
  if (ext === '.toml') return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k} = "${v}"`)].join('\n');
  return undefined;
}

/** A workflow step of adobe/aio-apps-action that authenticates with OAuth Server-to-Server. */
const AIO_APPS_STEP = `- uses: adobe/aio-apps-action@3.3.0
  with:
    os: ubuntu-latest
    command: oauth_sts
    CLIENTID: \${{ secrets.CLIENTID }}
    CLIENTSECRET: \${{ secrets.CLIENTSECRET }}
    TECHNICALACCOUNTID: \${{ secrets.TECHNICALACCID }}
    TECHNICALACCOUNTEMAIL: \${{ secrets.TECHNICALACCEMAIL }}
    IMSORGID: \${{ secrets.IMSORGID }}
    SCOPES: \${{ vars.SCOPES }}`;

/** A workflow's environment for a token request: the OAuth secrets in place of the key's. */
const WORKFLOW_ENV = `env:
  ADOBE_CLIENT_ID: \${{ secrets.ADOBE_CLIENT_ID }}
  ADOBE_CLIENT_SECRET: \${{ secrets.ADOBE_CLIENT_SECRET }}
  ADOBE_SCOPES: \${{ vars.ADOBE_SCOPES }} # comma-separated OAuth scopes from the Developer Console`;

/**
 * The snippet for a finding's manual step: the token request in a code file's language, the
 * OAuth settings in a settings file's format; for a JWT package that code still imports, the
 * token request in the manifest's language, to put in place of the package's call; for a
 * workflow, its steps or environment with the OAuth secrets. Undefined for other findings
 * (documents, keys).
 */
export function manualSnippet(file: string, ruleId: string): string | undefined {
  // (A PDF Services SDK only needs its version moved: no token request to write.)
  if (ruleId.startsWith('dep-')) return ruleId === 'dep-pdf-services-jwt-sdk' ? undefined : manifestLanguage(file)?.tokenSnippet;
  // Workflows (run, or kept as examples): the step or the environment in OAuth's terms.
  if (ruleId.startsWith('ci-')) return ruleId.startsWith('ci-aio-apps-action') ? AIO_APPS_STEP : WORKFLOW_ENV;
  if (!ruleId.startsWith('code-') && !ruleId.startsWith('config-')) return undefined;
  const lang = languageOf(file);
  if (lang) return ruleId.startsWith('code-') ? lang.tokenSnippet : undefined;
  return settingsSnippet(file);
}
