// Seeds a real private key and client secret, then proves no output of any kind contains them.
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.js';
import { planDiff } from '../src/migrate/output.js';
import { planMigration } from '../src/migrate/plan.js';
import { findSecrets, redact } from '../src/redact.js';
import { cli, gitRepo, runAction } from './helpers/run.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const KEY_LINES = PEM.split('\n').filter((l) => l && !l.startsWith('-----'));
const CLIENT_SECRET = 'p8e-Qx7Vb2Kd9LmN4pR6sT8uW0yZ1aC3eF5g';
const ESCAPED_PEM = PEM.trim().replace(/\n/g, '\\n');

const FILES = {
  '.env': [
    'AIO_ims_contexts_acme_client__id=4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',
    `AIO_ims_contexts_acme_client__secret=${CLIENT_SECRET}`,
    'AIO_ims_contexts_acme_technical__account__id=1A2B3C4D5E6F708192A3B4C5@techacct.adobe.com',
    'AIO_ims_contexts_acme_meta__scopes=["ent_analytics_bulk_ingest_sdk"]',
    `AIO_ims_contexts_acme_private__key="${ESCAPED_PEM}"`,
    '',
  ].join('\n'),
  'keys/private.key': PEM,
  'keys/certificate_pub.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  'src/token.js': [
    "const auth = require('@adobe/jwt-auth');",
    'const config = {',
    "  clientId: '4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',",
    `  clientSecret: '${CLIENT_SECRET}',`,
    "  technicalAccountId: '1A2B3C4D5E6F708192A3B4C5@techacct.adobe.com',",
    "  orgId: '0A1B2C3D4E5F60718293A4B5@AdobeOrg',",
    `  privateKey: '${ESCAPED_PEM}',`,
    "  metaScopes: ['ent_analytics_bulk_ingest_sdk'],",
    '};',
    "fetch('https://ims-na1.adobelogin.com/ims/exchange/jwt', { method: 'POST', body: new URLSearchParams({ client_secret: '" + CLIENT_SECRET + "' }) });",
    'module.exports = () => auth(config);',
    '',
  ].join('\n'),
  'config/aanalytics2.json': JSON.stringify(
    { org_id: 'A@AdobeOrg', client_id: 'abc', secret: CLIENT_SECRET, tech_id: 'T@techacct.adobe.com', pathToKey: 'keys/private.key' },
    null,
    2,
  ),
};

function leaks(text: string): string[] {
  const found: string[] = [];
  if (text.includes(CLIENT_SECRET)) found.push('client secret');
  for (const line of KEY_LINES) if (text.includes(line)) found.push(`key line ${line.slice(0, 8)}…`);
  return found;
}

