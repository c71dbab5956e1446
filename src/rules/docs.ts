import type { RuleFamily } from '../types.js';

export const docs: RuleFamily = {
  name: 'docs',
  literals: [],
  rules: [],
};
