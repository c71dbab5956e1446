// Plans the edits that move a repository from JWT to OAuth Server-to-Server, from a scan's findings.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlValue } from '../yaml.js';
import type { ScanSettings } from '../config.js';
import { RULES, RULES_BY_ID, SUPPORTING_RULES } from '../rules/index.js';
import { AEM_CLOUD_RULE } from '../scan/context.js';
import { REGION_MAX_BYTES, REGION_RULES, SIGNAL_RULES } from '../scan/regions.js';
import { type EngineOptions, scan } from '../scan/engine.js';
import { listFiles } from '../scan/files.js';
import { matchFile } from '../scan/match.js';
import type { Finding, ScanResult } from '../types.js';
import { manualSnippet } from './manual.js';
import { REWRITERS } from './rewriters/index.js';
import { containsWord } from '../text.js';
import { linear } from '../regex.js';
import { languageOf } from '../languages/index.js';
import { loadGrammar, parseLoaded } from '../parse/tree-sitter.js';
import { normalizeScopes, scopeResolver } from './scopes.js';
import type { Edit, ManualStep, MigrationPlan, ScopeChoice } from './types.js';
import { wordsOfRepository } from './words.js';
import { TEST_PATH } from './spans.js';

/** Whole-file findings (a file named after the flow): settled once nothing but names is left. */
const FILE_RULES = new Set(['code-jwt-flow-file', 'docs-jwt-api-page']);

export interface PlanOptions {
  scopes?: string;
  /** client id -> scopes of its OAuth credential, read from the Developer Console. */
  consoleScopes?: Map<string, string>;
  engine?: EngineOptions;
}

/** True when a rewritten file still parses in its format (JSON, YAML); other formats are checked by tests. */
export function stillParses(file: string, text: string): boolean {
  try {
    // native-regex: a file path (here and on the next line)
    if (/\.json$|(?:^|\/)\.aio$/i.test(file)) JSON.parse(text);
    else if (/\.ya?ml$/i.test(file)) yamlValue(text); // native-regex: a file path
    return true;
  } catch {
    return false;
  }
}

/** Something is at the path, a dangling link included (existsSync follows links). */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const YAML_FILE = linear(/\.ya?ml$/i);
const PLACEHOLDER = linear(/\bREPLACE_WITH_[A-Z_]+/g);

/** Whether every placeholder an instruction names is still in the file. */
function placeholdersKept(instructions: string, text: string): boolean {
  return [...PLACEHOLDER.matchAll(instructions)].every((m) => text.includes(m[0]));
}

function readText(root: string, file: string): string | null {
  try {
    const buf = readFileSync(join(root, file));
    return buf.subarray(0, 8000).includes(0) ? null : buf.toString('utf8');
  } catch {
    return null;
  }
}

function manualFor(f: Finding): ManualStep {
  const rule = RULES_BY_ID.get(f.ruleId);
  return { file: f.file, line: f.line, ruleId: f.ruleId, instructions: rule?.message ?? f.message, snippet: manualSnippet(f.file, f.ruleId) };
}

/**
 * The grammars of files a syntax-reading rewriter will see, loaded so the plan can parse; false
 * when no such rewriter has anything to do.
 */
async function loadGrammarsFor(findings: Finding[]): Promise<boolean> {
  const ruleIds = new Set(REWRITERS.filter((r) => r.syntax).flatMap((r) => r.ruleIds));
  const grammars = new Set(findings.filter((f) => ruleIds.has(f.ruleId)).flatMap((f) => languageOf(f.file)?.parser ?? []));
  await Promise.all([...grammars].map(loadGrammar));
  return grammars.size > 0;
}

/**
 * The syntax tree of a file's text, when its grammar is loaded. As in the scan, not for texts over
 * 256 KB: tree-sitter's error recovery on a huge hostile file can take minutes.
 */
function treeOf(file: string, text: string) {
  const grammar = languageOf(file)?.parser;
  return grammar && text.length <= REGION_MAX_BYTES ? parseLoaded(grammar, text) : undefined;
}

/** A rewrite of a code file must parse wherever the original did (tree-sitter, no error nodes). */
function syntaxKept(file: string, before: string | null, after: string): boolean {
  if (before === null) return true;
  const parsed = (text: string) => {
    const tree = treeOf(file, text);
    if (!tree) return undefined;
    const ok = !tree.rootNode.hasError;
    tree.delete();
    return ok;
  };
  const now = parsed(after);
  return now !== false || parsed(before) !== true;
}

