import type { RuleFamily } from '../types.js';

export const keys: RuleFamily = {
  name: 'keys',
  literals: [],
  rules: [],
};
