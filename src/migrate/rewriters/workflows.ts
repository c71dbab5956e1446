// GitHub workflows: swap the JWT secrets handed to steps for the OAuth Server-to-Server ones.
// The `yaml` Document API locates nodes; edits are line-range splices from `node.range`, because
// doc.toString() re-serialises (`[main]` becomes `[ main ]`, indentation and CRLF change).
// Scopes are written as literals (they are not secret and the PR shows them for review); a
// metascopes value read from a secret/variable becomes a *_SCOPES secret/variable of the same kind.
// Technical account ids stay: OAuth aio contexts and the aio-apps-action still use them.
import { isMap, isScalar, isSeq, type Pair, type Scalar, visit, type YAMLMap } from 'yaml';
import { yamlDocument } from '../../yaml.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { matchFile } from '../../scan/match.js';
// The name tests of the ci rules, so the rewrite removes exactly what the rules flag.
import * as ci from '../../rules/ci.js';
import { linear, type LinearMatch, type LinearRegExp } from '../../regex.js';
import { escapeRegExp, skipBlanks } from '../../text.js';
import { linearJs } from '../linear-js.js';
import { describeScopes } from '../scopes.js';
import { mapOffset } from './code-js.js';
import type { ManualStep, RewriteContext, Rewriter, ScopeChoice } from '../types.js';

const FILE_ADOBE = linear(ci.FILE_ADOBE);
const ADOBE_NAME = linear(ci.ADOBE_NAME);
const OTHER_NAME = linear(ci.OTHER_NAME);
const PRIVATE_KEY_NAME = linear(ci.PRIVATE_KEY_NAME);
const META_SCOPES_NAME = linear(ci.META_SCOPES_NAME);

// The workflows the rule reports: those that run, and example workflows kept beside them to copy
// (`.github/workflows-example/`).
const WORKFLOW = ci.GITHUB_WORKFLOW;
const RULE_IDS = ['ci-aio-apps-action-jwt-auth', 'ci-jwt-private-key-secret', 'ci-jwt-meta-scopes'];
const PLUGIN_RULE = 'ci-aio-jwt-auth-plugin';

