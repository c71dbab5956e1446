// Client ids that link a repository to Developer Console projects, in the shapes real code and
// config give them (constants used elsewhere in the file, environment fallbacks, header objects,
// config files, CI variables), and the 32-hex look-alikes that must not be taken (hashes, ETags,
// UUIDs without dashes, cache keys, other vendors' keys). Then the whole path: the built action
// finds a project linked only through such a form and looks it up in the (fake) Console.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyName, findClientIds, referencedNames } from '../src/scan/client-ids.js';
import { type FakeAdobe, IO_MANAGEMENT_SCOPES, seedDemo, startFakeAdobe } from './fakes/adobe.js';
import { gitRepo, runActionAsync } from './helpers/run.js';

// Client ids (random, 32 lowercase hex).
const C1 = 'eab52648115da902cb267fe114739914';
const C2 = 'ac64cf4e48aa03dedf206ad4f14e059d';
const C3 = 'd064705dba7ffa5bb589b182213808a6';
const C4 = 'cd4b4a7ac2c00fcb7a3bc66321878754';
// Look-alikes: same shape, other meaning.
const MD5 = '5d41402abc4b2a76b9719d911017c592'; // md5("hello")
const ETAG = '8c1c2e9622f241b2458d350d3973d94b';
const UUID_HEX = '9b2f4c1e8d7a4f3b9c6e1a2d3f4b5c6d'; // a v4 UUID without its dashes
const CACHE = 'acbe431322915affcaf19b1eaf1f3395';
const OTHER_VENDOR = '3fea12d90d0b6e3dfcffb967b2860958';
const LOOK_ALIKES = [MD5, ETAG, UUID_HEX, CACHE, OTHER_VENDOR];

interface Case {
  shape: string;
  path: string;
  text: string;
  /** [client id, 1-based line], in file order. */
  yields: [string, number][];
}

