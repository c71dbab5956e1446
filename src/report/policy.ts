import type { FailOn, Finding, Severity } from '../types.js';
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
