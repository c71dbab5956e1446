// The action: one typed config, one try/catch, the pipeline in order (started by src/index.ts).
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { loadSettings, UsageError } from './config.js';
import { isInside, realPathOf, writeOutputFile } from './paths.js';
import type { PrResult } from './github/pr.js';
import { loadMigrate } from './lazy.js';
import type { MigrationPlan } from './migrate/types.js';
import { tuningFromEnv } from './tuning.js';
import { onDefaultBranch, prSummary, runPullRequest, runSecrets, secretsSummary, setPrOutputs } from './github/run.js';
import { jwtOnlyReferences, type SecretsSyncResult, secretTargets } from './github/secrets.js';
import { migrationStatus, statusMarkdown } from './report/status.js';
import { adobeSettings, readInputs } from './inputs.js';
import { type ConsoleReport, checkConsole } from './adobe/check.js';
import { consoleTable } from './adobe/report.js';
import { planAnnotations } from './report/annotations.js';
import { toJson } from './report/json.js';
import { failing, nothingRead, plural, totals } from './report/policy.js';
import { toSarif } from './report/sarif.js';
import { toSummary } from './report/summary.js';
import { applyPolicy, scan } from './scan/engine.js';
import { runWorker } from './scan/worker.js';
import { isScanWorker } from './scan/worker-role.js';
import type { ScanResult } from './types.js';
import { VERSION } from './version.js';

/** Paths in annotations and SARIF are relative to the repository root, not the scanned folder. */
function relativeToWorkspace(result: ScanResult, workspace: string): ScanResult {
  const prefix = relative(workspace, result.root).split(sep).join('/');
  if (!prefix || prefix.startsWith('..')) return result;
  return { ...result, findings: result.findings.map((f) => (f.file ? { ...f, file: posix.join(prefix, f.file) } : f)) };
}

