// Semgrep-style fixture markers: `expect: rule-id` / `ok: rule-id` in a comment above the line
// they speak of. Files that cannot hold comments get a sidecar `<file>.expect` whose lines read
// `expect: rule-id @ LINE` (LINE defaults to 1).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Marker {
  kind: 'expect' | 'ok' | 'scaffold';
  ruleId: string;
  file: string;
  line: number;
}

const MARKER = /\b(expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function listTree(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTree(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

export function readMarkers(caseDir: string): Marker[] {
  const markers: Marker[] = [];
  for (const file of listTree(caseDir)) {
    if (file.endsWith('.expect')) {
      const target = file.slice(0, -'.expect'.length);
      for (const raw of readFileSync(join(caseDir, file), 'utf8').split('\n')) {
        const m = /^(expect|ok):\s*([a-z0-9-]+)(?:\s*@\s*(\d+))?\s*$/.exec(raw.trim());
        if (m) markers.push({ kind: m[1] as Marker['kind'], ruleId: m[2], file: target, line: Number(m[3] ?? 1) });
      }
      continue;
    }
    if (existsSync(join(caseDir, `${file}.expect`))) continue;
    const buf = readFileSync(join(caseDir, file));
    if (buf.subarray(0, 8000).includes(0)) continue;
    const lines = buf.toString('utf8').split('\n');
    let pending: { kind: Marker['kind']; ruleId: string }[] = [];
    lines.forEach((text, i) => {
      const m = MARKER.exec(text);
      if (m) {
        for (const id of m[2].split(',')) pending.push({ kind: m[1] as Marker['kind'], ruleId: id.trim() });
        // The marker line itself is test scaffolding: what rules say of it is not asserted.
        markers.push({ kind: 'scaffold', ruleId: '*', file, line: i + 1 });
        return;
      }
      if (pending.length && text.trim() !== '') {
        for (const p of pending) markers.push({ ...p, file, line: i + 1 });
        pending = [];
      }
    });
  }
  return markers;
}
