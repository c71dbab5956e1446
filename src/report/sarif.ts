import { RULES } from '../rules/index.js';
import type { ScanResult, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };
/** Code scanning accepts at most this many results per run. */
export const SARIF_MAX_RESULTS = 25_000;
export const TOOL_URI = 'https://github.com/adobe-jwt-migrate/adobe-jwt-migrate';
/** The README section that describes every rule family. */
const HELP_URI = `${TOOL_URI}#what-it-detects`;

/**
 * SARIF's "friendly name": one Pascal-case identifier, as the spec and Microsoft's validator ask
 * (`Adobe IMS JWT exchange` -> `AdobeImsJwtExchange`, `I/O` -> `Io`, the article `a` dropped).
 * A lone one-letter word (the R language) stays a capital: the validator notes it, nothing more.
 */
function friendlyName(title: string): string {
  // native-regex: our own rule titles (`ExchangeJWT` -> `Exchange JWT`, then the words)
  const spaced = title.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  // native-regex: the same title
  const words = spaced.split(/[^A-Za-z0-9]+/).filter((w) => w && w.toLowerCase() !== 'a');
  // Consecutive one-letter words are one word: `I O` -> `IO` -> `Io`.
  const merged: string[] = [];
  words.forEach((w, i) => {
    if (w.length === 1 && i > 0 && words[i - 1].length === 1) merged[merged.length - 1] += w;
    else merged.push(w);
  });
  return merged.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
}

/** SARIF 2.1.0 for github/codeql-action/upload-sarif; fingerprints keep alerts stable. */
/**
 * A repository path as a relative URI reference (RFC 3986): each segment percent-encoded, so a
 * path with spaces or `#` (examples/config files - basic/) is still one file to code scanning.
 */
export function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(result: ScanResult, version: string): object {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'adobe-jwt-migrate',
            version,
            informationUri: TOOL_URI,
            rules: RULES.map((r) => ({
              id: r.id,
              name: friendlyName(r.title),
              shortDescription: { text: r.title },
              fullDescription: { text: r.message },
              help: { text: r.message, markdown: r.message },
              helpUri: HELP_URI,
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                // Unique (SARIF's schema requires it); the 'security' category is code scanning's 'security' tag.
                tags: [...new Set(['adobe', 'jwt', r.category])],
                ...(r.category === 'security' ? { 'security-severity': '8.0' } : {}),
                precision: 'high',
              },
            })),
          },
        },
        automationDetails: { id: 'adobe-jwt-migrate/' },
        // Code scanning needs a location: Console findings that no file links are in the summary only.
        results: result.findings.filter((f) => f.file).slice(0, SARIF_MAX_RESULTS).map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) ?? -1,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  endLine: f.endLine,
                  endColumn: f.endColumn,
                  ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
                },
              },
            },
          ],
          partialFingerprints: { 'adobeJwtMigrate/v1': f.fingerprint },
        })),
      },
    ],
  };
}
