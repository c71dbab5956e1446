import { IMS_TOKEN_URL, type Language } from './types.js';

export const go: Language = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  manifests: /^go\.mod$/,
  lineComments: ['//', '*', '/*'],
  parser: 'go',
  functionNodes: ['function_declaration', 'method_declaration'],
  classNodes: [],
  jwtSigning: /\bjwt\.NewWithClaims\s*\(|"github\.com\/(?:golang-jwt\/jwt|dgrijalva\/jwt-go)[^"]*"|\bjwt\.ParseRSAPrivateKeyFromPEM\s*\(/,
  tokenSnippet: `// OAuth Server-to-Server token
form := url.Values{"grant_type": {"client_credentials"}, "client_id": {clientID},
	"client_secret": {clientSecret}, "scope": {scopes}}
res, err := http.PostForm("${IMS_TOKEN_URL}", form)
// response JSON: access_token, token_type, expires_in (seconds)`,
  form: {
    visibility: { public: /^func[ \t]+(?:\([^)]*\)[ \t]*)?[A-Z]/ },
    blocks: ['source_file', 'statement_list'],
    imports: ['import_spec'],
    entry: 'keyed_element',
    callEntry: 'argument_list',
    separator: ',',
    quote: '"',
    // `signed := …`, `signed, err := …`, `var signed = …`
    assigns: /^(?:var[ \t]+)?(\w+)(?:[ \t]*,[ \t]*\w+)*[ \t]*:?=/,
    errorCheck: /^if[ \t]+err[ \t]*!=[ \t]*nil[ \t]*\{/,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
