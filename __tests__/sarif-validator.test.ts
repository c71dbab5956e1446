// The SARIF we write passes Microsoft's SARIF validator (`sarif-multitool validate`, the
// @microsoft/sarif-multitool dev dependency) with no error and no warning: for every rule
// fixture case and for the example app, as the built CLI writes it. All files go through one
// validator run (it takes many inputs); byte-identical files (the cases without findings) once.
//
// Notes (the validator's advice level) are allowed. Those it gives today, and why they stay:
// SARIF2002 message arguments (GitHub shows message.text), SARIF2003 versionControlProvenance
// (upload-sarif adds the commit), SARIF2009 conventional ids like AB1234 (the rule ids are the
// public names used in configs and ignore comments), SARIF2010/2011 snippet and context region
// (a key file or an empty line has no snippet; context is GitHub's to show), SARIF2012 friendly
// name for the two rules whose title ends in the one-letter language R.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT, spawnAsync, tempDir } from './helpers/run.js';
import { SARIF_VALIDATOR_ENV, sarifValidator } from './helpers/requires.js';

const RULES_ROOT = join(PROJECT, '__tests__', 'fixtures', 'rules');
const EXAMPLE = join(PROJECT, 'examples', 'acme-analytics-sync');
const isDir = (p: string): boolean => statSync(p).isDirectory();

interface Input {
  /** What was scanned, as the failure messages name it. */
  name: string;
  dir: string;
  /** File name of its SARIF in the temp folder (unique, no characters the validator's file specifiers treat specially). */
  file: string;
}

const cases: Input[] = readdirSync(RULES_ROOT)
  .filter((f) => isDir(join(RULES_ROOT, f)))
  .flatMap((family) =>
    readdirSync(join(RULES_ROOT, family))
      .filter((c) => isDir(join(RULES_ROOT, family, c)))
      .map((c) => ({ name: `rules/${family}/${c}`, dir: join(RULES_ROOT, family, c), file: `rules--${family}--${c}.sarif` })),
  );
const example: Input = { name: 'examples/acme-analytics-sync', dir: EXAMPLE, file: 'example--acme-analytics-sync.sarif' };
/** A file the validator must reject: proves its verdicts reach this test. */
const CONTROL = 'control--repeated-tags.sarif';

/** SARIF2006 does an HTTP GET per URI: slow, and only a note offline. Everything else runs. */
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

interface Problem {
  file: string;
  level: string;
  ruleId: string;
  where: string;
  text: string;
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return spawnAsync(cmd, args, { env, timeoutMs: 150_000 });
}

/**
 * The built CLI's SARIF for each input, a few scans at a time (each is a process that spends
 * more time starting than scanning; Node's compile cache, shared by them, saves a fifth).
 */
async function writeSarif(inputs: Input[], out: string): Promise<void> {
  const queue = [...inputs];
  const env = { ...process.env, NODE_COMPILE_CACHE: join(out, 'node-compile-cache') };
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r = await run(process.execPath, [CLI, 'scan', next.dir, '--format', 'sarif', '--fail-on', 'never'], env);
      if (r.status !== 0) throw new Error(`scan ${next.name} exited ${r.status}: ${r.stderr}`);
      writeFileSync(join(out, next.file), r.stdout);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, availableParallelism() + 2) }, worker));
}

/** The validator's own SARIF log, as one problem per result (its messages filled in). */
function problems(log: {
  runs: { tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } }; results?: any[] }[];
}): Problem[] {
  const out: Problem[] = [];
  for (const r of log.runs) {
    const rules = new Map((r.tool.driver.rules ?? []).map((d) => [d.id, d]));
    for (const res of r.results ?? []) {
      const template = rules.get(res.ruleId)?.messageStrings?.[res.message?.id]?.text;
      const args: string[] = res.message?.arguments ?? [];
      const text = res.message?.text ?? template?.replace(/\{(\d+)\}/g, (_m: string, i: string) => args[Number(i)] ?? '') ?? JSON.stringify(res.message);
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = decodeURIComponent(String(loc?.artifactLocation?.uri ?? '').replace(/^file:\/\//, ''));
      out.push({
        file: basename(uri),
        // SARIF's default level for a result without one is "warning".
        level: res.level ?? 'warning',
        ruleId: res.ruleId,
        where: loc?.region ? `${loc.region.startLine}:${loc.region.startColumn ?? 1}` : '',
        text,
      });
    }
  }
  return out;
}

const bin = sarifValidator();

describe.skipIf(!bin)("SARIF passes Microsoft's SARIF validator (sarif-multitool validate)", () => {
  const out = tempDir('ajm-sarif-validate-');
  let found: Problem[] = [];
  let stdout = '';
  let log: any;
  /** Each validated file -> the inputs whose SARIF it is (cases without findings give the same bytes). */
  const sameAs = new Map<string, string[]>();

  beforeAll(async () => {
    await writeSarif([...cases, example], out);
    const byText = new Map<string, string>();
    for (const c of [...cases, example]) {
      const text = readFileSync(join(out, c.file), 'utf8');
      const first = byText.get(text) ?? c.file;
      byText.set(text, first);
      sameAs.set(first, [...(sameAs.get(first) ?? []), c.name]);
    }
    // The control: the example's SARIF with a tag repeated, as the key rules had it (JSON1020).
    const control = JSON.parse(readFileSync(join(out, example.file), 'utf8'));
    const tags: string[] = control.runs[0].tool.driver.rules[0].properties.tags;
    tags.push(tags[0]);
    writeFileSync(join(out, CONTROL), JSON.stringify(control, null, 2));
    writeFileSync(join(out, 'validator.xml'), CONFIG);

    const files = [...sameAs.keys()].map((f) => join(out, f)).concat(join(out, CONTROL));
    const r = await run(bin!, ['validate', ...files, '--output', join(out, 'validation.sarif'), '--log', 'ForceOverwrite', '--config', join(out, 'validator.xml')], {
      ...process.env,
      ...SARIF_VALIDATOR_ENV,
    });
    stdout = r.stdout;
    if (r.status !== 0) throw new Error(`sarif-multitool validate exited ${r.status}: ${r.stdout}${r.stderr}`);
    log = JSON.parse(readFileSync(join(out, 'validation.sarif'), 'utf8'));
    found = problems(log);
  }, 240_000);

  it('validates every file in one run, without a tool failure', () => {
    expect(stdout).toContain(`Done. ${sameAs.size + 1} files scanned.`);
    expect([...sameAs.values()].flat().sort()).toEqual([...cases, example].map((c) => c.name).sort());
    const invocations: any[] = log.runs.flatMap((r: any) => r.invocations ?? []);
    expect(invocations.map((i) => i.executionSuccessful)).toEqual([true]);
    const failures = invocations.flatMap((i) => i.toolExecutionNotifications ?? []).filter((n: any) => (n.level ?? 'warning') !== 'note');
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(40);
  });

  it('rejects the control file (a repeated tag): its verdicts reach this test', () => {
    const control = found.filter((p) => p.file === CONTROL && p.level === 'error');
    expect(control.map((p) => p.ruleId)).toEqual(['JSON1020']);
    expect(control[0].text).toMatch(/properties\.tags.*not unique/);
  });

  it('finds no error and no warning in the SARIF of any rule fixture case or the example app', () => {
    const bad = found
      .filter((p) => p.file !== CONTROL && (p.level === 'error' || p.level === 'warning'))
      .map((p) => `${(sameAs.get(p.file) ?? [p.file]).join(', ')}: ${p.level} ${p.ruleId} at ${p.where}: ${p.text}`);
    expect(bad).toEqual([]);
  });
});
