import { mdCommand, migrateCommand, pathFromRoot } from '../commands.js';
import { mdCell, mdCode } from '../escape.js';
import type { FailOn, Finding, ScanResult } from '../types.js';
import { failing, nothingRead, plural, totals } from './policy.js';

/** GitHub rejects a step summary over 1 MiB; stay well below it. */
export const SUMMARY_LIMIT = 900 * 1024;

/** Adobe's console-side steps, which no pull request can do. */
export const CONSOLE_STEPS = [
  'In the Adobe Developer Console, open Projects and filter by "Has Service Account (JWT) credential".',
  'In each project, add the OAuth Server-to-Server credential (this starts the migration).',
  'Update the application and its secrets to the OAuth Server-to-Server credential (client id, client secret, scopes), then deploy.',
  'Check the credentials\' "last used" timestamps: the new one in use, and at least 24 hours since the JWT one was last used.',
  'Delete the Service Account (JWT) credential, which finishes the migration (this cannot be undone).',
];

const ICON = { error: '🔴', warning: '🟠', note: '🔵' } as const;

/** Text in a Markdown table cell or list item (repository text included). */
export const cell = mdCell;

function fileTable(file: string, items: Finding[]): string {
  const rows = items.map(
    (f) => `| ${ICON[f.severity]} ${f.severity} | \`${f.ruleId}\` | ${f.line} | ${cell(f.message)} | ${f.fixable ? 'yes' : 'manual'} |`,
  );
  return [`#### ${mdCode(file)}`, '', '| Severity | Rule | Line | What to do | Fixable |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

/** The job summary: totals, a table per file, next steps. */
export function toSummary(result: ScanResult, failOn: FailOn, shownAnnotations?: number): string {
  const t = totals(result.findings);
  const out: string[] = ['## Adobe JWT (Service Account) migration check', ''];
  if (t.findings === 0) {
    const empty = nothingRead(result);
    out.push(empty ? `> [!WARNING]\n> ${empty}` : 'No Adobe Service Account (JWT) usage found. ✅', '');
  } else {
    const fail = failing(result.findings, failOn).length;
    out.push(
      `| Errors | Warnings | Notes | Files | Fixable automatically |`,
      `| ---: | ---: | ---: | ---: | ---: |`,
      `| ${t.error} | ${t.warning} | ${t.note} | ${t.files} | ${t.fixable} |`,
      '',
      fail
        ? `**${plural(fail, 'finding')} at or above \`${failOn}\`**: the step fails (input \`fail-on\`).`
        : `Policy \`fail-on: ${failOn}\`: the step does not fail.`,
      '',
    );
    if (shownAnnotations !== undefined && shownAnnotations < t.findings) {
      out.push(`${shownAnnotations} findings are shown as annotations; all ${t.findings} are listed here.`, '');
    }
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  let size = out.join('\n').length;
  let omitted = 0;
  if (byFile.size) out.push('### Findings by file', '');
  for (const [file, items] of byFile) {
    const table = fileTable(file, items);
    if (size + table.length > SUMMARY_LIMIT - 4096) {
      omitted += items.length;
      continue;
    }
    size += table.length;
    out.push(table);
  }
  if (omitted) out.push(`_${plural(omitted, 'more finding')} omitted to stay within GitHub's summary size limit; see the JSON report or SARIF._`, '');
  if (result.skipped.length) {
    out.push(`<details><summary>${plural(result.skipped.length, 'file')} skipped</summary>`, '');
    for (const s of result.skipped.slice(0, 200)) out.push(`- ${mdCode(s.file)}: ${cell(s.reason)}`);
    if (result.skipped.length > 200) out.push(`- … and ${result.skipped.length - 200} more`);
    out.push('', '</details>', '');
  }
  if (t.findings > 0) {
    // From the repository root, as a person runs it: the folder the action scanned, if not the root.
    const path = pathFromRoot(result.root, process.env.GITHUB_WORKSPACE);
    const preview = mdCommand(migrateCommand({ path }));
    const write = mdCommand(migrateCommand({ path, write: true }));
    const fixes = `apply the fixes above (${preview} previews them, ${write} applies them)`;
    out.push('### Next steps', '', `In the repository: ${fixes}. In the Adobe Developer Console:`, '');
    CONSOLE_STEPS.forEach((s, i) => out.push(`${i + 1}. ${s}`));
    out.push('');
  }
  return out.join('\n');
}
