import type { Rewriter } from '../types.js';

export const postmanRewriters: Rewriter[] = [];
