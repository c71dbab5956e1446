// The migration engine's public face. Entries load it with import() so a scan never pays for
// the TypeScript compiler the code rewriters parse with (a separate bundle chunk).
export { applyPlan } from './apply.js';
export { planJson, planText } from './output.js';
export { markFixable, planFromScan, planMigration } from './plan.js';

import { REWRITERS } from './rewriters/index.js';

/** Rule ids some rewriter takes on: the forms `migrate` can change (a finding of them is fixable when the plan edits it). */
export function rewrittenRuleIds(): Set<string> {
  return new Set(REWRITERS.flatMap((r) => r.ruleIds));
}
