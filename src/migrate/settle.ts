import { RULES } from '../rules/index.js';
import { matchFile } from '../scan/match.js';
import { REGION_RULES } from '../scan/regions.js';
import type { RewriteContext } from './types.js';

/**
 * The rule ids of `ids` that the file had findings for and that the scanner no longer reports
 * in `text`: a rewrite claims a finding only when it really made it go away.
 */
export function settledIds(ctx: RewriteContext, ids: string[], text: string): string[] {
  const left = new Set(matchFile(RULES, { path: ctx.file, text }).findings.map((f) => f.ruleId));
  // A token function's region comes from the scan's syntax pass, not from matching one file's
  // text: the plan settles it when none of its signals is left.
  return [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => ids.includes(id) && !left.has(id) && !REGION_RULES.has(id)).sort();
}
