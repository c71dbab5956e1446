// The CLI contract other tooling depends on, checked on the built bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli, gitRepo, PROJECT, tempDir, writeTree } from './helpers/run.js';

const Finding = z
  .object({
    ruleId: z.string().regex(/^[a-z0-9-]+$/),
    severity: z.enum(['error', 'warning', 'note']),
    file: z.string().refine((f) => !f.startsWith('/') && !f.startsWith('./') && !f.includes('\\'), 'posix relative path'),
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    endLine: z.number().int().positive(),
    message: z.string().min(1),
    category: z.string().min(1),
    fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
    fixable: z.boolean(),
  })
  .loose();
const Report = z
  .object({
    version: z.literal(1),
    root: z.string(),
    findings: z.array(Finding),
    skipped: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
    stats: z.object({ filesScanned: z.number(), bytesScanned: z.number(), durationMs: z.number() }).loose(),
  })
  .strict();

const TOKEN_JS = "const url = 'https://ims-na1.adobelogin.com/ims/exchange/jwt';\nmodule.exports = { url };\n";

describe('cli scan', () => {
  it('prints one JSON object matching the contract and exits 1 on errors', () => {
    const repo = gitRepo({ 'src/token.js': TOKEN_JS, 'src/plain.js': 'module.exports = 1;\n' });
    const run = cli(['scan', repo, '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.root).toBe(repo);
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['src/token.js:1:45 code-ims-jwt-exchange']);
    expect(report.stats.filesScanned).toBe(2);
  });

  it('exit codes follow --fail-on', () => {
    const repo = gitRepo({ 'src/token.js': TOKEN_JS });
    expect(cli(['scan', repo, '--fail-on', 'never']).status).toBe(0);
    expect(cli(['scan', repo, '--fail-on', 'warning']).status).toBe(1);
    const clean = gitRepo({ 'src/a.js': 'console.log(1)\n' });
    expect(cli(['scan', clean]).status).toBe(0);
  });

  it('text format: one line a finding, then a summary', () => {
    const repo = gitRepo({ 'src/token.js': TOKEN_JS });
    const run = cli(['scan', repo]);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^src\/token\.js:1:45 error code-ims-jwt-exchange This calls the Adobe IMS JWT exchange/);
    expect(run.stdout).toContain('1 finding (1 error, 0 warnings, 0 notes) in 1 file');
    expect(run.stdout).toMatch(/Failing: 1 finding at or above 'error'/);
  });

  it('usage and configuration errors exit 2 with one line saying what to change', () => {
    const repo = gitRepo({ 'src/token.js': TOKEN_JS });
    const cases: [string[], RegExp][] = [
      [['scan', repo, '--no-such-flag'], /Unknown option '--no-such-flag' \(see --help\)/],
      [['scan', repo, '--format', 'xml'], /--format must be one of text, json, sarif \(got 'xml'\)/],
      [['scan', repo, '--fail-on', 'sometimes'], /fail-on must be one of error, warning, never/],
      [['scan', join(repo, 'missing')], /is not a folder/],
      [['scan', repo, '--config', join(repo, 'nope.yml')], /config file .*nope\.yml does not exist/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('sarif to a file with --output', () => {
    const repo = gitRepo({ 'src/token.js': TOKEN_JS });
    const out = join(tempDir(), 'r.sarif');
    const run = cli(['scan', repo, '--format', 'sarif', '--output', out, '--fail-on', 'never']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  it('works on a folder that is not a git repository, honouring .gitignore', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.gitignore': 'build/\n*.log\n',
      'src/token.js': TOKEN_JS,
      'build/token.js': TOKEN_JS,
      'debug.log': TOKEN_JS,
      'node_modules/@adobe/jwt-auth/index.js': TOKEN_JS,
      'sub/.gitignore': 'gen.js\n',
      'sub/gen.js': TOKEN_JS,
      'sub/kept.js': TOKEN_JS,
    });
    const report = Report.parse(JSON.parse(cli(['scan', dir, '--format', 'json']).stdout));
    expect(report.findings.map((f) => f.file).sort()).toEqual(['src/token.js', 'sub/kept.js']);
  });

  it('version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
