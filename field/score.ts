// `npm run field`: scores the built CLI against the labelled field corpus (real repositories that
// used the JWT flow, plus negative controls). Labels are in field/labels/<folder>.json (see
// field/LABELLING.md); the corpus is ../shared/field/ and, when fetched, field/extra/.
//
// Per folder and in total: line recall (a labelled line is covered when a finding's
// line..endLine, widened by 2 lines, reaches it), file recall, repository recall (positive
// repositories with an error), precision (findings that cover a labelled line, over all findings),
// findings in negative controls, and scan time. For folders labelled `migration: migrate`, it
// also runs `migrate --write` on a temp copy (see migrateFolder) and reports the share of error
// findings removed, files changed, parse failures, a second run's edits and the manual steps left;
// `--detect-only` skips that. Writes field/results.json; exits 1 below the floors in
// field/floors.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT = join(HERE, '..');
const CLI = join(PROJECT, 'dist', 'cli', 'index.js');
const SHARED = join(PROJECT, '..', 'shared', 'field');
const EXTRA = join(HERE, 'extra');
/** How far (in lines) a finding's span reaches to cover a labelled line. */
const REACH = 2;

const Entry = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  category: z.enum(['code', 'config', 'ci', 'dependency', 'docs', 'key']).optional(),
  flow: z.enum(['jwt', 'aem']).optional(),
  note: z.string().optional(),
});
const Label = z.object({
  folder: z.string(),
  repo: z.string(),
  commit: z.string(),
  role: z.enum(['positive', 'aem', 'negative']),
  migration: z.enum(['migrate', 'detect-only', 'none']),
  mustChange: z.array(Entry.extend({ category: Entry.shape.category.unwrap() })),
  lookAlikes: z.array(Entry),
});
type Label = z.infer<typeof Label>;

const Finding = z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning', 'note']), file: z.string(), line: z.number(), endLine: z.number() }).loose();
type Finding = z.infer<typeof Finding>;

export interface FolderScore {
  folder: string;
  corpus: 'shared' | 'extra';
  role: Label['role'];
  migration: Label['migration'];
  labelledLines: number;
  coveredLines: number;
  labelledFiles: number;
  coveredFiles: number;
  findings: number;
  onLabelled: number;
  errors: number;
  warnings: number;
  byCategory: Record<string, { labelled: number; covered: number }>;
  seconds: number;
  /** Labelled lines no finding reaches (file:line), for reading the misses. */
  missed: string[];
  /** Findings on no labelled line (file:line rule). */
  extra: string[];
  /** Files with a must-change line and no finding. */
  missedFiles: string[];
  /** What `migrate --write` did to a copy (folders labelled `migrate`). */
  migrated?: MigrationScore;
}

// --- Migration: `migrate --write` on a temp copy of a folder, and what it did. Error findings
// before and after (a re-scan of the copy), files changed, changed files that no longer parse
// (each language's own parser, not the migration's), what a second run would edit (must be
// nothing), the manual steps left and how many errors left have a step with a snippet.
const Report = z.object({ findings: z.array(z.object({ ruleId: z.string(), severity: z.string(), file: z.string(), line: z.number() }).loose()) }).loose();
const Plan = z.object({
  edits: z.array(z.object({ file: z.string(), action: z.enum(['modify', 'create', 'delete']) }).loose()),
  manual: z.array(z.object({ file: z.string(), ruleId: z.string(), snippet: z.string().optional() }).loose()),
}).loose();

export interface MigrationScore {
  errorsBefore: number;
  errorsAfter: number;
  filesChanged: number;
  /** Changed files that parsed before the migration and do not after it (file: parser). */
  parseFailures: string[];
  /** Edits a second `migrate --write` would make. */
  secondRunEdits: number;
  manualSteps: number;
  /** Errors left in a file that has a manual step with a snippet. */
  errorsLeftWithSnippet: number;
  /** The errors left (file:line rule), for reading what the migration leaves. */
  left: string[];
  seconds: number;
}

