import type { Tree } from '../parse/tree-sitter.js';
import type { Finding } from '../types.js';

export type EditAction = 'modify' | 'create' | 'delete';

/** One file the migration changes. `before`/`after` are null for created/deleted files. */
export interface Edit {
  file: string;
  action: EditAction;
  ruleIds: string[];
  before: string | null;
  after: string | null;
}

/** A change a person must make: the engine could not rewrite it safely. */
export interface ManualStep {
  file: string;
  line: number;
  ruleId: string;
  instructions: string;
  /** A ready replacement in the file's language, when one helps. */
  snippet?: string;
}

export interface SecretChanges {
  /** Names the migrated code and workflows read as secrets. */
  add: string[];
  remove: string[];
  /** Names the migrated workflows read as Actions variables (`vars.X`: scopes, the technical account email). */
  variables?: string[];
}

export type ScopeSource = 'input' | 'console' | 'table' | 'placeholder';
export type ScopeConfidence = 'confirmed' | 'third-party' | 'unknown';

/** The OAuth scopes chosen for a set of JWT metascopes, and how sure we are. */
export interface ScopeChoice {
  /** Comma-separated, no spaces (as IMS expects). */
  value: string;
  source: ScopeSource;
  confidence: ScopeConfidence;
  /** Products the metascopes named, for the manual step and PR body. */
  products: string[];
}

export type ScopeResolver = (metascopes: string[]) => ScopeChoice;

export interface RewriteContext {
  root: string;
  /** posix path relative to root */
  file: string;
  /** The file's current text (after earlier rewriters of this run). */
  text: string;
  /** Findings of the scan in this file. */
  findings: Finding[];
  scopes: ScopeResolver;
  /** Every file of the scan, for relative imports and sibling checks. */
  files: string[];
  /**
   * The syntax tree of `text` in the file's language (tree-sitter), for rewriters marked
   * `syntax`; undefined when the language has no grammar here. The caller deletes the tree.
   */
  parse?: () => Tree | undefined;
  /** Edits other files' rewrites asked of this one (`exchange-url`: the URL they post to). */
  requested?: Set<string>;
  /** Whether the plan has already rewritten a file (a request to it would come too late). */
  processed?: (file: string) => boolean;
  /** Another file's text as the plan leaves it so far (null: not there or not readable). */
  current?: (file: string) => string | null;
  /** The file as the repository has it, before any rewrite of this run. */
  original?: string;
  /** Whether a name occurs as a word in another code file of the repository (read once, lazily). */
  usedElsewhere?: (name: string) => boolean;
}

export interface RewriteResult {
  /** Rule ids whose findings this result settles. */
  ruleIds: string[];
  /** New text of the file (omit to leave it). */
  text?: string;
  /** Delete the file. */
  delete?: boolean;
  /** Files to create (skipped if they exist with other content). */
  create?: { file: string; content: string }[];
  manual?: ManualStep[];
  secrets?: Partial<SecretChanges>;
  /** Edits this rewrite needs in other files, kept only when the rewrite is: `exchange-url`. */
  requests?: { file: string; kind: string }[];
}

/** A rewrite for one form (one family of files), run on files that have its findings. */
export interface Rewriter {
  name: string;
  /** Findings of these rules send the file to this rewriter. */
  ruleIds: string[];
  /** It reads the syntax tree (`parse`): the plan loads the file's grammar first. */
  syntax?: boolean;
  /** Return null when the file is not in a form this rewriter can change safely. */
  rewrite(ctx: RewriteContext): RewriteResult | null;
}

export interface MigrationPlan {
  root: string;
  edits: Edit[];
  manual: ManualStep[];
  secrets: SecretChanges;
  scopes: ScopeChoice[];
}
