import { RULES } from '../rules/index.js';
import { matchFile } from '../scan/match.js';
import type { RewriteContext } from './types.js';

/**
 * The rule ids of `ids` that the file had findings for and that the scanner no longer reports
 * in `text`: a rewrite claims a finding only when it really made it go away.
 */
export function settledIds(ctx: RewriteContext, ids: string[], text: string): string[] {
  const left = new Set(matchFile(RULES, { path: ctx.file, text }).findings.map((f) => f.ruleId));
  return [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => ids.includes(id) && !left.has(id)).sort();
}
