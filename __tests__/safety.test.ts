// The repository is untrusted: its files, names and links must not steer what the action reads,
// writes or prints. Each case here is an attack on the built bundles, run as the runner runs them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prBody } from '../src/github/body.js';
import { planDiff } from '../src/migrate/output.js';
import type { MigrationPlan } from '../src/migrate/types.js';
import { toSummary } from '../src/report/summary.js';
import type { Finding, ScanResult } from '../src/types.js';
import { listTree } from './helpers/markers.js';
import { cli, gitRepo, runAction, tempDir } from './helpers/run.js';

const TOKEN_JS = "const url = 'https://ims-na1.adobelogin.com/ims/exchange/jwt';\n";
const SECRET = 'TOPSECRET-dont-print-me';

/**
 * Lines the runner would read as workflow commands that came from the repository: `::x::` at a
 * line start (after blanks) or `##[x]` anywhere, carrying the attack's words.
 */
function commandLines(out: string): string[] {
  return out.split(/\r?\n|\r/).filter((l) => (/^\s*::/.test(l) || /##\[/.test(l)) && /spoof|pwned/.test(l));
}

function outsideFile(content: string): string {
  const dir = tempDir('ajm-outside-');
  const file = join(dir, 'shadow');
  writeFileSync(file, content);
  return file;
}

describe('paths the action reads', () => {
  it('refuses a committed config that links outside the workspace, quoting nothing of it', () => {
    const target = outsideFile(`root:${SECRET}:0:0\nsecond:${SECRET}\n`);
    const repo = gitRepo({ 'a.js': TOKEN_JS });
    symlinkSync(target, join(repo, '.adobe-jwt-migrate.yml'));
    const run = runAction(repo, {});
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::config file .*\.adobe-jwt-migrate\.yml resolves outside /m);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it("refuses a 'config' input outside the workspace", () => {
    const target = outsideFile(`exclude: [${SECRET}]\n`);
    const run = runAction(gitRepo({ 'a.js': TOKEN_JS }), { config: target });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/resolves outside .*it must be a file inside the repository/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('reads only regular files of a bounded size as config', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS });
    expect(cli(['scan', repo, '--config', '/dev/zero']).stderr).toMatch(/config file \/dev\/zero is not a regular file/);
    const fifo = join(tempDir(), 'fifo.yml');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['scan', repo, '--config', fifo]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a regular file/);
    const big = join(tempDir(), 'big.yml');
    writeFileSync(big, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(cli(['scan', repo, '--config', big]).stderr).toMatch(/config file .*big\.yml is \d+ bytes, over the limit of 1048576/);
  });

  it('names the line of a bad config key without quoting the file', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS, '.adobe-jwt-migrate.yml': `exclude: []\n${SECRET}: 1\n` });
    const r = cli(['scan', repo]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 2: unknown key; the keys are exclude/);
    expect(r.stderr).not.toContain(SECRET);
  });

  it('does not quote a baseline that is not JSON', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS, '.adobe-jwt-migrate.yml': 'baseline: base.json\n', 'base.json': `${SECRET}\n` });
    const r = cli(['scan', repo]);
    expect(r.stderr).toMatch(/baseline .*base\.json is not valid JSON/);
    expect(r.stderr).not.toContain(SECRET);
  });

  it("refuses a 'path' outside the workspace", () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS });
    for (const path of ['../..', '/etc']) {
      const run = runAction(repo, { path });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^::error::input 'path' must be a folder inside the workspace/m);
    }
  });
});

