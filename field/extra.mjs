// Rebuilds field/extra/ (git-ignored) from field/extra-manifest.tsv: each repository at its pinned
// commit, text files only (binary files, files over 2 MB and symlinks are left out, as when the
// corpus was made). Usage: node field/extra.mjs [--mirrors DIR]
//   --mirrors DIR  read <DIR>/<owner>+<name>/repo (a git directory) instead of cloning from GitHub
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const here = dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({ options: { mirrors: { type: 'string' } } });
const BIG = 2 * 1024 * 1024;
const rows = readFileSync(join(here, 'extra-manifest.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t'))
  .map(([folder, repo, commit, files, bytes]) => ({ folder, repo, commit, files: Number(files), bytes: Number(bytes) }));

const git = (dir, args, options = {}) => execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 30, ...options });

function gitDir(repo) {
  if (values.mirrors) {
    const base = join(values.mirrors, repo.replace('/', '+'), 'repo');
    for (const dir of [join(base, '.git'), base]) if (existsSync(join(dir, 'HEAD'))) return dir;
    throw new Error(`no mirror for ${repo} under ${values.mirrors}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'field-extra-'));
  execFileSync('git', ['clone', '--quiet', '--bare', '--filter=blob:none', `https://github.com/${repo}.git`, dir]);
  return dir;
}

function copyText(from, to) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) {
      const counted = copyText(source, join(to, entry.name));
      files += counted.files;
      bytes += counted.bytes;
      continue;
    }
    if (!entry.isFile() || lstatSync(source).size > BIG) continue;
    const body = readFileSync(source);
    if (body.subarray(0, 8000).includes(0)) continue;
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, entry.name), body);
    files++;
    bytes += body.length;
  }
  return { files, bytes };
}

function extractBlobs(dir, commit, into) {
  const listing = git(dir, ['ls-tree', '-r', '-z', commit], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const line of listing) {
    const [meta, path] = line.split('\t');
    const [mode, type, id] = meta.split(' ');
    if (type !== 'blob' || mode === '120000') continue;
    let body;
    try {
      body = git(dir, ['cat-file', 'blob', id], { stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue;
    }
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), body);
  }
}

let failed = 0;
for (const row of rows) {
  const target = join(here, 'extra', row.folder);
  const scratch = mkdtempSync(join(tmpdir(), 'field-tree-'));
  try {
    const dir = gitDir(row.repo);
    try {
      execFileSync('tar', ['-x', '-C', scratch], { input: git(dir, ['archive', '--format=tar', row.commit], { stdio: ['ignore', 'pipe', 'ignore'] }) });
    } catch {
      extractBlobs(dir, row.commit, scratch); // a mirror without some large blobs: take the rest
    }
    rmSync(target, { recursive: true, force: true });
    const got = copyText(scratch, target);
    const same = got.files === row.files && got.bytes === row.bytes;
    console.log(`${row.folder}: ${got.files} files, ${got.bytes} bytes${same ? '' : ` (manifest: ${row.files} files, ${row.bytes} bytes)`}`);
  } catch (error) {
    failed++;
    console.log(`${row.folder}: not rebuilt: ${error.message.split('\n')[0]}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
