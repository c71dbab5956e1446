import { linear } from '../regex.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';
import { DOC_PATHS } from './context.js';

// Documentation that tells readers to set up or use the Service Account (JWT) credential.
// Only Adobe documents count, and lines that talk about the migration away from JWT are skipped.

/** The document is about Adobe. */
const ADOBE_DOC = /adobe|adobelogin\.com|\baio (?:app|login|console|config)\b|\bent_[a-z_]+_sdk\b/i;
/**
 * Lines that describe the deprecation or the move to OAuth Server-to-Server, not the setup (and AEM as
 * a Cloud Service service credentials, which are not deprecated).
 */
const MIGRATION_LINE =
  /ent_aem_cloud_api|migrat|deprecat|end[- ]of[- ]life|\bEOL\b|sunset|retire|no longer|replace|instead of|switch(?:ed|ing)? (?:from|to)|Server[- ]to[- ]Server|\bS2S\b|client_credentials|\/ims\/token\/v[23]/i;
/** Release notes tell history, not setup. */
const HISTORY_FILES = /(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|NEWS)[^/]*$/i;

/** Hits of `re` on lines that are not about the migration. */
function setupLines(re: RegExp) {
  const pattern = linear(re);
  const migration = linear(MIGRATION_LINE);
  return (file: FileInput): Hit[] => {
    const hits: Hit[] = [];
    let offset = 0;
    for (const line of file.text.split('\n')) {
      if (line.length <= 4000 && !migration.test(line)) {
        const m = pattern.exec(line);
        if (m) hits.push({ index: offset + m.index, length: m.end - m.index });
      }
      offset += line.length + 1;
    }
    return hits;
  };
}

const base = {
  severity: 'note' as const,
  category: 'docs' as const,
  paths: DOC_PATHS,
  excludePaths: HISTORY_FILES,
  requires: [ADOBE_DOC],
};

export const docs: RuleFamily = {
  name: 'docs',
  literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange'],
  rules: [
    {
      ...base,
      id: 'docs-service-account-jwt',
      title: 'Docs: Service Account (JWT) credential',
      message:
        'These docs tell readers to create or use a Service Account (JWT) credential, which Adobe has retired. Rewrite the step for an OAuth Server-to-Server credential (client id, client secret, scopes).',
      match: setupLines(
        /\bService[ -]Account \(JWT\)|\bJWT \(Service Account\)|\bService Account Integration\b|\bJWT (?:credentials?|integration)\b|\bService Account (?:credentials?|authentication) \(?JWT/i,
      ),
    },
    {
      ...base,
      id: 'docs-jwt-keypair-setup',
      title: 'Docs: JWT key pair generation',
      message:
        'These docs walk through creating or uploading the JWT key pair (private.key / certificate_pub.crt). OAuth Server-to-Server needs no key pair: drop the step and document the client secret and scopes instead.',
      match: setupLines(
        /certificate_pub\.crt|\bGenerate (?:a )?(?:public[/ ]private )?key ?pair\b|\bUpload (?:a |the )?public key\b/i,
      ),
    },
    {
      ...base,
      id: 'docs-meta-scope-config',
      title: 'Docs: metascopes configuration',
      message:
        'These docs configure JWT metascopes. OAuth Server-to-Server uses scopes instead: document the comma-separated scope list shown on the credential in the Adobe Developer Console.',
      match: setupLines(/\bmeta[_ ]?scopes?\b|\bent_[a-z_]+_sdk\b/i),
    },
    {
      ...base,
      id: 'docs-ims-jwt-exchange-url',
      title: 'Docs: IMS JWT exchange URL',
      message:
        'These docs point to the IMS JWT exchange endpoint, which no longer issues tokens. Document the OAuth Server-to-Server token request instead: POST grant_type=client_credentials to /ims/token/v3.',
      requires: undefined,
      match: setupLines(/\/ims\/exchange\/(?:v1\/)?jwt\b/),
    },
  ],
};
