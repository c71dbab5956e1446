import { safePath } from '../escape.js';
import type { FailOn, ScanResult } from '../types.js';
import { failing, nothingRead, plural, totals } from './policy.js';

/** One line a finding, `file:line:col severity rule-id message`, then a summary. */
export function toText(result: ScanResult, failOn: FailOn): string {
  const lines = result.findings.map((f) => `${safePath(f.file)}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
  const t = totals(result.findings);
  const s = result.stats;
  lines.push('');
  lines.push(
    t.findings === 0
      ? (nothingRead(result) ?? 'No Adobe JWT (Service Account) usage found.')
      : `${plural(t.findings, 'finding')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${plural(t.note, 'note')}) in ${plural(t.files, 'file')}; ${t.fixable} can be migrated automatically.`,
  );
  lines.push(
    `Scanned ${plural(s.filesScanned, 'file')} (${(s.bytesScanned / 1e6).toFixed(1)} MB) in ${s.durationMs} ms; ${plural(result.skipped.length, 'file')} skipped.`,
  );
  const fail = failing(result.findings, failOn).length;
  if (fail) lines.push(`Failing: ${plural(fail, 'finding')} at or above '${failOn}' (--fail-on).`);
  return `${lines.join('\n')}\n`;
}