/** A phase of the run, folded in the log (as create-pull-request does). */
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const workspace = realPathOf(process.env.GITHUB_WORKSPACE || process.cwd());
    // The scan, its config and its annotations belong to the repository the workflow checked out.
    if (!isInside(workspace, realPathOf(resolve(workspace, inputs.path)))) {
      throw new UsageError(`input 'path' must be a folder inside the workspace (${workspace}), got '${inputs.path}'`);
    }
    const settings = loadSettings(
      { root: inputs.path, failOn: inputs['fail-on'], config: inputs.config, maxFileSize: inputs['max-file-size'] },
      workspace,
      workspace,
    );
    for (const w of settings.warnings) core.warning(w);
    const result = await phase('Scan the repository', async () => {
      // The migration engine (needed once there are findings) loads while the workers scan.
      const scanned = await scan(settings, { workerScript: new URL(import.meta.url), warmUp: () => loadMigrate(import.meta.url) });
      const empty = nothingRead(scanned);
      if (empty) core.warning(empty);
      return scanned;
    });

    // The linked Developer Console projects join the same report, under the same policy.
    const adobe = adobeSettings(inputs);
    let consoleReport: ConsoleReport | undefined;
    if (adobe) {
      consoleReport = await phase('Check the Adobe Developer Console', async () => {
        const tuning = tuningFromEnv();
        const report = await checkConsole({ ...adobe, http: { timeoutMs: tuning.timeoutMs, retryBaseMs: tuning.retryBaseMs } }, result);
        // Client secrets read from the Console are masked before anything else happens.
        for (const o of report.oauth.values()) if (o.clientSecret) core.setSecret(o.clientSecret);
        result.findings.push(...applyPolicy(report.findings, settings));
        for (const w of report.warnings) core.warning(w);
        if (report.preflight && !report.preflight.ok) core.warning(report.preflight.message);
        return report;
      });
    }
    // Mask before anything is printed: the runner then hides these values in every log line.
    for (const secret of result.secrets) core.setSecret(secret);

    // The migration plan, made once: it marks what is fixable and feeds the pull request.
    let plan: MigrationPlan | undefined;
    if (result.findings.length) {
      plan = await phase('Plan the migration', async () => {
        const { planFromScan, markFixable } = await loadMigrate(import.meta.url);
        const planned = await planFromScan(result, { scopes: inputs.scopes, consoleScopes: consoleReport?.scopesByClient });
        markFixable(result, planned);
        return planned;
      });
    }

    const shown = relativeToWorkspace(result, workspace);
    const annotations = planAnnotations(shown.findings, inputs['max-annotations']);
    for (const a of annotations) {
      const props: core.AnnotationProperties = {
        title: a.title,
        file: a.file,
        startLine: a.startLine,
        endLine: a.endLine,
        startColumn: a.startColumn,
        endColumn: a.endColumn,
      };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    }

    const runnerTemp = process.env.RUNNER_TEMP || tmpdir();
    const outDir = join(runnerTemp, 'adobe-jwt-migrate');
    const out = (what: 'report-file' | 'sarif-file', fallback: string, text: string): string =>
      writeOutputFile(resolve(workspace, inputs[what] || join(outDir, fallback)), text, { what, roots: [workspace, runnerTemp], workspace });
    const reportPath = out('report-file', 'report.json', `${JSON.stringify(toJson(result), null, 2)}\n`);
    const sarifPath = out('sarif-file', 'results.sarif', `${JSON.stringify(toSarif(shown, VERSION), null, 2)}\n`);

    // The names the migration introduces, as the workflows will read them, with the values the
    // Console knows (secret values stay in memory: masked above, sealed before they leave).
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const targets = secretTargets(workspace, plan, consoleReport);
    const automatic = inputs['update-secrets'] && !!inputs['secrets-token'];

    // The pull request step never hides the findings: its failure is reported after them.
    let pr: PrResult | undefined;
    let prError: string | undefined;
    if (inputs['create-pr']) {
      await phase('Open or update the migration pull request', async () => {
        try {
          pr = await runPullRequest(result, plan, inputs, workspace, consoleReport, { targets, repository, automatic });
          setPrOutputs(pr);
        } catch (e) {
          prError = (e as Error).message;
        }
      });
    }

    const defaultBranch = onDefaultBranch();
    let secrets: SecretsSyncResult | undefined;
    if (inputs['update-secrets']) {
      secrets = await phase('Set the OAuth secrets and variables', () => runSecrets(inputs, targets, workspace, defaultBranch));
    }

    const t = totals(result.findings);
    const codeErrors = result.findings.filter((f) => f.severity === 'error' && !f.ruleId.startsWith('console-')).length;
    const open = pr?.url && pr.operation !== 'closed' ? { number: pr.number, url: pr.url } : undefined;
    const status = migrationStatus({
      codeErrors,
      pullRequest: open,
      adobe: consoleReport,
      jwtSecretsInWorkflows: jwtOnlyReferences(workspace),
      secrets: secrets && { set: secrets.writes.filter((w) => w.operation !== 'skipped').length, open: secrets.writes.filter((w) => w.operation === 'skipped').length },
      onDefaultBranch: defaultBranch,
    });

    const shownFindings = annotations.filter((a) => a.title !== 'More Adobe JWT findings').length;
    if (process.env.GITHUB_STEP_SUMMARY) {
      const extra =
        (consoleReport ? `\n${consoleTable(consoleReport)}` : '') +
        (pr ? `\n${prSummary(pr)}` : '') +
        `\n${secretsSummary(targets, secrets, repository)}` +
        `\n${statusMarkdown(status)}`;
      await core.summary.addRaw(toSummary(shown, settings.failOn, shownFindings) + extra).write();
    }

    core.setOutput('findings', t.findings);
    core.setOutput('errors', t.error);
    core.setOutput('warnings', t.warning);
    core.setOutput('report', reportPath);
    core.setOutput('sarif', sarifPath);
    core.setOutput('migration-status', status.status);
    core.setOutput('secrets-set', (secrets?.writes ?? []).filter((w) => w.operation === 'created' || w.operation === 'updated').map((w) => w.name).join(','));
    core.info(
      `adobe-jwt-migrate: ${plural(t.findings, 'finding')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${plural(t.note, 'note')}) in ${plural(result.stats.filesScanned, 'scanned file')}; ${plural(result.skipped.length, 'file')} skipped; migration status ${status.status}.`,
    );

    if (prError) core.setFailed(prError);
    const fail = failing(result.findings, settings.failOn).length;
    if (fail) {
      core.setFailed(
        `${plural(fail, 'Adobe JWT finding')} at or above '${settings.failOn}': migrate them to OAuth Server-to-Server (see the annotations and the job summary), or change 'fail-on'.`,
      );
    }
  } catch (e) {
    if (e instanceof UsageError) core.setFailed(e.message);
    else core.setFailed(`adobe-jwt-migrate failed unexpectedly: ${(e as Error).stack ?? e}`);
  }
}


// The scan's worker threads start this module again (workerScript below): under local-action that
// is src/main.ts itself, in the bundle it is dist/index.js; either way the worker role runs here.
if (isScanWorker()) runWorker();
