// The CLI: the same pipeline as the action, reporting to the terminal or to files. Started by
// src/cli.ts, whose file is also the script scan workers run (`entry`).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AdobeSettings, ConsoleReport } from './adobe/check.js';
import { FORMATS, loadSettings, type ScanSettings, UsageError } from './config.js';
import { loadMigrate } from './lazy.js';
import { normalizeScopes } from './migrate/scopes.js';
import { toJson } from './report/json.js';
import { failing, nothingRead } from './report/policy.js';
import { toSarif } from './report/sarif.js';
import { toText } from './report/text.js';
import { PREFILTER_LITERALS, RULES } from './rules/index.js';
import { applyPolicy, scan } from './scan/engine.js';
import { tuningFromEnv } from './tuning.js';
import type { ScanResult } from './types.js';
import { safeText } from './escape.js';
import { VERSION } from './version.js';

const USAGE = `adobe-jwt-migrate ${VERSION}: find Adobe Service Account (JWT) credential usage

Usage:
  adobe-jwt-migrate scan [PATH] [--format text|json|sarif] [--output FILE]
                         [--fail-on error|warning|never] [--config FILE] [--max-file-size BYTES]
                         [--threads N]
  adobe-jwt-migrate migrate [PATH] [--write] [--scopes LIST] [--config FILE] [--format text|json]
  adobe-jwt-migrate rules [--format text|json]
  adobe-jwt-migrate --help | --version

Developer Console check (scan and migrate): --adobe-client-id ID --adobe-scopes LIST
  [--adobe-org-id ORG] [--adobe-projects P[/W],...] [--adobe-sandbox NAME]
  [--adobe-ims-url URL] [--adobe-console-url URL] [--adobe-platform-url URL]
  The secret comes from the environment, never a flag: ADOBE_CLIENT_SECRET, or ADOBE_ACCESS_TOKEN.

Exit codes: 0 below the --fail-on threshold, 1 findings reach it, 2 usage or configuration error.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-file-size': { type: 'string' },
        threads: { type: 'string' },
        write: { type: 'boolean' },
        scopes: { type: 'string' },
        'adobe-client-id': { type: 'string' },
        'adobe-scopes': { type: 'string' },
        'adobe-org-id': { type: 'string' },
        'adobe-projects': { type: 'string' },
        'adobe-sandbox': { type: 'string' },
        'adobe-ims-url': { type: 'string' },
        'adobe-console-url': { type: 'string' },
        'adobe-platform-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // native-regex: Node's own one-line message
    throw new UsageError(`${(e as Error).message.split('\n')[0].replace(/\. To specify.*$/, '')} (see --help)`);
  }
}

function format(value: string | undefined): (typeof FORMATS)[number] {
  const v = value ?? 'text';
  if ((FORMATS as readonly string[]).includes(v)) return v as (typeof FORMATS)[number];
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${v}')`);
}

function warnAll(warnings: string[]): void {
  for (const w of warnings) process.stderr.write(`adobe-jwt-migrate: warning: ${safeText(w)}\n`);
}

function emit(text: string, output: string | undefined): void {
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}

type Values = ReturnType<typeof parse>['values'];

