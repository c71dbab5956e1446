// Manifests: drop JWT packages once nothing in the project uses them. The plan rewrites code before
// dependency files and its edits are not on disk, so a file with findings counts as a user only if
// it still imports the package in the text the plan leaves it (`ctx.current`). Edits are text
// spans (package.json) or whole lines (requirements*.txt); anything unsure stays a manual step.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { RULES_BY_ID } from '../../rules/index.js';
import { matchFile } from '../../scan/match.js';
import { linear, splitLines } from '../../regex.js';
import { escapeRegExp, isWordChar, onlyBlanks, skipBlanks } from '../../text.js';
import { linearJs } from '../linear-js.js';
import type { ManualStep, RewriteContext, Rewriter } from '../types.js';

const ADOBE_RULE = 'dep-adobe-jwt-package';
const NPM_RULE = 'dep-jwt-library-npm';
const PY_RULE = 'dep-jwt-library-python';

/** Packages per rule; `null` marks a CLI plugin, used through `aio` commands we do not trace. */
const NPM_PACKAGES: Record<string, Record<string, true | null>> = {
  [ADOBE_RULE]: { '@adobe/jwt-auth': true, '@adobe/aio-lib-ims-jwt': true, '@adobe/aio-cli-plugin-jwt-auth': null, 'aio-cli-plugin-jwt-auth': null },
  [NPM_RULE]: { jsonwebtoken: true, 'jwt-simple': true, jose: true, jsrsasign: true, 'node-jose': true },
};
const DEP_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
/** Distribution name -> import name. */
const PY_MODULES: Record<string, string> = { pyjwt: 'jwt', 'python-jose': 'jose', jwcrypto: 'jwcrypto' };
const LOCK_FILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];

const JS_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;
const PY_FILE = /\.(?:py|ipynb)$/;
// Installed packages only: a built dist/ that still imports the package keeps it (safe side).
const SKIP_DIRS = new Set(['node_modules', 'bower_components', '__pycache__', 'site-packages']);
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 8;


// ---------------------------------------------------------------- who uses a package

/**
 * Code files under `dir` (relative to root), installed packages and hidden folders skipped; with `own`,
 * sub-folders holding their own manifest are other projects. Null when the walk is too large to judge.
 */
function codeFiles(root: string, dir: string, ext: RegExp, own?: string): string[] | null {
  const out: string[] = [];
  let seen = 0;
  const walk = (rel: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return true;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return true; // a virtualenv
    if (own && rel !== dir && entries.some((e) => e.isFile() && e.name === own)) return true;
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return false;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        if (depth >= MAX_DEPTH || !walk(path, depth + 1)) return false;
      } else if (e.isFile() && ext.test(e.name)) out.push(path); // native-regex: a file name
    }
    return true;
  };
  return walk(dir, 0) ? out : null;
}

// The package and module names are this file's own constants; the patterns run on whole files.
function importsNpm(text: string, pkg: string): boolean {
  return linearJs(String.raw`['"\`]${escapeRegExp(pkg)}(?:/[^'"\`\s]*)?['"\`]`).test(text);
}

function importsPython(text: string, mod: string, notebook: boolean): boolean {
  const m = escapeRegExp(mod);
  if (notebook) return linear(String.raw`\b(?:from|import)[ \t]+${m}\b`).test(text);
  const from = String.raw`from[ \t]+${m}(?:\.[\w.]+)?[ \t]+import\b`;
  const imports = String.raw`import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*${m}\b`;
  return linear(String.raw`^[ \t]*(?:${from}|${imports})`, 'm').test(text);
}

/** Whether any code file still uses the package once this plan's code rewrites are done. */
function stillUsed(ctx: RewriteContext, files: string[], uses: (text: string, file: string) => boolean): boolean {
  const withFindings = new Set(ctx.files);
  return files.some((file) => {
    let text: string;
    try {
      text = readFileSync(join(ctx.root, file), 'utf8');
    } catch {
      return true;
    }
    if (!uses(text, file)) return false;
    if (!withFindings.has(file)) return true;
    // The plan rewrites code before dependency files: this is the text its pull request holds
    // (null: the plan deletes the file). Without a plan to ask, the package stays.
    const now = ctx.current?.(file);
    return now === undefined || (now !== null && uses(now, file));
  });
}

// ---------------------------------------------------------------- package.json spans

interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  members?: Member[];
}

const JSON_SPACE = ' \t\r\n\uFEFF';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** End of the number, true, false or null at `i` (`/-?\d[\d.eE+-]*|true|false|null/y`). */
function literalEnd(t: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (t.startsWith(word, i)) return i + word.length;
  let j = t[i] === '-' ? i + 1 : i;
  if (!isDigit(t[j])) throw new Error(`value expected at ${i}`);
  while (j < t.length && (isDigit(t[j]) || '.eE+-'.includes(t[j]))) j++;
  return j;
}

