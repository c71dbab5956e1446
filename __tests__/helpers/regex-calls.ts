// Finds every place the sources run a native RegExp (RegExp#test/exec, String#match/matchAll/
// replace/replaceAll/split/search with a RegExp argument), using the TypeScript type checker.
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT } from './run.js';

export interface RegexCall {
  file: string;
  line: number;
  text: string;
  /** The `native-regex:` justification on this line or the line above, if any. */
  reason?: string;
}

const STRING_METHODS = new Set(['match', 'matchAll', 'replace', 'replaceAll', 'split', 'search']);
const REGEX_METHODS = new Set(['test', 'exec']);

export function nativeRegexCalls(): RegexCall[] {
  const configPath = join(PROJECT, 'tsconfig.json');
  const cfg = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, PROJECT);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  const isRegExp = (node: ts.Node): boolean => {
    const t = checker.getTypeAtLocation(node);
    const name = t.getSymbol()?.getName() ?? checker.typeToString(t);
    return name === 'RegExp';
  };
  const out: RegexCall[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !sf.fileName.startsWith(join(PROJECT, 'src'))) continue;
    const lines = sf.text.split('\n');
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const receiver = node.expression.expression;
        const hit =
          (REGEX_METHODS.has(method) && isRegExp(receiver)) ||
          (STRING_METHODS.has(method) && node.arguments.length > 0 && isRegExp(node.arguments[0]));
        if (hit) {
          const line = sf.getLineAndCharacterOfPosition(node.getStart()).line;
          const around = `${lines[line - 1] ?? ''}\n${lines[line]}`;
          const reason = /native-regex:\s*([^\n*]+)/.exec(around)?.[1]?.trim();
          out.push({ file: relative(PROJECT, sf.fileName), line: line + 1, text: lines[line].trim(), reason });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