const CASES: Case[] = [
  // ── JavaScript / TypeScript ──
  {
    shape: 'JS: constant used in an x-api-key header object',
    path: 'src/events.js',
    text: `// Adobe I/O Events journal reader
const IO_CONSUMER = '${C1}';
const BUNDLE_HASH = '${MD5}';

export async function poll(token) {
  return fetch(JOURNAL_URL, {
    headers: { 'x-api-key': IO_CONSUMER, Authorization: \`Bearer \${token}\`, 'x-bundle': BUNDLE_HASH },
  });
}
`,
    yields: [[C1, 2]],
  },
  {
    shape: 'JS: environment fallback (||) and destructuring default',
    path: 'lib/config.js',
    text: `module.exports = {
  clientId: process.env.ADOBE_CLIENT_ID || '${C1}',
  etag: '${ETAG}',
};
const { AIO_API_KEY = '${C2}' } = process.env;
`,
    yields: [
      [C1, 2],
      [C2, 5],
    ],
  },
  {
    shape: 'TS: typed default constant reached through ?? in a client-id position',
    path: 'src/analytics/client.ts',
    text: `import { Analytics } from './adobe-analytics';
const DEFAULT_CONSUMER: string = '${C3}';
const REQUEST_ID: string = '${UUID_HEX}';
export const client = new Analytics({
  apiKey: process.env.ANALYTICS_CLIENT ?? DEFAULT_CONSUMER,
  requestId: REQUEST_ID,
});
`,
    yields: [[C3, 2]],
  },
  {
    shape: 'TS: Adobe-named constant in a file without any other Adobe word',
    path: 'src/settings.ts',
    text: `export const IMS_CLIENT_ID = '${C4}';\nexport const SESSION_SALT = '${CACHE}';\n`,
    yields: [[C4, 1]],
  },
  {
    shape: 'JS: JWT audience on the IMS host',
    path: 'scripts/token.js',
    text: `const claims = {\n  sub: process.env.TECH_ACCOUNT,\n  aud: 'https://ims-na1.adobelogin.com/c/${C2}',\n  nonce: '${MD5}',\n};\n`,
    yields: [[C2, 3]],
  },
  // ── Python ──
  {
    shape: 'Python: os.getenv and os.environ.get defaults',
    path: 'export/settings.py',
    text: `import os
# Adobe Experience Platform export job
CLIENT_ID = os.getenv("AEP_CLIENT_ID", "${C1}")
API_KEY = os.environ.get('IMS_API_KEY', '${C2}')
EXPECTED_MD5 = "${MD5}"
LOOKUP = os.environ.get("CACHE_KEY", "${CACHE}")
`,
    yields: [
      [C1, 3],
      [C2, 4],
    ],
  },
  {
    shape: 'Python: module constant used in a headers dict, and `or` fallback',
    path: 'aam/api.py',
    text: `"""Audience Manager calls (Adobe)."""
ADOBE_KEY = "${C3}"
CACHE_KEY = "${CACHE}"
FALLBACK = "${C4}"


def headers(token):
    return {"Authorization": f"Bearer {token}", "x-api-key": ADOBE_KEY, "x-cache": CACHE_KEY}


def client_id():
    return os.environ.get("ADOBE_CLIENT_ID") or FALLBACK
`,
    yields: [
      [C3, 2],
      [C4, 4],
    ],
  },
  {
    shape: 'Python: dict config with client_id, uuid and etag side by side',
    path: 'tests/test_export.py',
    text: `config = {
    "org_id": "0A1B2C3D4E5F60718293A4B5@AdobeOrg",
    "client_id": "${C1}",
    "tech_id": "0A1B2C3D4E5F60718293A4B6@techacct.adobe.com",
}
batch = {"uuid": "${UUID_HEX}", "etag": "${ETAG}"}
`,
    yields: [[C1, 3]],
  },
  // ── Java / Kotlin / C# / PowerShell ──
  {
    shape: 'Java: getOrDefault, Optional.orElse, constant in a header call',
    path: 'src/main/java/com/acme/AdobeClient.java',
    text: `package com.acme;

public class AdobeClient {
  private static final String CONSUMER = "${C2}";
  private static final String REQUEST_ID = "${UUID_HEX}";
  private final String clientId = System.getenv().getOrDefault("ADOBE_CLIENT_ID", "${C1}");
  private final String fallback = Optional.ofNullable(System.getenv("AIO_API_KEY")).orElse("${C3}");

  HttpRequest build(String token) {
    return HttpRequest.newBuilder(uri).header("x-api-key", CONSUMER).header("x-request-id", REQUEST_ID).build();
  }
}
`,
    yields: [
      [C2, 4],
      [C1, 6],
      [C3, 7],
    ],
  },
  {
    shape: 'Java: Spring property default',
    path: 'src/main/java/com/acme/ImsConfig.java',
    text: `@Configuration\npublic class ImsConfig {\n  @Value("\${adobe.client-id:${C4}}")\n  private String clientId;\n  @Value("\${cache.seed:${CACHE}}")\n  private String seed;\n}\n`,
    yields: [[C4, 3]],
  },
  {
    shape: 'Kotlin elvis default, C# const, PowerShell variable',
    path: 'tools/AdobeUsers.kt',
    text: `val clientId = System.getenv("ADOBE_CLIENT_ID") ?: "${C1}"
const string CLIENT_ID = "${C2}";
$ClientId = "${C3}"
$Checksum = "${MD5}"
`,
    yields: [
      [C1, 1],
      [C2, 2],
      [C3, 3],
    ],
  },
  // ── Shell ──
  {
    shape: 'shell: ${VAR:-default}, a variable used in curl -H, a CLI flag',
    path: 'scripts/refresh.sh',
    text: `#!/bin/sh
IMS=https://ims-na1.adobelogin.com
CLIENT="\${ADOBE_CLIENT_ID:-${C1}}"
KEY=${C2}
SUM=${MD5}
curl -s -H "x-api-key: $KEY" -H "x-sum: $SUM" "$IMS/ims/profile"
aio console:project:list --client-id ${C3}
echo "${ETAG}  archive.tgz" | md5sum -c
`,
    yields: [
      [C1, 3],
      [C2, 4],
      [C3, 7],
    ],
  },
  // ── .env, properties, INI, TOML, JSON, XML ──
  {
    shape: '.env: Adobe names kept, secrets, other vendors and hashes dropped',
    path: '.env.example',
    text: `# Adobe Developer Console credential
ADOBE_CLIENT_ID=${C1}
ADOBE_CLIENT_SECRET=p8e-XXXXXXXXXXXXXXXXXXXXXXXX
ADOBE_ORG_ID=0A1B2C3D4E5F60718293A4B5@AdobeOrg
SESSION_SECRET=${CACHE}
DATADOG_API_KEY=${OTHER_VENDOR}
MIXPANEL_CLIENT_ID=${ETAG}
`,
    yields: [[C1, 2]],
  },
  {
    shape: '.env of an App Builder app (AIO_ names only, no "adobe")',
    path: '.env',
    text: `AIO_runtime_namespace=12345-myapp-stage\nAIO_ims_contexts_reports_client__id=${C2}\nBUILD_ID=${UUID_HEX}\n`,
    yields: [[C2, 2]],
  },
  {
    shape: 'properties: dotted names',
    path: 'src/main/resources/application.properties',
    text: `adobe.ims.url=https://ims-na1.adobelogin.com\nadobe.client.id=${C3}\ncache.key=${CACHE}\nbuild.commit=${MD5}\n`,
    yields: [[C3, 2]],
  },
  {
    shape: 'INI: apikey in an [adobe] section',
    path: 'config.ini',
    text: `[adobe]\napikey = ${C4}\nreport_suite = acmeprod\n\n[cache]\nkey = ${CACHE}\n`,
    yields: [[C4, 2]],
  },
  {
    shape: 'TOML: client_id next to the IMS host',
    path: 'pyproject.toml',
    text: `[tool.reports]\nims_host = "ims-na1.adobelogin.com"\nclient_id = "${C1}"\nfixture_digest = "${MD5}"\n`,
    yields: [[C1, 3]],
  },
  {
    shape: 'JSON: nested ims block; uuid alongside',
    path: 'config/adobe.json',
    text: `{\n  "ims": {\n    "clientId": "${C2}",\n    "orgId": "0A1B2C3D4E5F60718293A4B5@AdobeOrg"\n  },\n  "uuid": "${UUID_HEX}"\n}\n`,
    yields: [[C2, 3]],
  },
  {
    shape: '.NET app.config key/value and an XML element',
    path: 'App.config',
    text: `<configuration>\n  <appSettings>\n    <add key="AdobeClientId" value="${C3}" />\n    <add key="ContentHash" value="${MD5}" />\n  </appSettings>\n  <apiKey>${C4}</apiKey>\n</configuration>\n`,
    yields: [
      [C3, 3],
      [C4, 6],
    ],
  },
  // ── YAML config and CI ──
  {
    shape: 'YAML config: nested client-id under adobe/ims',
    path: 'config/application.yml',
    text: `adobe:\n  ims:\n    client-id: ${C1}\n    org-id: 0A1B2C3D4E5F60718293A4B5@AdobeOrg\nstorage:\n  etag: ${ETAG}\n`,
    yields: [[C1, 3]],
  },
  {
    shape: 'Kubernetes env list (name / value on the next line)',
    path: 'deploy/cronjob.yaml',
    text: `env:\n  - name: ADOBE_CLIENT_ID\n    value: "${C2}"\n  - name: CONFIG_CHECKSUM\n    value: "${MD5}"\n`,
    yields: [[C2, 3]],
  },
  {
    shape: 'GitHub workflow env block, and an env variable used as a client-id input',
    path: '.github/workflows/deploy.yml',
    text: `name: deploy
on: push
env:
  ADOBE_CLIENT_ID: ${C1}
  IO_CONSUMER: ${C2}
  CACHE_VERSION: ${CACHE}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v4
        with:
          key: deps-\${{ env.CACHE_VERSION }}
      - uses: adobe/aio-cli-setup-action@1.3.0
      - uses: adobe/aio-apps-action@3.3.0
        with:
          command: deploy
          client-id: \${{ env.IO_CONSUMER }}
          client-secret: \${{ secrets.IO_SECRET }}
`,
    yields: [
      [C1, 4],
      [C2, 5],
    ],
  },
  {
    shape: 'GitLab variables with value/description',
    path: '.gitlab-ci.yml',
    text: `variables:\n  AIO_CLIENT_ID:\n    value: "${C3}"\n    description: "Adobe I/O integration"\n  DOCKER_LAYER:\n    value: "${ETAG}"\n`,
    yields: [[C3, 3]],
  },
  {
    shape: 'Azure Pipelines variables list',
    path: 'azure-pipelines.yml',
    text: `variables:\n  - name: adobeClientId\n    value: ${C4}\n  - name: buildCacheKey\n    value: ${CACHE}\nsteps:\n  - script: npm run sync\n`,
    yields: [[C4, 3]],
  },
  // ── look-alikes only ──
  {
    shape: 'generic names in a file with nothing about Adobe (another service)',
    path: 'music/lastfm.py',
    text: `api_key = "${OTHER_VENDOR}"\nclient_id = "${ETAG}"\nheaders = {"x-api-key": api_key}\n`,
    yields: [],
  },
  {
    shape: 'Adobe file whose 32-hex values are hashes, ETags, UUIDs, commits and cache keys',
    path: 'src/adobe/assets.js',
    text: `// Adobe Experience Manager assets sync
const asset = { uuid: '${UUID_HEX}', etag: '${ETAG}' };
assert.equal(md5(body), '${MD5}');
const CACHE_KEY = '${CACHE}';
cache.set(CACHE_KEY, asset);
const revision = 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef';
const shortRev = '${ETAG}'.slice(0, 7);
`,
    yields: [],
  },
  {
    shape: 'Adobe docs site: the search widget\'s key is another service\'s',
    path: 'src/components/search.js',
    text: `// Search for the Adobe Developer docs
docsearch({
  container: '#search',
  apiKey: '${OTHER_VENDOR}',
  indexName: 'adobe-developer',
});
const SEARCH_KEY = '${ETAG}';
const client = algoliasearch('APPID', SEARCH_KEY, { headers: { 'x-api-key': SEARCH_KEY } });
`,
    yields: [],
  },
  {
    shape: 'Adobe file: secrets, hashed ids, other vendors, a 40-hex SHA and an uppercase value',
    path: 'src/adobe-sync/keys.ts',
    text: `export const ADOBE_CLIENT_SECRET = '${CACHE}';
export const CLIENT_ID_HASH = '${MD5}';
export const SPOTIFY_CLIENT_ID = '${OTHER_VENDOR}';
export const ALGOLIA_API_KEY = '${ETAG}';
export const ADOBE_API_KEY = '${C1}0000ffff';
export const IMS_CLIENT_ID = '${C2.toUpperCase()}';
`,
    yields: [],
  },
];

