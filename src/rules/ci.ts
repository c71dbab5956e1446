import type { RuleFamily } from '../types.js';

export const ci: RuleFamily = {
  name: 'ci',
  literals: [],
  rules: [],
};
