// GitHub workflows: swap the JWT secrets handed to steps for the OAuth Server-to-Server ones.
// The `yaml` Document API locates nodes; edits are line-range splices from `node.range`, because
// doc.toString() re-serialises (`[main]` becomes `[ main ]`, indentation and CRLF change).
// Scopes are written as literals (they are not secret and the PR shows them for review); a
// metascopes value read from a secret/variable becomes a *_SCOPES secret/variable of the same kind.
// Technical account ids stay: OAuth aio contexts and the aio-apps-action still use them.
import { isMap, isScalar, isSeq, type Pair, parseDocument, type Scalar, visit, type YAMLMap } from 'yaml';
import { RULES_BY_ID } from '../../rules/index.js';
import { matchFile } from '../../scan/match.js';
// The name tests of the ci rules, so the rewrite removes exactly what the rules flag.
import { ADOBE_NAME, FILE_ADOBE, META_SCOPES_NAME, OTHER_NAME, PRIVATE_KEY_NAME } from '../../rules/ci.js';
import { escapeRegExp } from '../../text.js';
import { describeScopes } from '../scopes.js';
import type { ManualStep, RewriteContext, Rewriter, ScopeChoice } from '../types.js';

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const RULE_IDS = ['ci-aio-apps-action-jwt-auth', 'ci-jwt-private-key-secret', 'ci-jwt-meta-scopes'];
const PLUGIN_RULE = 'ci-aio-jwt-auth-plugin';