/** Member spans of a JSON document's objects (throws on invalid JSON, like JSON.parse would). */
function jsonMembers(t: string): Member[] {
  let i = 0;
  const ws = () => {
    while (i < t.length && JSON_SPACE.includes(t[i])) i++;
  };
  const str = (): string => {
    if (t[i] !== '"') throw new Error(`string expected at ${i}`);
    const s = i++;
    while (i < t.length && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(t.slice(s, i)) as string;
  };
  const value = (): Member[] | undefined => {
    ws();
    if (t[i] === '{') {
      i++;
      const members: Member[] = [];
      ws();
      if (t[i] === '}') return i++, members;
      for (;;) {
        ws();
        const keyStart = i;
        const key = str();
        ws();
        if (t[i++] !== ':') throw new Error(`colon expected at ${i}`);
        ws();
        const valueStart = i;
        const sub = value();
        members.push({ key, keyStart, valueStart, valueEnd: i, members: sub });
        ws();
        if (t[i] === ',') i++;
        else if (t[i++] === '}') return members;
        else throw new Error(`bad object at ${i}`);
      }
    }
    if (t[i] === '[') {
      i++;
      ws();
      if (t[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i++] === ']') return;
        else throw new Error(`bad array at ${i}`);
      }
    }
    if (t[i] === '"') return void str();
    i = literalEnd(t, i);
  };
  const top = value();
  ws();
  if (!top || i < t.length) throw new Error('not a JSON object');
  return top;
}

const lineStart = (t: string, pos: number) => t.lastIndexOf('\n', pos - 1) + 1;

/** Removes one member of an object, fixing the commas; whole lines when members sit on their own lines. */
function withoutMember(t: string, obj: Member, j: number): string {
  const ms = obj.members ?? [];
  const m = ms[j];
  let span: [number, number];
  if (ms.length === 1) span = [obj.valueStart + 1, obj.valueEnd - 1];
  else if (j < ms.length - 1) {
    const next = ms[j + 1];
    const [ls, nls] = [lineStart(t, m.keyStart), lineStart(t, next.keyStart)];
    const ownLines = nls > ls && onlyBlanks(t, ls, m.keyStart) && onlyBlanks(t, nls, next.keyStart);
    span = ownLines ? [ls, nls] : [m.keyStart, next.keyStart];
  } else span = [ms[j - 1].valueEnd, m.valueEnd]; // the last one: drop the comma before it
  return t.slice(0, span[0]) + t.slice(span[1]);
}

function removeNpm(text: string, pkgs: string[]): string {
  let out = text;
  for (;;) {
    const hit = jsonMembers(out)
      .filter((s) => DEP_SECTIONS.includes(s.key) && s.members)
      .flatMap((s) => (s.members ?? []).map((m, j) => ({ s, j, name: m.key })))
      .find((x) => pkgs.includes(x.name));
    if (!hit) return out;
    out = withoutMember(out, hit.s, hit.j);
  }
}

function declaredNpm(text: string): Set<string> {
  return new Set(jsonMembers(text).filter((s) => DEP_SECTIONS.includes(s.key)).flatMap((s) => (s.members ?? []).map((m) => m.key)));
}

// ---------------------------------------------------------------- requirements lines

const isNameChar = (c: string | undefined) => isWordChar(c) || c === '.' || c === '-';

/** The distribution a requirement line names (`/^[ \t]*([A-Za-z0-9][\w.-]*)/`), normalised. */
function reqName(line: string): string | undefined {
  const start = skipBlanks(line, 0);
  if (!isWordChar(line[start]) || line[start] === '_') return undefined;
  let end = start + 1;
  while (end < line.length && isNameChar(line[end])) end++;
  return line.slice(start, end).toLowerCase().replaceAll('_', '-');
}

/** Whether a line ends in a backslash continuation (`/\\\r?\n?$/`). */
function continues(line: string): boolean {
  let end = line.length;
  if (line[end - 1] === '\n') end--;
  if (line[end - 1] === '\r') end--;
  return line[end - 1] === '\\';
}

/** Drops the requirement lines (with backslash continuations and indented notes) of the given distributions. */
function removeRequirements(text: string, names: string[]): string {
  const lines = splitLines(text);
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const name = reqName(lines[k]);
    if (!name || !names.includes(name)) {
      out.push(lines[k]);
      continue;
    }
    while (continues(lines[k]) && k + 1 < lines.length) k++;
    // pip-compile's indented `# via ...` notes belong to the requirement above them.
    while (k + 1 < lines.length && indentedComment(lines[k + 1])) k++;
  }
  return out.join('');
}

