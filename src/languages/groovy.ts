import { JVM_SIGNING } from './java.js';
import { IMS_TOKEN_URL, type Language } from './types.js';

/** Groovy (Jenkins pipelines, Gradle scripts): no grammar is bundled, so no token-function region. */
export const groovy: Language = {
  id: 'groovy',
  name: 'Groovy',
  extensions: ['.groovy', '.gvy'],
  filenames: ['Jenkinsfile'],
  lineComments: ['//', '*', '/*'],
  functionNodes: [],
  classNodes: [],
  jwtSigning: JVM_SIGNING,
  tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8) +
    "&client_secret=" + URLEncoder.encode(clientSecret, UTF_8) + "&scope=" + URLEncoder.encode(scopes, UTF_8)
HttpRequest req = HttpRequest.newBuilder(URI.create("${IMS_TOKEN_URL}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
};
