import { linear } from '../regex.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';
import { DOC_PATHS } from './context.js';

// Documentation that tells readers to set up or use the Service Account (JWT) credential.
// Only Adobe documents count, and lines that talk about the migration away from JWT are skipped.

/** The document is about Adobe. */
// "Service Account (JWT)" is the Console's own name for the credential: Adobe's docs site pages
// use it without saying "Adobe".
const ADOBE_DOC = /adobe|adobelogin\.com|\baio (?:app|login|console|config)\b|\bent_[a-z_]+_sdk\b|\bService Account \(JWT\)/i;
/**
 * Lines that describe the deprecation or the move to OAuth Server-to-Server, not the setup. (AEM as a
 * Cloud Service service credential setup counts: Adobe calls those credentials legacy now.)
 */
const MIGRATION_LINE =
  /migrat|deprecat|end[- ]of[- ]life|\bEOL\b|sunset|retire|no longer|replace|instead of|switch(?:ed|ing)? (?:from|to)|Server[- ]to[- ]Server|\bS2S\b|client_credentials|\/ims\/token\/v[23]/i;
/**
 * Release notes tell history, not setup; pages about the move to OAuth Server-to-Server (a
 * migration guide, the OAuth pages with their FAQ) name the JWT credential to explain what
 * replaces it; generated references of released versions (apidocs/2.1.0/) are history too.
 */
/** Generated references of released versions (apidocs/2.1.0/). */
export const VERSIONED_API_DOCS = /(?:^|\/)(?:apidocs|javadoc|api-?docs|typedoc)\/v?\d+\.\d+/i;
export const HISTORY_FILES = new RegExp(
  String.raw`(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|RELEASES|NEWS)[^/]*$|(?:^|\/)(?:news|changelog|releases)\/|migrat|server-?to-?server|(?:^|\/)oauth[\w-]*\/|${VERSIONED_API_DOCS.source}`,
  'i',
);

/** Hits of `re` on lines that are not about the migration. */
function setupLines(re: RegExp) {
  const pattern = linear(re);
  const migration = linear(MIGRATION_LINE);
  return (file: FileInput): Hit[] => {
    const hits: Hit[] = [];
    let offset = 0;
    const lines = file.text.split('\n');
    lines.forEach((line, i) => {
      // A heading whose first lines say the credential is deprecated titles a page about the move.
      const movedOn = HEADING.test(line) && lines.slice(i + 1, i + 7).some((l) => l.length <= 4000 && migration.test(l));
      if (line.length <= 4000 && !migration.test(line) && !movedOn) {
        const m = pattern.exec(line);
        if (m) hits.push({ index: offset + m.index, length: m.end - m.index });
      }
      offset += line.length + 1;
    });
    return hits;
  };
}

