// Before/after fixtures for every rewrite family: __tests__/fixtures/migrate/<family>/<case>/
//   before/   the repository before migrating
//   after/    exactly what `migrate --write` must leave (deleted files absent)
//   case.json optional: {"scopes": "a,b", "manual": ["rule-id", ...], "secrets": {"add": [], "remove": []}}
// Each case also proves: rewritten files still parse, a second run changes nothing, and a scan
// after the migration reports no error for the rules the migration settled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.js';
import { applyPlan } from '../src/migrate/apply.js';
import { languageOf } from '../src/languages/index.js';
import { planMigration, stillParses } from '../src/migrate/plan.js';
import { parseWith } from '../src/parse/tree-sitter.js';
import { listTree } from './helpers/markers.js';
import { tempDir } from './helpers/run.js';

const ROOT = join(import.meta.dirname, 'fixtures', 'migrate');
const cases = existsSync(ROOT)
  ? readdirSync(ROOT).flatMap((family) =>
      readdirSync(join(ROOT, family))
        .filter((c) => statSync(join(ROOT, family, c)).isDirectory())
        .map((c) => ({ name: `${family}/${c}`, dir: join(ROOT, family, c) })),
    )
  : [];

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const f of listTree(dir)) out[f] = readFileSync(join(dir, f), 'latin1');
  return out;
}

/**
 * JS/TS through the TypeScript parser, Python through py_compile, JSON/YAML through their parsers,
 * other languages through their tree-sitter grammar (no error nodes).
 */
export async function parseErrors(root: string, file: string, text: string): Promise<string[]> {
  if (/\.[cm]?[jt]sx?$/.test(file)) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
    return diags.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  if (/\.py$/.test(file)) {
    const r = spawnSync('python3', ['-m', 'py_compile', join(root, file)], { encoding: 'utf8' });
    return r.status === 0 ? [] : [`${file}: ${r.stderr.trim()}`];
  }
  const grammar = languageOf(file)?.parser;
  if (grammar) {
    const tree = await parseWith(grammar, text);
    if (!tree) throw new Error(`no ${grammar} grammar to check ${file}`);
    const bad = tree.rootNode.hasError;
    tree.delete();
    return bad ? [`${file}: tree-sitter ${grammar} finds syntax errors`] : [];
  }
  return stillParses(file, text) ? [] : [`${file}: does not parse`];
}

describe('migration fixtures', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const opts = existsSync(join(c.dir, 'case.json')) ? JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')) : {};
    const work = tempDir('ajm-migrate-');
    cpSync(join(c.dir, 'before'), work, { recursive: true });
    const settings = loadSettings({ root: work, failOn: 'never' });

    const { plan } = await planMigration(settings, { scopes: opts.scopes });
    expect(applyPlan(plan)).toEqual([]);
    expect(tree(work)).toEqual(tree(join(c.dir, 'after')));

    for (const e of plan.edits.filter((x) => x.action !== 'delete')) {
      expect(await parseErrors(work, e.file, e.after ?? '')).toEqual([]);
    }
    if (opts.manual) expect(plan.manual.map((m) => m.ruleId).sort()).toEqual([...opts.manual].sort());
    if (opts.secrets) expect(plan.secrets).toEqual(opts.secrets);

    const again = await planMigration(settings, { scopes: opts.scopes });
    expect(again.plan.edits.map((e) => `${e.action} ${e.file}`)).toEqual([]);
    // A rewrite claims the rules it settled in its own file: none of them is reported there again.
    const settled = new Set(plan.edits.flatMap((e) => e.ruleIds.map((id) => `${e.file} ${id}`)));
    const left = again.scan.findings.filter((f) => f.severity === 'error' && settled.has(`${f.file} ${f.ruleId}`));
    expect(left.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });
});
