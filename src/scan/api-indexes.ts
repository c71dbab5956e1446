// The indexes of a generated API reference. A javadoc package page that documents only the JWT
// flow (com/adobe/aio/ims/util: KeyStoreUtil, PrivateKeyBuilder) is reported whole by the names
// rules; the reference's package lists (element-list, allpackages-index.html, index.html,
// package-search-index.js) name that package too and say nothing else a rule could see, so they
// are found here, after the per-file scan, from the package pages it reported.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { RULES_BY_ID } from '../rules/index.js';
import type { Finding } from '../types.js';
import { fingerprint, lineOf, lineStarts, snippetOf } from './match.js';

export const API_INDEX_RULE = 'docs-jwt-api-index';
const PAGE_RULE = 'docs-jwt-api-page';
/** The folder a javadoc reference is generated into, and the package path under it. */
const REFERENCE = /^(?<root>(?:.*\/)?(?:apidocs|javadoc|api-?docs))\/(?<pkg>(?:[a-z_][\w$]*\/)*[a-z_][\w$]*)\/package-summary\.html?$/i;
/** A reference's lists of its packages (javadoc 8 to 17). */
const INDEX_FILES = new Set(['element-list', 'package-list', 'allpackages-index.html', 'index.html', 'overview-summary.html', 'overview-frame.html', 'package-search-index.js']);
const MAX_BYTES = 2 * 1024 * 1024;

/** Where a line names the package: its page's link, or the dotted name standing alone. */
function mentions(text: string, dotted: string, link: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(link); at >= 0; at = text.indexOf(link, at + link.length)) out.push(at);
  for (let at = text.indexOf(dotted); at >= 0; at = text.indexOf(dotted, at + dotted.length)) {
    const before = at > 0 ? text[at - 1] : '\n';
    const after = text[at + dotted.length] ?? '\n';
    // "com.adobe.aio.ims.util" in JSON, >com.adobe.aio.ims.util< in HTML, a line of element-list;
    // not com.adobe.aio.ims.utility nor a longer package's prefix.
    if (`"\n>`.includes(before) && `"\r\n<`.includes(after)) out.push(at);
  }
  return out.sort((a, b) => a - b);
}

export function apiIndexFindings(root: string, files: string[], findings: Finding[], maxFileSize: number): Finding[] {
  const packages = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.ruleId !== PAGE_RULE) continue;
    const m = REFERENCE.exec(f.file); // native-regex: a path
    if (m?.groups) packages.set(m.groups.root, (packages.get(m.groups.root) ?? new Set()).add(m.groups.pkg));
  }
  if (!packages.size) return [];
  const rule = RULES_BY_ID.get(API_INDEX_RULE)!;
  const out: Finding[] = [];
  for (const file of files) {
    const dir = posix.dirname(file);
    const pkgs = packages.get(dir);
    if (!pkgs || !INDEX_FILES.has(posix.basename(file))) continue;
    let text: string;
    try {
      const buf = readFileSync(posix.join(root, file));
      if (buf.length > Math.min(maxFileSize, MAX_BYTES)) continue;
      text = buf.toString('utf8');
    } catch {
      continue; // unreadable now: the scan reported what it could read
    }
    const starts = lineStarts(text);
    const seen = new Set<number>();
    for (const pkg of pkgs) {
      let occurrence = 0;
      for (const at of mentions(text, pkg.replaceAll('/', '.'), `${pkg}/package-summary.html`)) {
        const line = lineOf(starts, at);
        if (seen.has(line)) continue;
        seen.add(line);
        const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
        // A one-line index (package-search-index.js) is shown from the package's entry.
        const from = at - starts[line] > 100 ? at - 10 : starts[line];
        const snippet = snippetOf(text.slice(from, end), file);
        out.push({
          ruleId: rule.id,
          severity: rule.severity,
          file,
          line: line + 1,
          column: at - starts[line] + 1,
          endLine: line + 1,
          endColumn: end - starts[line] + 1,
          message: rule.message,
          title: rule.title,
          category: rule.category,
          // The package and its place among this file's mentions: stable when other lines move.
          fingerprint: fingerprint(rule.id, file, pkg, occurrence++),
          fixable: false,
          snippet,
        });
      }
    }
  }
  return out;
}
