// The pull request body: under GitHub's limit whatever the plan's size, every section present.
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, prBody } from '../src/github/body.js';
import { PR_MARKER } from '../src/github/pr.js';
import type { MigrationPlan } from '../src/migrate/types.js';
import type { Finding, ScanResult } from '../src/types.js';

function plan(manualCount: number, withWorkflow = false): MigrationPlan {
  return {
    root: '/repo',
    edits: [
      { file: 'src/token.js', action: 'modify', ruleIds: ['code-adobe-jwt-auth'], before: 'a\n', after: 'b\n' },
      { file: 'keys/private.key', action: 'delete', ruleIds: ['key-private-key-file'], before: 'k', after: null },
      ...(withWorkflow
        ? [{ file: '.github/workflows/sync.yml', action: 'modify' as const, ruleIds: ['ci-jwt-private-key-secret'], before: 'env:\n  KEY: ${{ secrets.ADOBE_PRIVATE_KEY }}\n', after: 'env:\n  SCOPES: openid\n' }]
        : []),
    ],
    manual: Array.from({ length: manualCount }, (_, i) => ({ file: `src/f${i}.java`, line: i + 1, ruleId: 'code-ims-jwt-exchange-manual', instructions: 'Replace the JWT exchange with a client_credentials request at /ims/token/v3. '.repeat(3) })),
    secrets: { add: ['ADOBE_SCOPES'], remove: ['ADOBE_PRIVATE_KEY'] },
    scopes: [{ value: 'openid,AdobeID', source: 'input', confidence: 'confirmed', products: ['Analytics'] }],
  };
}

function scan(n: number): ScanResult {
  const f = (i: number): Finding => ({ ruleId: 'code-ims-jwt-exchange', severity: 'error', file: `src/f${i}.js`, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', title: 't', category: 'code', fingerprint: 'x', fixable: true, snippet: '' });
  return { root: '/repo', findings: Array.from({ length: n }, (_, i) => f(i)), skipped: [], secrets: [], stats: { filesListed: 0, filesScanned: 0, filesMatched: 0, bytesScanned: 0, durationMs: 0, rules: 0, workers: 0, maxRssBytes: 0 } };
}

describe('pull request body', () => {
  it('has the marker, changes, scopes, secrets, manual steps and the Console checklist', () => {
    const body = prBody({ plan: plan(2), scan: scan(3), workflowsRefused: false });
    expect(body.startsWith(PR_MARKER)).toBe(true);
    expect(body).toContain('| `src/token.js` | modify | `code-adobe-jwt-auth` |');
    expect(body).toContain('| `keys/private.key` | delete |');
    expect(body).toContain('`openid,AdobeID`');
    expect(body).toContain('- Add: `ADOBE_SCOPES`');
    expect(body).toContain('- Remove (after the switch): `ADOBE_PRIVATE_KEY`');
    expect(body).toContain('- [ ] `src/f1.java:2`');
    expect(body).toContain('### In the Adobe Developer Console');
    expect(body).not.toContain('Workflow changes to apply by hand');
  });

  it('puts refused workflow changes in as a patch naming the permission', () => {
    const body = prBody({ plan: plan(0, true), scan: scan(1), workflowsRefused: true });
    expect(body).toContain('### Workflow changes to apply by hand');
    expect(body).toContain('`workflows` permission');
    expect(body).toMatch(/```diff\ndiff --git a\/\.github\/workflows\/sync\.yml/);
    expect(body).toContain('+  SCOPES: openid');
    expect(body).not.toContain('| `.github/workflows/sync.yml` | modify');
  });

  it('stays under 65,536 characters and says what it left out', () => {
    const body = prBody({ plan: plan(5000), scan: scan(20000), workflowsRefused: false });
    expect(body.length).toBeLessThan(BODY_LIMIT);
    expect(body).toMatch(/… and \d+ more \(see the job summary/);
    expect(body).toContain('5. Delete the Service Account (JWT) credential');
  });
});
