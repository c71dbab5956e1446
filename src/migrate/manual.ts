// Ready snippets for the manual steps, in the language of the file that needs the change.
const IMS = 'https://ims-na1.adobelogin.com/ims/token/v3';

const SNIPPETS: [RegExp, string][] = [
  [
    /\.java$|\.kt$|\.scala$/,
    `// OAuth Server-to-Server token (java.net.http)
String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8)
    + "&client_secret=" + URLEncoder.encode(clientSecret, UTF_8) + "&scope=" + URLEncoder.encode(scopes, UTF_8);
HttpRequest req = HttpRequest.newBuilder(URI.create("${IMS}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
// response JSON: access_token, token_type, expires_in (seconds)`,
  ],
  [
    /\.cs$/,
    `// OAuth Server-to-Server token (HttpClient)
var form = new FormUrlEncodedContent(new Dictionary<string, string> {
    ["grant_type"] = "client_credentials", ["client_id"] = clientId,
    ["client_secret"] = clientSecret, ["scope"] = scopes });
var res = await http.PostAsync("${IMS}", form);
// response JSON: access_token, token_type, expires_in (seconds)`,
  ],
  [
    /\.php$/,
    `// OAuth Server-to-Server token
$ch = curl_init('${IMS}');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true,
  CURLOPT_POSTFIELDS => http_build_query(['grant_type' => 'client_credentials',
    'client_id' => $clientId, 'client_secret' => $clientSecret, 'scope' => $scopes])]);
$token = json_decode(curl_exec($ch), true); // access_token, expires_in (seconds)`,
  ],
  [
    /\.go$/,
    `// OAuth Server-to-Server token
form := url.Values{"grant_type": {"client_credentials"}, "client_id": {clientID},
	"client_secret": {clientSecret}, "scope": {scopes}}
res, err := http.PostForm("${IMS}", form)
// response JSON: access_token, token_type, expires_in (seconds)`,
  ],
  [
    /\.rb$/,
    `# OAuth Server-to-Server token
res = Net::HTTP.post_form(URI("${IMS}"), "grant_type" => "client_credentials",
  "client_id" => client_id, "client_secret" => client_secret, "scope" => scopes)
token = JSON.parse(res.body) # access_token, expires_in (seconds)`,
  ],
  [
    /\.[rR]$/,
    `# OAuth Server-to-Server token (httr)
res <- httr::POST("${IMS}", encode = "form", body = list(grant_type = "client_credentials",
  client_id = client_id, client_secret = client_secret, scope = scopes))
token <- httr::content(res)$access_token  # expires_in is in seconds`,
  ],
  [
    /\.ps1$|\.psm1$/,
    `# OAuth Server-to-Server token
$body = @{ grant_type = 'client_credentials'; client_id = $ClientId; client_secret = $ClientSecret; scope = $Scopes }
$token = Invoke-RestMethod -Method Post -Uri '${IMS}' -Body $body -ContentType 'application/x-www-form-urlencoded'
# $token.access_token; $token.expires_in is in seconds`,
  ],
  [
    /\.sh$|\.bash$|\.zsh$|(?:^|\/)Dockerfile$/,
    `# OAuth Server-to-Server token
curl -s -X POST '${IMS}' -H 'Content-Type: application/x-www-form-urlencoded' \\
  -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" -d "scope=$SCOPES"`,
  ],
];

/** A snippet for code files in languages the engine does not rewrite; undefined for others. */
export function manualSnippet(file: string, ruleId: string): string | undefined {
  if (!ruleId.startsWith('code-')) return undefined;
  const hit = SNIPPETS.find(([re]) => re.test(file)); // native-regex: a file path
  return hit?.[1];
}
