import type { GrammarId } from '../parse/tree-sitter.js';

/** The OAuth Server-to-Server token endpoint, as the snippets write it. */
export const IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';

/**
 * How the grammar spells a method call, by node type and field name, so one method-chain
 * rewrite serves every language: `receiver.name(arguments)`, with the name and receiver on the
 * call itself (`member` absent) or on a member-access node in its `function` field.
 */
export interface CallSyntax {
  call: string;
  function?: string;
  member?: string;
  name: string;
  receiver: string;
  arguments: string;
}

/**
 * The exchange-form rewrite's recipe (rewriters/exchange-form.ts): what it needs to know of the
 * language's syntax tree to turn the `jwt_token` entry into the token request and delete what
 * only fed the JWT.
 */
export interface FormSyntax {
  /** Node types whose children are statements (a statement is deleted whole). */
  blocks: string[];
  /** Node type of a form entry (`key: value`, `{"key", value}`), the separator between entries and the string quote. */
  entry?: string;
  /**
   * Node type of the arguments of a call that adds one entry (`form.Set("jwt_token", jwt)`): the
   * whole statement is the template for the two that replace it.
   */
  callEntry?: string;
  /**
   * A command-line argument that sends the entry (`curl -d "jwt_token=$JWT"`): group 1 is the
   * flag with what separates it from the value, group 2 the quote, group 3 the token, group 4
   * the closing quote. The argument is its own template, as an entry is.
   */
  flagEntry?: RegExp;
  /**
   * Whether a function is public API, from its declaration up to its name: `public` says so
   * (Java, C#), or no `private` does (Kotlin and Scala are public by default). A public function
   * keeps a parameter the JWT needed, with a deprecation comment; others lose it with the
   * argument at every call. Absent: a function is public when another file calls it.
   */
  visibility?: { public?: RegExp; private?: RegExp };
  /** A statement right after a deleted one that only checks its error goes too (Go's `if err != nil`). */
  errorCheck?: RegExp;
  /**
   * A signing call that hands the token to a callback (`jwt.sign(claims, key, opts, function (err,
   * token) {…})`): once the form no longer sends the token, the callback's body takes its place.
   */
  signingCallback?: RegExp;
  separator: string;
  quote: string;
  /** A statement that assigns a name: group 1 is the name (for `self.x`/`$x`, the x). */
  assigns: RegExp;
  /** Names read by an expression (PowerShell's commands have hyphens: `New-Jwt`). */
  identifier: RegExp;
  /** Import statements: one that only the deleted code used goes too. */
  imports?: string[];
  /** Top-level names can be imported by other files (Python modules; not PowerShell scripts). */
  exportsGlobals: boolean;
}

/** A Java or C# declaration with a value: modifiers, a type (`var`, generics), the name. */
export const JVM_CLR_ASSIGNS =
  /^(?:(?:public|private|protected|internal|static|final|const|readonly)[ \t]+)*(?:[\w.<>\[\]?]+(?:<[\w.<>\[\]?, ]*>)?[ \t]+)?(\w+)[ \t]*=/;

/**
 * One programming language, as the scanner and the migration see it. Everything language-specific
 * lives in its file under src/languages/: path patterns, comment syntax, the parser and the
 * syntax that makes a token function, the JWT libraries; rules and rewriters derive from it.
 */
export interface Language {
  id: string;
  name: string;
  /** File name endings (lower-case, with the dot) and whole file names. */
  extensions: string[];
  filenames?: string[];
  /**
   * Dependency manifests of this language's packages, by file name: a JWT package's manual step
   * shows this language's token request.
   */
  manifests?: RegExp;
  /** Markers that start a comment line (commented-out code is not a finding). */
  lineComments: string[];
  /**
   * The parser that finds the token function: a tree-sitter grammar (WebAssembly), loaded only
   * for a file with a JWT signal.
   */
  parser?: GrammarId;
  /** Syntax node types that are a function or method: a token function's region. */
  functionNodes: string[];
  /** Syntax node types of a class: the region when several of its methods share the flow. */
  classNodes: string[];
  /**
   * Imports of JWT or signing libraries and the calls that sign, in this language. Reported only
   * beside Adobe JWT signals (claims, the exchange), since these libraries sign other tokens too.
   */
  jwtSigning: RegExp;
  /** Method calls in the syntax tree (method-chain rewrites). */
  calls?: CallSyntax;
  /** How method names are spelled: SDKs name one method `fromFile`, `FromFile` or `from_file`. */
  methodCase?: 'camel' | 'pascal' | 'snake';
  /** A ready OAuth Server-to-Server token request in this language, for manual steps. */
  tokenSnippet?: string;
  /** An expression reading an environment variable, and the import it needs (if any). */
  env?: { read: (name: string) => string; import?: { present: RegExp; line: string } };
  /** How the exchange-form rewrite reads this language's syntax tree (absent: not rewritten). */
  form?: FormSyntax;
  /** How an if/else-if chain is spelled, for dropping the branch that chose JWT. */
  branches?: BranchSyntax;
}

/**
 * An if/else-if chain in the syntax tree: the statement (its condition and body by field name)
 * and its else-if and else clauses, with the keywords that open them.
 */
export interface BranchSyntax {
  statement: string;
  elseIf: string;
  else: string;
  condition: string;
  body: string;
  ifKeyword: string;
  elseIfKeyword: string;
  /** A statement that does nothing, for a block that would be left empty. */
  empty: string;
}