describe('paths the action writes', () => {
  it('never writes a report through a committed link that leads out', () => {
    const target = outsideFile('keep me\n');
    const repo = gitRepo({ 'a.js': TOKEN_JS });
    symlinkSync(target, join(repo, 'report.json'));
    const run = runAction(repo, { 'report-file': 'report.json', 'fail-on': 'never' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::input 'report-file' resolves to .*, outside the workspace and RUNNER_TEMP/m);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it('never overwrites a tracked file with a report', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS, 'README.md': '# mine\n' });
    const run = runAction(repo, { 'sarif-file': 'README.md', 'fail-on': 'never' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::input 'sarif-file' names README\.md, a file tracked by git/m);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# mine\n');
  });
});

describe('untrusted text', () => {
  it('keeps YAML library warnings, which quote source lines, off the runner', () => {
    const workflow = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        env:\n          ADOBE_PRIVATE_KEY: ${{ secrets.ADOBE_PRIVATE_KEY }}\n::error title=spoof::pwned: !spoof 1\n';
    const repo = gitRepo({ '.github/workflows/x.yml': workflow, '.adobe-jwt-migrate.yml': 'exclude: !spoof []\n::error title=spoof::x: 1\n' });
    const action = runAction(repo, { 'fail-on': 'never' });
    expect(commandLines(action.stdout + action.stderr)).toEqual([]);
    writeFileSync(join(repo, '.adobe-jwt-migrate.yml'), 'exclude: !spoof []\n');
    for (const cmd of [['scan', repo], ['migrate', repo]]) {
      const r = cli(cmd);
      expect(commandLines(r.stdout + r.stderr), cmd[0]).toEqual([]);
    }
  });

  it('prints file names and diffs with no line the runner would execute', () => {
    const repo = gitRepo({
      'ok.js': TOKEN_JS,
      'x\n::error title=spoof::pwned.js': TOKEN_JS,
      '##[error]spoof.js': TOKEN_JS,
      '.env.example': '::warning::spoof\nADOBE_METASCOPES=ent_analytics_bulk_ingest_sdk\nOTHER=1\n',
    });
    for (const cmd of [['scan', repo], ['migrate', repo]]) {
      const r = cli(cmd);
      expect(r.stdout, cmd[0]).toContain('spoof');
      expect(commandLines(r.stdout + r.stderr), cmd[0]).toEqual([]);
    }
  });

  const finding = (file: string): Finding => ({ ruleId: 'code-ims-jwt-exchange', severity: 'error', file, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', title: 't', category: 'code', fingerprint: 'f', fixable: false, snippet: '' });
  const scanOf = (files: string[]): ScanResult => ({ root: '/r', findings: files.map(finding), skipped: [], secrets: [], stats: { filesListed: 1, filesScanned: 1, filesMatched: 1, bytesScanned: 1, durationMs: 1, rules: 1, workers: 0, maxRssBytes: 1 } });
  const hostile = ['docs/@octocat/fixes #1.md', 'a`b``c.js', 'x\r# heading\r<img src=x onerror=alert(1)>.js', 'p|ipe.js'];

  it('keeps repository text inert in the job summary', () => {
    const summary = toSummary(scanOf(hostile), 'error');
    expect(summary).not.toContain('\r');
    expect(summary).not.toMatch(/@octocat|#1\b/);
    for (const line of summary.split('\n').filter((l) => l.includes('<img'))) expect(line).toMatch(/`[^`]*<img[^`]*`/);
    for (const line of summary.split('\n').filter((l) => l.startsWith('####'))) expect(line).toMatch(/^#### `+ ?.*`+$/);
  });

  it('keeps repository text inert in the pull request body, with a fence no workflow line can close', () => {
    const wf = '.github/workflows/sync.yml';
    const plan: MigrationPlan = {
      root: '/r',
      edits: [
        { file: wf, action: 'modify', ruleIds: ['ci-jwt-private-key-secret'], before: 'a: 1\n```\n<script>x</script>\n# @octocat fixes #1\n', after: 'a: 2\n```\n<script>x</script>\n# @octocat fixes #1\n' },
        ...hostile.map((file) => ({ file, action: 'modify' as const, ruleIds: ['code-ims-jwt-exchange'], before: 'a', after: 'b' })),
      ],
      manual: hostile.map((file) => ({ file, line: 1, ruleId: 'code-ims-jwt-exchange', instructions: 'do it' })),
      secrets: { add: [], remove: [] },
      scopes: [],
    };
    const body = prBody({ plan, scan: scanOf(hostile), workflowsRefused: true });
    expect(body).not.toContain('\r');
    // Outside the patch (whose lines must stay as they are to apply), nothing pings or closes.
    const fenceAt = body.indexOf('````diff');
    const outside = body.slice(0, fenceAt) + body.slice(body.indexOf('\n````\n', fenceAt));
    expect(outside).not.toMatch(/@octocat|fixes #1\b/);
    const html = body.split('\n').filter((l) => l.includes('<img'));
    expect(html.length).toBeGreaterThan(0);
    for (const line of html) expect(line).toMatch(/`[^`]*<img[^`]*`/); // in a code span: text, not HTML
    const fence = /^(`{4,})diff$/m.exec(body)![1];
    const inside = body.slice(body.indexOf(`${fence}diff\n`) + fence.length + 5);
    expect(inside.indexOf(`\n${fence}\n`)).toBeGreaterThan(inside.indexOf('<script>'));
    expect(inside.slice(0, inside.indexOf(`\n${fence}\n`))).not.toMatch(new RegExp(`^${fence}`, 'm'));
  });

  it('redacts a whole PEM block in the migrate preview, short last line included', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nU2hvcnRMYXN0\n-----END PRIVATE KEY-----\n';
    const plan: MigrationPlan = { root: '/r', edits: [{ file: 'cfg.yml', action: 'modify', ruleIds: [], before: `a: 1\nkey: |\n${key.replace(/^/gm, '  ')}b: 2\n`, after: `a: 1\nkey: |\n${key.replace(/^/gm, '  ')}b: 3\n` }], manual: [], secrets: { add: [], remove: [] }, scopes: [] };
    const diff = planDiff(plan);
    expect(diff).toContain('b: 3');
    expect(diff).not.toMatch(/MIIEvQ|U2hvcnRMYXN0/);
  });

  it('registers only secret values with the runner, never words of code', () => {
    const repo = gitRepo({
      'src/token.js': "const privateKey = fs.readFileSync(env.ADOBE_PRIVATE_KEY_PATH);\nconst client_secret = 'p8e-AbCdEfGhIjKlMnOp1234';\nconst secret = CLIENT_SECRET;\nconst private_key = '-----BEGIN PRIVATE KEY-----';\npost('https://ims-na1.adobelogin.com/ims/exchange/jwt', { client_secret, privateKey });\n",
    });
    const masks = runAction(repo, { 'fail-on': 'never' }).stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::p8e-AbCdEfGhIjKlMnOp1234');
    for (const word of ['-----BEGIN', 'CLIENT_SECRET', 'privateKey', 'fs.readFileSync']) expect(masks.join('\n')).not.toContain(word);
  });
});

describe('paths migrate writes', () => {
  it('never creates a file through a committed link that leads out of the repository', () => {
    const outside = tempDir('ajm-outside-');
    const before = join(import.meta.dirname, 'fixtures', 'migrate', 'code-js', 'jwt-auth-ts-esm', 'before');
    const repo = gitRepo(Object.fromEntries(listTree(before).map((f) => [f, readFileSync(join(before, f), 'utf8')])));
    // The helper migrate wants to create beside the caller is a dangling link out of the repo.
    symlinkSync(join(outside, 'pwned.ts'), join(repo, 'src', 'adobe-oauth-token.ts'));
    const r = cli(['migrate', repo, '--write']);
    expect(readdirSync(outside)).toEqual([]);
    // The plan already sees something there and leaves the helper to a person.
    expect(r.stdout).toMatch(/wanted to create src\/adobe-oauth-token\.ts, but a different file is already there/);
  });
});
