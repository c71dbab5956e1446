// The cross-file pass: judgements a single file cannot make on its own.
import { posix } from 'node:path';
import { AEM_OAUTH_GUIDE } from '../rules/code.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Finding } from '../types.js';

export const AEM_CLOUD_RULE = 'aem-cloud-service-credential';
const CERT_BESIDE_KEY = 'key-certificate-beside-jwt-key';
/** Names of keys and certificates that serve TLS, not a token signature. */
const TLS_NAME = /https|tls|ssl|server|localhost|nginx|apache|(?:^|[^a-z])ca(?:[^a-z]|$)|root|chain|fullchain/i;
const AEM_NOTE = `This package uses an AEM as a Cloud Service service credential: a warning, to move to OAuth Server-to-Server with Adobe's AEM guide (${AEM_OAUTH_GUIDE}).`;
const ADOBE_PATH = /adobe|(?:^|[/._-])aio(?:[/._-]|$)|jwt|(?:^|[/._-])ims(?:[/._-]|$)|techacct/i;

/** Installed or copied-in third-party code: its keys and JWT code are not the project's. */
export const VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|bower_components)\//;

function dirOf(file: string): string {
  const d = posix.dirname(file);
  return d === '.' ? '' : d;
}

function within(dir: string, file: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}

/** Files that make a folder a package of its own. */
const MANIFEST = /^(?:package\.json|pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|build\.sbt|setup\.py|setup\.cfg|pyproject\.toml|requirements\.txt|[^/]+\.csproj|[^/]+\.fsproj|[^/]+\.sln|go\.mod|Gemfile|[^/]+\.gemspec|DESCRIPTION|composer\.json|[^/]+\.psd1)$/;

/**
 * Whether packages `a` and `p` (folders of manifests, '' for the root) share code: the same one,
 * one inside the other (a root README over a module), or the root.
 */
export function packagesMeet(a: string, p: string): boolean {
  return a === p || a === '' || p === '' || a.startsWith(`${p}/`) || p.startsWith(`${a}/`);
}

/** The package of a file: the nearest folder above it holding a manifest ('' for the root). */
export function packageRoots(files: string[]): (file: string) => string {
  const roots = new Set(files.filter((f) => MANIFEST.test(posix.basename(f))).map(dirOf)); // native-regex: a file name
  return (file: string) => {
    for (let dir = dirOf(file); dir; dir = dirOf(dir)) if (roots.has(dir)) return dir;
    return '';
  };
}

/**
 * Applies context rules:
 * - a file holding AEM as a Cloud Service service credentials keeps that finding and its names,
 *   and errors in its package become warnings;
 * - 'project' findings stay only when their folder has other JWT findings;
 * - 'package' ones when their package (nearest manifest) or one around or inside it has some;
 * - 'repository' ones when the scanned tree has any;
 * - 'key' findings stay only when the key is tied to the Adobe JWT flow.
 */
export function applyContext(findings: Finding[], files: string[], keyRefs: Record<string, string[]>): Finding[] {
  const contextOf = (f: Finding) => RULES_BY_ID.get(f.ruleId)?.needsContext;
  const aemFiles = new Set(findings.filter((f) => f.ruleId === AEM_CLOUD_RULE).map((f) => f.file));
  // The AEM credential finding says what the file is; the names around it stay as supporting lines.
  let kept = findings.filter((f) => !aemFiles.has(f.file) || f.ruleId === AEM_CLOUD_RULE || contextOf(f) === 'package');
  const anchors = kept.filter((f) => !contextOf(f) && f.severity !== 'note');
  const anchorFiles = new Set(anchors.map((f) => f.file));

  const certDirs = new Set(files.filter((f) => posix.basename(f) === 'certificate_pub.crt').map(dirOf));
  const referenced = new Set<string>();
  for (const [file, refs] of Object.entries(keyRefs)) {
    if (!anchorFiles.has(file)) continue;
    for (const r of refs) referenced.add(posix.basename(r));
  }

  const packageOf = packageRoots(files);
  const anchoredPackages = new Set(anchors.map((a) => packageOf(a.file)));
  /** Its own package, a package inside it (a root README over a module), or one around it. */
  const inAnchoredPackage = (file: string): boolean => {
    const p = packageOf(file);
    return [...anchoredPackages].some((a) => packagesMeet(a, p));
  };
  const pemFiles = new Set(kept.filter((f) => f.ruleId === 'key-pem-private-key').map((f) => f.file));
  const dropped: Finding[] = [];
  kept = kept.filter((f) => {
    const keep = keepInContext(f);
    if (!keep) dropped.push(f);
    return keep;
  });
  // Key material beside a key of the flow (an encrypted copy of it, its certificate) is the
  // flow's too, unless its name says it serves TLS (dev-https.pem, server.crt).
  const keyDirs = new Set(kept.filter((f) => contextOf(f) === 'key').map((f) => dirOf(f.file)));
  for (const f of dropped) {
    if (contextOf(f) !== 'key' || !keyDirs.has(dirOf(f.file)) || VENDORED.test(f.file)) continue; // native-regex: a path
    if (TLS_NAME.test(posix.basename(f.file))) continue; // native-regex: a file name
    if (f.ruleId === 'key-file-read-by-jwt-code' && pemFiles.has(f.file)) continue;
    kept.push(f);
  }
  function keepInContext(f: Finding): boolean {
    const need = contextOf(f);
    if (!need) return true;
    if (need === 'package') return inAnchoredPackage(f.file);
    if (need === 'repository') return anchors.length > 0;
    if (need === 'project') {
      const dir = dirOf(f.file);
      return anchors.some((a) => within(dir, a.file));
    }
    // Any key file, but only one a JWT file names (keys.ts says why), and said once: a PEM
    // block in it is the finding already.
    if (f.ruleId === CERT_BESIDE_KEY) return false; // only beside a key of the flow (below)
    if (f.ruleId === 'key-file-read-by-jwt-code') return referenced.has(posix.basename(f.file)) && !VENDORED.test(f.file) && !pemFiles.has(f.file); // native-regex: a path
    return (
      anchorFiles.has(f.file) ||
      // A file named as a private key in a package of JWT code is that code's key (a TLS key's
      // server.key or https.pem is not).
      (f.ruleId === 'key-private-key-file' && inAnchoredPackage(f.file)) ||
      certDirs.has(dirOf(f.file)) ||
      // A vendored library's sample key (vendor/firebase/php-jwt/README.md) is not the project's.
      (ADOBE_PATH.test(f.file) && !VENDORED.test(f.file)) || // native-regex: a path
      referenced.has(posix.basename(f.file))
    );
  }
  // A package that uses an AEM as a Cloud Service service credential: its JWT code is that
  // credential's (legacy, a warning), not a Developer Console Service Account (an error).
  const aemPackages = new Set([...aemFiles].map(packageOf));
  return kept.map((f) =>
    f.severity === 'error' && aemPackages.has(packageOf(f.file))
      ? { ...f, severity: 'warning', message: `${f.message} ${AEM_NOTE}` }
      : f,
  );
}
