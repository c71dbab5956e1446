// `npm run field`: scores the built CLI against the labelled field corpus (real repositories that
// used the JWT flow, plus negative controls). Labels are in field/labels/<folder>.json (see
// field/LABELLING.md); the corpus is ../shared/field/ and, when fetched, field/extra/.
//
// Per folder and in total: line recall (a labelled line is covered when a finding's
// line..endLine, widened by 2 lines, reaches it), file recall, repository recall (positive
// repositories with an error), precision (findings that cover a labelled line, over all findings),
// findings in negative controls, and scan time. Writes field/results.json; exits 1 below the
// floors in field/floors.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  };
}

function folders(root: string): string[] {
  return existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(6);
}

function main(): number {
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
      scores.push(scoreFolder(join(root, folder), label, corpus));
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
  const shared = totals(scores.filter((s) => s.corpus === 'shared'));
  const all = totals(scores);
  const show = (name: string, t: Totals) =>
    console.log(
      `${name}: ${t.folders} folders; line recall ${pct(t.lineRecall)}, file recall ${pct(t.fileRecall)}, repository recall ${pct(t.repoRecall)}, precision ${pct(t.precision)}, ${t.negativeFindings} findings in negative controls, AEM warning-only ${t.aemWithWarningOnly}, ${t.seconds}s`,
    );
  show('shared corpus', shared);
  show('all corpora', all);
  if (only) return 0;
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify({ shared, all, folders: scores.map(({ missed, extra, missedFiles, ...rest }) => ({ ...rest, missed: missed.length, extra: extra.length, missedFiles: missedFiles.length })) }, null, 2)}\n`);

  const floors = JSON.parse(readFileSync(join(HERE, 'floors.json'), 'utf8')) as Record<'shared' | 'all', Partial<Record<keyof Totals, number>>>;
  const below: string[] = [];
  for (const [name, t] of [['shared', shared], ['all', all]] as const) {
    for (const [k, floor] of Object.entries(floors[name] ?? {})) {
      const v = t[k as keyof Totals] as number;
      const bad = k === 'negativeFindings' ? v > floor : v < floor;
      if (bad) below.push(`${name} ${k} ${v} (floor ${floor})`);
    }
  }
  if (below.length) {
    console.error(`field: below the floors in field/floors.json: ${below.join('; ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
