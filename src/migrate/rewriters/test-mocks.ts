// Tests that patch a JWT helper the migrated code no longer calls (`@mock.patch("app.auth.sign_jwt")`
// on a test of the token function): the patch, the mock argument it injected and the statements
// that set it up or checked it go, so the test exercises the OAuth code it now runs. The plan
// rewrites code before its tests, so the module's text here is the migrated one. Python's
// unittest.mock decorators; other languages' mocking has no rewrite yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '../../parse/tree-sitter.js';
import { linear } from '../../regex.js';
import { lineStartOf, onlyBlanks, wordOffsets } from '../../text.js';
import { settledIds } from '../settle.js';
import { TEST_PATH } from '../spans.js';
import type { RewriteContext, RewriteResult, Rewriter } from '../types.js';
import { applySplices, dropElement, type Splice } from './code-js.js';

const PATCH = linear(/^(?:unittest\.)?(?:mock\.)?patch$/);
const DEFINITION = linear(/\bdef[ \t]+$/);
const RULES = ['code-jwt-token-function', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-library-python'];

/** `@mock.patch("pkg.module.name")` with only its target: the dotted target, else undefined. */
function patchTarget(decorator: Node): string | undefined {
  const call = decorator.namedChild(0);
  if (call?.type !== 'call' || !PATCH.test(call.childForFieldName('function')?.text ?? '')) return undefined;
  const args = call.childForFieldName('arguments');
  const only = args?.namedChildCount === 1 ? args.namedChild(0) : null;
  if (only?.type !== 'string') return undefined;
  return only.namedChildren.find((c) => c?.type === 'string_content')?.text;
}

/** Whether the module a patch target names called the function before this run and does not now. */
function calledNoMore(ctx: RewriteContext, target: string): boolean {
  const parts = target.split('.');
  const name = parts.pop() ?? '';
  const calls = (text: string) => wordOffsets(text, name).filter((at) => !DEFINITION.test(text.slice(Math.max(0, at - 8), at))).length;
  for (const file of [`${parts.join('/')}.py`, `${parts.join('/')}/__init__.py`]) {
    const now = ctx.current?.(file);
    if (now === null || now === undefined) continue;
    let before: string;
    try {
      before = readFileSync(join(ctx.root, file), 'utf8');
    } catch {
      continue;
    }
    return calls(before) > 0 && calls(now) === 0;
  }
  return false;
}

/** Whole lines of a node when nothing else shares them. */
function lines(text: string, node: Node): Splice | undefined {
  const start = lineStartOf(text, node.startIndex);
  if (!onlyBlanks(text, start, node.startIndex)) return undefined;
  const nl = text.indexOf('\n', node.endIndex);
  const end = nl < 0 ? text.length : nl + 1;
  return onlyBlanks(text, node.endIndex, nl < 0 ? text.length : nl) ? { start, end, text: '' } : undefined;
}

/** The edits for one decorated test; an empty list when nothing (or nothing safely) goes. */
function testEdits(ctx: RewriteContext, decorated: Node): Splice[] {
  const text = ctx.text;
  const fn = decorated.namedChildren.find((c) => c?.type === 'function_definition');
  const decorators = decorated.namedChildren.filter((c): c is Node => c?.type === 'decorator');
  const targets = decorators.map(patchTarget);
  // Other decorators (parametrize, patch.object, patch with new=) inject differently: leave them.
  if (!fn || targets.some((t) => t === undefined)) return [];
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
  const offset = params[0]?.text === 'self' ? 1 : 0;
  if (params.length - offset < targets.length || params.some((p) => p.type !== 'identifier')) return [];
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const splices: Splice[] = [];
  const statements = body.namedChildren.filter((c): c is Node => !!c);
  const gone = new Set<number>();
  targets.forEach((target, j) => {
    if (!calledNoMore(ctx, target!)) return;
    // The decorator nearest the function injects the first mock argument.
    const k = offset + targets.length - 1 - j;
    const mock = params[k].text;
    const span = lines(text, decorators[j]);
    if (!span) return;
    const uses = statements.filter((s) => wordOffsets(s.text, mock).length > 0);
    // A use inside a compound statement is a person's call; so is emptying the test.
    if (uses.some((s) => s.type !== 'expression_statement' && s.type !== 'assert_statement' && !lines(text, s))) return;
    const spans = uses.map((s) => lines(text, s));
    if (spans.some((s) => !s)) return;
    splices.push(span, dropElement(params, k), ...(spans as Splice[]));
    uses.forEach((s) => gone.add(s.id));
  });
  if (gone.size >= statements.length) return [];
  return splices;
}

function rewrite(ctx: RewriteContext): RewriteResult | null {
  if (!ctx.file.endsWith('.py') || !TEST_PATH.test(ctx.file) || !ctx.current) return null;
  const tree = ctx.parse?.();
  if (!tree) return null;
  const splices: Splice[] = [];
  try {
    if (tree.rootNode.hasError) return null;
    for (const decorated of tree.rootNode.descendantsOfType('decorated_definition')) splices.push(...testEdits(ctx, decorated));
  } finally {
    tree.delete();
  }
  if (!splices.length) return null;
  let text: string;
  try {
    text = applySplices(ctx.text, splices);
  } catch {
    return null; // a parameter list edited twice: leave the file to a person
  }
  return { ruleIds: settledIds(ctx, RULES, text), text };
}

export const testMockRewriters: Rewriter[] = [
  { name: 'mocks of JWT helpers the code no longer calls', ruleIds: RULES, syntax: true, rewrite },
];