const SECRET_REF = linear(/\bsecrets\.([A-Za-z_]\w*)/g);
const METASCOPE_TOKEN = linear(/\bent_[a-z_]+_sdk\b|\bevent_receiver_api\b/g);
/** A comment line above a removed entry or step that is about what we remove. */
const ABOUT_KEY = linear(/private|\bkey\b|jwt|meta_?scope|certificate|\bpem\b|passphrase/i);
/** Steps we may drop when their script only wrote the key: no `uses`, nothing else run. */
const PLAIN_STEP_KEYS = new Set(['name', 'run', 'env', 'shell', 'if', 'id', 'working-directory', 'continue-on-error', 'timeout-minutes']);
// The quotes around a name or path must match: RE2 has no backreference (`(["']?)x\1`), so the
// patterns capture both quotes and `quoted` compares them.
/** `echo "$KEY" > path` or `printf '%s' "${{ secrets.KEY }}" | base64 -d > path`: groups 2/3 name, 6 path. */
const KEY_WRITE = linearJs(
  /^(?:echo(?:[ \t]+-[neE]+)*|printf(?:[ \t]+(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?)[ \t]+(["']?)(?:\$\{?([A-Za-z_]\w*)\}?|\$\{\{[ \t]*secrets\.([A-Za-z_]\w*)[ \t]*\}\})(["']?)(?:[ \t]*\|[ \t]*base64[ \t]+(?:-d|--decode|-D))?[ \t]*>>?[ \t]*(["']?)([^\s"'|;&]+)(["']?)[ \t]*$/,
);
/** `chmod 600 "path"`: group 2 path. */
const CHMOD = linearJs(/^chmod[ \t]+\S+[ \t]+(["']?)([^\s"']+)(["']?)[ \t]*$/);
const NEUTRAL = linear(/^(?:$|#|mkdir[ \t]|set(?:[ \t]+[-+]\w+)+(?:[ \t]+pipefail)?[ \t]*$)/);
const AIO_APPS_ACTION = linear(/^adobe\/aio-apps-action(?:@|$)/);
const ACTION_MAJOR = linear(/@v?(\d+)(?:\.|$)/);
/** A scope list's words (`value.match(/[\w.:/-]+/g)`). */
const SCOPE_WORD = linear(/[\w.:/-]+/g);
const SECRETS_CONTEXT = linear(/\bsecrets\./);

/** A whole `${{ secrets.NAME }}` / `${{ vars.NAME }}` value: group 2 the name. */
const WHOLE_REF = linear(/^\$\{\{[ \t]*(secrets|vars)\.([A-Za-z_]\w*)[ \t]*\}\}$/);
const SECRET_NAME = linear(/secrets\.([A-Za-z_]\w*)/);
const SECRET_OR_VAR_NAME = linear(/(?:secrets|vars)\.([A-Za-z_]\w*)/);
const TECH_ACCOUNT_ID = linear(/(TECHNICAL_?ACC(?:OUNT)?_?)ID/i);
// Names (normalised by `norm`) and keys of the client id, client secret and scopes.
const SCOPES_NAME = linear(/(?:^|_)SCOPES?$/);
const CLIENT_ID_NAME = linear(/(?:^|_)CLIENT_?ID$/);
const CLIENT_SECRET_NAME = linear(/CLIENT_?SECRETS?$/);
const ANY_CLIENT_SECRET = linear(/CLIENT_?SECRET/i);
const CLIENT_ID_KEY = linear(/(client[_-]?)id$/i);
const CLIENT_ID_IN_REF = linear(/(CLIENT_?)ID/i);

const words = (value: string) => [...SCOPE_WORD.matchAll(value)].map((m) => m[0]);
const secretRefs = (text: string) => [...SECRET_REF.matchAll(text)].map((m) => m.group(1)!);

/** Whether each pair of quote groups (`[open, close]`) captured the same quote or none. */
const quoted = (m: LinearMatch, ...pairs: [number, number][]) => pairs.every(([a, b]) => m.group(a) === m.group(b));

const norm = (name: string): string => name.toUpperCase().replaceAll('-', '_').replaceAll('.', '_');

interface Splice {
  start: number;
  end: number;
  text: string;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
}

/** What may stand before a removed key on its line: blanks, a sequence dash, or both. */
const BLANKS = linear(/^[ \t]*$/);
const BLANKS_OR_DASH = linear(/^[ \t]*(?:-[ \t]+)?$/);
const DASH = linear(/^[ \t]*-[ \t]+$/);
/** The rest of a line after a value: blanks and a comment at most. */
const LINE_REST = linearJs(/^[ \t]*(?:#.*)?\r?\n?$/);

/** Whole lines from `start` to the end of the line holding `end` (exclusive), if nothing else shares them. */
function lineSpan(text: string, start: number, end: number, lead: LinearRegExp): [number, number] | null {
  const s = lineStart(text, start);
  if (!lead.test(text.slice(s, start))) return null;
  if (end > 0 && text[end - 1] === '\n') return [s, end];
  const e = lineEnd(text, end);
  return LINE_REST.test(text.slice(end, e)) ? [s, e] : null;
}

const BLANK_LINE = linear(/^[ \t]*\r?\n?$/);

/** Widens a removed line span over comment lines about the key above it and one doubled blank line. */
function widen(text: string, [s, e]: [number, number]): [number, number] {
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    const hash = skipBlanks(text, prev, s);
    if (hash === s || text[hash] !== '#' || !ABOUT_KEY.test(text.slice(prev, s))) break;
    s = prev;
  }
  const blank = (a: number, b: number) => BLANK_LINE.test(text.slice(a, b));
  if (s > 0 && e < text.length && blank(lineStart(text, s - 1), s) && blank(e, lineEnd(text, e))) e = lineEnd(text, e);
  return [s, e];
}

function nodeEnd(pair: Pair): number {
  const v = pair.value as { range?: [number, number, number] } | null;
  return v?.range ? v.range[1] : ((pair.key as Scalar).range?.[1] ?? 0);
}

function pairName(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

function scalarText(text: string, node: unknown): string {
  return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : '';
}

const PLAIN_SCALAR = linear(/^[\w.,:/-]+$/);

function formatLike(value: string, orig: Scalar | null): string {
  if (orig?.type === 'QUOTE_DOUBLE') return `"${value}"`;
  if (orig?.type === 'QUOTE_SINGLE' || !PLAIN_SCALAR.test(value)) return `'${value}'`;
  return value;
}

const META_SCOPES_WORD = linear(/meta[_-]?scopes?/i);

/** META_SCOPES -> SCOPES, ADOBE_METASCOPES -> ADOBE_SCOPES (keeps the case). */
function scopesName(name: string): string {
  return META_SCOPES_WORD.replace(name, (m) => (m[0] === m[0].toUpperCase() ? 'SCOPES' : 'scopes'));
}

class WorkflowEdit {
  splices: Splice[] = [];
  removed: [number, number][] = [];
  /** Env names that must no longer be referenced once removed or renamed. */
  gone = new Set<string>();
  keyPaths = new Set<string>();
  dropSecrets = new Set<string>();
  addSecrets = new Set<string>();
  addVariables = new Set<string>();
  placeholder: ScopeChoice | null = null;
  notes: { pos: number; ruleId: string; instructions: string }[] = [];
  ok = true;
  readonly eol: string;
  readonly fileAdobe: boolean;

  constructor(
    readonly text: string,
    readonly ctx: RewriteContext,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.fileAdobe = FILE_ADOBE.test(text);
  }

  adobe(names: string[]): boolean {
    return names.some((n) => ADOBE_NAME.test(n)) || (this.fileAdobe && !names.some((n) => OTHER_NAME.test(n)));
  }

  isKeyVar(name: string): boolean {
    const n = norm(name);
    return PRIVATE_KEY_NAME.test(n) && this.adobe([n]);
  }

  inRemoved(pos: number): boolean {
    return this.removed.some(([s, e]) => pos >= s && pos < e);
  }

  remove(span: [number, number] | null): boolean {
    if (!span) return (this.ok = false);
    const w = widen(this.text, span);
    this.removed.push(w);
    this.splices.push({ start: w[0], end: w[1], text: '' });
    return true;
  }

  removePair(pair: Pair): boolean {
    const key = pair.key as Scalar;
    if (!key.range) return (this.ok = false);
    for (const m of SECRET_REF.matchAll(this.text.slice(key.range[0], nodeEnd(pair)))) this.dropSecrets.add(m.group(1)!);
    return this.remove(lineSpan(this.text, key.range[0], nodeEnd(pair), BLANKS));
  }

  /** Adds `name: value` on a new line after `after` (a pair of the same block map). */
  insertAfter(after: Pair, name: string, value: string): void {
    const key = after.key as Scalar;
    const span = key.range && lineSpan(this.text, key.range[0], nodeEnd(after), BLANKS_OR_DASH);
    if (!span || !key.range) {
      this.ok = false;
      return;
    }
    const indent = ' '.repeat(key.range[0] - span[0]);
    this.splices.push({ start: span[1], end: span[1], text: `${indent}${name}: ${value}${this.eol}` });
  }

  replace(node: Scalar | null, value: string): void {
    if (!node?.range) {
      this.ok = false;
      return;
    }
    this.splices.push({ start: node.range[0], end: node.range[1], text: value });
  }

  scopesFor(metascopes: string[]): ScopeChoice {
    const choice = this.ctx.scopes(metascopes);
    if (choice.source === 'placeholder') this.placeholder ??= choice;
    return choice;
  }

  /** Drops a step whose script only writes the private key to a file, or those lines of a block script. */
  keyWriterStep(step: YAMLMap, itemStart: number, itemEnd: number): void {
    const run = step.get('run', true);
    if (!isScalar(run) || !run.range) return;
    const src = this.text.slice(run.range[0], run.range[1]);
    const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
    // Lines of the script with their offsets (a block scalar starts after its header line).
    const lines: { start: number; end: number; body: string }[] = [];
    let pos = block ? lineEnd(this.text, run.range[0]) : run.range[0];
    const stop = run.range[1];
    while (pos < stop) {
      const end = block ? Math.min(lineEnd(this.text, pos), stop) : stop;
      const raw = this.text.slice(pos, end);
      lines.push({ start: pos, end, body: (block ? raw : String(run.value)).trim() });
      pos = end;
    }
    if (!block && run.type !== 'PLAIN' && src.includes('\n')) return;
    const writes = lines.filter((l) => {
      const m = KEY_WRITE.exec(l.body);
      if (!m || !quoted(m, [1, 4], [5, 7])) return false;
      const name = m.group(2) ?? m.group(3);
      if (!name || !this.isKeyVar(name)) return false;
      this.keyPaths.add(m.group(6)!);
      const secret = m.group(3);
      if (secret) this.dropSecrets.add(secret);
      return true;
    });
    if (!writes.length) return;
    const chmods = lines.filter((l) => {
      const m = CHMOD.exec(l.body);
      return !!m && quoted(m, [1, 3]) && this.keyPaths.has(m.group(2)!);
    });
    const rest = lines.filter((l) => !writes.includes(l) && !chmods.includes(l));
    const plainStep = step.items.every((p) => PLAIN_STEP_KEYS.has(pairName(p) ?? ''));
    const id = step.get('id');
    const referenced = typeof id === 'string' && this.text.includes(`steps.${id}.`);
    if (rest.every((l) => NEUTRAL.test(l.body)) && plainStep && !referenced) {
      for (const p of step.items) {
        const pairText = this.text.slice((p.key as Scalar).range?.[0] ?? 0, nodeEnd(p));
        for (const m of SECRET_REF.matchAll(pairText)) this.dropSecrets.add(m.group(1)!);
      }
      this.remove(lineSpan(this.text, itemStart, itemEnd, DASH));
    } else if (run.type === 'BLOCK_LITERAL') {
      for (const l of [...writes, ...chmods]) this.remove([l.start, l.end]);
    }
  }

  /** adobe/aio-apps-action: `command: auth` + KEY becomes `command: oauth_sts` + TECHNICALACCOUNTEMAIL + SCOPES. */
  aioAppsStep(step: YAMLMap): void {
    const w = step.get('with', true);
    if (!isMap(w) || w.flow) return;
    const find = (n: string) => w.items.find((p) => pairName(p) === n) as Pair | undefined;
    const cmd = find('command')?.value;
    const key = find('KEY');
    if (key) this.removePair(key);
    if (!isScalar(cmd) || String(cmd.value).trim() !== 'auth') return;
    this.replace(cmd, scalarText(this.text, cmd).replace('auth', 'oauth_sts'));
    // oauth_sts arrived in aio-apps-action 3.0.0 (adobe/generator-aio-app#243); a pinned SHA cannot be judged.
    const uses = step.get('uses', true);
    const major = ACTION_MAJOR.exec(scalarText(this.text, uses))?.group(1);
    if (isScalar(uses) && uses.range && major && Number(major) < 3) {
      this.notes.push({
        pos: uses.range[0],
        ruleId: 'ci-aio-apps-action-jwt-auth',
        instructions: 'adobe/aio-apps-action supports `command: oauth_sts` from version 3.0.0: upgrade this and the other adobe/aio-apps-action steps of the workflow (the README uses 3.3.0).',
      });
    }
    const kept = w.items.filter((p) => p !== key) as Pair[];
    const last = kept[kept.length - 1];
    if (!last) {
      this.ok = false;
      return;
    }
    const techId = find('TECHNICALACCOUNTID');
    if (!find('TECHNICALACCOUNTEMAIL')) {
      const ref = SECRET_NAME.exec(scalarText(this.text, techId?.value))?.group(1);
      const emailSecret = ref && TECH_ACCOUNT_ID.test(ref) ? TECH_ACCOUNT_ID.replace(ref, (m) => `${m.group(1)}EMAIL`) : 'TECHNICAL_ACCOUNT_EMAIL';
      // Not a secret: an Actions variable, as the Console shows it to anyone on the project.
      this.insertAfter(techId ?? last, 'TECHNICALACCOUNTEMAIL', `\${{ vars.${emailSecret} }}`);
      this.addVariables.add(emailSecret);
    }
    const scopes = find('SCOPES');
    const scopesValue = scopes?.value as Scalar | null | undefined;
    if (!scopes) {
      // The action's JWT auth needed the I/O Management API on the credential; its OAuth scopes are confirmed.
      this.insertAfter(find('IMSORGID') ?? last, 'SCOPES', formatLike(this.scopesFor(['ent_adobeio_sdk']).value, null));
    } else if (isScalar(scopesValue) && !String(scopesValue.value).includes('${{')) {
      const metascopes = words(String(scopesValue.value));
      this.replace(scopesValue, formatLike(this.scopesFor(metascopes).value, scopesValue));
    } else if (scopesValue?.range) {
      this.notes.push({
        pos: scopesValue.range[0],
        ruleId: 'ci-aio-apps-action-jwt-auth',
        instructions:
          'With `command: oauth_sts` the SCOPES input is a comma-separated list of OAuth scopes, not JWT metascopes: update the secret or variable it reads to the scopes shown on the OAuth Server-to-Server credential in the Adobe Developer Console.',
      });
    }
  }

  /**
   * An env map: drop private-key entries, metascopes become scopes; then the client secret and
   * scopes are ensured. `outer` says whether an enclosing env (workflow, job) already gives scopes.
   * Returns whether this map (or an outer one) gives scopes afterwards.
   */
  envMap(envPair: Pair, map: YAMLMap, outer: boolean): boolean {
    if (map.flow) return outer;
    let touched = false;
    let hasScopes = outer;
    const pairs = map.items as Pair[];
    const names = new Set(pairs.map((p) => norm(pairName(p) ?? '')));
    const isKey = (pair: Pair) => {
      const all = [norm(pairName(pair) ?? ''), ...secretRefs(scalarText(this.text, pair.value)).map(norm)];
      const pointsAtKey = isScalar(pair.value) && this.keyPaths.has(String(pair.value.value).trim());
      return (all.some((n) => PRIVATE_KEY_NAME.test(n)) && this.adobe(all)) || pointsAtKey;
    };
    if (pairs.length && pairs.every(isKey)) {
      // Nothing but the key: drop the whole `env:` (an empty one is null, which Actions rejects).
      for (const p of pairs) this.gone.add(pairName(p) ?? '');
      this.removePair(envPair);
      return outer;
    }
    for (const pair of pairs) {
      const name = pairName(pair);
      if (!name || !(pair.key as Scalar).range) continue;
      const value = pair.value as Scalar | null;
      const src = scalarText(this.text, value);
      const refs = secretRefs(src);
      const all = [norm(name), ...refs.map(norm)];
      if (isKey(pair)) {
        this.removePair(pair);
        this.gone.add(name);
        touched = true;
      } else if (all.some((n) => META_SCOPES_NAME.test(n)) && this.adobe(all)) {
        touched = true;
        hasScopes = true;
        this.metaScopesEntry(pair, name, value, src, names);
      } else if (SCOPES_NAME.test(norm(name))) hasScopes = true;
    }
    return (touched && this.ensureOAuth(pairs, hasScopes)) || hasScopes;
  }

  metaScopesEntry(pair: Pair, name: string, value: Scalar | null, src: string, names: Set<string>): void {
    const newName = META_SCOPES_NAME.test(norm(name)) ? scopesName(name) : name;
    if (newName !== name) {
      this.gone.add(name);
      if (names.has(norm(newName))) {
        this.removePair(pair); // a scopes entry is already there
        return;
      }
      this.replace(pair.key as Scalar, newName);
    }
    const refName = WHOLE_REF.exec(src)?.group(2);
    if (refName) {
      const renamed = scopesName(refName);
      if (renamed === refName) return;
      // Scopes are not secret: the renamed reference reads an Actions variable.
      this.replace(value, SECRETS_CONTEXT.replace(src.replace(refName, renamed), 'vars.'));
      this.dropSecrets.add(refName);
      this.addVariables.add(renamed);
    } else if (isScalar(value) && !src.includes('${{')) {
      const metascopes = words(String(value.value));
      this.replace(value, formatLike(this.scopesFor(metascopes).value, value));
    } else this.ok = false;
  }

  /** A map that fed the JWT flow gets the client secret and scopes the OAuth request needs; true if scopes were added. */
  ensureOAuth(pairs: Pair[], hasScopes: boolean): boolean {
    const live = pairs.filter((p) => !this.inRemoved((p.key as Scalar).range?.[0] ?? -1));
    const clientId = live.find((p) => CLIENT_ID_NAME.test(norm(pairName(p) ?? '')));
    if (!clientId) return false;
    const idName = pairName(clientId) ?? '';
    let anchor = live.find((p) => CLIENT_SECRET_NAME.test(norm(pairName(p) ?? '')));
    // The JWT flow needed the client secret too: if the file passes one anywhere, it is wired already.
    if (!anchor && !ANY_CLIENT_SECRET.test(this.text)) {
      const ref = SECRET_OR_VAR_NAME.exec(scalarText(this.text, clientId.value))?.group(1);
      const secretKey = CLIENT_ID_KEY.replace(idName, (m) => {
        const c = m.group(1)!;
        return `${c}${c === c.toUpperCase() ? 'SECRET' : 'secret'}`;
      });
      const secret = ref && CLIENT_ID_IN_REF.test(ref) ? CLIENT_ID_IN_REF.replace(ref, (m) => `${m.group(1)}SECRET`) : norm(secretKey);
      this.insertAfter(clientId, secretKey, `\${{ secrets.${secret} }}`);
      this.addSecrets.add(secret);
    }
    if (hasScopes) return false;
    const scopesKey = CLIENT_ID_KEY.replace(idName, (m) => (m[0] === m[0].toUpperCase() ? 'SCOPES' : 'scopes'));
    const metascopes = [...METASCOPE_TOKEN.matchAll(this.text)].map((m) => m[0]);
    this.insertAfter(anchor ?? clientId, scopesKey, formatLike(this.scopesFor(metascopes).value, null));
    return true;
  }
}

function apply(text: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping edits');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

const lineOf = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

const refersTo = (text: string, name: string) => {
  const n = escapeRegExp(name);
  return linear(String.raw`\$\{?${n}\b|\b(?:env|secrets|vars)\.${n}\b|\$env:${n}\b|%${n}%`).test(text);
};

export const githubWorkflow: Rewriter = {
  name: 'GitHub workflow secrets',
  ruleIds: RULE_IDS,
  rewrite(ctx) {
    const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => RULE_IDS.includes(id));
    // The aio JWT plugin still needs the key: swapping secrets around it would half-migrate the file.
    // native-regex: a file path
    if (!WORKFLOW.test(ctx.file) || !ids.length || ctx.findings.some((f) => f.ruleId === PLUGIN_RULE)) return null;
    const text = ctx.text;
    const doc = yamlDocument(text, { uniqueKeys: false });
    if (doc.errors.length) return null;
    const st = new WorkflowEdit(text, ctx);

    const steps: { map: YAMLMap; start: number; end: number; seq: unknown }[] = [];
    visit(doc, {
      Pair(_, pair) {
        if (pairName(pair as Pair) !== 'steps' || !isSeq(pair.value)) return;
        for (const item of pair.value.items) if (isMap(item) && item.range) steps.push({ map: item, start: item.range[0], end: item.range[1], seq: pair.value });
      },
    });
    for (const s of steps) {
      const uses = s.map.get('uses');
      if (typeof uses === 'string' && AIO_APPS_ACTION.test(uses.trim())) st.aioAppsStep(s.map);
      else st.keyWriterStep(s.map, s.start, s.end);
    }
    // Env maps outer first (workflow, job, step), so a map knows whether an enclosing one gives scopes.
    const scoped = new Map<unknown, boolean>();
    visit(doc, {
      Pair(_, pair, path) {
        const key = (pair as Pair).key as Scalar;
        if (pairName(pair as Pair) !== 'env' || !isMap(pair.value) || st.inRemoved(key.range?.[0] ?? -1)) return;
        const outer = path.some((n) => scoped.get(n) === true);
        scoped.set(path[path.length - 1], st.envMap(pair as Pair, pair.value, outer));
      },
    });
    if (!st.ok) return null;
    // A job left without steps is invalid: a person decides what it should run.
    const kept = new Set(steps.filter((s) => !st.inRemoved(s.start)).map((s) => s.seq));
    if (steps.some((s) => !kept.has(s.seq))) return null;

    const splices = st.splices;
    const out = apply(text, splices);
    if (out === text || yamlDocument(out, { uniqueKeys: false }).errors.length) return null;
    const rules = RULE_IDS.map((id) => RULES_BY_ID.get(id)).filter((r) => r !== undefined);
    if (matchFile(rules, { path: ctx.file, text: out }).findings.length) return null;
    if ([...st.gone].some((n) => refersTo(out, n)) || [...st.keyPaths].some((p) => out.includes(p))) return null;

    const manual: ManualStep[] = st.notes.map((n) => ({ file: ctx.file, line: lineOf(out, mapOffset(splices, n.pos)), ruleId: n.ruleId, instructions: n.instructions }));
    if (st.placeholder) {
      const at = out.indexOf(st.placeholder.value);
      manual.push({
        file: ctx.file,
        line: lineOf(out, Math.max(0, at)),
        ruleId: ids.includes('ci-jwt-meta-scopes') ? 'ci-jwt-meta-scopes' : ids[0],
        instructions: `Fill in the OAuth scopes in this workflow: ${describeScopes(st.placeholder)}.`,
      });
    }
    return {
      ruleIds: ids,
      text: out,
      manual,
      secrets: {
        add: [...st.addSecrets].filter((s) => !refersTo(text, s)).sort(),
        variables: [...st.addVariables].filter((s) => !refersTo(text, s)).sort(),
        remove: [...st.dropSecrets].filter((s) => !refersTo(out, s)).sort(),
      },
    };
  },
};

export const workflowsRewriters: Rewriter[] = [githubWorkflow];
