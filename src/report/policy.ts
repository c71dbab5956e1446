import type { FailOn, Finding, ScanResult, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';

export interface Totals {
  findings: number;
  error: number;
  warning: number;
  note: number;
  files: number;
  fixable: number;
}

export function totals(findings: Finding[]): Totals {
  const t: Totals = { findings: findings.length, error: 0, warning: 0, note: 0, files: 0, fixable: 0 };
  for (const f of findings) {
    t[f.severity]++;
    if (f.fixable) t.fixable++;
  }
  t.files = new Set(findings.map((f) => f.file)).size;
  return t;
}

/** The findings that make the run fail under the policy. */
export function failing(findings: Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  const min = SEVERITY_RANK[failOn as Severity];
  return findings.filter((f) => SEVERITY_RANK[f.severity] >= min);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * When the scan read no file at all, the warning that says so: "no usage found" would be a false
 * all-clear (an empty folder, a wrong path, everything excluded or ignored).
 */
export function nothingRead(result: ScanResult): string | undefined {
  if (result.stats.filesScanned > 0) return undefined;
  const listed = result.stats.filesListed;
  const why = listed === 0 ? 'the folder holds no file that git tracks or that is not ignored' : `${plural(listed, 'file')} listed, none readable (see the skipped files)`;
  return `No file was read (${why}): this is not a clean result. Check the path, the config's exclude patterns and .gitignore.`;
}
