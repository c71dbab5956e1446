import type { Rewriter } from '../types.js';

export const codePythonRewriters: Rewriter[] = [];
