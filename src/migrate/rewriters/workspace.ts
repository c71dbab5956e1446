// App Builder workspace JSON (console.json, <project>-<workspace>.json, the project in .aio): a
// Service Account (JWT) credential entry becomes an oauth_server_to_server entry. Spans are edited
// in place so the rest of the download (often committed as-is) keeps its bytes.
import { isSpace } from '../../text.js';
import { settledIds } from '../settle.js';
import type { ManualStep, Rewriter } from '../types.js';
import { ACCOUNT_ID_PLACEHOLDER, EMAIL_PLACEHOLDER, SECRET_PLACEHOLDER, arrayStyle, eolOf, indentAt, insertMembers, type JNode, lineAt, member, metascopeList, nodeAt, parseJson, placeholderStep, removeElement, scopesStep } from '../spans.js';

const RULES = ['config-workspace-jwt-credential', 'config-workspace-jwt-migrating'];
const OAUTH = '"oauth_server_to_server"';

type Path = (string | number)[];

function credentialEntries(n: JNode, path: Path, out: Path[]): Path[] {
  for (const m of n.members) {
    if (m.key === 'credentials' && m.value.kind === 'array') {
      m.value.items.forEach((it, i) => it.kind === 'object' && out.push([...path, m.key, i]));
    } else credentialEntries(m.value, [...path, m.key], out);
  }
  n.items.forEach((it, i) => credentialEntries(it, [...path, i], out));
  return out;
}

function needsMigration(e: JNode): boolean {
  const type = member(e, 'integration_type')?.value.value;
  if (type === 'service' || type === 'oauth_server_to_server_migrate') return true;
  return type === undefined && member(e, 'jwt')?.value.kind === 'object';
}

export const workspace: Rewriter = {
  name: 'App Builder workspace credentials',
  ruleIds: RULES,
  rewrite(ctx) {
    const root = parseJson(ctx.text);
    if (!root) return null;
    let text = ctx.text;
    const manual: ManualStep[] = [];
    for (const path of credentialEntries(root, [], [])) {
      const entry = () => nodeAt(parseJson(text)!, path)!;
      const e = entry();
      if (!needsMigration(e)) continue;
      const keys = e.members.map((m) => m.key);
      if (new Set(keys).size !== keys.length) return null;
      const line = lineAt(text, e.start);
      const jwt = member(e, 'jwt');

      if (!member(e, 'oauth_server_to_server') && jwt?.value.kind === 'object') {
        // Build the OAuth object from the JWT one, laid out the same way, in the JWT object's place.
        const j = jwt.value;
        const raw = (k: string) => {
          const m = member(j, k);
          return m ? text.slice(m.value.start, m.value.end) : undefined;
        };
        const meta = member(j, 'meta_scopes');
        const choice = ctx.scopes(meta ? metascopeList(JSON.parse(raw('meta_scopes')!)) : []);
        const multi = j.members.length > 0 && text.slice(j.start, j.members[0].start).includes('\n');
        const ind = multi ? indentAt(text, j.members[0].start) : '';
        const arr = arrayStyle(text, meta?.value, ind, multi ? ind.slice(indentAt(text, j.start).length) || '  ' : '');
        const placeholder = (what: string, value: string) => {
          manual.push(placeholderStep(ctx.file, line, RULES[0], what, value));
          return JSON.stringify(value);
        };
        const fields: [string, string][] = [
          ['client_id', raw('client_id') ?? placeholder('client id', 'REPLACE_WITH_CLIENT_ID_FROM_DEVELOPER_CONSOLE')],
          ['client_secrets', arr([raw('client_secret') ?? placeholder('client secret', SECRET_PLACEHOLDER)])],
          ['technical_account_email', raw('technical_account_email') ?? placeholder('technical account email', EMAIL_PLACEHOLDER)],
          ['technical_account_id', raw('technical_account_id') ?? raw('techacct') ?? placeholder('technical account id', ACCOUNT_ID_PLACEHOLDER)],
          ['scopes', arr(choice.value.split(',').map((s) => JSON.stringify(s)))],
        ];
        manual.push(...scopesStep(ctx.file, line, RULES[0], choice));
        const body = fields.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
        const eol = eolOf(text);
        const inner = text.slice(j.start + 1, j.members[0]?.start ?? j.start + 1);
        const obj = multi
          ? `{${eol}${body.map((b) => ind + b).join(`,${eol}`)}${eol}${indentAt(text, j.end - 1)}}`
          : isSpace(inner[0]) ? `{ ${body.join(', ')} }` : `{${body.join(', ')}}`;
        text = `${text.slice(0, jwt.start)}${OAUTH}: ${obj}${text.slice(j.end)}`;
      } else if (jwt) {
        // mid-migration: the OAuth object is already there
        const cur = entry();
        text = removeElement(text, cur, cur.members.findIndex((m) => m.key === 'jwt'));
      }

      const cur = entry();
      const type = member(cur, 'integration_type');
      if (type) text = text.slice(0, type.value.start) + OAUTH + text.slice(type.value.end);
      else {
        const at = cur.members.findIndex((m) => m.key === 'oauth_server_to_server');
        text = insertMembers(text, cur, at - 1, [`"integration_type": ${OAUTH}`]);
      }
    }
    if (text === ctx.text) return null;
    const ids = settledIds(ctx, RULES, text);
    return ids.length ? { ruleIds: ids, text, manual } : null;
  },
};

export const workspaceRewriters: Rewriter[] = [workspace];
