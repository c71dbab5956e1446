import type { Rewriter } from '../types.js';

export const aioRewriters: Rewriter[] = [];
