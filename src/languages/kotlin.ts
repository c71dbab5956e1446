import { JVM_SIGNING } from './java.js';
import { IMS_TOKEN_URL, type Language } from './types.js';

export const kotlin: Language = {
  id: 'kotlin',
  name: 'Kotlin',
  extensions: ['.kt', '.kts'],
  manifests: /^build\.gradle\.kts$/,
  lineComments: ['//', '*', '/*'],
  parser: 'kotlin',
  functionNodes: ['function_declaration'],
  classNodes: ['class_declaration', 'object_declaration'],
  jwtSigning: JVM_SIGNING,
  tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
val form = listOf("grant_type" to "client_credentials", "client_id" to clientId,
    "client_secret" to clientSecret, "scope" to scopes)
    .joinToString("&") { (k, v) -> k + "=" + URLEncoder.encode(v, Charsets.UTF_8) }
val req = HttpRequest.newBuilder(URI.create("${IMS_TOKEN_URL}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
  form: {
    visibility: { private: /\b(?:private|internal|protected)\b/ },
    blocks: ['block', 'class_body', 'source_file', 'statements'],
    imports: ['import'],
    // `"jwt_token" to jwt` in `mapOf(…)`
    entry: 'infix_expression',
    separator: ',',
    quote: '"',
    assigns: /^(?:(?:private|internal|public|protected|override|const|lateinit)[ \t]+)*(?:val|var)[ \t]+(\w+)(?:[ \t]*:[^=\n]+)?[ \t]*=/,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
