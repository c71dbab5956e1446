import { closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isInside, realPathOf } from '../paths.js';
import type { MigrationPlan } from './types.js';

/**
 * Where an edit may write: inside the repository once links are resolved, and not a link itself
 * (a committed link could send the write anywhere on the machine). Undefined when it may not.
 */
function safeTarget(realRoot: string, root: string, file: string): string | undefined {
  const abs = join(root, file);
  if (!isInside(realRoot, realPathOf(dirname(abs)))) return undefined;
  try {
    if (lstatSync(abs).isSymbolicLink()) return undefined;
  } catch {
    // not there yet: created below
  }
  return abs;
}

/**
 * Writes the plan. A file that changed since it was planned, or that a link would carry outside
 * the repository, is left alone and reported.
 */
export function applyPlan(plan: MigrationPlan): string[] {
  const conflicts: string[] = [];
  const realRoot = realPathOf(plan.root);
  for (const e of plan.edits) {
    const abs = safeTarget(realRoot, plan.root, e.file);
    if (!abs) {
      conflicts.push(e.file);
      continue;
    }
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
      const fd = openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
      try {
        writeSync(fd, e.after ?? '');
      } finally {
        closeSync(fd);
      }
    }
  }
  return conflicts;
}
