// The migration engine's public face. Entries load it with import() so a scan never pays for
// the TypeScript compiler the code rewriters parse with (a separate bundle chunk).
export { applyPlan } from './apply.js';
export { planJson, planText } from './output.js';
export { planFromScan, planMigration } from './plan.js';
