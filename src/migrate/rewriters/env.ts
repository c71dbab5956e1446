import { splitLines } from '../../regex.js';
import { listItems } from '../../text.js';
import { linearJs } from '../linear-js.js';
import { settledIds } from '../settle.js';
import type { Rewriter } from '../types.js';

// Plain KEY=VALUE settings files (.env, .env.example, app.env): the JWT key path goes, the
// metascopes setting becomes a scopes setting the migrated code reads (e.g. ADOBE_SCOPES).
const DOTENV = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env)$/;
const RULE_IDS = ['config-jwt-signing-key', 'config-jwt-scope-claim-setting'];
const LINE = linearJs(/^(\s*(?:export\s+)?)([A-Za-z_][\w.]*)(\s*=\s*)(.*?)(\r?\n?)$/);
const METASCOPES_KEY = linearJs(/^(.*?)(?:META_?SCOPES?|METASCOPES?|meta_?scopes?|metascopes?)$/);
const isQuote = (c: string | undefined) => c === '"' || c === "'";

/** A value without one opening and one closing quote (`/^["']|["']$/g` removed). */
function unquote(value: string): string {
  const start = isQuote(value[0]) ? 1 : 0;
  const end = value.length > start && isQuote(value[value.length - 1]) ? value.length - 1 : value.length;
  return value.slice(start, end);
}

export const envRewriters: Rewriter[] = [
  {
    name: 'dotenv settings',
    ruleIds: RULE_IDS,
    rewrite(ctx) {
      if (!DOTENV.test(ctx.file)) return null; // native-regex: a file path
      const lines = splitLines(ctx.text);
      const keys = new Set(lines.map((l) => LINE.exec(l)?.group(2)).filter(Boolean));
      const remove = new Set<string>();
      for (const f of ctx.findings) {
        if (!RULE_IDS.includes(f.ruleId)) continue;
        const i = f.line - 1;
        const m = LINE.exec(lines[i] ?? '');
        if (!m) return null; // a multi-line value or an odd form: leave it to a person
        const [lead, key, eq, value, eol] = [1, 2, 3, 4, 5].map((g) => m.group(g) ?? '');
        if (f.ruleId === 'config-jwt-signing-key') {
          lines[i] = '';
          remove.add(key);
          continue;
        }
        const base = METASCOPES_KEY.exec(key);
        if (!base) return null;
        const scopesKey = `${base.group(1)}${key === key.toUpperCase() ? 'SCOPES' : 'scopes'}`;
        const metascopes = listItems(unquote(value));
        lines[i] = keys.has(scopesKey) ? '' : `${lead}${scopesKey}${eq}${ctx.scopes(metascopes).value}${eol}`;
      }
      const text = lines.join('');
      const ids = settledIds(ctx, RULE_IDS, text);
      if (!ids.length) return null;
      return { ruleIds: ids, text, secrets: { remove: [...remove] } };
    },
  },
];
