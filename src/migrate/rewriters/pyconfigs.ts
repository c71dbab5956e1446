// Python library configs: aepp / aanalytics2 / cjapy JSON (tech_id + pathToKey -> scopes) and the
// User Sync Tool umapi connector (authentication_method: oauth, no technical account or key).
import { linear, type LinearRegExp, splitLines } from '../../regex.js';
import { isSpace, skipBlanks, trailingEol } from '../../text.js';
import { linearJs } from '../linear-js.js';
import { settledIds } from '../settle.js';
import type { ManualStep, Rewriter } from '../types.js';
import { type JNode, lineAt, parseJson, removeElement, scopesStep } from '../spans.js';

const SDK_RULE = 'config-python-sdk-jwt-config';
const UST_RULE = 'config-user-sync-jwt';
const JWT_KEYS = ['pathToKey', 'private_key'];

/** The product a config is for, from its keys and name: the libraries' configs carry no metascopes. */
function metascopesFor(file: string, obj: JNode): string[] {
  // native-regex: a file path
  if (obj.members.some((m) => m.key.startsWith('sandbox')) || /aep|platform/i.test(file)) return ['ent_dataservices_sdk'];
  if (/cja/i.test(file)) return ['ent_cja_sdk', 'ent_dataservices_sdk']; // native-regex: a file path
  if (/analytics/i.test(file)) return ['ent_analytics_bulk_ingest_sdk']; // native-regex: a file path
  return [];
}

function jwtObjects(n: JNode, path: (string | number)[], out: (string | number)[][]): (string | number)[][] {
  const keys = n.members.map((m) => m.key);
  if (keys.includes('tech_id') && !keys.includes('scopes') && JWT_KEYS.some((k) => keys.includes(k))) out.push(path);
  for (const m of n.members) jwtObjects(m.value, [...path, m.key], out);
  n.items.forEach((it, i) => jwtObjects(it, [...path, i], out));
  return out;
}

function at(root: JNode, path: (string | number)[]): JNode {
  let n = root;
  for (const p of path) n = typeof p === 'number' ? n.items[p] : n.members.find((m) => m.key === p)!.value;
  return n;
}

const sdkConfig: Rewriter = {
  name: 'aepp / aanalytics2 / cjapy config',
  ruleIds: [SDK_RULE],
  rewrite(ctx) {
    const root = parseJson(ctx.text);
    if (!root) return null;
    let text = ctx.text;
    const manual: ManualStep[] = [];
    for (const path of jwtObjects(root, [], [])) {
      const o = at(parseJson(text)!, path);
      const keys = o.members.map((m) => m.key);
      if (new Set(keys).size !== keys.length) return null; // hand-edited duplicates: which one wins is unclear
      const choice = ctx.scopes(metascopesFor(ctx.file, o));
      manual.push(...scopesStep(ctx.file, lineAt(text, o.start), SDK_RULE, choice));
      // scopes take tech_id's place; the libraries read them as one comma-separated string
      const tech = o.members.find((m) => m.key === 'tech_id')!;
      text = `${text.slice(0, tech.start)}"scopes": ${JSON.stringify(choice.value)}${text.slice(tech.value.end)}`;
      for (const k of JWT_KEYS) {
        const cur = at(parseJson(text)!, path);
        const idx = cur.members.findIndex((m) => m.key === k);
        if (idx >= 0) text = removeElement(text, cur, idx);
      }
    }
    const ids = settledIds(ctx, [SDK_RULE], text);
    return ids.length ? { ruleIds: ids, text, manual } : null;
  },
};

// ---------------------------------------------------------------------------------------------
// User Sync Tool connector-umapi.yml: line edits inside the top-level `enterprise:` block.

const ENTERPRISE = linearJs(/^enterprise[ \t]*:[ \t]*(?:#.*)?\r?\n?$/);
const UST_JWT_KEY = linear(/^([ \t]+)(?:tech_acct(?:_id)?|priv_key_(?:path|data|pass)|secure_priv_key_data_key)[ \t]*:/);
/** `authentication_method: jwt`, the value bare or in matching quotes (`(["']?)jwt\2`). */
const AUTH_METHOD_JWT = linear(/^([ \t]+authentication_method[ \t]*:[ \t]*)("jwt"|'jwt'|jwt)/);
const AUTH_METHOD = linear(/^[ \t]+authentication_method[ \t]*:/);
const CLIENT_SECRET = linear(/^[ \t]+client_secret[ \t]*:/);
const ANY_KEY = linear(/^[ \t]+[\w-]+[ \t]*:/);

const userSync: Rewriter = {
  name: 'User Sync Tool umapi connector',
  ruleIds: [UST_RULE],
  rewrite(ctx) {
    if (!/\.ya?ml$/.test(ctx.file)) return null; // native-regex: a file path
    const lines = splitLines(ctx.text);
    const start = lines.findIndex((l) => ENTERPRISE.test(l));
    if (start < 0) return null;
    // the block ends at the next line that starts with something other than a space or a comment
    const topLevel = (l: string) => l.length > 0 && !isSpace(l[0]) && l[0] !== '#';
    let end = start + 1;
    while (end < lines.length && !topLevel(lines[end])) end++;
    const indentOf = (l: string) => skipBlanks(l, 0);
    const blank = (l: string) => l.trim() === '';
    const out = [...lines];
    let hasMethod = false;
    for (let i = start + 1; i < end; i++) {
      const l = lines[i];
      const m = UST_JWT_KEY.exec(l);
      if (m) {
        out[i] = '';
        // a block scalar (priv_key_data: |) goes with its more-indented lines
        const indent = m.group(1)!.length;
        let j = i + 1;
        while (j < end) {
          let k = j;
          while (k < end && blank(lines[k])) k++;
          if (k >= end || indentOf(lines[k]) <= indent) break;
          for (let x = j; x <= k; x++) out[x] = '';
          j = k + 1;
        }
        i = j - 1;
        continue;
      }
      out[i] = AUTH_METHOD_JWT.replace(l, (a) => {
        const quote = a.group(2)!.length > 3 ? a.group(2)![0] : '';
        return `${a.group(1)}${quote}oauth${quote}`;
      });
      if (AUTH_METHOD.test(l)) hasMethod = true;
    }
    if (!hasMethod) {
      // after client_secret (or the block's first key), indented like it
      const keyAt = (re: LinearRegExp) => lines.slice(start + 1, end).findIndex((l) => re.test(l));
      let anchor = keyAt(CLIENT_SECRET);
      if (anchor < 0) anchor = keyAt(ANY_KEY);
      if (anchor < 0) return null;
      const i = start + 1 + anchor;
      const eol = trailingEol(lines[i]);
      const add = `${lines[i].slice(0, indentOf(lines[i]))}authentication_method: oauth`;
      out[i] += eol ? add + eol : (ctx.text.includes('\r\n') ? '\r\n' : '\n') + add;
    }
    const text = out.join('');
    if (text === ctx.text) return null;
    const ids = settledIds(ctx, [UST_RULE], text);
    return ids.length ? { ruleIds: ids, text } : null;
  },
};

export const pyconfigsRewriters: Rewriter[] = [sdkConfig, userSync];
