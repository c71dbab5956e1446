import { RULES } from '../rules/index.js';
import type { ScanResult, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };
/** Code scanning accepts at most this many results per run. */
export const SARIF_MAX_RESULTS = 25_000;
export const TOOL_URI = 'https://github.com/adobe-jwt-migrate/adobe-jwt-migrate';

/** SARIF 2.1.0 for github/codeql-action/upload-sarif; fingerprints keep alerts stable. */
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
              name: r.title.replace(/[^A-Za-z0-9]+/g, ' ').trim(), // native-regex: our rule title
              shortDescription: { text: r.title },
              fullDescription: { text: r.message },
              help: { text: r.message, markdown: r.message },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                tags: ['adobe', 'jwt', r.category, ...(r.category === 'security' ? ['security'] : [])],
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
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
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
