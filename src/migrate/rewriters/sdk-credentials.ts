// SDKs that wrap the credential: the code builds the SDK's service-account (JWT) credentials and
// the SDK signs and exchanges the JWT itself. The rewrite moves the builder chain to the SDK's
// service-principal (OAuth Server-to-Server) credentials, reading the client id and secret from
// the environment, and raises the SDK dependency to the first release that has them.
import { languageOf } from '../../languages/index.js';
import { linear } from '../../regex.js';
import { type ChainRecipe, envImport, rewriteChains } from '../chains.js';
import { settledIds } from '../settle.js';
import type { RewriteResult, Rewriter } from '../types.js';
import { applySplices, type Splice } from './code-js.js';
import { parseJson } from '../spans.js';
import { eolOf, indentAt } from '../../text.js';

/**
 * PDF Services SDKs (Java, .NET, Node 3.x; Python 2.x): `Credentials.serviceAccountCredentialsBuilder()`
 * with `fromFile(json)` or `withPrivateKey/withOrganizationId/withAccountId` becomes
 * `Credentials.servicePrincipalCredentialsBuilder().withClientId(..).withClientSecret(..)`, which
 * the same major release has had since Java/.NET/Node 3.4.0 and Python 2.3.0 (the SDKs' API docs
 * of those releases list ServicePrincipalCredentials.Builder). The environment names are the ones
 * Adobe's current samples read.
 */
export const PDF_SERVICES_CREDENTIALS: ChainRecipe = {
  ruleId: 'code-pdf-services-service-account',
  receiver: 'Credentials',
  start: 'serviceAccountCredentialsBuilder',
  becomes: 'servicePrincipalCredentialsBuilder',
  replace: {
    fromFile: [
      { name: 'withClientId', args: ['{env:PDF_SERVICES_CLIENT_ID}'] },
      { name: 'withClientSecret', args: ['{env:PDF_SERVICES_CLIENT_SECRET}'] },
    ],
  },
  drop: ['withPrivateKey', 'withOrganizationId', 'withAccountId'],
  requires: ['withClientId', 'withClientSecret', 'build'],
};

export const CHAIN_RECIPES: ChainRecipe[] = [PDF_SERVICES_CREDENTIALS];

/** A dependency declaration whose version is raised to `minimum` within the same major release. */
interface VersionBump {
  ruleId: string;
  /** Files of the manifest format. */
  paths: RegExp;
  /** The declaration, with the version in the group `version`. */
  pattern: RegExp;
  minimum: string;
}

const PDF_SERVICES_RULE = 'dep-pdf-services-jwt-sdk';
export const VERSION_BUMPS: VersionBump[] = [
  {
    ruleId: PDF_SERVICES_RULE,
    paths: /\.(?:cs|fs|vb)proj$|(?:^|\/)Directory\.Packages\.props$/i,
    pattern: /<Package(?:Reference|Version)\s+Include\s*=\s*"Adobe\.PDFServicesSDK"\s+Version\s*=\s*"(?<version>\d+\.\d+\.\d+)"/g,
    minimum: '3.4.0',
  },
  {
    ruleId: PDF_SERVICES_RULE,
    paths: /(?:^|\/)pom\.xml$/,
    pattern: /<pdfservices\.sdk\.version>\s*(?<version>\d+\.\d+\.\d+)\s*<\/pdfservices\.sdk\.version>|<artifactId>\s*pdfservices-sdk\s*<\/artifactId>\s*<version>\s*(?<version2>\d+\.\d+\.\d+)\s*<\/version>/g,
    minimum: '3.4.0',
  },
  {
    ruleId: PDF_SERVICES_RULE,
    paths: /(?:^|\/)package\.json$/,
    pattern: /"@adobe\/pdfservices-node-sdk"\s*:\s*"[\^~]?(?<version>\d+\.\d+\.\d+)"/g,
    minimum: '3.4.0',
  },
  {
    ruleId: PDF_SERVICES_RULE,
    paths: /(?:^|\/)requirements[^/]*\.txt$/,
    pattern: /^pdfservices-sdk[ \t]*(?:==|~=|>=)[ \t]*(?<version>\d+\.\d+\.\d+)/gm,
    minimum: '2.3.0',
  },
];

