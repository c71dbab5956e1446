import { IMS_TOKEN_URL, JVM_CLR_ASSIGNS, type Language } from './types.js';

/** The JVM's JWT libraries and key loading, shared by Java, Kotlin, Scala and Groovy. */
export const JVM_SIGNING =
  /^[ \t]*import[ \t]+(?:io\.jsonwebtoken|com\.auth0\.jwt|com\.nimbusds\.jose|org\.jose4j)\b|\bJwts\.builder\s*\(|\bJWT\.create\s*\(|\bnew\s+SignedJWT\s*\(|\bPKCS8EncodedKeySpec\b|\bKeyFactory\.getInstance\s*\(\s*"RSA"|\bSignatureAlgorithm\.RS256\b/m;

export const java: Language = {
  id: 'java',
  name: 'Java',
  extensions: ['.java'],
  manifests: /^(?:pom\.xml|build\.gradle)$/,
  lineComments: ['//', '*', '/*'],
  parser: 'java',
  functionNodes: ['method_declaration', 'constructor_declaration'],
  classNodes: ['class_declaration', 'enum_declaration'],
  jwtSigning: JVM_SIGNING,
  calls: { call: 'method_invocation', name: 'name', receiver: 'object', arguments: 'arguments' },
  methodCase: 'camel',
  env: { read: (name) => `System.getenv("${name}")` },
  tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8)
    + "&client_secret=" + URLEncoder.encode(clientSecret, UTF_8) + "&scope=" + URLEncoder.encode(scopes, UTF_8);
HttpRequest req = HttpRequest.newBuilder(URI.create("${IMS_TOKEN_URL}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
// response JSON: access_token, token_type, expires_in (seconds)`,
  form: {
    visibility: { public: /\bpublic\b/ },
    blocks: ['block', 'class_body', 'program'],
    separator: ',',
    quote: '"',
    assigns: JVM_CLR_ASSIGNS,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
