// The scanning engine on awkward input: real files in temp folders and git repos.
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.js';
import { scan } from '../src/scan/engine.js';
import { CLI, gitRepo, tempDir, writeTree } from './helpers/run.js';

const URL_LINE = "const url = 'https://ims-na1.adobelogin.com/ims/exchange/jwt';";
const RULE = 'code-ims-jwt-exchange';

async function scanDir(root: string, extra: Record<string, unknown> = {}) {
  return scan(loadSettings({ root, failOn: 'never', ...extra }));
}

describe('engine', () => {
  it('reads invalid UTF-8 and CRLF files without losing line numbers', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'latin1.js': Buffer.concat([Buffer.from('// caf\xe9 \xff\xfe\n', 'latin1'), Buffer.from(`${URL_LINE}\n`)]),
      'crlf.js': `// one\r\n// two\r\n${URL_LINE}\r\n`,
    });
    const r = await scanDir(dir);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['crlf.js:3:45', 'latin1.js:2:45']);
    expect(r.findings.every((f) => !f.snippet.includes('\r'))).toBe(true);
    expect(r.skipped).toEqual([]);
  });

  it('finds a match at the end of a huge single line', async () => {
    const dir = tempDir();
    writeTree(dir, { 'bundle.min.js': `${'var a=1;'.repeat(400_000)}${URL_LINE}` });
    const r = await scanDir(dir);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ line: 1, column: 3_200_000 + 45 });
    expect(r.findings[0].snippet.length).toBeLessThanOrEqual(200);
  });

  it('skips binaries and files over the size limit with a reason', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(URL_LINE)]),
      'big.js': `${URL_LINE}\n${'x'.repeat(3000)}`,
      'small.js': URL_LINE,
    });
    const r = await scanDir(dir, { maxFileSize: 2000 });
    expect(r.findings.map((f) => f.file)).toEqual(['small.js']);
    expect(r.skipped).toEqual([
      { file: 'big.js', reason: 'larger than 2000 bytes (max-file-size)' },
      { file: 'logo.png', reason: 'binary file' },
    ]);
  });

  it('never follows a symbolic link out of the root', async () => {
    const outside = tempDir();
    writeTree(outside, { 'secret.js': URL_LINE });
    const dir = tempDir();
    writeTree(dir, { 'inside.js': URL_LINE });
    symlinkSync(join(outside, 'secret.js'), join(dir, 'escape.js'));
    symlinkSync(join(dir, 'inside.js'), join(dir, 'alias.js'));
    symlinkSync(join(dir, 'nowhere.js'), join(dir, 'broken.js'));
    const r = await scanDir(dir);
    expect(r.findings.map((f) => f.file)).toEqual(['inside.js']);
    expect(r.skipped).toEqual([
      { file: 'broken.js', reason: 'broken symbolic link' },
      { file: 'escape.js', reason: 'symbolic link pointing outside the scanned folder' },
    ]);
  });

  it('reports an unreadable file as skipped and goes on', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeTree(dir, { 'locked.js': URL_LINE, 'open.js': URL_LINE });
    chmodSync(join(dir, 'locked.js'), 0o000);
    // As root every file is readable: run the scan as an unprivileged user instead.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', ...asUser });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual(['open.js']);
    expect(report.skipped).toEqual([{ file: 'locked.js', reason: 'unreadable: permission denied' }]);
  });

  it('honours ignore comments on the line or the line above', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.js': [
        `${URL_LINE} // adobe-jwt-migrate-ignore`,
        '// adobe-jwt-migrate-ignore: code-ims-jwt-exchange',
        URL_LINE,
        '// adobe-jwt-migrate-ignore: some-other-rule',
        URL_LINE,
        URL_LINE,
      ].join('\n'),
    });
    const r = await scanDir(dir);
    expect(r.findings.map((f) => f.line)).toEqual([5, 6]);
  });

  it('fingerprints survive moved lines and tell repeated lines apart', async () => {
    const a = tempDir();
    writeTree(a, { 'x.js': `${URL_LINE}\n${URL_LINE}\n`, 'y.js': `${URL_LINE}\n` });
    const b = tempDir();
    writeTree(b, { 'x.js': `// new header\n\n\n${URL_LINE}\nfoo();\n${URL_LINE}\n`, 'y.js': `${URL_LINE}\n` });
    const fa = (await scanDir(a)).findings.map((f) => f.fingerprint);
    const fb = (await scanDir(b)).findings.map((f) => f.fingerprint);
    expect(fb).toEqual(fa);
    expect(new Set(fa).size).toBe(3);
  });

  it('applies the config file: excludes, disabled rules, severities, fingerprints, baseline', async () => {
    const dir = tempDir();
    writeTree(dir, { 'a.js': URL_LINE, 'vendor/b.js': URL_LINE, 'c.js': `\n${URL_LINE}`, 'd.js': `\n\n${URL_LINE}` });
    const all = await scanDir(dir);
    expect(all.findings).toHaveLength(4);
    const fp = (file: string) => all.findings.find((f) => f.file === file)!.fingerprint;

    writeFileSync(join(dir, 'baseline.json'), JSON.stringify({ version: 1, findings: [{ fingerprint: fp('d.js') }] }));
    writeFileSync(
      join(dir, '.adobe-jwt-migrate.yml'),
      `exclude: ['vendor/']\nseverity:\n  ${RULE}: warning\nignore-fingerprints: ['${fp('c.js')}']\nbaseline: baseline.json\n`,
    );
    const r = await scanDir(dir);
    expect(r.findings.map((f) => `${f.file} ${f.severity}`)).toEqual(['a.js warning']);

    writeFileSync(join(dir, '.adobe-jwt-migrate.yml'), `disable: [${RULE}]\n`);
    expect((await scanDir(dir)).findings).toEqual([]);

    writeFileSync(join(dir, '.adobe-jwt-migrate.yml'), 'exclude: nope\nunknown-key: 1\n');
    await expect(scanDir(dir)).rejects.toThrow(/config file .*: line 1 \(exclude\): .*expected array.*; line 2: unknown key; the keys are exclude, /);
  });

  it('scans tracked and untracked-but-not-ignored files of a git repository', async () => {
    const repo = gitRepo({ '.gitignore': 'generated/\n', 'tracked.js': URL_LINE });
    writeTree(repo, { 'untracked.js': URL_LINE, 'generated/out.js': URL_LINE });
    const r = await scanDir(repo);
    expect(r.findings.map((f) => f.file)).toEqual(['tracked.js', 'untracked.js']);
  });

  it('spreads a large repository over worker threads with the same result', async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`pkg${i % 30}/f${i}.js`] = i % 700 === 0 ? `${URL_LINE}\n` : `module.exports = ${i};\n`;
    writeTree(dir, files);
    const inline = await scanDir(dir);
    const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8' });
    const threaded = JSON.parse(run.stdout);
    expect(threaded.stats.filesScanned).toBe(3000);
    expect(inline.stats.filesScanned).toBe(3000);
    const oneThread = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'never', '--threads', '1'], { encoding: 'utf8' }).stdout);
    expect(oneThread.stats.filesScanned).toBe(3000);
    expect(oneThread.stats.workers).toBe(0);
    // The main thread scans too: N threads are the main one and N - 1 workers.
    expect(threaded.stats.workers).toBe(availableParallelism() > 1 ? availableParallelism() - 1 : 0);
    expect(inline.stats.workers).toBe(0);
    expect(threaded.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(inline.findings.map((f) => f.fingerprint));
    expect(inline.findings).toHaveLength(5);
  });
});
