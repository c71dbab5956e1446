// Libraries that offered JWT as one authentication option beside OAuth choose it in an if/else-if
// chain: `if auth_type == "jwt": …`, or a branch that sets `self.connectionType = 'jwt'`. With JWT
// retired that branch is dead: it goes, the next branch takes its place, and the functions only it
// called are left for the orphan rewrite (which runs after this one) to delete.
import { languageOf } from '../../languages/index.js';
import type { BranchSyntax } from '../../languages/types.js';
import type { Node } from '../../parse/tree-sitter.js';
import { linear } from '../../regex.js';
import { eolOf, indentAt, lineStartOf, onlyBlanks } from '../../text.js';
import { settledIds } from '../settle.js';
import type { RewriteContext, RewriteResult, Rewriter } from '../types.js';
import { applySplices, type Splice } from './code-js.js';

/** A condition that picks JWT: `auth_type == "jwt"`, `'JWT' == mode`. */
const PICKS_JWT = linear(/==[ \t]*['"]jwt['"]|['"]jwt['"][ \t]*==/i);
/** A statement that records the JWT choice: `self.connectionType = 'jwt'`. */
const SETS_JWT = linear(/^[\w.[\]'"]+[ \t]*=[ \t]*['"]jwt['"][ \t]*;?$/i);

const RULES = ['code-jwt-token-function', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-library-python'];

interface Clause {
  node: Node;
  /** Where the clause's keyword starts (the statement's start for the first). */
  start: number;
  body: Node | null;
  conditional: boolean;
  jwt: boolean;
}

function bodyOf(node: Node, syntax: BranchSyntax): Node | null {
  return node.childForFieldName(syntax.body) ?? node.childForFieldName('body') ?? node.namedChild(node.namedChildCount - 1);
}

function picksJwt(condition: Node | null, body: Node | null): boolean {
  if (condition && PICKS_JWT.test(condition.text)) return true;
  for (let i = 0; body && i < body.namedChildCount; i++) if (SETS_JWT.test(body.namedChild(i)!.text)) return true;
  return false;
}

function clausesOf(statement: Node, syntax: BranchSyntax): Clause[] {
  const body = bodyOf(statement, syntax);
  const clauses: Clause[] = [{ node: statement, start: statement.startIndex, body, conditional: true, jwt: picksJwt(statement.childForFieldName(syntax.condition), body) }];
  for (let i = 0; i < statement.namedChildCount; i++) {
    const c = statement.namedChild(i)!;
    if (c.type === syntax.elseIf) {
      const b = bodyOf(c, syntax);
      clauses.push({ node: c, start: c.startIndex, body: b, conditional: true, jwt: picksJwt(c.childForFieldName(syntax.condition), b) });
    } else if (c.type === syntax.else) clauses.push({ node: c, start: c.startIndex, body: bodyOf(c, syntax), conditional: false, jwt: false });
  }
  return clauses;
}

/** The end of the line holding `at` (after its line break). */
function lineEndAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** A block's lines moved out by one level, or undefined when a line cannot be (a long string). */
function dedented(text: string, block: Node, to: string): string | undefined {
  const from = lineStartOf(text, block.startIndex);
  const indent = indentAt(text, block.startIndex);
  if (!indent.startsWith(to) || indent === to) return undefined;
  const out: string[] = [];
  for (const line of text.slice(from, lineEndAfter(text, block.endIndex)).split('\n')) {
    if (!line.trim()) out.push(line.trimEnd() === line ? line : '');
    else if (line.startsWith(indent)) out.push(to + line.slice(indent.length));
    else return undefined; // a continuation or string line at another indentation
  }
  return out.join('\n');
}

/** The edits that drop a chain's JWT branches; undefined when the chain cannot lose them cleanly. */
function branchEdits(text: string, statement: Node, syntax: BranchSyntax): Splice[] | undefined {
  const clauses = clausesOf(statement, syntax);
  if (!clauses.some((c) => c.jwt)) return [];
  const kept = clauses.filter((c) => !c.jwt);
  const indent = indentAt(text, statement.startIndex);
  const whole = { start: lineStartOf(text, statement.startIndex), end: lineEndAfter(text, statement.endIndex) };
  if (!onlyBlanks(text, whole.start, statement.startIndex)) return undefined;
  if (!kept.length) {
    // Only JWT was chosen here: the statement goes, or `pass` stands in for it.
    const alone = statement.parent && statement.parent.namedChildCount === 1;
    return [{ ...whole, text: alone ? `${indent}${syntax.empty}${eolOf(text)}` : '' }];
  }
  if (!kept[0].conditional) {
    // Only the else is left: its body takes the statement's place.
    const body = kept[0].body ? dedented(text, kept[0].body, indent) : undefined;
    return body === undefined ? undefined : [{ ...whole, text: body }];
  }
  const splices: Splice[] = [];
  clauses.forEach((c, i) => {
    if (!c.jwt) return;
    const next = clauses[i + 1];
    if (i === 0) splices.push({ start: statement.startIndex, end: next.start, text: '' });
    else splices.push({ start: lineStartOf(text, c.start), end: next ? lineStartOf(text, next.start) : whole.end, text: '' });
  });
  // The first branch kept opens the chain.
  if (clauses[0].jwt && kept[0].node.type === syntax.elseIf) {
    splices.push({ start: kept[0].start, end: kept[0].start + syntax.elseIfKeyword.length, text: syntax.ifKeyword });
  }
  return splices;
}

function rewrite(ctx: RewriteContext): RewriteResult | null {
  const lang = languageOf(ctx.file);
  const syntax = lang?.branches;
  if (!syntax) return null;
  const tree = ctx.parse?.();
  if (!tree) return null;
  const splices: Splice[] = [];
  try {
    if (tree.rootNode.hasError) return null;
    let covered = -1;
    for (const statement of tree.rootNode.descendantsOfType(syntax.statement)) {
      if (statement.startIndex < covered) continue; // inside a chain already edited
      const edits = branchEdits(ctx.text, statement, syntax);
      if (edits === undefined) return null;
      if (!edits.length) continue;
      splices.push(...edits);
      covered = statement.endIndex;
    }
  } finally {
    tree.delete();
  }
  if (!splices.length) return null;
  let text: string;
  try {
    text = applySplices(ctx.text, splices);
  } catch {
    return null;
  }
  return { ruleIds: settledIds(ctx, RULES, text), text };
}

export const jwtBranchRewriters: Rewriter[] = [
  {
    name: 'JWT branch of a library offering several authentication methods',
    ruleIds: RULES,
    syntax: true,
    rewrite,
  },
];