function indentedComment(line: string): boolean {
  const i = skipBlanks(line, 0);
  return i > 0 && line[i] === '#';
}

// ---------------------------------------------------------------- the rewriter

/** Rule ids whose hits are gone from `text`. */
function cleared(file: string, text: string, ids: string[]): string[] {
  const rules = ids.map((id) => RULES_BY_ID.get(id)).filter((r) => r !== undefined);
  const left = new Set(matchFile(rules, { path: file, text }).findings.map((f) => f.ruleId));
  return ids.filter((id) => !left.has(id));
}

function packageJson(ctx: RewriteContext, ids: string[]) {
  const dir = posix.dirname(ctx.file) === '.' ? '' : posix.dirname(ctx.file);
  const declared = declaredNpm(ctx.text);
  const files = codeFiles(ctx.root, dir, JS_FILE, 'package.json');
  if (!files) return null;
  const remove: string[] = [];
  const settled: string[] = [];
  for (const id of ids) {
    const pkgs = Object.entries(NPM_PACKAGES[id] ?? {}).filter(([p]) => declared.has(p));
    if (!pkgs.length || pkgs.some(([, lib]) => lib === null)) continue;
    if (pkgs.some(([p]) => stillUsed(ctx, files, (t) => importsNpm(t, p)))) continue;
    remove.push(...pkgs.map(([p]) => p));
    settled.push(id);
  }
  if (!settled.length) return null;
  const text = removeNpm(ctx.text, remove);
  const ruleIds = cleared(ctx.file, text, settled);
  if (ruleIds.length !== settled.length) return null; // the name also sits outside the dependency lists
  const locks = LOCK_FILES.filter((l) => existsSync(join(ctx.root, dir, l)));
  const manual: ManualStep[] = locks.map((l) => ({
    file: dir ? `${dir}/${l}` : l,
    line: 1,
    ruleId: ruleIds[0],
    instructions: `${remove.join(', ')} ${remove.length > 1 ? 'were' : 'was'} removed from ${ctx.file}: run your package manager's install (npm install, yarn, pnpm install) so ${l} matches, otherwise \`npm ci\` and frozen-lockfile installs fail.`,
  }));
  return { ruleIds, text, manual };
}

function requirements(ctx: RewriteContext) {
  let dir = posix.dirname(ctx.file) === '.' ? '' : posix.dirname(ctx.file);
  // requirements/base.txt belongs to the project around the requirements folder.
  // native-regex: a folder name
  if (/^requirements(?:\.d)?$/i.test(posix.basename(dir))) dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
  const names = [...new Set(ctx.text.split('\n').map(reqName))].filter((n): n is string => !!n && n in PY_MODULES);
  if (!names.length) return null;
  const files = codeFiles(ctx.root, dir, PY_FILE);
  if (!files) return null;
  if (names.some((n) => stillUsed(ctx, files, (t, f) => importsPython(t, PY_MODULES[n], f.endsWith('.ipynb'))))) return null;
  const text = removeRequirements(ctx.text, names);
  if (!cleared(ctx.file, text, [PY_RULE]).length) return null;
  // pip-compile sources (*.in) would bring the pin back: the user edits those.
  const here = posix.dirname(ctx.file);
  const sources = readdirSync(join(ctx.root, here)).filter((f) => f.endsWith('.in'));
  const manual: ManualStep[] = sources
    .map((f) => ({ f, line: readFileSync(join(ctx.root, here, f), 'utf8').split('\n').findIndex((l) => names.includes(reqName(l) ?? '')) + 1 }))
    .filter(({ line }) => line > 0)
    .map(({ f, line }) => ({
      file: here === '.' ? f : `${here}/${f}`,
      line,
      ruleId: PY_RULE,
      instructions: `${names.join(', ')} was removed from ${ctx.file}; remove it from this pip-compile source too, or the next compile adds it back.`,
    }));
  return { ruleIds: [PY_RULE], text, manual };
}

export const manifests: Rewriter = {
  name: 'JWT dependencies',
  ruleIds: [ADOBE_RULE, NPM_RULE, PY_RULE],
  rewrite(ctx) {
    const ids = [...new Set(ctx.findings.map((f) => f.ruleId))];
    // native-regex: file paths (here and below)
    if (/(?:^|\/)package\.json$/.test(ctx.file)) return packageJson(ctx, ids.filter((id) => id in NPM_PACKAGES));
    // pyproject.toml, Pipfile and the like keep their entries: manual. native-regex: a file path
    if (/(?:^|\/)requirements[\w.-]*\.txt$/.test(ctx.file) && ids.includes(PY_RULE)) return requirements(ctx);
    return null;
  },
};

export const depsRewriters: Rewriter[] = [manifests];
