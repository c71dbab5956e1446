// Copies the tree-sitter library (loaded at run time, not bundled: its start-up does not survive
// bundling), its runtime and the grammars listed in src/parse/grammars.json from their npm
// packages into dist/grammars/, where both bundles (dist/index.js, dist/cli/index.js) load them.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
const root = join(here, '..');
const list = JSON.parse(readFileSync(join(root, 'src', 'parse', 'grammars.json'), 'utf8'));
const out = join(root, 'dist', 'grammars');
mkdirSync(out, { recursive: true });
for (const { package: pkg, file } of [list.library, list.runtime, ...Object.values(list.grammars)]) {
  // Packages' exports maps may hide their files from resolution: read node_modules directly.
  const from = join(root, 'node_modules', pkg, file);
  copyFileSync(from, join(out, basename(file)));
}
