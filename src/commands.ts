// The commands the project prints (job summary, pull request body, warnings, CLI messages), built
// in one place. The package is not on the npm registry, so a bare `npx adobe-jwt-migrate` fails;
// a printed command names a source the reader can run, the first that applies:
//   1. the CLI as it was started (a clone's dist/cli/index.js, an npx run, an installed bin);
//   2. the running action's own reference (`uses: owner/repo@ref`, which the runner passes as
//      GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF) as `npx --yes github:owner/repo#ref`;
//   3. an action started from the checked-out repository (`uses: ./`): its CLI bundle there;
//   4. the reference the README documents.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { mdCode, safeText } from './escape.js';
import type { MigrationPlan } from './migrate/types.js';

export const BIN = 'adobe-jwt-migrate';
/** The action reference the README's `uses:` lines name (a test keeps them the same). */
export const DOCUMENTED_REPOSITORY = 'adobe-jwt-migrate/adobe-jwt-migrate';
export const DOCUMENTED_REF = 'v0';

/** Where the command is printed from; every field defaults to this process's own. */
export interface CommandContext {
  env?: NodeJS.ProcessEnv;
  /** The script node was started with (process.argv[1]). */
  script?: string;
  cwd?: string;
}

/** The no-install form: npm clones the repository at the ref and runs its `bin`. */
export function npxFromGitHub(repository: string, ref: string): string {
  return `npx --yes github:${repository}#${ref}`;
}

export interface ActionReference {
  repository: string;
  ref: string;
}

/**
 * The running action's reference, when the runner gave one that is safe to print in a shell
 * command: empty for `uses: ./` and inside composite actions, and never trusted blindly.
 */
export function actionReference(env: NodeJS.ProcessEnv = process.env): ActionReference | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  // native-regex: two short environment values, anchored (GitHub's owner and repository names)
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(repository)) return undefined;
  // native-regex: a git ref name (tag, branch or commit) of at most 255 characters
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/+-]{0,254}$/.test(ref)) return undefined;
  if (ref.includes('..') || ref.endsWith('/')) return undefined;
  return { repository, ref };
}