describe('findClientIds', () => {
  it.each(CASES.map((c) => [c.shape, c] as const))('%s', (_shape, c) => {
    const refs = findClientIds(c.path, c.text);
    expect(refs.map((r) => [r.clientId, r.line])).toEqual(c.yields);
    expect(refs.every((r) => r.file === c.path)).toBe(true);
    const taken = new Set(refs.map((r) => r.clientId));
    for (const h of LOOK_ALIKES) expect(taken.has(h), `${h} taken`).toBe(false);
  });

  it('reports each id once per file, at most 50 per file', () => {
    const ids = Array.from({ length: 60 }, (_, i) => (i.toString(16).padStart(2, '0') + C1).slice(0, 32));
    const text = `# Adobe credentials\n${ids.map((id, i) => `ADOBE_CLIENT_ID_${i}=${id}\nclient_id: ${id}`).join('\n')}\n`;
    const refs = findClientIds('creds.env', text);
    expect(refs).toHaveLength(50);
    expect(new Set(refs.map((r) => r.clientId)).size).toBe(50);
    expect(refs[0]).toEqual({ clientId: ids[0], file: 'creds.env', line: 2 });
  });

  it('stays linear on adversarial input', () => {
    const hexish = 'a'.repeat(31);
    const huge = [
      `// adobe\n${'client_id='.repeat(200_000)}`,
      `// adobe\n${`x-api-key: ${hexish}g `.repeat(50_000)}`,
      `// adobe\n${`K${hexish}=`.repeat(50_000)}${C1}`,
      `// adobe\n${`'x-api-key': ${'A'.repeat(90)}, `.repeat(30_000)}\nA = '${C1}'`,
      // a minified bundle: one 4 MB line of client ids
      `// adobe\n${Array.from({ length: 100_000 }, (_, i) => `client_id:"${i.toString(16).padStart(32, 'a')}"`).join(',')}`,
    ];
    for (const text of huge) {
      const t0 = performance.now();
      findClientIds('big.js', text);
      expect(performance.now() - t0, `${text.length} chars`).toBeLessThan(5_000);
    }
  });

  it('classifies names by their words', () => {
    expect(classifyName('AIOClientID')).toEqual({ clientId: true, adobe: true, excluded: false });
    expect(classifyName('x-api-key')).toEqual({ clientId: true, adobe: false, excluded: false });
    expect(classifyName('AIO_ims_contexts_reports_client__id').clientId).toBe(true);
    expect(classifyName('adobe.client.id')).toEqual({ clientId: true, adobe: true, excluded: false });
    expect(classifyName('DATADOG_API_KEY').excluded).toBe(true);
    expect(classifyName('clientIdHash').excluded).toBe(true);
    expect(classifyName('CACHE_KEY').clientId).toBe(false);
  });

  it('reads the operands a client-id position holds, and stops at the next argument', () => {
    expect(referencedNames(' $KEY" -H "x-sum: $SUM"')).toEqual(['KEY']);
    expect(referencedNames(' CONSUMER).header("x-request-id"')).toEqual(['CONSUMER']);
    expect(referencedNames(' ${{ env.IO_CONSUMER }}')).toEqual(['env.IO_CONSUMER']);
    expect(referencedNames(" app.config['ADOBE_API_KEY']")).toEqual(['app.config', 'ADOBE_API_KEY']);
    expect(referencedNames(' process.env.X || DEFAULT_ID')).toEqual(['process.env.X', 'DEFAULT_ID']);
  });
});