function cli(cliPath: string, args: string[]): string {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args[0]} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  return r.stdout;
}

const errorsOf = (cliPath: string, dir: string) =>
  Report.parse(JSON.parse(cli(cliPath, ['scan', dir, '--format', 'json', '--fail-on', 'never']))).findings.filter((f) => f.severity === 'error');

const migrate = (cliPath: string, dir: string) => Plan.parse(JSON.parse(cli(cliPath, ['migrate', dir, '--write', '--format', 'json'])));

/** tree-sitter grammars (the bundle's copies) for the languages TypeScript and Python do not cover. */
const GRAMMARS: Record<string, string> = {
  '.java': 'java', '.kt': 'kotlin', '.kts': 'kotlin', '.scala': 'scala', '.cs': 'c-sharp', '.php': 'php',
  '.go': 'go', '.rb': 'ruby', '.ps1': 'powershell', '.psm1': 'powershell', '.sh': 'bash', '.r': 'r',
};

type TreeSitter = typeof import('web-tree-sitter');
let treeSitter: Promise<TreeSitter> | undefined;

async function treeSitterParses(grammarsDir: string, grammar: string, text: string): Promise<boolean> {
  treeSitter ??= (async () => {
    const lib = (await import(pathToFileURL(join(grammarsDir, 'web-tree-sitter.js')).href)) as TreeSitter;
    await lib.Parser.init({ wasmBinary: readFileSync(join(grammarsDir, 'web-tree-sitter.wasm')) });
    return lib;
  })();
  const lib = await treeSitter;
  const parser = new lib.Parser();
  parser.setLanguage(await lib.Language.load(readFileSync(join(grammarsDir, `tree-sitter-${grammar}.wasm`))));
  const tree = parser.parse(text);
  const ok = !!tree && !tree.rootNode.hasError;
  tree?.delete();
  parser.delete();
  return ok;
}

