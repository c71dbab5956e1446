import type { Finding, Severity } from '../types.js';

/** GitHub shows at most this many annotations of each level per step. */
export const PER_LEVEL_LIMIT = 10;

export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * Chooses the annotations to emit: errors first, at most `max` in all and PER_LEVEL_LIMIT per
 * level; when findings are left over, one notice (counted in its level) says where they are.
 */
export function planAnnotations(findings: Finding[], max: number): Annotation[] {
  if (max < 1) return [];
  const order: Severity[] = ['error', 'warning', 'note'];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const used: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const chosen: Annotation[] = [];
  const overflow = (): boolean => findings.length > chosen.length;
  for (const f of sorted) {
    if (chosen.length >= max) break;
    if (used[f.severity] >= PER_LEVEL_LIMIT) continue;
    used[f.severity]++;
    const sameLine = f.endLine === f.line;
    chosen.push({
      level: f.severity,
      message: f.message,
      title: `${f.title} (${f.ruleId})`,
      file: f.file || undefined,
      startLine: f.file ? f.line : undefined,
      endLine: f.file ? f.endLine : undefined,
      // GitHub ignores columns on multi-line annotations.
      ...(sameLine && f.file ? { startColumn: f.column, endColumn: f.endColumn } : {}),
    });
  }
  if (overflow()) {
    // Make room for the notice in both limits.
    if (chosen.length && (chosen.length >= max || used.note >= PER_LEVEL_LIMIT)) {
      const drop = chosen.map((a) => a.level).lastIndexOf(used.note >= PER_LEVEL_LIMIT ? 'note' : chosen[chosen.length - 1].level);
      chosen.splice(drop, 1);
    }
    const more = findings.length - chosen.length;
    chosen.push({
      level: 'note',
      title: 'More Adobe JWT findings',
      message: `${more} more finding${more === 1 ? ' is' : 's are'} listed in the job summary and the JSON/SARIF reports (GitHub shows a limited number of annotations per step).`,
    });
  }
  return chosen;
}