/** The Console check's settings from flags and the environment, or undefined when not asked for. */
function cliAdobe(values: Values): AdobeSettings | undefined {
  const clientId = values['adobe-client-id'];
  const accessToken = process.env.ADOBE_ACCESS_TOKEN || undefined;
  if (!clientId && !accessToken) return undefined;
  const clientSecret = process.env.ADOBE_CLIENT_SECRET || undefined;
  if (!clientSecret && !accessToken) throw new UsageError('--adobe-client-id needs ADOBE_CLIENT_SECRET (or ADOBE_ACCESS_TOKEN) in the environment');
  const urls = { ims: values['adobe-ims-url'] ?? 'https://ims-na1.adobelogin.com', console: values['adobe-console-url'] ?? 'https://developers.adobe.io', platform: values['adobe-platform-url'] ?? 'https://platform.adobe.io' };
  // native-regex: a URL flag, anchored
  for (const [name, u] of Object.entries(urls)) if (!/^https?:\/\/[^\s/]+/.test(u)) throw new UsageError(`--adobe-${name}-url must be an http(s) URL`);
  return {
    clientId,
    clientSecret,
    accessToken,
    scopes: values['adobe-scopes'],
    orgId: values['adobe-org-id'],
    projects: (values['adobe-projects'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({ project: p.split('/')[0], workspace: p.split('/')[1] || undefined })),
    imsUrl: urls.ims,
    consoleUrl: urls.console,
    platformUrl: urls.platform,
    sandbox: values['adobe-sandbox'],
    http: tuningFromEnv(),
  };
}

/** Adds the Console findings to a scan (same policy); warnings go to stderr. */
async function withConsole(result: ScanResult, settings: ScanSettings, values: Values): Promise<ConsoleReport | undefined> {
  const adobe = cliAdobe(values);
  if (!adobe) return undefined;
  // Loaded only when asked for: the HTTP client is a large part of the start-up.
  const { checkConsole } = await import('./adobe/check.js');
  const report = await checkConsole(adobe, result);
  result.findings.push(...applyPolicy(report.findings, settings));
  warnAll(report.warnings);
  return report;
}

async function runScan(positionals: string[], values: Values, entry: URL): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`scan takes one PATH, got ${positionals.length}`);
  const fmt = format(values.format);
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size must be a positive whole number of bytes');
  }
  const settings = loadSettings({ root: positionals[0], failOn: values['fail-on'], config: values.config, maxFileSize });
  warnAll(settings.warnings);
  let workers: number | undefined;
  if (values.threads !== undefined) {
    workers = Number(values.threads);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--threads must be a whole number from 1 to 64');
  }
  // "fixable" needs the migration plan, whose engine takes a while to load: load it meanwhile.
  const result = await scan(settings, { workerScript: entry, workers, warmUp: () => loadMigrate(entry.href) });
  warnAll([nothingRead(result)].filter((w) => w !== undefined));
  const consoleReport = await withConsole(result, settings, values);
  if (result.findings.length) {
    // "fixable" is what the migration plan edits: plan it (nothing is written).
    const { planFromScan, markFixable } = await loadMigrate(entry.href);
    markFixable(result, await planFromScan(result, { consoleScopes: consoleReport?.scopesByClient }));
  }
  const body =
    fmt === 'json'
      ? `${JSON.stringify(toJson(result), null, 2)}\n`
      : fmt === 'sarif'
        ? `${JSON.stringify(toSarif(result, VERSION), null, 2)}\n`
        : toText(result, settings.failOn);
  emit(body, values.output);
  if (values.output) process.stderr.write(`adobe-jwt-migrate: wrote ${fmt} report to ${values.output}\n`);
  return failing(result.findings, settings.failOn).length ? 1 : 0;
}

async function runMigrate(positionals: string[], values: Values, entry: URL): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`migrate takes one PATH, got ${positionals.length}`);
  const fmt = format(values.format);
  if (fmt === 'sarif') throw new UsageError("migrate --format must be text or json (got 'sarif')");
  if (values.scopes !== undefined && !normalizeScopes(values.scopes)) throw new UsageError('--scopes needs a comma-separated list of OAuth scopes');
  const settings = loadSettings({ root: positionals[0], failOn: 'never', config: values.config });
  warnAll(settings.warnings);
  const scanned = await scan(settings, { workerScript: entry, warmUp: () => loadMigrate(entry.href) });
  const { planFromScan, applyPlan, markFixable, planJson, planText } = await loadMigrate(entry.href);
  warnAll([nothingRead(scanned)].filter((w) => w !== undefined));
  const consoleReport = await withConsole(scanned, settings, values);
  const plan = await planFromScan(scanned, { scopes: values.scopes, consoleScopes: consoleReport?.scopesByClient });
  markFixable(scanned, plan);
  let conflicts: string[] = [];
  if (values.write) conflicts = applyPlan(plan);
  emit(fmt === 'json' ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan, Boolean(values.write)), values.output);
  if (conflicts.length) {
    process.stderr.write(
      `adobe-jwt-migrate: left ${conflicts.map(safeText).join(', ')} alone: changed while the migration was planned, or a link there leads out of the repository; check them and run migrate again\n`,
    );
    return 1;
  }
  return 0;
}

async function runRules(values: Values, entry: URL): Promise<number> {
  const fmt = format(values.format);
  if (fmt === 'json') {
    const rewritten = (await loadMigrate(entry.href)).rewrittenRuleIds();
    const rules = RULES.map((r) => ({ id: r.id, title: r.title, severity: r.severity, category: r.category, fixable: rewritten.has(r.id), message: r.message }));
    emit(`${JSON.stringify({ rules, prefilterLiterals: PREFILTER_LITERALS }, null, 2)}\n`, values.output);
  } else {
    emit(`${RULES.map((r) => `${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.title}`).join('\n')}\n`, values.output);
  }
  return 0;
}

/** Runs one command; `entry` is the CLI's own script (scan workers run it). */
export async function main(argv: string[], entry: URL): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      process.stdout.write(`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    if (command === 'scan') return await runScan(rest, values, entry);
    if (command === 'migrate') return await runMigrate(rest, values, entry);
    if (command === 'rules') return await runRules(values, entry);
    throw new UsageError(`unknown command '${command}': use scan, migrate or rules (see --help)`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`adobe-jwt-migrate: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`adobe-jwt-migrate: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 3;
  }
}
