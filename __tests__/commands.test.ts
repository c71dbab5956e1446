// Every command the project prints or documents, run as a user runs it: from a packed tarball of
// the project (npm installs the same files from `github:owner/repo#ref`, both go by `files`),
// never from the source tree, on a small temp repository. A command that needs the network
// (npx github:…, npm install github:…, git clone) is checked for its form, and its bin and
// arguments are run from the tarball in its place. The README's shell blocks are read, so a
// command added there is run here too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BIN,
  cliCommand,
  cliInvocation,
  DOCUMENTED_REF,
  DOCUMENTED_REPOSITORY,
  migrateCommand,
  shellWord,
} from '../src/commands.js';
import { prBody } from '../src/github/body.js';
import type { MigrationPlan } from '../src/migrate/types.js';
import { toSummary } from '../src/report/summary.js';
import type { Finding, ScanResult } from '../src/types.js';
import { CLI, gitRepo, PROJECT, type Run, runAction, tempDir } from './helpers/run.js';

const DOCUMENTED = `npx --yes github:${DOCUMENTED_REPOSITORY}#${DOCUMENTED_REF}`;
const ACTION_ENV = { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: 'v3.1.0' };
const FROM_ACTION = 'npx --yes github:acme/jwt-tools#v3.1.0';

const TOKEN_JS = `const IMS = process.env.IMS || 'https://ims-na1.adobelogin.com';
async function token(form) {
  return fetch(\`\${IMS}/ims/exchange/jwt\`, { method: 'POST', body: form });
}
module.exports = { token };
`;
const ENV_EXAMPLE = [
  'ADOBE_CLIENT_ID=',
  'ADOBE_PRIVATE_KEY_PATH=keys/private.key',
  'ADOBE_METASCOPES=ent_analytics_bulk_ingest_sdk',
  '',
].join('\n');
/** The user's repository: a JWT exchange and a settings file `migrate` rewrites. */
const userRepo = (): string =>
  gitRepo({ 'lib/token.js': TOKEN_JS, 'services/api/.env.example': ENV_EXAMPLE });

// Set up once: the tarball, npm's cache (offline: the package has no dependencies), installs.
const WORK = tempDir('ajm-commands-');
const CACHE = join(WORK, 'npm-cache');
let tarball = '';

/** The environment of a user's shell: none of this test run's npm or GitHub variables. */
function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(npm_|GITHUB_|INPUT_|RUNNER_)/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  }
  return {
    ...env,
    npm_config_cache: CACHE,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    ...extra,
  };
}

function spawn(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, env: userEnv(env), encoding: 'utf8', timeout: 120_000 });
  const stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { status: r.status, stdout: r.stdout ?? '', stderr };
}

/** The bin of the packed tarball, as `npx --yes <spec>` runs it. */
const fromTarball = (args: string[], cwd: string): Run =>
  spawn('npm', ['exec', '--yes', `--package=${tarball}`, '--', BIN, ...args], cwd);
/** A printed command line, exactly as written, in a POSIX shell. */
const inShell = (line: string, cwd: string, env: Record<string, string> = {}): Run =>
  spawn('sh', ['-c', line], cwd, env);

/** Ran to the end: 0, or 1 for findings at the threshold; never a usage (2) or internal (3) error. */
function expectWorks(r: Run, what: string): void {
  expect(r.status, `${what}\n${r.stdout}\n${r.stderr}`).toBeOneOf([0, 1]);
  expect(r.stdout.length, what).toBeGreaterThan(0);
}

/** Words of one shell command line: quotes honoured, a `#` word ends the line. */
function shellSplit(line: string): string[][] {
  const commands: string[][] = [[]];
  // native-regex: test code splitting a README line
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(&&)|(#.*)|(\S+)/g)) {
    if (m[4] !== undefined) break;
    if (m[3]) commands.push([]);
    else commands[commands.length - 1].push(m[1] ?? m[2] ?? m[5]);
  }
  return commands.filter((c) => c.length);
}

