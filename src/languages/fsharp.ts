import { DOTNET_SIGNING } from './csharp.js';
import { IMS_TOKEN_URL, type Language } from './types.js';

/** F# and VB.NET: no grammar is bundled, so no token-function region (the signals still hold). */
export const fsharp: Language = {
  id: 'fsharp',
  name: 'F# / VB.NET',
  extensions: ['.fs', '.fsx', '.fsi', '.vb'],
  lineComments: ['//', "'", '(*'],
  functionNodes: [],
  classNodes: [],
  jwtSigning: DOTNET_SIGNING,
  tokenSnippet: `// OAuth Server-to-Server token (HttpClient)
let form = new FormUrlEncodedContent(dict [ "grant_type", "client_credentials"; "client_id", clientId
                                            "client_secret", clientSecret; "scope", scopes ])
let! res = http.PostAsync("${IMS_TOKEN_URL}", form) |> Async.AwaitTask
// response JSON: access_token, token_type, expires_in (seconds)`,
};
