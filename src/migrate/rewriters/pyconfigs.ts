import type { Rewriter } from '../types.js';

export const pyconfigsRewriters: Rewriter[] = [];
