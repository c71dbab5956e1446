// The cross-file pass: judgements a single file cannot make on its own.
import { posix } from 'node:path';
import { RULES_BY_ID } from '../rules/index.js';
import type { Finding } from '../types.js';

export const AEM_CLOUD_RULE = 'aem-cloud-service-credential';
const ADOBE_PATH = /adobe|(?:^|[/._-])aio(?:[/._-]|$)|jwt|(?:^|[/._-])ims(?:[/._-]|$)|techacct/i;

function dirOf(file: string): string {
  const d = posix.dirname(file);
  return d === '.' ? '' : d;
}

function within(dir: string, file: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}

/**
 * Applies context rules:
 * - a file holding AEM as a Cloud Service service credentials keeps only the note about them;
 * - 'project' findings stay only when their folder has other JWT findings;
 * - 'key' findings stay only when the key is tied to the Adobe JWT flow.
 */
export function applyContext(findings: Finding[], files: string[], keyRefs: Record<string, string[]>): Finding[] {
  const aemFiles = new Set(findings.filter((f) => f.ruleId === AEM_CLOUD_RULE).map((f) => f.file));
  let kept = findings.filter((f) => !aemFiles.has(f.file) || f.ruleId === AEM_CLOUD_RULE);

  const contextOf = (f: Finding) => RULES_BY_ID.get(f.ruleId)?.needsContext;
  const anchors = kept.filter((f) => !contextOf(f) && f.severity !== 'note');
  const anchorFiles = new Set(anchors.map((f) => f.file));

  const certDirs = new Set(files.filter((f) => posix.basename(f) === 'certificate_pub.crt').map(dirOf));
  const referenced = new Set<string>();
  for (const [file, refs] of Object.entries(keyRefs)) {
    if (!anchorFiles.has(file)) continue;
    for (const r of refs) referenced.add(posix.basename(r));
  }

  kept = kept.filter((f) => {
    const need = contextOf(f);
    if (!need) return true;
    if (need === 'project') {
      const dir = dirOf(f.file);
      return anchors.some((a) => within(dir, a.file));
    }
    return (
      anchorFiles.has(f.file) ||
      certDirs.has(dirOf(f.file)) ||
      ADOBE_PATH.test(f.file) || // native-regex: a path
      referenced.has(posix.basename(f.file))
    );
  });
  return kept;
}
