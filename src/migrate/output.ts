// What `migrate` prints: a unified diff of the plan (redacted), the manual steps, the secrets.
import { createTwoFilesPatch } from 'diff';
import { gutter, safeText } from '../escape.js';
import { redactText, textKind } from '../redact.js';
import { linear } from '../regex.js';
import { describeScopes } from './scopes.js';
import type { MigrationPlan } from './types.js';

export const MIGRATE_JSON_VERSION = 1;

/** The `====` line createTwoFilesPatch puts under its `Index:` header. */
const INDEX_RULE = linear(/^=+\n/m);

/**
 * A unified diff of every planned edit, secret values redacted (`redacted: false` only for tests
 * that compare). Deleted files show no body: they may be keys.
 */
export function planDiff(plan: MigrationPlan, redacted = true): string {
  const parts: string[] = [];
  for (const e of plan.edits) {
    if (e.action === 'delete') {
      parts.push(`diff --git a/${e.file} b/${e.file}\ndeleted file\n--- a/${e.file}\n+++ /dev/null\n`);
      continue;
    }
    const kind = textKind(e.file);
    const hide = (t: string) => (redacted ? redactText(t, kind) : t);
    const before = e.before === null ? '' : hide(e.before);
    const after = hide(e.after ?? '');
    const patch = createTwoFilesPatch(e.action === 'create' ? '/dev/null' : `a/${e.file}`, `b/${e.file}`, before, after, '', '', { context: 3 });
    parts.push(`diff --git a/${e.file} b/${e.file}\n${e.action === 'create' ? 'new file\n' : ''}${INDEX_RULE.replace(patch, '')}`);
  }
  return parts.join('');
}

export function planText(plan: MigrationPlan, written: boolean): string {
  const out: string[] = [];
  // Every diff line behind a gutter: a line of the repository never starts a line of output (the
  // runner would execute `::command::` there). `sed 's/^| //'` gives the plain patch back.
  if (!written) out.push(gutter(planDiff(plan), '| ').replace(/\n$/, '')); // native-regex: anchored end
  const n = plan.edits.length;
  out.push(
    written
      ? `Applied ${n} edit${n === 1 ? '' : 's'}: ${plan.edits.map((e) => `${e.action} ${safeText(e.file)}`).join(', ') || 'none'}.`
      : `${n} planned edit${n === 1 ? '' : 's'} (run with --write to apply).`,
  );
  if (plan.scopes.length) {
    out.push('', 'Scopes:');
    for (const s of plan.scopes) out.push(`- ${s.value}: ${describeScopes(s)}`);
  }
  if (plan.secrets.add.length || plan.secrets.remove.length || plan.secrets.variables?.length) {
    out.push('', 'Secrets (names only):');
    if (plan.secrets.add.length) out.push(`- add: ${plan.secrets.add.join(', ')}`);
    if (plan.secrets.variables?.length) out.push(`- add as Actions variables (not secret): ${plan.secrets.variables.join(', ')}`);
    if (plan.secrets.remove.length) out.push(`- remove: ${plan.secrets.remove.join(', ')}`);
  }
  if (plan.manual.length) {
    out.push('', `Manual steps (${plan.manual.length}):`);
    for (const m of plan.manual) {
      out.push(`- ${safeText(m.file)}:${m.line} [${m.ruleId}] ${safeText(m.instructions)}`);
      // snippets are the tool's own text, with `\n` line ends
      if (m.snippet) out.push(`    ${m.snippet.split('\n').join('\n    ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON contract of `migrate --format json`. */
export function planJson(plan: MigrationPlan): object {
  return {
    version: MIGRATE_JSON_VERSION,
    root: plan.root,
    edits: plan.edits.map((e) => ({ file: e.file, action: e.action, ruleIds: e.ruleIds })),
    manual: plan.manual.map((m) => ({ file: m.file, line: m.line, ruleId: m.ruleId, instructions: m.instructions, ...(m.snippet ? { snippet: m.snippet } : {}) })),
    secrets: plan.secrets,
    scopes: plan.scopes,
  };
}