/** The arguments after a printed `npx --yes github:owner/repo#ref`, which must be `prefix`. */
function argsAfter(command: string, prefix: string): string[] {
  expect(command.startsWith(`${prefix} `), command).toBe(true);
  return shellSplit(command.slice(prefix.length))[0];
}

function extract(into: string): string {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
  expect(r.status, String(r.stderr)).toBe(0);
  return into;
}

const README = readFileSync(join(PROJECT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
// native-regex: test code reading the README's fenced blocks
const BLOCKS = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  body: m[2],
}));

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error('dist/cli/index.js is missing: run `npm run bundle` (another run may be rebuilding it)');
  }
  const r = spawn('npm', ['pack', '--json', '--pack-destination', WORK], PROJECT);
  expect(r.status, r.stderr).toBe(0);
  const [packed] = JSON.parse(r.stdout);
  tarball = join(WORK, packed.filename);
  const files = packed.files.map((f: { path: string }) => f.path);
  const needed = ['package.json', 'dist/cli/index.js', 'dist/index.js', 'action.yml'];
  expect(files).toEqual(expect.arrayContaining(needed));
  expect(PACKAGE.bin).toEqual({ [BIN]: 'dist/cli/index.js' });
});

describe("README's commands", () => {
  it('has shell blocks to run (the CLI section is read)', () => {
    expect(BLOCKS.filter((b) => b.lang === 'sh').length).toBeGreaterThanOrEqual(3);
  });

  it('every command in a sh block runs as written (network forms: their bin from the tarball)', () => {
    const documented = `github:${DOCUMENTED_REPOSITORY}#${DOCUMENTED_REF}`;
    let ran = 0;
    for (const block of BLOCKS.filter((b) => b.lang === 'sh')) {
      // Each block is a fresh shell in the user's repository.
      let cwd = userRepo();
      let path = process.env.PATH ?? '';
      let installed = false;
      for (const line of block.body.split('\n')) {
        for (const words of shellSplit(line)) {
          const [cmd, ...rest] = words;
          const what = `README: ${line}`;
          if (cmd === 'npx') {
            expect(rest.slice(0, 2), what).toEqual(['--yes', documented]);
            expectWorks(fromTarball(rest.slice(2), cwd), what);
          } else if (cmd === 'npm' && rest[0] === 'install' && rest.includes('--global')) {
            expect(rest.at(-1), what).toBe(documented);
            const prefix = join(tempDir('ajm-global-'), 'prefix');
            const r = spawn('npm', ['install', '--global', tarball], cwd, { npm_config_prefix: prefix });
            expect(r.status, `${what}\n${r.stderr}`).toBe(0);
            path = `${join(prefix, 'bin')}${delimiter}${path}`;
            installed = true;
          } else if (cmd === BIN) {
            expect(installed, `${what}: a bare ${BIN} needs the install line above it`).toBe(true);
            expectWorks(spawn(BIN, rest, cwd, { PATH: path }), what);
          } else if (cmd === 'git' && rest[0] === 'clone') {
            // The clone holds every file of the tarball (and more): dist/ is committed.
            const url = `https://github.com/${DOCUMENTED_REPOSITORY}.git`;
            expect(rest, what).toEqual(['clone', '--depth', '1', '--branch', DOCUMENTED_REF, url]);
            extract(join(cwd, basename(DOCUMENTED_REPOSITORY)));
          } else if (cmd === 'node') {
            expectWorks(spawn('node', rest, cwd), what);
          } else if (cmd === 'cd') {
            cwd = join(cwd, rest[0]);
          } else if (cmd === 'cp' && rest.length === 2) {
            // A contributor copying a committed template in a clone of this repository.
            expect(existsSync(join(PROJECT, rest[0])), what).toBe(true);
          } else if (cmd === 'npm' && ['ci', 'test', 'run'].includes(rest[0])) {
            // A contributor's command in a clone of this repository: the script must exist.
            const script = rest[0] === 'run' ? rest[1] : 'test';
            if (rest[0] === 'ci') expect(existsSync(join(PROJECT, 'package-lock.json')), what).toBe(true);
            else expect(PACKAGE.scripts[script], what).toBeTypeOf('string');
          } else {
            throw new Error(`${what}: a command form this test does not know: teach it how a user runs it`);
          }
          ran++;
        }
      }
    }
    expect(ran).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('every usage line names a command and flags the packed CLI has', () => {
    const help = fromTarball(['--help'], WORK).stdout;
    const usage = BLOCKS.filter((b) => b.lang === 'text').flatMap((b) => b.body.split('\n'));
    const commands = usage.filter((l) => l.startsWith(`${BIN} `));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const line of commands) expect(help, line).toContain(line.split(' ').slice(0, 2).join(' '));
    // native-regex: test code collecting flags from a few README lines
    for (const flag of usage.join('\n').match(/--[a-z][a-z-]*/g) ?? []) expect(help, flag).toContain(flag);
  }, 120_000);

  it('names the action the way the fallback command does', () => {
    const uses = BLOCKS.filter((b) => b.lang === 'yaml')
      // native-regex: test code reading `uses:` lines of the README's workflow examples
      .flatMap((b) => [...b.body.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@(\S+)/g)])
      .filter((m) => !/^(actions|github)\//.test(m[1])); // native-regex: test code
    expect(uses.length).toBeGreaterThan(0);
    for (const m of uses) expect(`${m[1]}@${m[2]}`).toBe(`${DOCUMENTED_REPOSITORY}@${DOCUMENTED_REF}`);
  });

  it('and no text in the README or src/ prints a command that needs the unpublished package', () => {
    const offenders: string[] = [];
    const check = (file: string, text: string): void => {
      text.split('\n').forEach((l, i) => {
        // A bare `npx adobe-jwt-migrate`, or `adobe-jwt-migrate <command>` quoted as a thing to run.
        // native-regex: test code
        const bare = /npx adobe-jwt-migrate|['`]adobe-jwt-migrate (scan|migrate|rules)\b/.test(l);
        if (bare) offenders.push(`${file}:${i + 1}: ${l.trim()}`);
      });
    };
    check('README.md', README);
    const walk = (dir: string): void => {
      for (const e of readdirSync(join(PROJECT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (rel.endsWith('.ts') && rel !== 'src/commands.ts') {
          check(rel, readFileSync(join(PROJECT, rel), 'utf8'));
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});

describe('commands src/commands.ts prints', () => {
  const NO_SCRIPT = { script: join(WORK, 'not-a-script.js'), cwd: WORK };

  it('name the running action: npx --yes github:owner/repo#ref', () => {
    const ctx = { ...NO_SCRIPT, env: ACTION_ENV };
    expect(cliInvocation(ctx)).toBe(FROM_ACTION);
    expect(migrateCommand({}, ctx)).toBe(`${FROM_ACTION} migrate`);
    expect(migrateCommand({ write: true, path: 'services/api', scopes: 'openid,AdobeID' }, ctx)).toBe(
      `${FROM_ACTION} migrate services/api --write --scopes openid,AdobeID`,
    );
    const commit = '0123456789abcdef0123456789abcdef01234567';
    const sha = { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: commit };
    expect(cliInvocation({ ...NO_SCRIPT, env: sha })).toBe(`npx --yes github:acme/jwt-tools#${commit}`);
  });

  it('fall back to the documented reference when the runner gave none, or one unsafe to print', () => {
    const refs: Record<string, string>[] = [
      {},
      { GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' }, // `uses: ./`, composite actions
      { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: 'v1; rm -rf ~' },
      { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: '-v1' },
      { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: 'a/../b' },
      { GITHUB_ACTION_REPOSITORY: 'acme/jwt tools', GITHUB_ACTION_REF: 'v1' },
      { GITHUB_ACTION_REPOSITORY: 'acme', GITHUB_ACTION_REF: 'v1' },
      { GITHUB_ACTION_REPOSITORY: 'acme/jwt-tools', GITHUB_ACTION_REF: '' },
    ];
    for (const env of refs) {
      expect(cliInvocation({ ...NO_SCRIPT, env }), JSON.stringify(env)).toBe(DOCUMENTED);
    }
  });

  it('quote what the shell would change, and keep a folder named like a flag a folder', () => {
    expect(shellWord('services/api')).toBe('services/api');
    expect(shellWord("my app's")).toBe("'my app'\\''s'");
    expect(shellWord('#x')).toBe("'#x'");
    const ctx = { ...NO_SCRIPT, env: {} };
    expect(migrateCommand({ path: 'my app' }, ctx)).toBe(`${DOCUMENTED} migrate 'my app'`);
    expect(migrateCommand({ path: '-x' }, ctx)).toBe(`${DOCUMENTED} migrate ./-x`);
    expect(migrateCommand({ path: '.' }, ctx)).toBe(`${DOCUMENTED} migrate`);
  });

  it('their bin and arguments run from the tarball, in a repository and a sub-folder', () => {
    const repo = userRepo();
    for (const env of [ACTION_ENV, {}]) {
      const ctx = { ...NO_SCRIPT, env };
      const prefix = env === ACTION_ENV ? FROM_ACTION : DOCUMENTED;
      for (const command of [
        migrateCommand({}, ctx),
        migrateCommand({ path: 'services/api', scopes: 'openid,AdobeID' }, ctx),
        cliCommand(['rules'], ctx),
        cliCommand(['scan', '.', '--fail-on', 'never'], ctx),
      ]) {
        expectWorks(fromTarball(argsAfter(command, prefix), repo), command);
      }
    }
    const opts = { write: true, path: 'services/api', scopes: 'openid,AdobeID' };
    const write = migrateCommand(opts, { ...NO_SCRIPT, env: ACTION_ENV });
    expectWorks(fromTarball(argsAfter(write, FROM_ACTION), repo), write);
    expect(readFileSync(join(repo, 'services/api/.env.example'), 'utf8')).toContain('ADOBE_SCOPES=openid,AdobeID');
  }, 120_000);

  describe('from a running CLI: the way it was started, run as printed', () => {
    it('a clone (relative from inside it, absolute from elsewhere)', () => {
      const clone = extract(join(tempDir('ajm-clone-'), 'adobe-jwt-migrate'));
      const script = join(clone, 'dist', 'cli', 'index.js');
      // The running CLI wins over an action reference left in the environment.
      const inside = cliCommand(['rules'], { script, cwd: clone, env: ACTION_ENV });
      expect(inside).toBe('node dist/cli/index.js rules');
      expectWorks(inShell(inside, clone), inside);
      const repo = userRepo();
      const outside = cliCommand(['scan', '.'], { script, cwd: repo, env: {} });
      expect(outside).toBe(`node ${script} scan .`);
      expectWorks(inShell(outside, repo), outside);
    }, 120_000);

    it('an npx run (the spec npx was given)', () => {
      const repo = userRepo();
      expectWorks(fromTarball(['--version'], repo), 'npx');
      // npx's folder for this spec: its package.json names the spec it was given.
      const dirs = readdirSync(join(CACHE, '_npx')).map((d) => join(CACHE, '_npx', d));
      const spec = JSON.stringify(tarball);
      const dir = dirs.find((d) => readFileSync(join(d, 'package.json'), 'utf8').includes(spec));
      expect(dir).toBeDefined();
      const script = join(dir!, 'node_modules', '.bin', BIN);
      const command = cliCommand(['rules'], { script, cwd: repo, env: {} });
      expect(command).toBe(`npx --yes --package=${tarball} ${BIN} rules`);
      expectWorks(inShell(command, repo), command);
    }, 120_000);

    it('a global install (the bin on PATH) and a project dependency (npx finds it locally)', () => {
      const prefix = join(tempDir('ajm-global-'), 'prefix');
      const install = spawn('npm', ['install', '--global', tarball], WORK, { npm_config_prefix: prefix });
      expect(install.status, install.stderr).toBe(0);
      const PATH = `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`;
      const global = cliCommand(['rules'], { script: join(prefix, 'bin', BIN), cwd: WORK, env: { PATH } });
      expect(global).toBe(`${BIN} rules`);
      expectWorks(inShell(global, WORK, { PATH }), global);

      const project = tempDir('ajm-project-');
      writeFileSync(join(project, 'package.json'), '{"name": "user-project", "private": true}\n');
      expect(spawn('npm', ['install', tarball], project).status).toBe(0);
      const script = join(project, 'node_modules', '.bin', BIN);
      const local = cliCommand(['rules'], { script, cwd: project, env: {} });
      expect(local).toBe(`npx ${BIN} rules`);
      expectWorks(inShell(local, project), local);
    }, 120_000);
  });

  it('from an action started from the checked-out repository (`uses: ./`): its CLI bundle there', () => {
    const clone = extract(join(tempDir('ajm-self-'), 'repo'));
    const script = join(clone, 'dist', 'index.js');
    const command = migrateCommand({}, { script, cwd: WORK, env: { GITHUB_WORKSPACE: clone } });
    expect(command).toBe('node dist/cli/index.js migrate');
    expectWorks(inShell(command, clone), command);
  }, 120_000);

  // npm prepares a git dependency that has one of these scripts: it installs every dev
  // dependency into the clone (minutes, and the network) before it packs it.
  const preparing = ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall'].filter(
    (s) => PACKAGE.scripts?.[s],
  );
  it.skipIf(preparing.length > 0)(
    `npx --yes github:… installs through git without preparing (skipped while package.json has: ${
      preparing.join(', ') || 'none'
    })`,
    () => {
      const repo = extract(join(tempDir('ajm-git-'), 'adobe-jwt-migrate'));
      const git = (...args: string[]): void => {
        expect(spawnSync('git', args, { cwd: repo }).status, args.join(' ')).toBe(0);
      };
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'release');
      git('tag', DOCUMENTED_REF);
      const spec = `git+file://${repo}#${DOCUMENTED_REF}`;
      const run = spawn('npm', ['exec', '--yes', `--package=${spec}`, '--', BIN, 'rules'], userRepo());
      expectWorks(run, spec);
    },
    120_000,
  );
});

describe('the pull request body and the job summary', () => {
  afterEach(() => vi.unstubAllEnvs());

  const stubAction = (env: Record<string, string>): void => {
    for (const k of ['GITHUB_ACTION_REPOSITORY', 'GITHUB_ACTION_REF', 'GITHUB_WORKSPACE']) {
      vi.stubEnv(k, env[k] ?? '');
    }
  };
  const finding: Finding = {
    ruleId: 'ci-jwt-private-key-secret',
    severity: 'error',
    file: 'x.yml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    message: 'm',
    title: 't',
    category: 'ci',
    fingerprint: 'f',
    fixable: true,
    snippet: '',
  };
  const stats = { filesListed: 1, filesScanned: 1, filesMatched: 1, bytesScanned: 1, durationMs: 1, rules: 1, workers: 0, maxRssBytes: 1 };
  const scanOf = (root: string): ScanResult => ({ root, findings: [finding], skipped: [], secrets: [], stats });
  const planOf = (root: string, after = 'env:\n  SCOPES: openid\n'): MigrationPlan => ({
    root,
    edits: [
      { file: '.github/workflows/sync.yml', action: 'modify', ruleIds: ['ci-jwt-private-key-secret'], before: 'env:\n  KEY: x\n', after },
    ],
    manual: [],
    secrets: { add: [], remove: [] },
    scopes: [{ value: 'openid,AdobeID', source: 'input', confidence: 'confirmed', products: [] }],
  });

  it('the body prints the command with the action reference, the scanned folder and the scopes', () => {
    stubAction(ACTION_ENV);
    const body = prBody({ plan: planOf('/repo'), scan: scanOf('/repo/services/api'), workflowsRefused: true });
    const write = `${FROM_ACTION} migrate services/api --write --scopes openid,AdobeID`;
    expect(body).toContain(`run \`${write}\` on this branch`);
    // Too long for the body: the preview shows the patch.
    const huge = planOf('/repo', 'x\n'.repeat(40_000));
    const long = prBody({ plan: huge, scan: scanOf('/repo'), workflowsRefused: true });
    expect(long).toContain(`\`${FROM_ACTION} migrate --scopes openid,AdobeID\` shows it`);
    expect(long).toContain(`\`${FROM_ACTION} migrate --write --scopes openid,AdobeID\` applies it`);
  });

  it('the body falls back to the documented reference without one', () => {
    stubAction({});
    const body = prBody({ plan: planOf('/repo'), scan: scanOf('/repo'), workflowsRefused: true });
    expect(body).toContain(`run \`${DOCUMENTED} migrate --write --scopes openid,AdobeID\` on this branch`);
    expect(body).not.toContain('npx adobe-jwt-migrate');
  });

  it('the summary prints the preview and the write command, from the repository root', () => {
    const workspace = tempDir('ajm-ws-');
    mkdirSync(join(workspace, 'services', 'api'), { recursive: true });
    stubAction({ ...ACTION_ENV, GITHUB_WORKSPACE: workspace });
    const summary = toSummary(scanOf(join(workspace, 'services', 'api')), 'error');
    const [preview, write] = [`${FROM_ACTION} migrate services/api`, `${FROM_ACTION} migrate services/api --write`];
    expect(summary).toContain(`(\`${preview}\` previews them, \`${write}\` applies them)`);
    stubAction({ GITHUB_WORKSPACE: workspace });
    const fallback = toSummary(scanOf(workspace), 'error');
    expect(fallback).toContain(`(\`${DOCUMENTED} migrate\` previews them, \`${DOCUMENTED} migrate --write\` applies them)`);
  });

  it('the built action prints them in its job summary, with and without its reference', () => {
    const repo = userRepo();
    const named = runAction(repo, { 'fail-on': 'never', path: 'services/api' }, ACTION_ENV);
    expect(named.status, named.stdout).toBe(0);
    expect(named.summary).toContain(`\`${FROM_ACTION} migrate services/api\` previews them`);
    expect(named.summary).toContain(`\`${FROM_ACTION} migrate services/api --write\` applies them`);
    const unnamed = runAction(repo, { 'fail-on': 'never' });
    expect(unnamed.summary).toContain(`\`${DOCUMENTED} migrate --write\` applies them`);
  }, 120_000);

  it('the packed action run from the checked-out repository (`uses: ./`) prints its own CLI bundle', () => {
    // The workspace is the action's own repository, with a JWT exchange to report.
    const workspace = extract(join(tempDir('ajm-uses-local-'), 'repo'));
    writeFileSync(join(workspace, 'token.js'), TOKEN_JS);
    const runner = tempDir('ajm-runner-');
    const summary = join(runner, 'summary');
    writeFileSync(summary, '');
    writeFileSync(join(runner, 'output'), '');
    const r = spawn(process.execPath, [join(workspace, 'dist', 'index.js')], workspace, {
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: runner,
      'INPUT_FAIL-ON': 'never',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('`node dist/cli/index.js migrate --write` applies them');
    expectWorks(inShell('node dist/cli/index.js migrate', workspace), 'uses: ./');
  }, 120_000);
});
