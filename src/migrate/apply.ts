import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MigrationPlan } from './types.js';

/** Writes the plan. A file that changed since it was planned is left alone and reported. */
export function applyPlan(plan: MigrationPlan): string[] {
  const conflicts: string[] = [];
  for (const e of plan.edits) {
    const abs = join(plan.root, e.file);
    let current: string | null = null;
    try {
      current = readFileSync(abs, 'utf8');
    } catch {
      current = null;
    }
    const changed = e.action === 'create' ? current !== null : e.before !== null && current !== e.before;
    if (changed) {
      conflicts.push(e.file);
      continue;
    }
    if (e.action === 'delete') rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, e.after ?? '');
    }
  }
  return conflicts;
}
