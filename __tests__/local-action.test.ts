// `npm run local-action` (@github/local-action, the actions/typescript-action way of running an
// action on your machine): src/main.ts, not the bundle, with local-action's stand-ins for
// @actions/core and @actions/github, configured by the committed .env.example. One run, on the
// example app, as a person would start it after `cp .env.example .env`; only the temp folders
// are this test's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, type Run, spawnAsync, tempDir } from './helpers/run.js';

const ENV_EXAMPLE = join(PROJECT, '.env.example');
const LOCAL_ACTION = join(PROJECT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const EXAMPLE = 'examples/acme-analytics-sync';
const ORDER = ['note', 'warning', 'error'];

/** KEY=value / KEY="value" lines of a dotenv file (comments and blank lines skipped). */
function dotenv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars.set(m[1], m[2].replace(/^"(.*)"$/, '$1'));
  }
  return vars;
}

interface Finding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
}

interface Annotation {
  level: string;
  ruleId: string;
  file: string;
  line: number;
}

describe('local-action runs the action from source with .env.example', () => {
  const temp = tempDir('ajm-local-action-');
  const runnerTemp = join(temp, 'runner');
  const summaryFile = join(temp, 'summary.md');
  const example = dotenv(readFileSync(ENV_EXAMPLE, 'utf8'));
  let run: Run;
  const outputs: Record<string, string> = {};
  let annotations: Annotation[] = [];
  let report: { findings: Finding[] };

  beforeAll(async () => {
    // .env.example as committed, with this run's own temp folder and summary file.
    mkdirSync(runnerTemp);
    const envFile = join(temp, 'local-action.env');
    const lines = readFileSync(ENV_EXAMPLE, 'utf8').split('\n');
    const replaced = lines.map((l) =>
      l.startsWith('RUNNER_TEMP=') ? `RUNNER_TEMP="${runnerTemp}"` : l.startsWith('GITHUB_STEP_SUMMARY=') ? `GITHUB_STEP_SUMMARY="${summaryFile}"` : l,
    );
    expect(replaced.filter((l, i) => l !== lines[i])).toHaveLength(2);
    writeFileSync(envFile, replaced.join('\n'));

    // As `npm run local-action` starts it: this Node first on PATH (local-action runs `npm exec
    // tsx`, whose scripts start `node`), the project as the working folder. Nothing else comes
    // from this process's environment: a runner's own GITHUB_* and INPUT_* must not leak in.
    const env = {
      PATH: [dirname(process.execPath), join(PROJECT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
      HOME: process.env.HOME ?? temp,
      FORCE_COLOR: '0',
    };
    run = await spawnAsync(process.execPath, [LOCAL_ACTION, '.', 'src/main.ts', envFile], { env, timeoutMs: 150_000 });

    // local-action prints each core.setOutput as `::set-output name=N::V` and each annotation as
    // `::level title=T,file=F,line=L,...::message`.
    for (const m of run.stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)) outputs[m[1]] = m[2];
    annotations = [...run.stdout.matchAll(/^::(error|warning|notice) title=[^\n]*? \(([a-z0-9-]+)\),file=([^,]+),line=(\d+),/gm)].map((m) => ({
      level: m[1],
      ruleId: m[2],
      file: m[3],
      line: Number(m[4]),
    }));
    if (outputs.report && existsSync(outputs.report)) report = JSON.parse(readFileSync(outputs.report, 'utf8'));
  }, 180_000);

  it('.env.example scans the example app and fails on errors (the action defaults)', () => {
    expect(example.get('INPUT_PATH')).toBe(EXAMPLE);
    expect(example.get('INPUT_FAIL-ON')).toBe('error');
    expect(example.get('INPUT_CREATE-PR')).toBe('false');
  });

  it('runs src/main.ts to the end', () => {
    const log = `${run.stdout}${run.stderr}`;
    expect(log, log).toContain('Running Action');
    expect(log).toContain('Action Outputs');
    expect(log).not.toMatch(/failed unexpectedly|does not export a run\(\) function|Command failed/);
    // local-action records core.setFailed but exits 0 all the same: the failure is the ::error:: line.
    expect(run.status).toBe(0);
  });

  it('sets the outputs from the findings, with the reports under RUNNER_TEMP', () => {
    expect(outputs.report).toBe(join(runnerTemp, 'adobe-jwt-migrate', 'report.json'));
    expect(outputs.sarif).toBe(join(runnerTemp, 'adobe-jwt-migrate', 'results.sarif'));
    const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
    expect(Number(outputs.findings)).toBe(report.findings.length);
    expect(Number(outputs.errors)).toBe(count('error'));
    expect(Number(outputs.warnings)).toBe(count('warning'));
    expect(count('error')).toBeGreaterThan(0);
    // The example app's JWT flow, one finding of each kind.
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const id of ['dep-adobe-jwt-package', 'key-private-key-file', 'ci-jwt-private-key-secret', 'config-python-sdk-jwt-config', 'code-jwt-meta-scope-claim']) {
      expect(rules, id).toContain(id);
    }

    const sarif = JSON.parse(readFileSync(outputs.sarif, 'utf8'));
    const uris: string[] = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toHaveLength(report.findings.filter((f) => f.file).length);
    expect(uris.every((u) => u.startsWith(`${EXAMPLE}/`))).toBe(true);
  });

  it('annotates the findings, paths relative to GITHUB_WORKSPACE, within GitHub limits', () => {
    const key = (f: { ruleId: string; file: string; line: number }) => `${f.file}:${f.line} ${f.ruleId}`;
    const found = new Set(report.findings.map((f) => key({ ...f, file: `${EXAMPLE}/${f.file}` })));
    expect(annotations.length).toBeGreaterThan(10);
    for (const a of annotations) expect(found, key(a)).toContain(key(a));
    // The most severe come first, at most 10 per level, and one notice counts the rest.
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(Math.min(10, errors));
    for (const level of ['error', 'warning', 'notice']) expect(annotations.filter((a) => a.level === level).length).toBeLessThanOrEqual(10);
    if (annotations.length < report.findings.length) {
      const more = report.findings.length - annotations.length;
      expect(run.stdout).toMatch(new RegExp(`^::notice title=More Adobe JWT findings::${more} more findings? (is|are) listed in the job summary`, 'm'));
    }
  });

  it('fails the step as fail-on says, naming the findings at or above it', () => {
    const failOn = example.get('INPUT_FAIL-ON') ?? 'error';
    const failing = report.findings.filter((f) => ORDER.indexOf(f.severity) >= ORDER.indexOf(failOn)).length;
    expect(failing).toBeGreaterThan(0);
    const failures = run.stdout.match(/^::error::.*$/gm) ?? [];
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^::error::${failing} Adobe JWT findings at or above '${failOn}': `))]);
  });

  it('writes the job summary to GITHUB_STEP_SUMMARY and never prints the committed key', () => {
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain(`\`${EXAMPLE}/package.json\``);
    expect(summary).toContain('fail-on');
    const keyLines = readFileSync(join(PROJECT, EXAMPLE, 'keys', 'private.key'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));
    expect(keyLines.length).toBeGreaterThan(0);
    for (const l of keyLines) {
      expect(run.stdout).not.toContain(l);
      expect(summary).not.toContain(l);
    }
  });

  it('.env, the copy people make, is git-ignored; .env.example and the fixtures .env files are not', () => {
    const ignored = (p: string) => spawnSync('git', ['check-ignore', '-q', '--no-index', p], { cwd: PROJECT }).status;
    if (spawnSync('git', ['rev-parse', '--git-dir'], { cwd: PROJECT }).status !== 0) return; // not a git checkout
    expect(ignored('.env')).toBe(0);
    expect(ignored('.env.example')).toBe(1);
    expect(ignored('__tests__/fixtures/rules/config/aio-env-contexts/.env')).toBe(1);
    expect(ignored(`${EXAMPLE}/.env`)).toBe(1);
  });
});