const SECRET_REF = /\bsecrets\.([A-Za-z_]\w*)/g;
const METASCOPE_TOKEN = /\bent_[a-z_]+_sdk\b|\bevent_receiver_api\b/g;
/** A comment line above a removed entry or step that is about what we remove. */
const ABOUT_KEY = /private|\bkey\b|jwt|meta_?scope|certificate|\bpem\b|passphrase/i;
/** Steps we may drop when their script only wrote the key: no `uses`, nothing else run. */
const PLAIN_STEP_KEYS = new Set(['name', 'run', 'env', 'shell', 'if', 'id', 'working-directory', 'continue-on-error', 'timeout-minutes']);
const KEY_WRITE =
  /^(?:echo(?:[ \t]+-[neE]+)*|printf(?:[ \t]+(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?)[ \t]+(["']?)(?:\$\{?([A-Za-z_]\w*)\}?|\$\{\{[ \t]*secrets\.([A-Za-z_]\w*)[ \t]*\}\})\1(?:[ \t]*\|[ \t]*base64[ \t]+(?:-d|--decode|-D))?[ \t]*>>?[ \t]*(["']?)([^\s"'|;&]+)\4[ \t]*$/;
const CHMOD = /^chmod[ \t]+\S+[ \t]+(["']?)([^\s"']+)\1[ \t]*$/;
const NEUTRAL = /^(?:$|#|mkdir[ \t]|set(?:[ \t]+[-+]\w+)+(?:[ \t]+pipefail)?[ \t]*$)/;

const norm = (name: string): string => name.toUpperCase().replace(/[-.]/g, '_');

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

/** Whole lines from `start` to the end of the line holding `end` (exclusive), if nothing else shares them. */
function lineSpan(text: string, start: number, end: number, lead: RegExp): [number, number] | null {
  const s = lineStart(text, start);
  if (!lead.test(text.slice(s, start))) return null;
  if (end > 0 && text[end - 1] === '\n') return [s, end];
  const e = lineEnd(text, end);
  return /^[ \t]*(?:#.*)?\r?\n?$/.test(text.slice(end, e)) ? [s, e] : null;
}

/** Widens a removed line span over comment lines about the key above it and one doubled blank line. */
function widen(text: string, [s, e]: [number, number]): [number, number] {
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    if (!/^[ \t]*#/.test(text.slice(prev, s)) || !ABOUT_KEY.test(text.slice(prev, s))) break;
    s = prev;
  }
  const blank = (a: number, b: number) => /^[ \t]*\r?\n?$/.test(text.slice(a, b));
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

function formatLike(value: string, orig: Scalar | null): string {
  if (orig?.type === 'QUOTE_DOUBLE') return `"${value}"`;
  if (orig?.type === 'QUOTE_SINGLE' || !/^[\w.,:/-]+$/.test(value)) return `'${value}'`;
  return value;
}

/** META_SCOPES -> SCOPES, ADOBE_METASCOPES -> ADOBE_SCOPES (keeps the case). */
function scopesName(name: string): string {
  return name.replace(/meta[_-]?scopes?/i, (m) => (m === m.toUpperCase() ? 'SCOPES' : 'scopes'));
}

class WorkflowEdit {
  splices: Splice[] = [];
  removed: [number, number][] = [];
  /** Env names that must no longer be referenced once removed or renamed. */
  gone = new Set<string>();
  keyPaths = new Set<string>();
  dropSecrets = new Set<string>();
  addSecrets = new Set<string>();
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
    for (const m of this.text.slice(key.range[0], nodeEnd(pair)).matchAll(SECRET_REF)) this.dropSecrets.add(m[1]);
    return this.remove(lineSpan(this.text, key.range[0], nodeEnd(pair), /^[ \t]*$/));
  }

  /** Adds `name: value` on a new line after `after` (a pair of the same block map). */
  insertAfter(after: Pair, name: string, value: string): void {
    const key = after.key as Scalar;
    const span = key.range && lineSpan(this.text, key.range[0], nodeEnd(after), /^[ \t]*(?:-[ \t]+)?$/);
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
    if (!block && run.type !== 'PLAIN' && /\n/.test(src)) return;
    const writes = lines.filter((l) => {
      const m = KEY_WRITE.exec(l.body);
      const name = m && (m[2] ?? m[3]);
      if (!m || !name || !this.isKeyVar(name)) return false;
      this.keyPaths.add(m[5]);
      if (m[3]) this.dropSecrets.add(m[3]);
      return true;
    });
    if (!writes.length) return;
    const chmods = lines.filter((l) => {
      const m = CHMOD.exec(l.body);
      return !!m && this.keyPaths.has(m[2]);
    });
    const rest = lines.filter((l) => !writes.includes(l) && !chmods.includes(l));
    const plainStep = step.items.every((p) => PLAIN_STEP_KEYS.has(pairName(p) ?? ''));
    const id = step.get('id');
    const referenced = typeof id === 'string' && this.text.includes(`steps.${id}.`);
    if (rest.every((l) => NEUTRAL.test(l.body)) && plainStep && !referenced) {
      for (const p of step.items) for (const m of this.text.slice((p.key as Scalar).range?.[0] ?? 0, nodeEnd(p)).matchAll(SECRET_REF)) this.dropSecrets.add(m[1]);
      this.remove(lineSpan(this.text, itemStart, itemEnd, /^[ \t]*-[ \t]+$/));
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
    const major = /@v?(\d+)(?:\.|$)/.exec(scalarText(this.text, uses))?.[1];
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
      const ref = /secrets\.([A-Za-z_]\w*)/.exec(scalarText(this.text, techId?.value))?.[1];
      const emailSecret = ref && /TECHNICAL_?ACC(?:OUNT)?_?ID/i.test(ref) ? ref.replace(/(TECHNICAL_?ACC(?:OUNT)?_?)ID/i, '$1EMAIL') : 'TECHNICAL_ACCOUNT_EMAIL';
      this.insertAfter(techId ?? last, 'TECHNICALACCOUNTEMAIL', `\${{ secrets.${emailSecret} }}`);
      this.addSecrets.add(emailSecret);
    }
    const scopes = find('SCOPES');
    const scopesValue = scopes?.value as Scalar | null | undefined;
    if (!scopes) {
      // The action's JWT auth needed the I/O Management API on the credential; its OAuth scopes are confirmed.
      this.insertAfter(find('IMSORGID') ?? last, 'SCOPES', formatLike(this.scopesFor(['ent_adobeio_sdk']).value, null));
    } else if (isScalar(scopesValue) && !String(scopesValue.value).includes('${{')) {
      const metascopes = String(scopesValue.value).match(/[\w.:/-]+/g) ?? [];
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
      const all = [norm(pairName(pair) ?? ''), ...[...scalarText(this.text, pair.value).matchAll(SECRET_REF)].map((m) => norm(m[1]))];
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
      const refs = [...src.matchAll(SECRET_REF)].map((m) => m[1]);
      const all = [norm(name), ...refs.map(norm)];
      if (isKey(pair)) {
        this.removePair(pair);
        this.gone.add(name);
        touched = true;
      } else if (all.some((n) => META_SCOPES_NAME.test(n)) && this.adobe(all)) {
        touched = true;
        hasScopes = true;
        this.metaScopesEntry(pair, name, value, src, names);
      } else if (/(?:^|_)SCOPES?$/.test(norm(name))) hasScopes = true;
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
    const ref = /^\$\{\{[ \t]*(secrets|vars)\.([A-Za-z_]\w*)[ \t]*\}\}$/.exec(src);
    if (ref) {
      const renamed = scopesName(ref[2]);
      if (renamed === ref[2]) return;
      this.replace(value, src.replace(ref[2], renamed));
      this.dropSecrets.add(ref[2]);
      this.addSecrets.add(renamed);
    } else if (isScalar(value) && !src.includes('${{')) {
      const metascopes = String(value.value).match(/[\w.:/-]+/g) ?? [];
      this.replace(value, formatLike(this.scopesFor(metascopes).value, value));
    } else this.ok = false;
  }

  /** A map that fed the JWT flow gets the client secret and scopes the OAuth request needs; true if scopes were added. */
  ensureOAuth(pairs: Pair[], hasScopes: boolean): boolean {
    const live = pairs.filter((p) => !this.inRemoved((p.key as Scalar).range?.[0] ?? -1));
    const clientId = live.find((p) => /(?:^|_)CLIENT_?ID$/.test(norm(pairName(p) ?? '')));
    if (!clientId) return false;
    const idName = pairName(clientId) ?? '';
    let anchor = live.find((p) => /CLIENT_?SECRETS?$/.test(norm(pairName(p) ?? '')));
    // The JWT flow needed the client secret too: if the file passes one anywhere, it is wired already.
    if (!anchor && !/CLIENT_?SECRET/i.test(this.text)) {
      const ref = /(?:secrets|vars)\.([A-Za-z_]\w*)/.exec(scalarText(this.text, clientId.value))?.[1];
      const secretKey = idName.replace(/(client[_-]?)id$/i, (_, c: string) => `${c}${c === c.toUpperCase() ? 'SECRET' : 'secret'}`);
      const secret = ref && /CLIENT_?ID/i.test(ref) ? ref.replace(/(CLIENT_?)ID/i, '$1SECRET') : norm(secretKey);
      this.insertAfter(clientId, secretKey, `\${{ secrets.${secret} }}`);
      this.addSecrets.add(secret);
    }
    if (hasScopes) return false;
    const scopesKey = idName.replace(/client[_-]?id$/i, (m) => (m === m.toUpperCase() ? 'SCOPES' : 'scopes'));
    const metascopes = this.text.match(METASCOPE_TOKEN) ?? [];
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

/** Maps an offset of the old text to the new one. */
function mapOffset(splices: Splice[], pos: number): number {
  let delta = 0;
  for (const s of splices) if (s.end <= pos) delta += s.text.length - (s.end - s.start);
  return pos + delta;
}

const lineOf = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

const refersTo = (text: string, name: string) => {
  const n = escapeRegExp(name);
  return new RegExp(`\\$\\{?${n}\\b|\\b(?:env|secrets|vars)\\.${n}\\b|\\$env:${n}\\b|%${n}%`).test(text);
};

export const githubWorkflow: Rewriter = {
  name: 'GitHub workflow secrets',
  ruleIds: RULE_IDS,
  rewrite(ctx) {
    const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => RULE_IDS.includes(id));
    // The aio JWT plugin still needs the key: swapping secrets around it would half-migrate the file.
    if (!WORKFLOW.test(ctx.file) || !ids.length || ctx.findings.some((f) => f.ruleId === PLUGIN_RULE)) return null;
    const text = ctx.text;
    const doc = parseDocument(text, { uniqueKeys: false });
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
      if (typeof uses === 'string' && /^adobe\/aio-apps-action(?:@|$)/.test(uses.trim())) st.aioAppsStep(s.map);
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
    if (out === text || parseDocument(out, { uniqueKeys: false }).errors.length) return null;
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
        remove: [...st.dropSecrets].filter((s) => !refersTo(out, s)).sort(),
      },
    };
  },
};

export const workflowsRewriters: Rewriter[] = [githubWorkflow];
