// Method-chain rewrites as data, the way an ast-grep rule pairs a pattern with a fix: a chain that
// starts with one builder call (`Credentials.serviceAccountCredentialsBuilder()`) has links
// renamed, replaced by others or dropped. One recipe serves every language whose registry entry
// says how its grammar spells a call (`calls`), its method names (`methodCase`) and how it reads
// an environment variable (`env`).
import type { CallSyntax, Language } from '../languages/types.js';
import type { Node, Tree } from '../parse/tree-sitter.js';
import { linear } from '../regex.js';
import { eolOf } from '../text.js';
import type { Splice } from './rewriters/code-js.js';

/** A link written in place of another: its camelCase name and its arguments, `{env:NAME}` read from the environment. */
export interface ChainLink {
  name: string;
  args: string[];
}

export interface ChainRecipe {
  /** The rule whose findings in a file this recipe settles. */
  ruleId: string;
  /** The receiver the chain starts on (its last name: `Credentials`, `PDFServicesSdk.Credentials`). */
  receiver: string;
  /** The builder call that starts the chain, camelCase, and what it becomes. */
  start: string;
  becomes: string;
  /** Links written in place of a link (by camelCase name). */
  replace: Record<string, ChainLink[]>;
  /** Links that go. */
  drop: string[];
  /** Links the rewritten chain must have; a chain without them is left for a person. */
  requires: string[];
}

/** camelCase from a method name as a language spells it. */
export function camelName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '_' && i + 1 < name.length) out += name[++i].toUpperCase();
    else out += name[i];
  }
  return out.charAt(0).toLowerCase() + out.slice(1);
}

/** A camelCase method name as the language spells it. */
export function spellName(name: string, style: Language['methodCase']): string {
  if (style === 'pascal') return name.charAt(0).toUpperCase() + name.slice(1);
  if (style !== 'snake') return name;
  let out = '';
  for (const c of name) out += c >= 'A' && c <= 'Z' ? `_${c.toLowerCase()}` : c;
  return out;
}

interface Link {
  call: Node;
  name: Node;
  receiver: Node;
  args: Node;
}

function linkOf(call: Node | null, syntax: CallSyntax): Link | undefined {
  if (!call || call.type !== syntax.call) return undefined;
  const holder = syntax.member ? call.childForFieldName(syntax.function ?? 'function') : call;
  if (!holder || (syntax.member && holder.type !== syntax.member)) return undefined;
  const name = holder.childForFieldName(syntax.name);
  const receiver = holder.childForFieldName(syntax.receiver);
  const args = call.childForFieldName(syntax.arguments);
  return name && receiver && args ? { call, name, receiver, args } : undefined;
}

/** The call whose receiver is `call`: the next link of the chain. */
function nextLink(call: Node, syntax: CallSyntax): Link | undefined {
  const parent = call.parent;
  const outer = syntax.member ? (parent?.type === syntax.member ? parent.parent : null) : parent;
  const link = linkOf(outer, syntax);
  return link && link.receiver.id === call.id ? link : undefined;
}

export interface ChainResult {
  splices: Splice[];
  /** Rule ids of the recipes that rewrote at least one chain. */
  ruleIds: string[];
  /** Environment variables the rewritten chains read. */
  env: string[];
  /** A chain of a recipe could not be rewritten (a link it requires is missing). */
  incomplete: boolean;
}

/** The splices that rewrite every chain of these recipes in a parsed file. */
export function rewriteChains(text: string, tree: Tree, lang: Language, recipes: ChainRecipe[]): ChainResult {
  const result: ChainResult = { splices: [], ruleIds: [], env: [], incomplete: false };
  const syntax = lang.calls;
  const env = lang.env;
  if (!syntax || !env) return { ...result, incomplete: true };
  const spell = (name: string) => spellName(name, lang.methodCase);
  const argument = (arg: string) => (arg.startsWith('{env:') && arg.endsWith('}') ? env.read(arg.slice(5, -1)) : arg);
  for (const call of tree.rootNode.descendantsOfType(syntax.call)) {
    const first = linkOf(call, syntax);
    if (!first) continue;
    const recipe = recipes.find((r) => camelName(first.name.text) === r.start && (first.receiver.text === r.receiver || first.receiver.text.endsWith(`.${r.receiver}`)));
    if (!recipe) continue;
    const splices: Splice[] = [{ start: first.name.startIndex, end: first.name.endIndex, text: spell(recipe.becomes) }];
    const have = new Set<string>();
    const reads: string[] = [];
    let previousEnd = first.call.endIndex;
    for (let link = nextLink(first.call, syntax); link; link = nextLink(link.call, syntax)) {
      const name = camelName(link.name.text);
      const instead = recipe.replace[name];
      if (instead) {
        // The new links are joined the way this link was attached (a line break and indent, a
        // Python line continuation), so the chain keeps its layout.
        const joint = text.slice(previousEnd, link.name.startIndex);
        const written = instead.map((l) => `${spell(l.name)}(${l.args.map(argument).join(', ')})`);
        splices.push({ start: link.name.startIndex, end: link.args.endIndex, text: written.join(joint) });
        for (const l of instead) {
          have.add(l.name);
          for (const a of l.args) if (a.startsWith('{env:')) reads.push(a.slice(5, -1));
        }
      } else if (recipe.drop.includes(name)) {
        splices.push({ start: previousEnd, end: link.args.endIndex, text: '' });
      } else have.add(name);
      previousEnd = link.call.endIndex;
    }
    if (!recipe.requires.every((r) => have.has(r))) {
      result.incomplete = true;
      continue;
    }
    result.splices.push(...splices);
    if (!result.ruleIds.includes(recipe.ruleId)) result.ruleIds.push(recipe.ruleId);
    for (const r of reads) if (!result.env.includes(r)) result.env.push(r);
  }
  return result;
}

/** The import an environment read needs, as a splice at the top of the file (none when present). */
export function envImport(text: string, lang: Language): Splice | undefined {
  const wanted = lang.env?.import;
  if (!wanted || linear(wanted.present).test(text)) return undefined;
  const eol = eolOf(text);
  // Before the first import, so a module docstring, shebang or encoding line stays first.
  const firstImport = linear(/^(?:import|from)[ \t]/m).exec(text);
  const at = firstImport ? firstImport.index : 0;
  return { start: at, end: at, text: `${wanted.line}${eol}${firstImport ? '' : eol}` };
}
