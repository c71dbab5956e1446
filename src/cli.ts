#!/usr/bin/env node
// The CLI's entry. It stays small: scan workers run this same file and load only the scanner,
// and Node's compile cache is on before the large modules (the CLI, the TypeScript compiler the
// migration plan parses with) are compiled, so later runs skip most of their compile time.
import module from 'node:module';
import { escapeProcessWarnings } from './escape.js';
import { isScanWorker } from './scan/worker-role.js';

escapeProcessWarnings();
// Node 22.1 and later; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
const entry = new URL(import.meta.url);
if (isScanWorker()) {
  (await import('./scan/worker.js')).runWorker();
} else {
  const { main } = await import('./cli-main.js');
  process.exitCode = await main(process.argv.slice(2), entry);
}
