// Postman exports (Adobe's "Export to Postman"): environments lose PRIVATE_KEY / JWT_TOKEN /
// META_SCOPE and gain SCOPES; collections lose the jsrsasign pre-request signing and get a
// client_credentials token request at /ims/token/v3 (the exchange request is turned into it).
import { linear } from '../../regex.js';
import { settledIds } from '../settle.js';
import type { ManualStep, Rewriter } from '../types.js';
import { arrayStyle, EXCHANGE_PATH, eolOf, indentAt, indentUnit, insertMembers, type JNode, lineAt, member, metascopeList, parseJson, removeElement, scopesStep, TOKEN_PATH } from '../spans.js';

const RULES = ['config-postman-jwt', 'code-ims-jwt-exchange-config'];
const JWT_VARS = linear(/^(?:PRIVATE_KEY|JWT_TOKEN)$/);
const META_VAR = linear(/^(?:META_?SCOPES?|METASCOPES?)$/);
const SIGNING = linear(/KJUR\.jws\.JWS\.sign|jsrsasign/);
const BEARER_VAR = linear(/Bearer \{\{(\w+)\}\}/);

type Path = (string | number)[];
const at = (root: JNode, path: Path): JNode | undefined => {
  let n: JNode | undefined = root;
  for (const p of path) n = n && (typeof p === 'number' ? n.items[p] : member(n, p)?.value);
  return n;
};
const str = (n: JNode | undefined) => (n && typeof n.value === 'string' ? n.value : undefined);

function scriptText(ev: JNode): string {
  const exec = at(ev, ['script', 'exec']);
  if (!exec) return '';
  return exec.kind === 'array' ? exec.items.map((i) => str(i) ?? '').join('\n') : (str(exec) ?? '');
}

function urlText(req: JNode): string {
  const url = member(req, 'url')?.value;
  if (!url) return '';
  if (url.kind === 'value') return str(url) ?? '';
  const path = member(url, 'path')?.value;
  return `${str(member(url, 'raw')?.value) ?? ''} ${path?.items.map((p) => str(p)).join('/') ?? ''}`;
}

/** Paths of every collection item (recursively through folders). */
function items(n: JNode, path: Path, out: Path[]): Path[] {
  const list = member(n, 'item')?.value;
  list?.items.forEach((it, i) => {
    out.push([...path, 'item', i]);
    items(it, [...path, 'item', i], out);
  });
  return out;
}

class Editor {
  constructor(public text: string) {}
  get root(): JNode {
    return parseJson(this.text)!;
  }
  node(path: Path): JNode | undefined {
    return at(this.root, path);
  }
  replace(n: JNode, value: string): void {
    this.text = this.text.slice(0, n.start) + value + this.text.slice(n.end);
  }
  removeAt(containerPath: Path, idx: number): void {
    this.text = removeElement(this.text, this.node(containerPath)!, idx);
  }
}