// ── end to end: the built action looks the project up in the fake Console ──

let adobe: FakeAdobe | undefined;
afterEach(async () => {
  await adobe?.close();
  adobe = undefined;
});

const ENV = { ADOBE_JWT_MIGRATE_RETRY_BASE_MS: '5', ADOBE_JWT_MIGRATE_WRITE_SPACING_MS: '0', ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS: '1500' };

describe('Developer Console projects linked through constants, fallbacks and CI variables', () => {
  it('looks up the client ids and reports the JWT credentials on the linking file', async () => {
    adobe = await startFakeAdobe();
    const demo = seedDemo(adobe);
    const repo = gitRepo({
      // Only an environment fallback names the JWT credential's client id.
      'reports/export.py': `"""Nightly export from Adobe Analytics."""\nimport os\n\nCLIENT = os.getenv("ADOBE_CLIENT_ID", "${demo.jwt.clientId}")\nREPORT_DIGEST = "${MD5}"\n`,
      // A dotenv file that reaches no rule (no Adobe word): read for client ids all the same.
      '.env.production': `AIO_runtime_namespace=53444-reportsync\nAIO_ims_contexts_nightly_client__id=${demo.migrating.clientId}\nBUILD_ID=${UUID_HEX}\n`,
      // Another only through a workflow env variable given to a client-id input.
      '.github/workflows/nightly.yml': `on: { schedule: [{ cron: '0 3 * * *' }] }\nenv:\n  IO_CONSUMER: ${demo.jwtExpired.clientId}\n  CACHE_VERSION: ${CACHE}\njobs:\n  export:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: adobe/aio-apps-action@3.3.0\n        with:\n          client-id: \${{ env.IO_CONSUMER }}\n`,
    });
    const run = await runActionAsync(
      repo,
      {
        'fail-on': 'never',
        'adobe-client-id': demo.ioManagement.clientId,
        'adobe-client-secret': demo.ioManagement.secret,
        'adobe-scopes': IO_MANAGEMENT_SCOPES.join(','),
        'adobe-org-id': demo.org.code,
        'adobe-ims-url': adobe.url,
        'adobe-console-url': adobe.url,
        'adobe-platform-url': adobe.url,
      },
      ENV,
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const lookedUp = adobe.log.map((c) => /^\/console\/clients\/([0-9a-f]+)\/credential$/.exec(c.path)?.[1]).filter(Boolean);
    expect(new Set(lookedUp)).toEqual(new Set([demo.jwt.clientId, demo.jwtExpired.clientId, demo.migrating.clientId]));
    const findings = (JSON.parse(readFileSync(run.outputs.report, 'utf8')) as { findings: { ruleId: string; file: string; line: number }[] }).findings;
    const jwt = findings.filter((f) => f.ruleId === 'console-jwt-credential').map((f) => `${f.file}:${f.line}`);
    expect(jwt).toHaveLength(2); // both JWT credentials of the linked workspace
    expect(new Set(jwt).size).toBe(1); // on the file that linked it first
    expect(['reports/export.py:4', '.github/workflows/nightly.yml:3', '.env.production:2']).toContain(jwt[0]);
  });
});
