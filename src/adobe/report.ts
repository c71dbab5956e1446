// How the Console check shows up in the job summary and the pull request body.
import { cell } from '../report/summary.js';
import type { ConsoleReport } from './check.js';

const KIND = { jwt: 'Service Account (JWT)', migrating: 'JWT, migration in progress', oauth: 'OAuth Server-to-Server' } as const;

export function consoleTable(report: ConsoleReport): string {
  const lines = ['### Adobe Developer Console', ''];
  if (report.credentials.length) {
    lines.push('| Project | Workspace | Credential | Type | Certificate expiry | Scopes |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of report.credentials) {
      lines.push(
        `| ${cell(c.project)} | ${cell(c.workspaceName ?? c.workspace)} | ${cell(c.clientId ?? c.credentialId ?? '')} | ${KIND[c.kind]} | ${c.certificateExpiry?.slice(0, 10) ?? ''} | ${cell(c.scopes?.join(',') ?? '')} |`,
      );
    }
  } else {
    lines.push('No linked project credentials were read.');
  }
  if (report.preflight) lines.push('', `Preflight: ${report.preflight.ok ? '✅' : '❌'} ${cell(report.preflight.message)}`);
  for (const w of report.warnings) lines.push('', `> [!WARNING]\n> ${cell(w)}`);
  return `${lines.join('\n')}\n`;
}