/** One word for a POSIX shell: as is when it needs no quotes, else single-quoted. */
export function shellWord(word: string): string {
  // native-regex: a command argument (a path or a scope list), anchored
  if (/^[A-Za-z0-9_./:=,@%+-][A-Za-z0-9_./:=,@%+#-]*$/.test(word)) return word;
  return `'${word.split("'").join("'\\''")}'`;
}

function packageName(dir: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  } catch {
    return undefined;
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** `path` relative to `base` ('' for `base` itself, posix separators); undefined when outside. */
function inside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** The package folder of a bundle of ours (dist/cli/index.js or dist/index.js), if it is one. */
function ownPackage(real: string, bundle: string[]): string | undefined {
  const parts = real.split(sep);
  if (parts.slice(-bundle.length).join('/') !== bundle.join('/')) return undefined;
  const root = parts.slice(0, -bundle.length).join(sep) || sep;
  return packageName(root) === BIN ? root : undefined;
}

/** How the CLI that is running now can be started again, or undefined when it is not running. */
function runningCli(script: string, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const real = realPath(script);
  if (!real || !ownPackage(real, ['dist', 'cli', 'index.js'])) return undefined;
  const binDir = dirname(script);
  if (basename(script) === BIN && basename(binDir) === '.bin') {
    // npx keeps the spec it was given in the package.json of its cache folder.
    try {
      const npx = JSON.parse(readFileSync(join(binDir, '..', '..', 'package.json'), 'utf8'))._npx;
      const specs: unknown = npx?.packages;
      // Named with --package: npx runs a positional that is a path (a tarball) as a program.
      if (Array.isArray(specs) && specs.length === 1 && typeof specs[0] === 'string') {
        return `npx --yes --package=${shellWord(specs[0])} ${BIN}`;
      }
    } catch {
      // not an npx cache folder: a project's own node_modules
    }
    // A dependency of a project: npx finds it in node_modules/.bin without the registry.
    return `npx ${BIN}`;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  if (dirs.some((d) => realPath(join(d, BIN)) === real)) return BIN;
  const rel = inside(cwd, real);
  return `node ${shellWord(rel || real)}`;
}

/** The CLI bundle of an action run from the checked-out repository (`uses: ./`), from its root. */
function localAction(script: string, env: NodeJS.ProcessEnv): string | undefined {
  const real = realPath(script);
  const workspace = env.GITHUB_WORKSPACE && realPath(env.GITHUB_WORKSPACE);
  if (!real || !workspace || !ownPackage(real, ['dist', 'index.js'])) return undefined;
  const cli = join(dirname(real), 'cli', 'index.js');
  const rel = existsSync(cli) ? inside(workspace, cli) : undefined;
  return rel ? `node ${shellWord(rel)}` : undefined;
}

/** The words that start the CLI, before its command (`scan`, `migrate`, `rules`). */
export function cliInvocation(ctx: CommandContext = {}): string {
  const env = ctx.env ?? process.env;
  const script = ctx.script ?? process.argv[1] ?? '';
  const cwd = ctx.cwd ?? process.cwd();
  const self = script ? runningCli(resolve(cwd, script), env, cwd) : undefined;
  if (self) return self;
  const ref = actionReference(env);
  if (ref) return npxFromGitHub(ref.repository, ref.ref);
  const local = script ? localAction(resolve(cwd, script), env) : undefined;
  return local ?? npxFromGitHub(DOCUMENTED_REPOSITORY, DOCUMENTED_REF);
}

/** A whole command line: the CLI and its arguments, each quoted for the shell when it must be. */
export function cliCommand(args: readonly string[], ctx: CommandContext = {}): string {
  return [cliInvocation(ctx), ...args.map(shellWord)].join(' ');
}

export interface MigrateCommand {
  /** Apply the edits (else a preview). */
  write?: boolean;
  /** Folder to migrate, relative to where the command runs; omitted for `.`. */
  path?: string;
  /** The scopes the action was given, so a local run plans the same edits. */
  scopes?: string;
}

export function migrateCommand(opts: MigrateCommand = {}, ctx: CommandContext = {}): string {
  const args = ['migrate'];
  // A folder named like a flag is still a folder.
  if (opts.path && opts.path !== '.') args.push(opts.path.startsWith('-') ? `./${opts.path}` : opts.path);
  if (opts.write) args.push('--write');
  if (opts.scopes) args.push('--scopes', opts.scopes);
  return cliCommand(args, ctx);
}

/**
 * The local commands that plan what the action planned: the same folder (from the repository
 * root) and the scopes given to the action. Scopes from Adobe's tables a local run finds itself;
 * scopes read from the Console would need the --adobe-* flags and a secret, so they are left out.
 */
export function planCommands(
  plan: Pick<MigrationPlan, 'scopes'>,
  path?: string,
): { preview: string; write: string } {
  const opts = { path, scopes: plan.scopes.find((s) => s.source === 'input')?.value };
  return { preview: migrateCommand(opts), write: migrateCommand({ ...opts, write: true }) };
}

/** A scanned folder as a path from the repository root: undefined for the root (or outside it). */
export function pathFromRoot(folder: string, root: string | undefined): string | undefined {
  if (!root) return undefined;
  // The scan's root is a real path; the workspace variable may name it through a link.
  const rel = inside(realPath(root) ?? resolve(root), realPath(folder) ?? resolve(folder));
  return rel || undefined;
}

/**
 * A command as a Markdown code span, byte for byte so it can be copied. Code spans are never
 * linked, so the mention and reference breaking of mdCode (a zero-width space after `#` in
 * `github:owner/repo#v1`) is needed only when the command holds text mdCode must change.
 */
export function mdCommand(command: string): string {
  const verbatim = safeText(command) === command && !command.includes('`');
  return verbatim ? `\`${command}\`` : mdCode(command);
}