export async function planFromScan(result: ScanResult, opts: PlanOptions = {}): Promise<MigrationPlan> {
  const root = result.root;
  // Syntax-reading rewrites ask whether other files use a name: they read the scan's listing.
  const listing = (await loadGrammarsFor(result.findings)) ? [...(await listFiles(root)).files] : [];
  const resolve = scopeResolver(opts.scopes);
  const usedScopes: ScopeChoice[] = [];
  const consoleScopes = opts.scopes ? new Map<string, string>() : (opts.consoleScopes ?? new Map<string, string>());
  /**
   * Scopes for a file: the input wins; then the Console's scopes of the credential whose client
   * id the file names (or of the only credential the Console showed); then the table.
   */
  const scopesFor = (fileText: string) => (metascopes: string[]) => {
    let choice = resolve(metascopes);
    const named = [...consoleScopes].find(([clientId]) => fileText.includes(clientId));
    const only = consoleScopes.size === 1 ? [...consoleScopes][0] : undefined;
    const fromConsole = named ?? only;
    if (fromConsole) choice = { ...choice, value: normalizeScopes(fromConsole[1]), source: 'console', confidence: 'confirmed' };
    if (!usedScopes.some((c) => c.value === choice.value && c.source === choice.source)) usedScopes.push(choice);
    return choice;
  };
  // Files that post the JWT form first: they may ask the file holding the exchange URL to change.
  // Then code, then its tests (a mock of a helper the code no longer calls goes), then
  // dependency and settings files (a dependency goes when no code imports it any more), then YAML
  // (a manifest's action inputs follow what the action's code still reads).
  const posts = new Set(result.findings.filter((f) => f.ruleId === 'code-jwt-token-form-field').map((f) => f.file));
  const rank = (f: string) => {
    if (languageOf(f) && TEST_PATH.test(f)) return 1.5;
    return posts.has(f) ? 0 : languageOf(f) ? 1 : YAML_FILE.test(f) ? 3 : 2;
  };
  const files = [...new Set(result.findings.map((f) => f.file))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const requests = new Map<string, Set<string>>();
  const processed = new Set<string>();
  const allFiles = [...new Set([...files, ...result.findings.map((f) => f.file)])];
  const edits: Edit[] = [];
  const manual: ManualStep[] = [];
  const add = new Set<string>();
  const remove = new Set<string>();
  const variables = new Set<string>();
  const creates = new Map<string, { content: string; ruleIds: string[] }>();
  const finalTexts = new Map<string, string>();
  const gone = new Set<string>();
  const usedInRepository = wordsOfRepository(root, listing);

  for (const file of files) {
    processed.add(file);
    const findings = result.findings.filter((f) => f.file === file && f.ruleId !== AEM_CLOUD_RULE);
    if (!findings.length) continue;
    const original = readText(root, file);
    let text = original ?? '';
    let deleted = false;
    const settled = new Set<string>();
    const ruleIds = new Set<string>();
    const fileManual: ManualStep[] = [];
    for (const rw of REWRITERS) {
      if (deleted || !findings.some((f) => rw.ruleIds.includes(f.ruleId) && !settled.has(f.ruleId))) continue;
      let res;
      try {
        const current = text;
        const parse = rw.syntax ? () => treeOf(file, current) : undefined;
        res = rw.rewrite({ root, file, text, findings, scopes: scopesFor(original ?? ''), files: allFiles, parse, original: original ?? undefined, usedElsewhere: (name) => usedInRepository(name, file),
          requested: requests.get(file), processed: (other) => processed.has(other),
          current: (other) => (gone.has(other) ? null : (finalTexts.get(other) ?? readText(root, other))) });
      } catch {
        res = null; // a rewriter that trips over a file leaves it for a person
      }
      if (!res) continue;
      if (res.text !== undefined && (!stillParses(file, res.text) || !syntaxKept(file, text, res.text))) continue;
      if (res.text !== undefined) text = res.text;
      if (res.delete) deleted = true;
      for (const r of res.requests ?? []) requests.set(r.file, (requests.get(r.file) ?? new Set()).add(r.kind));
      for (const id of res.ruleIds) {
        settled.add(id);
        ruleIds.add(id);
      }
      for (const c of res.create ?? []) creates.set(c.file, { content: c.content, ruleIds: [...res.ruleIds] });
      fileManual.push(...(res.manual ?? []));
      for (const s of res.secrets?.add ?? []) add.add(s);
      for (const s of res.secrets?.remove ?? []) remove.add(s);
      for (const s of res.secrets?.variables ?? []) variables.add(s);
    }
    // What is left for a person, at its line in the file as the migration leaves it. A rule whose
    // findings the edit removed is settled by it, whichever rewriter made the edit; the token
    // function's region goes when none of the signals that made it is left.
    const had = new Set(findings.map((f) => f.ruleId));
    const modified = !deleted && original !== null && text !== original;
    const left = modified ? matchFile(RULES, { path: file, text }).findings.filter((f) => had.has(f.ruleId)) : deleted ? [] : findings;
    if (modified || deleted) {
      const still = new Set(left.map((f) => f.ruleId));
      const signalsLeft = left.some((f) => SIGNAL_RULES.has(f.ruleId));
      const flowLeft = left.some((f) => !SUPPORTING_RULES.has(f.ruleId) && !FILE_RULES.has(f.ruleId) && !REGION_RULES.has(f.ruleId));
      for (const id of had) {
        const gone = REGION_RULES.has(id) ? !signalsLeft : FILE_RULES.has(id) ? !flowLeft : !still.has(id);
        if (gone) {
          settled.add(id);
          ruleIds.add(id);
        }
      }
    }
    if (deleted) edits.push({ file, action: 'delete', ruleIds: [...ruleIds].sort(), before: original, after: null });
    else if (modified) edits.push({ file, action: 'modify', ruleIds: [...ruleIds].sort(), before: original, after: text });
    // A step about a placeholder a later rewrite deleted with its code is no step at all.
    manual.push(...fileManual.filter((m) => deleted || placeholdersKept(m.instructions, text)));
    const open = left.filter((f) => !settled.has(f.ruleId) && f.ruleId !== AEM_CLOUD_RULE);
    for (const f of open.filter((x) => !SUPPORTING_RULES.has(x.ruleId))) manual.push(manualFor(f));
    // Names the flow used that are still there: one step for the file, not one a line.
    const names = open.filter((x) => SUPPORTING_RULES.has(x.ruleId));
    if (names.length) {
      manual.push({
        file,
        line: names[0].line,
        ruleId: names[0].ruleId,
        instructions: `Review line${names.length === 1 ? '' : 's'} ${names.map((x) => x.line).join(', ')}: ${names.length === 1 ? 'it names' : 'they name'} settings only the JWT flow used (private key, technical account, metascopes, the JWT). Remove them, or rename them for the OAuth client secret and scopes.`,
      });
    }
    if (deleted) gone.add(file);
    else finalTexts.set(file, text);
  }

  for (const [file, { content, ruleIds }] of creates) {
    const existing = readText(root, file);
    if (existing === content) continue;
    if (existing !== null || present(join(root, file))) {
      manual.push({ file, line: 1, ruleId: ruleIds[0] ?? 'migrate', instructions: `The migration wanted to create ${file}, but a different file is already there; it was left as it is. Merge the generated helper by hand.`, snippet: content });
      continue;
    }
    edits.push({ file, action: 'create', ruleIds, before: null, after: content });
  }
  for (const s of add) remove.delete(s);
  // A name some file still uses after the migration is not to be removed (for example the
  // technical account id, which OAuth Server-to-Server contexts keep).
  for (const name of remove) {
    if ([...finalTexts.values()].some((t) => containsWord(t, name))) remove.delete(name);
  }
  edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, edits, manual, secrets: { add: [...add].filter((n) => !variables.has(n)).sort(), remove: [...remove].sort(), ...(variables.size ? { variables: [...variables].sort() } : {}) }, scopes: usedScopes };
}

export async function planMigration(settings: ScanSettings, opts: PlanOptions = {}): Promise<{ plan: MigrationPlan; scan: ScanResult }> {
  const result = await scan(settings, opts.engine);
  return { plan: await planFromScan(result, opts), scan: result };
}

/**
 * Marks each finding `fixable` exactly when the plan edits it: an edit of its file that settles
 * its rule. Reports count "fixable" from these marks, so they say what `migrate` will do.
 */
export function markFixable(result: ScanResult, plan: MigrationPlan): void {
  const settled = new Set(plan.edits.flatMap((e) => e.ruleIds.map((id) => `${e.file}\0${id}`)));
  // The plan's paths may be relative to a repository root above the scanned folder.
  for (const f of result.findings) f.fixable = settled.has(`${f.file}\0${f.ruleId}`);
}
