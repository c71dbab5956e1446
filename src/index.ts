// The action's entry point: the runner starts dist/index.js, built from this file. The same
// bundle is started again as each scan worker thread; src/main.ts answers that role itself.
import { escapeProcessWarnings } from './escape.js';
import { run } from './main.js';
import { isScanWorker } from './scan/worker-role.js';

escapeProcessWarnings();
if (!isScanWorker()) void run();
