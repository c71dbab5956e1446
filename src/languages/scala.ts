import { JVM_SIGNING } from './java.js';
import { IMS_TOKEN_URL, type Language } from './types.js';

export const scala: Language = {
  id: 'scala',
  name: 'Scala',
  extensions: ['.scala', '.sc'],
  manifests: /^build\.sbt$/,
  lineComments: ['//', '*', '/*'],
  parser: 'scala',
  functionNodes: ['function_definition'],
  classNodes: ['class_definition', 'object_definition', 'trait_definition'],
  jwtSigning: JVM_SIGNING,
  tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
val form = Seq("grant_type" -> "client_credentials", "client_id" -> clientId,
  "client_secret" -> clientSecret, "scope" -> scopes)
  .map { case (k, v) => k + "=" + URLEncoder.encode(v, "UTF-8") }.mkString("&")
val req = HttpRequest.newBuilder(URI.create("${IMS_TOKEN_URL}"))
  .header("Content-Type", "application/x-www-form-urlencoded")
  .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
  form: {
    visibility: { private: /\b(?:private|protected)\b/ },
    blocks: ['block', 'template_body', 'compilation_unit'],
    imports: ['import_declaration'],
    // `"jwt_token" -> jwt` in `UrlForm(…)` or `Map(…)`
    entry: 'infix_expression',
    separator: ',',
    quote: '"',
    assigns: /^(?:(?:private|protected|override|final|implicit|lazy)[ \t]+)*(?:val|var)[ \t]+(\w+)(?:[ \t]*:[^=\n]+)?[ \t]*=/,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