describe('redaction', () => {
  it('redact() hides keys, secrets and tokens but keeps references', () => {
    expect(leaks(redact(`secret: "${CLIENT_SECRET}"`))).toEqual([]);
    expect(leaks(redact(`AIO_ims_contexts_acme_private__key="${ESCAPED_PEM}"`))).toEqual([]);
    expect(leaks(redact(KEY_LINES[3]))).toEqual([]);
    expect(redact('clientSecret: process.env.ADOBE_CLIENT_SECRET,')).toBe('clientSecret: process.env.ADOBE_CLIENT_SECRET,');
    expect(redact('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl')).not.toContain('eyJzdWIi');
    expect(findSecrets(`client_secret=${CLIENT_SECRET}\n${PEM}`)).toEqual(expect.arrayContaining([CLIENT_SECRET, KEY_LINES[0]]));
    // An empty value does not reach into the next line.
    expect(findSecrets('ADOBE_CLIENT_SECRET=\nADOBE_ORG_ID=\n')).toEqual([]);
    expect(redact('ADOBE_CLIENT_SECRET=\nADOBE_ORG_ID=abcdefgh')).toBe('ADOBE_CLIENT_SECRET=\nADOBE_ORG_ID=abcdefgh');
  });

  it('no CLI format prints a secret', () => {
    const repo = gitRepo(FILES);
    for (const format of ['text', 'json', 'sarif']) {
      const run = cli(['scan', repo, '--format', format, '--fail-on', 'never']);
      expect(run.status).toBe(0);
      if (format === 'json') {
        const files = new Set(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file));
        // The secrets sit on lines that are reported, so snippets were made from them.
        expect([...files].sort()).toEqual(expect.arrayContaining(['.env', 'config/aanalytics2.json', 'src/token.js']));
      }
      expect(leaks(run.stdout + run.stderr), format).toEqual([]);
    }
  });

  it('migrate prints no secret in its diff, manual steps or JSON', () => {
    const repo = gitRepo(FILES);
    for (const format of ['text', 'json']) {
      const run = cli(['migrate', repo, '--format', format]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(100);
      expect(leaks(run.stdout + run.stderr), format).toEqual([]);
    }
    const text = cli(['migrate', repo]).stdout;
    expect(text).toContain('diff --git');
  });

  it('the action masks the secrets and writes none to logs, annotations, summary, outputs, JSON or SARIF', () => {
    const repo = gitRepo(FILES);
    const run = runAction(repo, { 'fail-on': 'never', 'max-annotations': '50' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
    expect(masks).toContain(CLIENT_SECRET);
    expect(masks).toEqual(expect.arrayContaining(KEY_LINES));
    const visible = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(leaks(visible)).toEqual([]);
    expect(leaks(run.stderr)).toEqual([]);
    expect(leaks(run.summary)).toEqual([]);
    expect(leaks(JSON.stringify(run.outputs))).toEqual([]);
    expect(leaks(readFileSync(run.outputs.report, 'utf8'))).toEqual([]);
    expect(leaks(readFileSync(run.outputs.sarif, 'utf8'))).toEqual([]);
    expect(Number(run.outputs.findings)).toBeGreaterThan(5);
  });
});

describe('redaction hides values, never code', () => {
  it('keeps code that names PEM armour, and hides a key written on one line', () => {
    const strip = `String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");`;
    expect(redact(strip, 'code')).toBe(strip);
    const inline = `key = "-----BEGIN PRIVATE KEY-----\\n${'A'.repeat(64)}\\n-----END PRIVATE KEY-----"`;
    expect(redact(inline, 'code')).not.toContain('A'.repeat(40));
  });

  it('leaves identifiers and expressions readable in code, hides literals', () => {
    expect(redact('  return { access_token: json.access_token, token_type: json.token_type };', 'code')).toBe('  return { access_token: json.access_token, token_type: json.token_type };');
    expect(redact(' * @typedef {{clientId: string, clientSecret: string}} Options', 'code')).toBe(' * @typedef {{clientId: string, clientSecret: string}} Options');
    expect(redact("  privateKey: fs.readFileSync(process.env.KEY_PATH, 'utf8'),", 'code')).toContain('fs.readFileSync(process.env.KEY_PATH');
    expect(redact("  client_secret: String(clientSecret),", 'code')).toBe('  client_secret: String(clientSecret),');
    expect(redact(`  clientSecret: '${CLIENT_SECRET}',`, 'code')).not.toContain(CLIENT_SECRET);
    expect(redact("  password = 'hunter2hunter2'", 'code')).not.toContain('hunter2');
    expect(redact('ADOBE_CLIENT_SECRET=abcdefghijklmnop', 'data')).not.toContain('abcdefghijklmnop');
    expect(redact('const p = "src/main/java/com/adobe/pdfservices/operation/samples/autotag";', 'code')).toContain('src/main/java');
  });

  it("shows every migrate fixture's preview as the written diff, except where a line holds a literal secret", async () => {
    const root = join(import.meta.dirname, 'fixtures', 'migrate');
    const cases = readdirSync(root).flatMap((family) => readdirSync(join(root, family)).map((c) => join(root, family, c, 'before')));
    let compared = 0;
    for (const before of cases) {
      const { plan } = await planMigration(loadSettings({ root: before, failOn: 'never' }));
      const shown = planDiff(plan).split('\n');
      const written = planDiff(plan, false).split('\n');
      expect(shown.length, before).toBe(written.length);
      shown.forEach((line, i) => {
        compared++;
        if (line === written[i]) return;
        // The raw line holds a literal: a quoted string, key material, a token, or a data value.
        const raw = written[i];
        const literal = /(["'`])[^"'`]{6,}\1|-----BEGIN|[A-Za-z0-9+/]{40,}|\beyJ|p8e-|^[+ -][ \t]*["']?[\w.-]+["']?[ \t]*[:=][ \t]*[^\s(]/.test(raw);
        expect(literal, `${before}: ${raw}`).toBe(true);
        expect(line).toContain('[REDACTED');
      });
    }
    expect(compared).toBeGreaterThan(500);
  });
});