export const postman: Rewriter = {
  name: 'Postman environment / collection',
  ruleIds: RULES,
  rewrite(ctx) {
    if (!/\.json$/.test(ctx.file)) return null; // native-regex: a file path
    if (!ctx.text.includes('_postman_') && !ctx.text.includes('getpostman.com')) return null;
    const root0 = parseJson(ctx.text);
    if (!root0) return null;
    const ed = new Editor(ctx.text);
    const manual: ManualStep[] = [];
    const isCollection = !!member(root0, 'info') && !!member(root0, 'item');

    // Variables: environment `values`, collection `variable`.
    let scopesVar = false;
    for (const list of ['values', 'variable']) {
      const vars = () => ed.node([list]);
      const keyOf = (n: JNode) => str(member(n, 'key')?.value) ?? '';
      if (!vars() || vars()!.kind !== 'array') continue;
      const hasScopes = vars()!.items.some((v) => keyOf(v) === 'SCOPES');
      scopesVar ||= hasScopes;
      for (let i = vars()!.items.length - 1; i >= 0; i--) {
        const v = vars()!.items[i];
        const key = keyOf(v);
        if (JWT_VARS.test(key)) ed.removeAt([list], i);
        else if (META_VAR.test(key)) {
          if (hasScopes) {
            ed.removeAt([list], i);
            continue;
          }
          const choice = ctx.scopes(metascopeList(str(member(v, 'value')?.value) ?? ''));
          manual.push(...scopesStep(ctx.file, lineAt(ed.text, v.start), RULES[0], choice));
          const value = member(v, 'value');
          if (value) ed.replace(value.value, JSON.stringify(choice.value));
          ed.replace(member(ed.node([list, i])!, 'key')!.value, '"SCOPES"');
          scopesVar = true;
        }
      }
    }

    if (isCollection) {
      const paths = [[] as Path, ...items(root0, [], [])];
      let signing = false;
      let exchanged = false;
      // signing scripts go (from the last so earlier paths stay valid)
      for (const p of [...paths].reverse()) {
        const evs = ed.node([...p, 'event']);
        if (!evs || evs.kind !== 'array') continue;
        let removed = false;
        for (let i = evs.items.length - 1; i >= 0; i--) {
          const script = scriptText(ed.node([...p, 'event'])!.items[i]);
          if (!SIGNING.test(script)) continue;
          if (script.includes('sendRequest') || script.includes('ims/exchange')) return null; // signs and exchanges in script: by hand
          signing = removed = true;
          ed.removeAt([...p, 'event'], i);
        }
        const left = ed.node([...p, 'event'])!;
        if (removed && !left.items.length) {
          const owner = ed.node(p)!;
          ed.text = removeElement(ed.text, owner, owner.members.findIndex((m) => m.key === 'event'));
        }
      }
      for (const p of paths) {
        const req = ed.node([...p, 'request']);
        if (!req || req.kind !== 'object' || !EXCHANGE_PATH.test(urlText(req))) continue;
        exchanged = true;
        if (!migrateRequest(ed, [...p, 'request'])) return null;
      }
      if (signing && !exchanged) addTokenRequest(ed);
      if ((signing || exchanged) && !scopesVar && !ctx.files.some((f) => f.includes('postman_environment'))) {
        manual.push({
          file: ctx.file,
          line: 1,
          ruleId: RULES[0],
          instructions:
            'Add a SCOPES variable (the comma-separated scopes of the OAuth Server-to-Server credential) to the Postman environment used with this collection, and remove PRIVATE_KEY, JWT_TOKEN and META_SCOPE from it.',
        });
      }
    }

    if (ed.text === ctx.text) return null;
    const ids = settledIds(ctx, RULES, ed.text);
    return ids.length ? { ruleIds: ids, text: ed.text, manual } : null;
  },
};

const field = (key: string, value: string) => `{ "key": ${JSON.stringify(key)}, "value": ${value}, "type": "text" }`;

