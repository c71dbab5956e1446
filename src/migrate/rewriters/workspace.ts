import type { Rewriter } from '../types.js';

export const workspaceRewriters: Rewriter[] = [];
