// The one way the project parses YAML. The `yaml` library logs its warnings (which quote the source
// line) through process.emitWarning, which the runner would read from stderr as workflow commands;
// here it logs nothing, and warnings come back to the caller to report through escaping functions.
import { type Document, type DocumentOptions, type ParseOptions, parseDocument, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** A YAML document; `doc.errors` and `doc.warnings` say what the parser found. Never logs. */
export function yamlDocument(text: string, options: Options = {}): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, ...options, logLevel: 'silent' });
}

/** The value of a YAML text, or a thrown error naming only line and column (no source text). */
export function yamlValue(text: string, options: Options = {}): unknown {
  const doc = yamlDocument(text, options);
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = e.linePos?.[0];
    // native-regex: an error code
    throw new Error(`${e.code.toLowerCase().replace(/_/g, ' ')}${at ? ` at line ${at.line}, column ${at.col}` : ''}`);
  }
  return doc.toJS();
}

/** 1-based line of a node path in a document (for messages that must not quote the file). */
export function lineOfPath(doc: Document.Parsed, path: (string | number)[], text: string): number | undefined {
  let node: unknown = doc.contents;
  let range: [number, number, number] | undefined;
  for (const key of path) {
    const n = node as { get?: (k: unknown, keep: boolean) => unknown; items?: { key?: { value?: unknown; range?: [number, number, number] }; value?: unknown }[]; range?: [number, number, number] };
    if (!n || typeof n !== 'object') break;
    const pair = n.items?.find((p) => (p.key as { value?: unknown } | undefined)?.value === key);
    if (pair) {
      range = pair.key?.range;
      node = pair.value;
      continue;
    }
    const item = typeof key === 'number' ? n.items?.[key] : undefined;
    if (item) {
      range = (item as { range?: [number, number, number] }).range;
      node = item;
      continue;
    }
    break;
  }
  range ??= (doc.contents as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < range[0]; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
