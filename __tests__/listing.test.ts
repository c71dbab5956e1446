// What gets scanned: the folder the user named, whatever an enclosing repository ignores, with
// submodules and nested repositories; and a scan that read nothing says so.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, gitRepo, runAction, tempDir, writeTree } from './helpers/run.js';

const TOKEN_JS = "const url = 'https://ims-na1.adobelogin.com/ims/exchange/jwt';\n";

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'protocol.file.allow=always', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

describe('scanning what the user pointed at', () => {
  it('scans a folder the enclosing repository ignores, honouring the .gitignore inside it', () => {
    const repo = gitRepo({ '.gitignore': 'vendor/\n', 'src/app.js': '// clean\n' });
    writeTree(repo, { 'vendor/lib/token.js': TOKEN_JS, 'vendor/lib/.gitignore': 'build/\n', 'vendor/lib/build/token.js': TOKEN_JS });
    const r = cli(['scan', join(repo, 'vendor'), '--format', 'json', '--fail-on', 'never']);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['lib/token.js']);
  });

  it('scans nested repositories and checked-out submodules, and lists a submodule that is not checked out', () => {
    const inner = gitRepo({ 'token.js': TOKEN_JS });
    const repo = gitRepo({ 'README.md': '# app\n' });
    git(repo, 'submodule', 'add', '-q', inner, 'libs/inner');
    git(repo, 'commit', '-qm', 'submodule');
    const nested = join(repo, 'tools', 'nested');
    mkdirSync(nested, { recursive: true });
    writeTree(nested, { 'token.js': TOKEN_JS });
    git(nested, 'init', '-q');
    git(nested, 'add', '-A');
    git(nested, 'commit', '-qm', 'nested');
    let r = cli(['scan', repo, '--format', 'json', '--fail-on', 'never']);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file).sort()).toEqual(['libs/inner/token.js', 'tools/nested/token.js']);

    // A fresh clone without `submodule update`: the submodule is an empty folder.
    const clone = join(tempDir('ajm-clone-'), 'clone');
    git(join(clone, '..'), 'clone', '-q', repo, 'clone');
    r = cli(['scan', clone, '--format', 'json', '--fail-on', 'never']);
    const skipped = JSON.parse(r.stdout).skipped;
    expect(skipped).toEqual([{ file: 'libs/inner', reason: expect.stringMatching(/^git submodule not checked out: run `git submodule update --init`/) }]);
  });

  it('never calls a scan that read no file a clean result', () => {
    const repo = gitRepo({ '.gitignore': 'build/\n', 'README.md': '# x\n' });
    mkdirSync(join(repo, 'empty'));
    const r = cli(['scan', join(repo, 'empty')]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('No Adobe JWT (Service Account) usage found');
    expect(r.stdout).toMatch(/No file was read .*this is not a clean result/);
    expect(r.stderr).toMatch(/^adobe-jwt-migrate: warning: No file was read/m);
    const action = runAction(repo, { path: 'empty' });
    expect(action.stdout).toMatch(/^::warning::No file was read .*this is not a clean result/m);
    expect(action.summary).not.toContain('usage found');
    expect(action.summary).toMatch(/> \[!WARNING\]\n> No file was read/);
  });
});
