// Span editing shared by the config rewriters (aio, workspace, pyconfigs, postman): every edit
// replaces a span located from a parse, and the rest of the file stays byte for byte as it was.
import { linear } from '../regex.js';
import { RULES_BY_ID } from '../rules/index.js';
import { matchFile } from '../scan/match.js';
import { describeScopes, SCOPES_PLACEHOLDER } from './scopes.js';
import { eolOf, indentAt, isBlank, isSpace, lineAt, lineStartOf, listItems } from '../text.js';
import type { ManualStep, ScopeChoice } from './types.js';

export { eolOf, indentAt, lineAt, lineStartOf };

/** The JWT exchange's path in a URL, and what it becomes (every rewriter that moves a URL). */
export const EXCHANGE_PATH = linear(/ims\/exchange\/(?:v1\/)?jwt\/?/g);
export const TOKEN_PATH = 'ims/token/v3';

export const EMAIL_PLACEHOLDER = 'REPLACE_WITH_TECHNICAL_ACCOUNT_EMAIL_FROM_DEVELOPER_CONSOLE';
export const ACCOUNT_ID_PLACEHOLDER = 'REPLACE_WITH_TECHNICAL_ACCOUNT_ID_FROM_DEVELOPER_CONSOLE';
export const SECRET_PLACEHOLDER = 'REPLACE_WITH_CLIENT_SECRET_FROM_DEVELOPER_CONSOLE';

/** True when the rule still reports something in this text (the harness re-scans the same way). */
export function stillFlags(file: string, text: string, ruleId: string): boolean {
  const rule = RULES_BY_ID.get(ruleId);
  return !!rule && matchFile([rule], { path: file, text }).findings.length > 0;
}


export function scopesStep(file: string, line: number, ruleId: string, choice: ScopeChoice): ManualStep[] {
  if (choice.value !== SCOPES_PLACEHOLDER) return [];
  return [{ file, line, ruleId, instructions: `Fill in the OAuth scopes: ${describeScopes(choice)}.` }];
}

export function placeholderStep(file: string, line: number, ruleId: string, what: string, placeholder: string): ManualStep {
  return {
    file,
    line,
    ruleId,
    instructions: `Replace ${placeholder} with the ${what} of the OAuth Server-to-Server credential (Adobe Developer Console > project > credential).`,
  };
}

export interface JNode {
  kind: 'object' | 'array' | 'value';
  start: number;
  end: number;
  members: JMember[];
  items: JNode[];
  value?: unknown;
}
export interface JMember {
  key: string;
  /** Offset of the key's opening quote. */
  start: number;
  value: JNode;
}

const JSON_SPACE = ' \t\n\r';
const VALUE_END = ' \t\n\r,]}';

/** A position-annotated tree of a valid JSON text (duplicate keys kept in order), or null. */
export function parseJson(text: string): JNode | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let i = 0;
  // The text parsed, so between tokens there is only JSON whitespace, and a bare value (number,
  // true, false, null) runs up to whitespace, `,`, `]` or `}`.
  const ws = () => {
    while (i < text.length && JSON_SPACE.includes(text[i])) i++;
  };
  const str = (): string => {
    const s = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(s, i)) as string;
  };
  const node = (): JNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      const n: JNode = { kind: c === '{' ? 'object' : 'array', start, end: 0, members: [], items: [] };
      i++;
      ws();
      while (text[i] !== (c === '{' ? '}' : ']')) {
        if (c === '{') {
          const at = i;
          const key = str();
          ws();
          i++; // :
          n.members.push({ key, start: at, value: node() });
        } else n.items.push(node());
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      n.end = i;
      return n;
    }
    if (c === '"') str();
    else while (i < text.length && !VALUE_END.includes(text[i])) i++;
    return { kind: 'value', start, end: i, members: [], items: [], value: JSON.parse(text.slice(start, i)) };
  };
  return node();
}

export function member(obj: JNode, key: string): JMember | undefined {
  return obj.members.find((m) => m.key === key);
}

