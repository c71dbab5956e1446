// The linear-time guarantee, property style: every rule and every rewriter, fed its own fixtures
// turned hostile (long runs of blanks, base64, repeated delimiters, its own shapes joined into one
// huge line, stretched indentation), finishes each file inside a generous time budget. The budget
// tells "runs to the end" from "hangs for minutes"; speed itself is measured by `npm run bench`.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.js';
import { planMigration } from '../src/migrate/plan.js';
import { RULES } from '../src/rules/index.js';
import { matchFile } from '../src/scan/match.js';
import { GENERATORS, MB } from './helpers/adversarial.js';
import { listTree } from './helpers/markers.js';
import { CLI, gitRepo, tempDir } from './helpers/run.js';

const RULE_FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');
/** Seconds a file may take through every rule: far above what linear time needs (about 1 s per MB). */
const BUDGET_S_PER_MB = 6;

function textFiles(root: string): { path: string; text: string }[] {
  return listTree(root)
    .filter((f) => !f.endsWith('.expect'))
    .map((f) => ({ path: f, buf: readFileSync(join(root, f)) }))
    .filter((f) => !f.buf.subarray(0, 8000).includes(0))
    .map((f) => ({ path: f.path, text: f.buf.toString('utf8') }));
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const out = fn();
  return [out, (performance.now() - start) / 1000];
}

describe('every rule on hostile input', () => {
  const files = textFiles(RULE_FIXTURES);
  // Every fixture file meets one generator (they take turns), at 1 MB.
  it.each(files.map((f, i) => [f.path, GENERATORS[i % GENERATORS.length].name, f, GENERATORS[i % GENERATORS.length]] as const))(
    '%s (%s, 1 MB)',
    (_p, _g, f, g) => {
      const path = f.path.split('/').slice(2).join('/'); // family/case/ is not part of the repository path
      const [, seconds] = timed(() => matchFile(RULES, { path, text: g.make(f.text, MB) }));
      expect(seconds).toBeLessThan(BUDGET_S_PER_MB);
    },
    60_000,
  );

  // Every generator at 5 MB on files of each family that reach many rules.
  const heavy = ['code/exchange-endpoint/token.js', 'config/aio-env-contexts/.env', 'ci/'].map((prefix) => files.find((f) => f.path.startsWith(prefix))!);
  it.each(heavy.flatMap((f) => GENERATORS.map((g) => [f.path, g.name, f, g] as const)))(
    '%s (%s, 5 MB)',
    (_p, _g, f, g) => {
      const path = f.path.split('/').slice(2).join('/');
      const [result, seconds] = timed(() => matchFile(RULES, { path, text: g.make(f.text, 5 * MB) }));
      expect(seconds).toBeLessThan(5 * BUDGET_S_PER_MB);
      expect(result.findings.every((x) => x.snippet.length <= 200)).toBe(true);
    },
    120_000,
  );

  it('a finding on a 7 MB line is reported, not lost to a stack overflow', () => {
    const line = `const u = "https://ims-na1.adobelogin.com/ims/exchange/jwt"; ${'x'.repeat(7 * MB)}\n`;
    const { findings } = matchFile(RULES, { path: 'a.js', text: line });
    expect(findings.map((f) => f.ruleId)).toContain('code-ims-jwt-exchange');
  });
});

describe('every rewriter on hostile input', () => {
  const root = join(import.meta.dirname, 'fixtures', 'migrate');
  const cases = readdirSync(root).flatMap((family) =>
    readdirSync(join(root, family))
      .filter((c) => statSync(join(root, family, c)).isDirectory())
      .map((c) => `${family}/${c}`),
  );
  // Each case meets one generator (they take turns): a 1 MB hostile line goes into every text
  // file of the case, so every rewriter the case reaches reads it; then the whole plan is made.
  it.each(cases.map((c, i) => [c, GENERATORS[i % GENERATORS.length].name, GENERATORS[i % GENERATORS.length]] as const))(
    '%s (%s, 1 MB)',
    async (c, _g, g) => {
      const work = tempDir('ajm-hostile-');
      cpSync(join(root, c, 'before'), work, { recursive: true });
      for (const f of textFiles(work)) writeFileSync(join(work, f.path), g.make(f.text, MB));
      const [plan, seconds] = await timedAsync(() => planMigration(loadSettings({ root: work, failOn: 'never' })));
      expect(plan.plan.root).toBe(work);
      expect(seconds).toBeLessThan(30);
    },
    120_000,
  );

  it('migrates a YAML file with an indented PEM key followed by more keys (it once backtracked for minutes)', () => {
    const key = ['-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 26 }, () => 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'), 'MIIEvQ==', '-----END PRIVATE KEY-----'];
    const yaml = ['adobe:', '  org_id: 1234@AdobeOrg', '  technical_account_id: ABC@techacct.adobe.com', '  private_key: |', ...key.map((l) => `    ${l}`), ...Array.from({ length: 40 }, (_, i) => `  setting_${i}: value ${i}`), ''].join('\n');
    const repo = gitRepo({ 'config/app.yaml': yaml });
    const r = spawnSync(process.execPath, [CLI, 'migrate', repo, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe(1);
  }, 90_000);
});

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, (performance.now() - start) / 1000];
}
