import { IMS_TOKEN_URL, JVM_CLR_ASSIGNS, type Language } from './types.js';

/** .NET's JWT libraries and certificate signing, shared by C#, F# and VB.NET. */
export const DOTNET_SIGNING =
  /^[ \t]*(?:using|open|Imports)[ \t]+(?:Jose|JWT|System\.IdentityModel\.Tokens\.Jwt)\b|\bJWT\.(?:Encode|encode)\s*\(|\bJose\.JWT\.Encode\b|\bnew\s+JwtSecurityToken\s*\(|\bJwtSecurityTokenHandler\b|\bJwtBuilder\b|\.SignData\s*\(|\bnew\s+X509Certificate2\s*\(|\bRSACryptoServiceProvider\b|\.ImportRSAPrivateKey\s*\(|\.ImportPkcs8PrivateKey\s*\(/m;

export const csharp: Language = {
  id: 'csharp',
  name: 'C#',
  extensions: ['.cs'],
  manifests: /\.csproj$|^packages\.config$/,
  lineComments: ['//', '*', '/*'],
  parser: 'csharp',
  functionNodes: ['method_declaration', 'constructor_declaration', 'local_function_statement'],
  classNodes: ['class_declaration', 'struct_declaration'],
  jwtSigning: DOTNET_SIGNING,
  calls: { call: 'invocation_expression', function: 'function', member: 'member_access_expression', name: 'name', receiver: 'expression', arguments: 'arguments' },
  methodCase: 'pascal',
  // Fully qualified: a file need not have `using System;`.
  env: { read: (name) => `System.Environment.GetEnvironmentVariable("${name}")` },
  tokenSnippet: `// OAuth Server-to-Server token (HttpClient)
var form = new FormUrlEncodedContent(new Dictionary<string, string> {
    ["grant_type"] = "client_credentials", ["client_id"] = clientId,
    ["client_secret"] = clientSecret, ["scope"] = scopes });
var res = await http.PostAsync("${IMS_TOKEN_URL}", form);
// response JSON: access_token, token_type, expires_in (seconds)`,
  form: {
    visibility: { public: /\bpublic\b/ },
    blocks: ['block', 'declaration_list', 'compilation_unit'],
    entry: 'initializer_expression',
    separator: ',',
    quote: '"',
    assigns: JVM_CLR_ASSIGNS,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