/** The node at a path of keys and indexes. */
export function nodeAt(root: JNode, path: (string | number)[]): JNode | undefined {
  let n: JNode | undefined = root;
  for (const p of path) {
    if (!n) return undefined;
    n = typeof p === 'number' ? n.items[p] : member(n, p)?.value;
  }
  return n;
}

/** Whether only blanks stand before `at` on its line (a scan back over the indent alone). */
function ownLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n';
}

/** Removes element `idx` of an object's members or an array's items, with its comma and own lines. */
export function removeElement(text: string, container: JNode, idx: number): string {
  const spans = container.kind === 'object' ? container.members.map((m) => [m.start, m.value.end]) : container.items.map((n) => [n.start, n.end]);
  const [s, e] = spans[idx];
  if (idx < spans.length - 1) {
    const next = spans[idx + 1][0];
    if (ownLine(text, s) && ownLine(text, next)) return text.slice(0, lineStartOf(text, s)) + text.slice(lineStartOf(text, next));
    return text.slice(0, s) + text.slice(next);
  }
  if (idx > 0) return text.slice(0, spans[idx - 1][1]) + text.slice(e);
  return text.slice(0, container.start + 1) + text.slice(container.end - 1);
}

/** Inserts members (`"key": value` texts) after member `idx`, each on its own line when the object is. */
export function insertMembers(text: string, obj: JNode, idx: number, entries: string[]): string {
  if (!entries.length) return text;
  const prev = obj.members[idx];
  if (!prev) {
    // empty object or insert at the front: put them first
    const first = obj.members[0];
    if (!first) return text.slice(0, obj.start + 1) + entries.join(', ') + text.slice(obj.start + 1);
    const sep = ownLine(text, first.start) ? `,${eolOf(text)}${indentAt(text, first.start)}` : ', ';
    return text.slice(0, first.start) + entries.join(sep) + sep + text.slice(first.start);
  }
  const sep = ownLine(text, prev.start) ? `,${eolOf(text)}${indentAt(text, prev.start)}` : ', ';
  const at = prev.value.end;
  return text.slice(0, at) + entries.map((e) => sep + e).join('') + text.slice(at);
}

/** A renderer of raw JSON item texts as an array laid out like `like` (or like the object it goes in). */
export function arrayStyle(text: string, like: JNode | undefined, memberIndent: string, unit: string): (items: string[]) => string {
  const eol = eolOf(text);
  if (like && like.kind === 'array') {
    const inner = text.slice(like.start + 1, like.end - 1);
    if (inner.includes('\n') && like.items.length) {
      const ind = indentAt(text, like.items[0].start);
      const close = indentAt(text, like.end - 1);
      return (items) => `[${eol}${items.map((x) => ind + x).join(`,${eol}`)}${eol}${close}]`;
    }
    const sep = like.items.length > 1 ? text.slice(like.items[0].end, like.items[1].start) : ', ';
    const pad = isSpace(inner[0]) ? ' ' : '';
    return (items) => `[${pad}${items.join(sep)}${pad}]`;
  }
  if (unit) return (items) => `[${eol}${items.map((x) => memberIndent + unit + x).join(`,${eol}`)}${eol}${memberIndent}]`;
  return (items) => `[${items.join(', ')}]`;
}

/** The indentation step of a multi-line object (member indent minus the object's line indent). */
export function indentUnit(text: string, obj: JNode): string {
  const m = obj.members[0];
  if (!m || !ownLine(text, m.start)) return '';
  const inner = indentAt(text, m.start);
  const outer = indentAt(text, obj.start);
  return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '  ';
}

/** A metascope or scope list from an array, a JSON array string or a comma/space separated string. */
export function metascopeList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      try {
        return metascopeList(JSON.parse(t));
      } catch {
        /* not JSON: split below */
      }
    }
    return listItems(t);
  }
  return [];
}

/** Test code: a tests folder, or a file named as a test (`test_x.py`, `x_test.go`, `x.spec.ts`). */
export const TEST_PATH = linear(
  /(?:^|\/)(?:__tests__|tests?|spec|e2e)\/|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go)$|\.(?:test|spec)\.[cm]?[jt]sx?$/,
);
