import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.js';
import { RULES } from '../src/rules/index.js';
import { scan } from '../src/scan/engine.js';
import { readMarkers } from './helpers/markers.js';

const ROOT = join(import.meta.dirname, 'fixtures', 'rules');
const families = readdirSync(ROOT).filter((f) => statSync(join(ROOT, f)).isDirectory());
const cases = families.flatMap((family) =>
  readdirSync(join(ROOT, family))
    .filter((c) => statSync(join(ROOT, family, c)).isDirectory())
    .map((c) => ({ family, name: c, dir: join(ROOT, family, c) })),
);

describe('rule fixtures', () => {
  it.each(cases.map((c) => [`${c.family}/${c.name}`, c] as const))('%s reports exactly the marked lines', async (_n, c) => {
    const markers = readMarkers(c.dir);
    const result = await scan(loadSettings({ root: c.dir, failOn: 'never' }));
    const scaffold = new Set(markers.filter((m) => m.kind === 'scaffold').map((m) => `${m.file}:${m.line}`));
    const actual = result.findings.filter((f) => !scaffold.has(`${f.file}:${f.line}`)).map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    const expected = markers.filter((m) => m.kind === 'expect').map((m) => `${m.file}:${m.line} ${m.ruleId}`).sort();
    expect(actual).toEqual([...new Set(expected)]);
    for (const ok of markers.filter((m) => m.kind === 'ok')) {
      expect(actual, `ok marker ${ok.file}:${ok.line}`).not.toContain(`${ok.file}:${ok.line} ${ok.ruleId}`);
    }
  });

  it('every rule has a positive fixture and every family a look-alike', () => {
    const all = cases.flatMap((c) => readMarkers(c.dir).map((m) => ({ ...m, family: c.family })));
    const expected = new Set(all.filter((m) => m.kind === 'expect').map((m) => m.ruleId));
    // Console rules match no file: the Console tests cover them.
    expect(RULES.filter((r) => r.origin !== 'console').map((r) => r.id).filter((id) => !expected.has(id))).toEqual([]);
    for (const family of families) {
      expect(all.some((m) => m.family === family && m.kind === 'ok'), `${family} has an ok: marker`).toBe(true);
    }
    const known = new Set(RULES.map((r) => r.id));
    expect(all.filter((m) => m.kind !== 'scaffold').map((m) => m.ruleId).filter((id) => !known.has(id))).toEqual([]);
  });

  it('rule ids are unique and every rule says what to do', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.message.length, r.id).toBeGreaterThan(40);
      expect(r.pattern || r.match || r.pathOnly || r.origin, r.id).toBeTruthy();
    }
  });
});