/** The parser that judges a file, and whether the text passes it; null when no parser covers it. */
async function parses(file: string, text: string, grammarsDir: string): Promise<{ parser: string; ok: boolean } | null> {
  const ext = extname(file).toLowerCase();
  if (['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'].includes(ext)) {
    const kind = ext === '.tsx' || ext === '.jsx' ? ts.ScriptKind.TSX : ext.endsWith('ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
    return { parser: 'typescript', ok: (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0 };
  }
  if (ext === '.py') {
    const r = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "f", "exec")'], { input: text, encoding: 'utf8' });
    return { parser: 'python3 compile', ok: r.status === 0 };
  }
  if (ext === '.json' || file.endsWith('.aio')) {
    try {
      JSON.parse(text);
      return { parser: 'JSON', ok: true };
    } catch {
      return { parser: 'JSON', ok: false };
    }
  }
  if (ext === '.yml' || ext === '.yaml') return { parser: 'yaml', ok: parseAllDocuments(text).every((d) => 'errors' in d && d.errors.length === 0) };
  const grammar = GRAMMARS[ext];
  if (grammar) return { parser: `tree-sitter ${grammar}`, ok: await treeSitterParses(grammarsDir, grammar, text) };
  return null;
}

export async function migrateFolder(cliPath: string, dir: string): Promise<MigrationScore> {
  const started = performance.now();
  const copy = mkdtempSync(join(tmpdir(), 'field-migrate-'));
  const grammarsDir = join(cliPath, '..', '..', 'grammars');
  try {
    cpSync(dir, copy, { recursive: true });
    const before = errorsOf(cliPath, copy);
    const plan = migrate(cliPath, copy);
    const after = errorsOf(cliPath, copy);
    const second = migrate(cliPath, copy);
    const parseFailures: string[] = [];
    for (const edit of plan.edits) {
      if (edit.action === 'delete' || !existsSync(join(copy, edit.file))) continue;
      const now = await parses(edit.file, readFileSync(join(copy, edit.file), 'utf8'), grammarsDir);
      if (!now || now.ok) continue;
      const original = edit.action === 'modify' && existsSync(join(dir, edit.file)) ? await parses(edit.file, readFileSync(join(dir, edit.file), 'utf8'), grammarsDir) : null;
      if (edit.action === 'create' || original?.ok) parseFailures.push(`${edit.file}: ${now.parser}`);
    }
    const withSnippet = new Set(plan.manual.filter((m) => m.snippet).map((m) => m.file));
    return {
      errorsBefore: before.length,
      errorsAfter: after.length,
      filesChanged: plan.edits.length,
      parseFailures,
      secondRunEdits: second.edits.length,
      manualSteps: plan.manual.length,
      errorsLeftWithSnippet: after.filter((f) => withSnippet.has(f.file)).length,
      left: after.map((f) => `${f.file}:${f.line} ${f.ruleId}`),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}


function expand(e: { line: number; endLine?: number }): number[] {
  const out: number[] = [];
  for (let l = e.line; l <= (e.endLine ?? e.line); l++) out.push(l);
  return out;
}

function covers(f: Finding, line: number): boolean {
  return f.line - REACH <= line && line <= Math.max(f.endLine, f.line) + REACH;
}

function scoreFolder(dir: string, label: Label, corpus: 'shared' | 'extra'): FolderScore {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`scan of ${label.folder} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  const findings = z.object({ findings: z.array(Finding) }).parse(JSON.parse(r.stdout)).findings;

  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const labelled = new Map<string, Set<number>>();
  const category = new Map<string, string>();
  for (const e of label.mustChange) {
    const set = labelled.get(e.file) ?? new Set<number>();
    for (const l of expand(e)) {
      set.add(l);
      category.set(`${e.file}:${l}`, e.category);
    }
    labelled.set(e.file, set);
  }
  const byCategory: FolderScore['byCategory'] = {};
  let labelledLines = 0;
  let coveredLines = 0;
  let coveredFiles = 0;
  const missed: string[] = [];
  const missedFiles: string[] = [];
  for (const [file, lines] of labelled) {
    const fs = byFile.get(file) ?? [];
    if (fs.length) coveredFiles++;
    else missedFiles.push(file);
    for (const l of lines) {
      const cat = category.get(`${file}:${l}`)!;
      byCategory[cat] ??= { labelled: 0, covered: 0 };
      byCategory[cat].labelled++;
      labelledLines++;
      if (fs.some((f) => covers(f, l))) {
        coveredLines++;
        byCategory[cat].covered++;
      } else missed.push(`${file}:${l}`);
    }
  }
  const extra: string[] = [];
  let onLabelled = 0;
  for (const f of findings) {
    const lines = labelled.get(f.file);
    if (lines && [...lines].some((l) => covers(f, l))) onLabelled++;
    else extra.push(`${f.file}:${f.line} ${f.ruleId}`);
  }
  return {
    folder: label.folder,
    corpus,
    role: label.role,
    migration: label.migration,
    labelledLines,
    coveredLines,
    labelledFiles: labelled.size,
    coveredFiles,
    findings: findings.length,
    onLabelled,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    byCategory,
    seconds,
    missed,
    extra,
    missedFiles,
  };
}

export interface Totals {
  folders: number;
  lineRecall: number;
  fileRecall: number;
  repoRecall: number;
  aemWithWarningOnly: string;
  precision: number;
  negativeFindings: number;
  seconds: number;
  byCategory: Record<string, number>;
  migration: MigrationTotals;
}

export interface MigrationTotals {
  folders: number;
  errorsBefore: number;
  errorsAfter: number;
  /** Share of the error findings `migrate --write` removed. */
  removed: number;
  filesChanged: number;
  parseFailures: number;
  secondRunEdits: number;
  manualSteps: number;
  /** Share of the errors left that sit in a file with a manual step carrying a snippet. */
  leftWithSnippet: number;
  /** Folders where the migration changed at least one file (the action would open a PR). */
  foldersChanged: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

function totals(scores: FolderScore[]): Totals {
  const sum = (k: keyof FolderScore, of = scores) => of.reduce((n, s) => n + (s[k] as number), 0);
  const positives = scores.filter((s) => s.role === 'positive');
  const aem = scores.filter((s) => s.role === 'aem');
  const cats: Record<string, { labelled: number; covered: number }> = {};
  for (const s of scores) {
    for (const [c, v] of Object.entries(s.byCategory)) {
      cats[c] ??= { labelled: 0, covered: 0 };
      cats[c].labelled += v.labelled;
      cats[c].covered += v.covered;
    }
  }
  return {
    folders: scores.length,
    lineRecall: ratio(sum('coveredLines'), sum('labelledLines')),
    fileRecall: ratio(sum('coveredFiles'), sum('labelledFiles')),
    repoRecall: ratio(positives.filter((s) => s.errors > 0).length, positives.length),
    aemWithWarningOnly: `${aem.filter((s) => s.warnings > 0 && s.errors === 0).length}/${aem.length}`,
    precision: ratio(sum('onLabelled'), sum('findings')),
    negativeFindings: sum('findings', scores.filter((s) => s.role === 'negative')),
    seconds: Math.round(sum('seconds') * 10) / 10,
    byCategory: Object.fromEntries(Object.entries(cats).map(([c, v]) => [c, ratio(v.covered, v.labelled)])),
    migration: migrationTotals(scores.flatMap((s) => (s.migrated ? [s.migrated] : []))),
  };
}

function migrationTotals(runs: MigrationScore[]): MigrationTotals {
  const sum = (k: keyof MigrationScore) => runs.reduce((n, m) => n + (Array.isArray(m[k]) ? (m[k] as unknown[]).length : (m[k] as number)), 0);
  const before = sum('errorsBefore');
  const after = sum('errorsAfter');
  return {
    folders: runs.length,
    errorsBefore: before,
    errorsAfter: after,
    removed: ratio(before - after, before),
    filesChanged: sum('filesChanged'),
    parseFailures: sum('parseFailures'),
    secondRunEdits: sum('secondRunEdits'),
    manualSteps: sum('manualSteps'),
    leftWithSnippet: ratio(sum('errorsLeftWithSnippet'), after),
    foldersChanged: runs.filter((m) => m.filesChanged > 0).length,
  };
}

function folders(root: string): string[] {
  return existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(6);
}

async function main(): Promise<number> {
  if (!existsSync(SHARED)) {
    console.log(`field: ${SHARED} is absent; nothing to score.`);
    return 0;
  }
  if (!existsSync(CLI)) {
    console.error('field: dist/cli/index.js is missing: run npm run bundle first.');
    return 2;
  }
  const verbose = process.argv.includes('--verbose');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const detectOnly = process.argv.includes('--detect-only');
  const scores: FolderScore[] = [];
  for (const [corpus, root] of [['shared', SHARED], ['extra', EXTRA]] as const) {
    for (const folder of folders(root)) {
      if (only && !folder.includes(only)) continue;
      const labelFile = join(HERE, 'labels', `${folder}.json`);
      if (!existsSync(labelFile)) {
        console.log(`field: ${corpus}/${folder} has no label file; skipped.`);
        continue;
      }
      const label = Label.parse(JSON.parse(readFileSync(labelFile, 'utf8')));
      const score = scoreFolder(join(root, folder), label, corpus);
      if (label.migration === 'migrate' && !detectOnly) score.migrated = await migrateFolder(CLI, join(root, folder));
      scores.push(score);
    }
  }
  console.log(`${'folder'.padEnd(48)} role      lines  files  prec  errors  find  secs`);
  for (const s of scores) {
    const line = s.labelledLines ? pct(s.coveredLines / s.labelledLines) : '     -';
    const file = s.labelledFiles ? pct(s.coveredFiles / s.labelledFiles) : '     -';
    const prec = s.findings ? pct(s.onLabelled / s.findings) : '     -';
    console.log(`${s.folder.slice(0, 47).padEnd(48)} ${s.role.padEnd(8)} ${line} ${file} ${prec} ${String(s.errors).padStart(6)} ${String(s.findings).padStart(5)} ${s.seconds.toFixed(1).padStart(5)}`);
    if (verbose) {
      for (const m of s.missedFiles) console.log(`    missed file ${m}`);
      for (const m of s.missed) console.log(`    missed ${m}`);
      for (const x of s.extra) console.log(`    extra  ${x}`);
    }
  }
  if (!detectOnly) {
    console.log(`\n${'migrate --write on a copy'.padEnd(48)} errors before  after removed  files  parse  again  manual`);
    for (const s of scores) {
      const m = s.migrated;
      if (!m) continue;
      console.log(`${s.folder.slice(0, 47).padEnd(48)} ${String(m.errorsBefore).padStart(13)} ${String(m.errorsAfter).padStart(6)} ${pct(ratio(m.errorsBefore - m.errorsAfter, m.errorsBefore)).padStart(7)} ${String(m.filesChanged).padStart(6)} ${String(m.parseFailures.length).padStart(6)} ${String(m.secondRunEdits).padStart(6)} ${String(m.manualSteps).padStart(7)}`);
      if (verbose) for (const f of m.parseFailures) console.log(`    does not parse after migration: ${f}`);
      if (verbose) for (const f of m.left) console.log(`    left   ${f}`);
    }
  }
  const shared = totals(scores.filter((s) => s.corpus === 'shared'));
  const all = totals(scores);
  const show = (name: string, t: Totals) => {
    console.log(
      `${name}: ${t.folders} folders; line recall ${pct(t.lineRecall)}, file recall ${pct(t.fileRecall)}, repository recall ${pct(t.repoRecall)}, precision ${pct(t.precision)}, ${t.negativeFindings} findings in negative controls, AEM warning-only ${t.aemWithWarningOnly}, ${t.seconds}s`,
    );
    const m = t.migration;
    if (m.folders) {
      console.log(
        `  migration: ${m.folders} folders; error findings ${m.errorsBefore} -> ${m.errorsAfter} (${pct(m.removed).trim()} removed), ${m.filesChanged} files changed in ${m.foldersChanged} folders, ${m.parseFailures} parse failures, ${m.secondRunEdits} edits on a second run, ${m.manualSteps} manual steps, errors left with a snippet ${pct(m.leftWithSnippet).trim()}`,
      );
    }
  };
  show('shared corpus', shared);
  show('all corpora', all);
  if (only || detectOnly) return 0;
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify({ shared, all, folders: scores.map(({ missed, extra, missedFiles, migrated, ...rest }) => ({ ...rest, missed: missed.length, extra: extra.length, missedFiles: missedFiles.length, ...(migrated ? { migrated: { ...migrated, left: migrated.left.length, seconds: Math.round(migrated.seconds * 10) / 10 } } : {}) })) }, null, 2)}\n`);

  type Floors = Partial<Record<keyof Totals, number>> & { migration?: Partial<Record<keyof MigrationTotals, number>> };
  const floors = JSON.parse(readFileSync(join(HERE, 'floors.json'), 'utf8')) as Record<'shared' | 'all', Floors>;
  /** Counts that must stay at or under their floor; every other figure must stay at or above. */
  const CEILINGS = new Set(['negativeFindings', 'parseFailures', 'secondRunEdits']);
  const below: string[] = [];
  for (const [name, t] of [['shared', shared], ['all', all]] as const) {
    const { migration, ...detection } = floors[name] ?? {};
    const checks = [
      ...Object.entries(detection).map(([k, floor]) => [k, t[k as keyof Totals] as number, floor] as const),
      ...Object.entries(migration ?? {}).map(([k, floor]) => [`migration.${k}`, t.migration[k as keyof MigrationTotals] as number, floor] as const),
    ];
    for (const [k, v, floor] of checks) {
      const bad = CEILINGS.has(k.replace('migration.', '')) ? v > floor : v < floor;
      if (bad) below.push(`${name} ${k} ${v} (floor ${floor})`);
    }
  }
  if (below.length) {
    console.error(`field: below the floors in field/floors.json: ${below.join('; ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
