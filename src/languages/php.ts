import { IMS_TOKEN_URL, type Language } from './types.js';

export const php: Language = {
  id: 'php',
  name: 'PHP',
  extensions: ['.php'],
  manifests: /^composer\.json$/,
  lineComments: ['//', '#', '*', '/*'],
  parser: 'php',
  functionNodes: ['function_definition', 'method_declaration'],
  classNodes: ['class_declaration'],
  jwtSigning: /\bopenssl_sign\s*\(|\bJWT::encode\s*\(|^[ \t]*use[ \t]+Firebase\\JWT\b|\bopenssl_pkey_get_private\s*\(|\bLcobucci\\JWT\b/m,
  tokenSnippet: `// OAuth Server-to-Server token
$ch = curl_init('${IMS_TOKEN_URL}');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true,
  CURLOPT_POSTFIELDS => http_build_query(['grant_type' => 'client_credentials',
    'client_id' => $clientId, 'client_secret' => $clientSecret, 'scope' => $scopes])]);
$token = json_decode(curl_exec($ch), true); // access_token, expires_in (seconds)`,
  form: {
    visibility: { private: /\b(?:private|protected)\b/ },
    blocks: ['program', 'compound_statement', 'declaration_list'],
    imports: ['namespace_use_declaration'],
    entry: 'array_element_initializer',
    separator: ',',
    quote: "'",
    assigns: /^\$(\w+)[ \t]*=/,
    exportsGlobals: true,
    identifier: /\$?([A-Za-z_]\w*)/g,
  },
};
