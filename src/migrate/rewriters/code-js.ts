import type { Rewriter } from '../types.js';

export const codeJsRewriters: Rewriter[] = [];
