import type { Rewriter } from '../types.js';

export const workflowsRewriters: Rewriter[] = [];
