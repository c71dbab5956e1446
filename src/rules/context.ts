// Context patterns shared by rule families: "this file talks to Adobe IMS".
import { CODE_FILES } from '../languages/index.js';

/** Adobe IMS context: a generic JWT library only counts in a file that also matches this. */
export const ADOBE_IMS =
  /adobelogin\.com|ims-na1|\/ims\/exchange|techacct\.adobe\.com|@AdobeOrg|\bmeta_?scopes?\b|metaScopes|\bent_[a-z_]+_sdk\b/i;

/** Files that are documentation, not code or configuration. */
export const DOC_PATHS = /\.(?:md|mdx|markdown|rst|adoc|txt|html?)$/i;

/**
 * Source code: every language of the registry (src/languages/), and the build files and languages
 * with no entry of their own there (no token-function parser, no snippet).
 */
export const CODE_PATHS = new RegExp(
  `${CODE_FILES.source}|\\.(?:sbt|gradle|csx|swift|rs|pl|pm|lua|ex|exs|dart|clj|ipynb|tf)$|(?:^|\\/)(?:Dockerfile[\\w.-]*|Makefile)$`,
  'i',
);

/**
 * Text that is neither documentation nor a record of history or of a package manager: the
 * language-independent signals (the exchange, the claim URLs, the jwt_token field) count in all
 * of it, whatever the language.
 */
export const NOT_CODE_TEXT = new RegExp(
  `${DOC_PATHS.source}|(?:^|\\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|NEWS)[^/]*$|(?:^|\\/)(?:package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml|poetry\\.lock|Pipfile\\.lock|go\\.sum|Gemfile\\.lock|composer\\.lock)$|\\.(?:min\\.js|map|svg|csv|lock|expect)$|(?:^|\\/)(?:apidocs|javadoc|api-?docs|typedoc)\\/|(?:^|\\/)xrefmap\\.yml$|-search-index\\.js$`,
  'i',
);
