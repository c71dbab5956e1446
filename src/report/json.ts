import type { ScanResult } from '../types.js';

export const REPORT_VERSION = 1;

/** The JSON contract other tooling reads (`scan --format json`). */
export function toJson(result: ScanResult): object {
  return {
    version: REPORT_VERSION,
    root: result.root,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      title: f.title,
      message: f.message,
      category: f.category,
      fingerprint: f.fingerprint,
      fixable: f.fixable,
      snippet: f.snippet,
    })),
    skipped: result.skipped,
    stats: result.stats,
  };
}