function parts(version: string): number[] {
  return version.split('.').map(Number);
}

/** The version raised to `minimum` when it is older in the same major release; else undefined. */
function raised(version: string, minimum: string): string | undefined {
  const [have, want] = [parts(version), parts(minimum)];
  if (have[0] !== want[0]) return undefined;
  for (let i = 1; i < 3; i++) {
    if (have[i] !== want[i]) return have[i] < want[i] ? minimum : undefined;
  }
  return undefined;
}

const sdkCredentialChains: Rewriter = {
  name: 'sdk-credential-chains',
  ruleIds: [...new Set(CHAIN_RECIPES.map((r) => r.ruleId))],
  syntax: true,
  rewrite(ctx) {
    const lang = languageOf(ctx.file);
    const tree = lang ? ctx.parse?.() : undefined;
    if (!lang || !tree) return null;
    try {
      if (tree.rootNode.hasError) return null; // a file its parser cannot read is left alone
      const chains = rewriteChains(ctx.text, tree, lang, CHAIN_RECIPES);
      if (!chains.splices.length) return null;
      const imported = chains.env.length ? envImport(ctx.text, lang) : undefined;
      const text = applySplices(ctx.text, imported ? [...chains.splices, imported] : chains.splices);
      return { ruleIds: settledIds(ctx, chains.ruleIds, text), text, secrets: { add: chains.env.filter((n) => n.endsWith('SECRET')) } };
    } finally {
      tree.delete();
    }
  },
};

const sdkVersions: Rewriter = {
  name: 'sdk-versions',
  ruleIds: [...new Set(VERSION_BUMPS.map((b) => b.ruleId))],
  rewrite(ctx): RewriteResult | null {
    const splices: Splice[] = [];
    const ruleIds = new Set<string>();
    for (const bump of VERSION_BUMPS) {
      // native-regex: a manifest's path
      if (!bump.paths.test(ctx.file) || !ctx.findings.some((f) => f.ruleId === bump.ruleId)) continue;
      for (const m of linear(bump.pattern).matchAll(ctx.text)) {
        const at = m.span('version') ?? m.span('version2');
        if (!at) continue;
        const to = raised(ctx.text.slice(at.index, at.end), bump.minimum);
        if (!to) continue;
        splices.push({ start: at.index, end: at.end, text: to });
        ruleIds.add(bump.ruleId);
      }
    }
    if (!splices.length) return null;
    return { ruleIds: [...ruleIds], text: applySplices(ctx.text, splices) };
  },
};

/**
 * PDF Services credential files (`pdfservices-api-credentials.json`, the Console's download):
 * the JWT era's `service_account_credentials` (organization, technical account, private key)
 * becomes the OAuth era's `service_principal_credentials` with the organization id alone; the
 * client id and secret in `client_credentials` stay.
 */
const pdfCredentialsFile: Rewriter = {
  name: 'PDF Services credentials file',
  ruleIds: ['config-jwt-signing-key'],
  rewrite(ctx) {
    if (!ctx.file.toLowerCase().endsWith('.json')) return null;
    const root = parseJson(ctx.text);
    const keys = root?.members.map((m) => m.key) ?? [];
    if (!root || !keys.includes('client_credentials') || keys.includes('service_principal_credentials')) return null;
    const account = root.members.find((m) => m.key === 'service_account_credentials');
    if (!account || account.value.kind !== 'object' || keys.filter((k) => k === account.key).length > 1) return null;
    const text = ctx.text;
    const eol = eolOf(text);
    const org = account.value.members.find((m) => m.key === 'organization_id');
    const inner = account.value.members[0] ? indentAt(text, account.value.members[0].start) : '';
    const body = org ? `{${eol}${inner}"organization_id": ${text.slice(org.value.start, org.value.end)}${eol}${indentAt(text, account.start)}}` : '{}';
    const out = `${text.slice(0, account.start)}"service_principal_credentials": ${body}${text.slice(account.value.end)}`;
    const ids = settledIds(ctx, ['config-jwt-signing-key'], out);
    return ids.length ? { ruleIds: ids, text: out } : null;
  },
};

export const sdkCredentialsRewriters: Rewriter[] = [sdkCredentialChains, sdkVersions, pdfCredentialsFile];
