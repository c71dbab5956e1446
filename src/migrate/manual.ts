// Ready snippets for the manual steps, in the language of the file that needs the change: each
// language's entry in the registry (src/languages/) carries its token request; settings files get
// the OAuth Server-to-Server settings in their own format.
import { languageOf } from '../languages/index.js';
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

/**
 * The snippet for a finding's manual step: the token request in a code file's language, the
 * OAuth settings in a settings file's format; undefined for other findings (documents, keys,
 * dependencies).
 */
export function manualSnippet(file: string, ruleId: string): string | undefined {
  if (!ruleId.startsWith('code-') && !ruleId.startsWith('config-')) return undefined;
  const lang = languageOf(file);
  if (lang) return ruleId.startsWith('code-') ? lang.tokenSnippet : undefined;
  return settingsSnippet(file);
}
