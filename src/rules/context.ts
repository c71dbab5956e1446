// Context patterns shared by rule families: "this file talks to Adobe IMS".

/** Adobe IMS context: a generic JWT library only counts in a file that also matches this. */
export const ADOBE_IMS =
  /adobelogin\.com|ims-na1|\/ims\/exchange|techacct\.adobe\.com|@AdobeOrg|\bmeta_?scopes?\b|metaScopes|\bent_[a-z_]+_sdk\b/i;

/** Files that are documentation, not code or configuration. */
export const DOC_PATHS = /\.(?:md|mdx|markdown|rst|adoc|txt|html?)$/i;

/** Source code in the languages the JWT flow was written in. */
export const CODE_PATHS =
  /\.(?:[cm]?[jt]sx?|py|java|kt|kts|scala|groovy|cs|php|go|rb|r|R|ps1|psm1|sh|bash|zsh|swift|rs|ipynb)$/;
