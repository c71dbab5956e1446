// The built dist/index.js, run as the runner runs it, on a temp git repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../src/rules/index.js';
import { gitRepo, runAction } from './helpers/run.js';

const TOKEN_JS = `const IMS = process.env.IMS || 'https://ims-na1.adobelogin.com';
async function token(form) {
  return fetch(\`\${IMS}/ims/exchange/jwt\`, { method: 'POST', body: form });
}
module.exports = { token };
`;

function many(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`src/t${String(i).padStart(2, '0')}.js`] = TOKEN_JS;
  return files;
}

describe('action bundle', () => {
  it('annotates, summarises, writes outputs, JSON and SARIF, and fails on errors', () => {
    const repo = gitRepo({ 'lib/token.js': TOKEN_JS, 'README.md': '# app\n' });
    const run = runAction(repo, { 'fail-on': 'error' });
    expect(run.status, run.stderr).toBe(1);
    // The exchange line, and the token function around it (a region finding).
    const errorLine = run.stdout.split('\n').find((l) => l.startsWith('::error ') && l.includes('(code-ims-jwt-exchange)'));
    const rule = RULES_BY_ID.get('code-ims-jwt-exchange')!;
    expect(errorLine).toBe(
      `::error title=${rule.title} (code-ims-jwt-exchange),file=lib/token.js,line=3,endLine=3,col=24,endColumn=40::${rule.message}`,
    );
    expect(run.stdout).toMatch(/^::error::2 Adobe JWT findings at or above 'error'/m);
    expect(run.outputs).toMatchObject({ findings: '2', errors: '2', warnings: '0' });
    expect(run.summary).toContain('## Adobe JWT (Service Account) migration check');
    expect(run.summary).toContain('| 🔴 error | `code-ims-jwt-exchange` | 3 |');
    expect(run.summary).toContain('### Next steps');

    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.version).toBe(1);
    expect(report.findings).toHaveLength(2);
    const exchange = report.findings.find((f: { ruleId: string }) => f.ruleId === 'code-ims-jwt-exchange');
    expect(exchange).toMatchObject({ file: 'lib/token.js', line: 3 });
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'code-jwt-token-function')).toMatchObject({ line: 2, endLine: 4 });

    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'code-ims-jwt-exchange');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('lib/token.js');
    expect(result.partialFingerprints['adobeJwtMigrate/v1']).toBe(exchange.fingerprint);
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('code-ims-jwt-exchange');
  });

  it('passes under fail-on never and reports paths from the repository root for a sub-folder', () => {
    const repo = gitRepo({ 'services/sync/token.js': TOKEN_JS });
    const run = runAction(repo, { path: 'services/sync', 'fail-on': 'never', 'sarif-file': 'out/results.sarif' });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain('file=services/sync/token.js,line=3');
    expect(run.outputs.sarif).toBe(join(repo, 'out/results.sarif'));
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('services/sync/token.js');
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.findings[0].file).toBe('token.js');
  });

  it('caps annotations at the per-step display limit with one notice for the rest', () => {
    const repo = gitRepo(many(25));
    const run = runAction(repo, { 'fail-on': 'error' });
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::error file') || l.startsWith('::error title'))).toHaveLength(10);
    const notices = lines.filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    // Each file holds the exchange line and the token function around it: 50 findings.
    expect(notices[0]).toContain('40 more findings are listed in the job summary');
    expect(run.outputs.findings).toBe('50');
    expect(run.summary).toContain('10 findings are shown as annotations; all 50 are listed here.');
  });

  it('rejects a bad input naming it and the allowed values, without scanning', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS });
    const run = runAction(repo, { 'fail-on': 'sometimes' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::input 'fail-on' must be one of error, warning, never \(got 'sometimes'\)$/m);
    expect(run.outputs.findings).toBeUndefined();
    const bad = runAction(repo, { 'max-annotations': 'lots' });
    expect(bad.stdout).toMatch(/^::error::input 'max-annotations' must be a whole number/m);
  });

  it('reports a config file error with what to change', () => {
    const repo = gitRepo({ 'a.js': TOKEN_JS, '.adobe-jwt-migrate.yml': 'disable: [no-such-rule]\n' });
    const run = runAction(repo, {});
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::config file .*\.adobe-jwt-migrate\.yml: line 1 \(disable\.0\): unknown rule id \(list them with 'npx --yes github:adobe-jwt-migrate\/adobe-jwt-migrate#v0 rules'\)/);
  });

  it('runs on the Node version the runner uses', () => {
    const action = readFileSync(join(import.meta.dirname, '..', 'action.yml'), 'utf8');
    expect(action).toMatch(/using: 'node24'/);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
