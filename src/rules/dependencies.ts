import type { RuleFamily } from '../types.js';

export const dependencies: RuleFamily = {
  name: 'dependencies',
  literals: [],
  rules: [],
};
