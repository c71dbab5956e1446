import { IMS_TOKEN_URL, type Language } from './types.js';

export const shell: Language = {
  id: 'shell',
  name: 'Shell',
  extensions: ['.sh', '.bash', '.zsh', '.ksh'],
  lineComments: ['#'],
  parser: 'bash',
  functionNodes: ['function_definition'],
  classNodes: [],
  jwtSigning: /\bopenssl[ \t]+dgst[ \t]+-sha256[ \t]+-sign\b|\bopenssl[ \t]+(?:rsautl|pkeyutl)[ \t]+-sign\b|\bjwt[ \t]+encode\b/,
  tokenSnippet: `# OAuth Server-to-Server token
curl -s -X POST '${IMS_TOKEN_URL}' -H 'Content-Type: application/x-www-form-urlencoded' \\
  -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" -d "scope=$SCOPES"`,
  form: {
    blocks: ['program', 'compound_statement', 'do_group', 'if_statement', 'elif_clause', 'else_clause'],
    // curl's `-d "jwt_token=${JWT}"`, `--data-urlencode jwt_token=$JWT`
    flagEntry: /(-d[ \t]+|--data(?:-urlencode|-raw|-ascii)?(?:[ \t]+|=))(["']?)jwt_token=([^"'\s]*)(["']?)/g,
    separator: ' ',
    quote: '"',
    assigns: /^(?:(?:export|local|readonly|declare)[ \t]+)?(\w+)=/,
    // A script's variables are another's only when it is sourced.
    exportsGlobals: false,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