/** Markdown-like documents, where headings make sections. */
const SECTIONED_DOCS = /\.(?:md|mdx|markdown)$|(?:^|\/)README$/i;
const FENCE = linear(/^[ \t]{0,3}(?:```|~~~)/);
const HEADING = linear(/^[ \t]{0,3}(#{1,6})[ \t]+(\S[^\n]*)$/);
/** A heading that names the JWT setup (not the migration away from it). */
const JWT_HEADING = linear(
  /\bJWT\b|\bService[ -]Account\b|\bkey[ -]?pair\b|\bprivate[ -]key\b|\bpublic[ -]key\b|\bcertificate\b|\bmeta[ -]?scopes?\b|\bjwt-auth\b|\btechnical[ -]account\b/i,
);
/** Lines that make a section about the JWT setup, whatever its heading says. */
const SETUP_LINE = linear(
  /\bService[ -]Account \(JWT\)|\bJWT (?:credentials?|integration|auth(?:entication)?|token|flow|grant|assertion)\b|certificate_pub\.crt|private\.key|\bmeta[_ ]?scopes?\b|\bent_[a-z_]+_sdk\b|\/ims\/exchange\/(?:v1\/)?jwt|\btechnical[_ ]?account[_ ]?id\b|\bjwt_token\b|@techacct\.adobe\.com|\bopenssl[ \t]+req\b/i,
);

interface Section {
  level: number;
  start: number; // offset of the heading line
  end: number; // offset where the section ends (next heading of the same or a higher level)
  heading: string;
}

/** The sections of a Markdown text (headings inside fenced code are text, not headings). */
function sections(text: string): Section[] {
  const out: Section[] = [];
  const open: Section[] = [];
  let fenced = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    const m = !fenced && line.length < 400 ? HEADING.exec(line) : undefined;
    if (m) {
      const level = m.group(1)!.length;
      while (open.length && open[open.length - 1].level >= level) open.pop()!.end = offset;
      const s = { level, start: offset, end: text.length, heading: m.group(2)! };
      out.push(s);
      open.push(s);
    }
    offset += line.length + 1;
  }
  return out;
}

/**
 * Sections that walk through the JWT setup: a heading that names it, or two setup lines in the
 * section's own text; each is one finding spanning the section (the outermost, when nested).
 */
function setupSections(file: FileInput): Hit[] {
  const migration = linear(MIGRATION_LINE);
  const hits: Hit[] = [];
  let coveredTo = -1;
  for (const s of sections(file.text)) {
    if (s.start < coveredTo) continue;
    const body = file.text.slice(s.start, s.end);
    let setup = 0;
    // The heading is judged on its own below; the lines under it make the setup count.
    for (const line of body.split('\n').slice(1)) if (line.length <= 4000 && SETUP_LINE.test(line) && !migration.test(line)) setup++;
    const named = JWT_HEADING.test(s.heading) && !migration.test(s.heading);
    if ((named && setup >= 1) || setup >= 2) {
      const end = body.endsWith('\n') ? s.end - 1 : s.end;
      hits.push({ index: s.start, length: Math.max(1, end - s.start) });
      coveredTo = s.end;
    }
  }
  return hits;
}

const base = {
  severity: 'note' as const,
  category: 'docs' as const,
  paths: DOC_PATHS,
  excludePaths: HISTORY_FILES,
  requires: [ADOBE_DOC],
};

export const docs: RuleFamily = {
  name: 'docs',
  literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange'],
  rules: [
    {
      ...base,
      id: 'docs-jwt-setup-section',
      title: 'Docs: a section on the JWT setup',
      message:
        'This section walks readers through the Service Account (JWT) setup (credential, key pair, metascopes or the JWT exchange), which Adobe has retired. Rewrite it for an OAuth Server-to-Server credential: client id, client secret and scopes from the Developer Console, token from /ims/token/v3.',
      paths: SECTIONED_DOCS,
      match: setupSections,
    },
    {
      ...base,
      id: 'docs-service-account-jwt',
      title: 'Docs: Service Account (JWT) credential',
      message:
        'These docs tell readers to create or use a Service Account (JWT) credential, which Adobe has retired. Rewrite the step for an OAuth Server-to-Server credential (client id, client secret, scopes).',
      match: setupLines(
        new RegExp(
          [
            String.raw`\bService[ -]Account \(JWT\)|\bJWT \(Service Account\)|\bService Account Integration\b`,
            String.raw`\bJWT (?:credentials?|integration)\b|\bService Account (?:credentials?|authentication) \(?JWT`,
            // Links to Adobe's JWT guides: the adobeio-auth pages and the Console's JWT samples.
            String.raw`adobeio-auth\/[\w./-]*(?:ServiceAccountIntegration|\/JWT\/)|\/authentication\/JWT\/`,
            String.raw`devs_projects_jwt|adobe-dev-console\/tree\/[\w.-]+\/samples\/adobe-jwt-`,
            // The JWT credential's pair of values, asked for together.
            String.raw`\btechnical account id\b[^\n]{0,60}\bprivate key\b`,
          ].join('|'),
          'i',
        ),
      ),
    },
    {
      ...base,
      id: 'docs-jwt-keypair-setup',
      title: 'Docs: JWT key pair generation',
      message:
        'These docs walk through creating or uploading the JWT key pair (private.key / certificate_pub.crt). OAuth Server-to-Server needs no key pair: drop the step and document the client secret and scopes instead.',
      match: setupLines(
        new RegExp(
          [
            String.raw`certificate_pub\.crt|\bGenerate (?:a )?(?:public[/ ]private )?key ?pair\b|\bUpload (?:a |the )?public key\b`,
            // The samples' steps: a certificate and private key made (a bare `openssl req -x509`
            // is as often a TLS certificate for a local server), then the certificate uploaded.
            String.raw`\bUpload (?:the |your |a )?(?:public )?certificate\b`,
            String.raw`\b(?:create|generate)\b[^\n]{0,40}\bcertificate and (?:the )?private key\b`,
          ].join('|'),
          'i',
        ),
      ),
    },
    {
      ...base,
      id: 'docs-meta-scope-config',
      title: 'Docs: metascopes configuration',
      message:
        'These docs configure JWT metascopes. OAuth Server-to-Server uses scopes instead: document the comma-separated scope list shown on the credential in the Adobe Developer Console.',
      match: setupLines(/\bmeta[_ ]?scopes?\b|\bent_[a-z_]+_sdk\b/i),
    },
    {
      ...base,
      id: 'docs-ims-jwt-exchange-url',
      title: 'Docs: IMS JWT exchange URL',
      message:
        'These docs point to the IMS JWT exchange endpoint, which no longer issues tokens. Document the OAuth Server-to-Server token request instead: POST grant_type=client_credentials to /ims/token/v3.',
      requires: undefined,
      match: setupLines(/\/ims\/exchange\/(?:v1\/)?jwt\b/),
    },
  ],
};
