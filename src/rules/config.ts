import type { RuleFamily } from '../types.js';

export const config: RuleFamily = {
  name: 'config',
  literals: [],
  rules: [],
};
