// `migrate` through the built CLI: preview changes nothing, --write applies, a rerun is a no-op,
// and a file a person changed after planning is never overwritten.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSettings } from '../src/config.js';
import { applyPlan } from '../src/migrate/apply.js';
import { planMigration } from '../src/migrate/plan.js';
import { listTree } from './helpers/markers.js';
import { cli, PROJECT, tempDir } from './helpers/run.js';

const EXAMPLE = join(PROJECT, 'examples', 'acme-analytics-sync');
const MigrateJson = z.object({
  version: z.literal(1),
  edits: z.array(z.object({ file: z.string(), action: z.enum(['modify', 'create', 'delete']), ruleIds: z.array(z.string()).min(1) })),
  manual: z.array(z.object({ file: z.string(), line: z.number().int().positive(), ruleId: z.string(), instructions: z.string().min(20) }).loose()),
  secrets: z.object({ add: z.array(z.string()), remove: z.array(z.string()) }),
}).loose();

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

function copyExample(): string {
  const dir = tempDir('ajm-mig-');
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

describe('cli migrate', () => {
  it('previews a readable diff and changes nothing without --write', () => {
    const app = copyExample();
    const before = snapshot(app);
    const run = cli(['migrate', app]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\| diff --git a\/src\/adobe\/token\.js b\/src\/adobe\/token\.js$/m);
    expect(run.stdout).toMatch(/^\| -const auth = require\('@adobe\/jwt-auth'\);$/m);
    expect(run.stdout).toContain('planned edits (run with --write to apply)');
    expect(run.stdout).toContain('Manual steps');
    expect(snapshot(app)).toEqual(before);
  });

  it('prints the JSON contract, applies with --write, and a second run plans nothing', () => {
    const app = copyExample();
    const plan = MigrateJson.parse(JSON.parse(cli(['migrate', app, '--format', 'json']).stdout));
    expect(plan.edits.map((e) => `${e.action} ${e.file}`)).toEqual(
      expect.arrayContaining(['modify src/adobe/token.js', 'modify scripts/export_segments.py', 'delete keys/private.key', 'modify .github/workflows/nightly-sync.yml']),
    );
    expect(plan.secrets.remove).toContain('ADOBE_PRIVATE_KEY');
    const write = cli(['migrate', app, '--write', '--format', 'json']);
    expect(write.status, write.stderr).toBe(0);
    const after = snapshot(app);
    expect(after['keys/private.key']).toBeUndefined();
    expect(after['src/adobe/token.js']).not.toContain('@adobe/jwt-auth');
    const again = MigrateJson.parse(JSON.parse(cli(['migrate', app, '--format', 'json']).stdout));
    expect(again.edits).toEqual([]);
    expect(snapshot(app)).toEqual(after);
  });

  it('rejects bad flags with exit 2', () => {
    const app = copyExample();
    expect(cli(['migrate', app, '--format', 'sarif']).status).toBe(2);
    const r = cli(['migrate', app, '--scopes', ' , ']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--scopes needs a comma-separated list');
  });

  it('never overwrites a file a person changed after the plan was made', async () => {
    const app = copyExample();
    const { plan } = await planMigration(loadSettings({ root: app, failOn: 'never' }));
    const target = join(app, 'src/adobe/token.js');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\n// a person's edit\n`);
    const conflicts = applyPlan(plan);
    expect(conflicts).toEqual(['src/adobe/token.js']);
    expect(readFileSync(target, 'utf8')).toContain("// a person's edit");
    expect(readFileSync(target, 'utf8')).toContain('@adobe/jwt-auth');
  });
});

describe('"fixable" is what migrate edits', () => {
  const FIXTURES = join(PROJECT, '__tests__', 'fixtures', 'migrate');
  const trees = [EXAMPLE, ...['code-js/jwt-auth-leave-alone', 'code-python/no-client-fields-leave-alone', 'aio/manifest-action-inputs-left', 'deps/still-used-left-alone', 'pyconfigs/duplicate-keys-left', 'workflows/acme-nightly-sync'].map((c) => join(FIXTURES, c, 'before'))];
  it.each(trees.map((t) => [t.slice(PROJECT.length + 1), t]))('%s: scan marks fixable exactly the findings migrate edits, and the text says how many', (_n, tree) => {
    const dir = tempDir('ajm-fix-');
    cpSync(tree, dir, { recursive: true });
    const scan = JSON.parse(cli(['scan', dir, '--format', 'json', '--fail-on', 'never']).stdout);
    const plan = MigrateJson.parse(JSON.parse(cli(['migrate', dir, '--format', 'json']).stdout));
    const edited = new Set(plan.edits.flatMap((e) => e.ruleIds.map((id) => `${e.file} ${id}`)));
    const findings = scan.findings as { file: string; ruleId: string; fixable: boolean }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.fixable, `${f.file} ${f.ruleId}`).toBe(edited.has(`${f.file} ${f.ruleId}`));
    const fixable = findings.filter((f) => f.fixable).length;
    expect(cli(['scan', dir, '--fail-on', 'never']).stdout).toContain(`; ${fixable} can be migrated automatically.`);
  });

  it('the rules list calls fixable exactly the rules a rewriter takes on', async () => {
    const { rewrittenRuleIds } = await import('../src/migrate/index.js');
    const listed = JSON.parse(cli(['rules', '--format', 'json']).stdout).rules as { id: string; fixable: boolean }[];
    const rewritten = rewrittenRuleIds();
    expect(listed.filter((r) => r.fixable).map((r) => r.id).sort()).toEqual([...rewritten].filter((id) => listed.some((r) => r.id === id)).sort());
  });
});