/** The exchange request becomes a client_credentials POST to /ims/token/v3 on the same host. */
function migrateRequest(ed: Editor, reqPath: Path): boolean {
  const req = ed.node(reqPath)!;
  const body = member(req, 'body')?.value;
  const form = body && (member(body, 'formdata') ?? member(body, 'urlencoded'))?.value;
  const formValue = (k: string) => {
    const f = form?.items.find((i) => str(member(i, 'key')?.value) === k);
    const v = f && member(f, 'value');
    return v ? ed.text.slice(v.value.start, v.value.end) : undefined;
  };
  const fields = [
    field('grant_type', '"client_credentials"'),
    field('client_id', formValue('client_id') ?? '"{{API_KEY}}"'),
    field('client_secret', formValue('client_secret') ?? '"{{CLIENT_SECRET}}"'),
    field('scope', '"{{SCOPES}}"'),
  ];
  const eol = eolOf(ed.text);
  const reqUnit = indentUnit(ed.text, req) || '\t';
  const bodyIndent = indentAt(ed.text, member(req, 'method')?.start ?? req.start);
  const inner = bodyIndent + reqUnit;
  const newBody = `{${eol}${inner}"mode": "urlencoded",${eol}${inner}"urlencoded": [${eol}${fields.map((f) => inner + reqUnit + f).join(`,${eol}`)}${eol}${inner}]${eol}${bodyIndent}}`;

  // edits from the end of the request backwards, re-reading spans each time
  const url = member(ed.node(reqPath)!, 'url')?.value;
  if (url?.kind === 'value') ed.replace(url, JSON.stringify(EXCHANGE_PATH.replace(str(url) ?? '', TOKEN_PATH)));
  else if (url) {
    const path = member(url, 'path')?.value;
    if (path?.kind === 'array') {
      const style = arrayStyle(ed.text, path, indentAt(ed.text, path.start), '');
      ed.replace(path, style(['"ims"', '"token"', '"v3"']));
    }
    const raw = member(ed.node([...reqPath, 'url'])!, 'raw')?.value;
    if (raw) ed.replace(raw, JSON.stringify(EXCHANGE_PATH.replace(str(raw) ?? '', TOKEN_PATH)));
  }
  const b = member(ed.node(reqPath)!, 'body');
  if (b) ed.replace(b.value, newBody);
  else {
    const r = ed.node(reqPath)!;
    ed.text = insertMembers(ed.text, r, r.members.length - 1, [`"body": ${newBody}`]);
  }
  const headers = member(ed.node(reqPath)!, 'header')?.value;
  headers?.items.forEach((h, i) => {
    if ((str(member(h, 'key')?.value) ?? '').toLowerCase() === 'content-type') {
      const v = member(ed.node([...reqPath, 'header', i])!, 'value');
      if (v) ed.replace(v.value, '"application/x-www-form-urlencoded"');
    }
  });
  const method = member(ed.node(reqPath)!, 'method');
  if (method) ed.replace(method.value, '"POST"');
  return !EXCHANGE_PATH.test(urlText(ed.node(reqPath)!));
}

/** A collection that only signed (the exchange happened elsewhere) gets its own token request first. */
function addTokenRequest(ed: Editor): void {
  const root = ed.root;
  const list = member(root, 'item')!.value;
  const host = ed.text.includes('{{IMS}}') ? 'https://{{IMS}}' : 'https://ims-na1.adobelogin.com';
  const tokenVar = BEARER_VAR.exec(ed.text)?.group(1) ?? 'ACCESS_TOKEN';
  const clientVar = ed.text.includes('{{API_KEY}}') ? 'API_KEY' : 'CLIENT_ID';
  const scope = member(root, 'variable') ? 'collectionVariables' : 'environment';
  const eol = eolOf(ed.text);
  const first = list.items[0];
  const ind = first ? indentAt(ed.text, first.start) : '\t\t';
  const u = indentUnit(ed.text, root) || '\t';
  const lines = [
    '{',
    `${u}"name": "IMS: OAuth Server-to-Server token",`,
    `${u}"event": [`,
    `${u}${u}{ "listen": "test", "script": { "type": "text/javascript", "exec": ["pm.${scope}.set('${tokenVar}', pm.response.json().access_token);"] } }`,
    `${u}],`,
    `${u}"request": {`,
    `${u}${u}"method": "POST",`,
    `${u}${u}"header": [],`,
    `${u}${u}"body": {`,
    `${u}${u}${u}"mode": "urlencoded",`,
    `${u}${u}${u}"urlencoded": [`,
    [field('grant_type', '"client_credentials"'), field('client_id', `"{{${clientVar}}}"`), field('client_secret', '"{{CLIENT_SECRET}}"'), field('scope', '"{{SCOPES}}"')]
      .map((f) => `${u}${u}${u}${u}${f}`)
      .join(`,${eol}${ind}`),
    `${u}${u}${u}]`,
    `${u}${u}},`,
    `${u}${u}"url": ${JSON.stringify(`${host}/ims/token/v3`)}`,
    `${u}}`,
    '}',
  ];
  const item = lines.join(`${eol}${ind}`);
  if (first) ed.text = `${ed.text.slice(0, first.start)}${item},${eol}${ind}${ed.text.slice(first.start)}`;
  else ed.text = `${ed.text.slice(0, list.start + 1)}${eol}${ind}${item}${eol}${indentAt(ed.text, list.end - 1)}${ed.text.slice(list.start + 1)}`;
}

export const postmanRewriters: Rewriter[] = [postman];
