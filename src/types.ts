export type Severity = 'error' | 'warning' | 'note';
export type FailOn = 'error' | 'warning' | 'never';

/** Where a finding belongs; used for grouping in reports and SARIF tags. */
export type Category =
  | 'code'
  | 'config'
  | 'dependency'
  | 'ci'
  | 'security'
  | 'docs'
  | 'info';

/** A file as a rule sees it. `text` is decoded UTF-8 (invalid bytes become U+FFFD). */
export interface FileInput {
  path: string; // posix, relative to the scan root
  text: string;
}

/** A span a rule reports, as offsets into FileInput.text. */
export interface Hit {
  index: number;
  length: number;
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  /** What the user should do. Never include matched text here: it may hold a secret. */
  message: string;
  /** Only files whose relative posix path matches. */
  paths?: RegExp;
  /** Files whose path matches are never checked by this rule. */
  excludePaths?: RegExp;
  /** Fires once per matching path, without reading the file (binary or key files). */
  pathOnly?: boolean;
  /**
   * Each match is a finding. A named group `hit` (or `hit2`, `hit3` in other alternatives: RE2
   * names are unique) narrows the reported span. Runs on RE2 semantics (src/regex.ts): no
   * lookahead, no backreferences.
   */
  pattern?: RegExp;
  /** Drop a match whose matched text matches this (what a lookahead would have said). */
  reject?: RegExp;
  /** Drop matches on lines that start as a comment (`//`, `#`, `*`, `/*`, `;`, `<!--`, docstrings). */
  skipComments?: boolean;
  /** The file must match every one of these somewhere (context, e.g. Adobe IMS). */
  requires?: RegExp[];
  /** The file must match none of these. */
  unless?: RegExp[];
  /** Structured matcher, for JSON/YAML forms a regex cannot judge. */
  match?: (file: FileInput) => Hit[];
  /**
   * Kept only with Adobe context from other files. 'project': the folder of the file
   * (and below) has other JWT findings (generic JWT libraries in manifests). 'package': the
   * package the file belongs to (the folder of its nearest manifest, else the scanned folder)
   * has other JWT findings. 'key': the key
   * file is tied to Adobe (named, referenced by JWT code, beside certificate_pub.crt).
   */
  needsContext?: 'project' | 'key' | 'package' | 'repository';
  /**
   * Not matched in a file on its own: 'console' findings come from the Adobe Developer Console
   * check; 'region' findings from the token-function pass (src/scan/regions.ts).
   */
  origin?: 'console' | 'region';
}

/** One file of the catalog: its rules and the prefilter literals that reach them. */
export interface RuleFamily {
  name: string;
  rules: Rule[];
  /**
   * Case-sensitive literals: a file whose bytes hold none of the catalog's literals
   * (and whose path matches no family's candidatePaths) never reaches any rule.
   */
  literals: string[];
  /** Files that always reach the rules, whatever their content (manifests). */
  candidatePaths?: RegExp;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  title: string;
  category: Category;
  fingerprint: string;
  fixable: boolean;
  /** The line, with secrets redacted, for context in reports. */
  snippet: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface ScanStats {
  filesListed: number;
  filesScanned: number;
  filesMatched: number;
  bytesScanned: number;
  durationMs: number;
  rules: number;
  /** Worker threads used (0: scanned on the main thread). */
  workers: number;
  /** Peak resident memory of the process so far, workers included. */
  maxRssBytes: number;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  skipped: Skipped[];
  stats: ScanStats;
  /** Secret values seen while scanning; registered with core.setSecret, never printed. */
  secrets: string[];
  /** Client ids named in code and config (links to Developer Console projects). */
  clientIds?: { clientId: string; file: string; line: number }[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };
