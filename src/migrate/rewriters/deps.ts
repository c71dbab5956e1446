import type { Rewriter } from '../types.js';

export const depsRewriters: Rewriter[] = [];
