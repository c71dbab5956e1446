import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Loads the migration engine. TypeScript's compiler reads the CommonJS globals __filename and
 * __dirname when it loads; an ES module bundle has neither, so give them the bundle's own.
 */
export async function loadMigrate(moduleUrl: string): Promise<typeof import('./migrate/index.js')> {
  commonJsGlobals(moduleUrl);
  return import('./migrate/index.js');
}

/** The TypeScript compiler (the JS/TS parser), loaded the same way, on first use. */
export async function loadTypeScript(): Promise<typeof import('typescript')> {
  commonJsGlobals(import.meta.url);
  const ts = await import('typescript');
  return (ts as unknown as { default?: typeof import('typescript') }).default ?? ts;
}

function commonJsGlobals(moduleUrl: string): void {
  const g = globalThis as Record<string, unknown>;
  g.__filename ??= fileURLToPath(moduleUrl);
  g.__dirname ??= dirname(fileURLToPath(moduleUrl));
}
