import { IMS_TOKEN_URL, type Language } from './types.js';

export const powershell: Language = {
  id: 'powershell',
  name: 'PowerShell',
  extensions: ['.ps1', '.psm1'],
  lineComments: ['#', '<#'],
  parser: 'powershell',
  functionNodes: ['function_statement'],
  classNodes: ['class_statement'],
  jwtSigning: /X509Certificate2\]::new\s*\(|\bX509Certificate2\b[^\n]{0,40}\(|\.SignData\s*\(|\bNew-Jwt\b|\bRSACryptoServiceProvider\b/i,
  tokenSnippet: `# OAuth Server-to-Server token
$body = @{ grant_type = 'client_credentials'; client_id = $ClientId; client_secret = $ClientSecret; scope = $Scopes }
$token = Invoke-RestMethod -Method Post -Uri '${IMS_TOKEN_URL}' -Body $body -ContentType 'application/x-www-form-urlencoded'
# $token.access_token; $token.expires_in is in seconds`,
  form: {
    blocks: ['statement_list'],
    entry: 'hash_entry',
    separator: ';',
    quote: "'",
    assigns: /^\$(?:script:|global:)?(\w+)[ \t]*=/i,
    exportsGlobals: false,
    identifier: /\$?([A-Za-z_]\w*(?:-[A-Za-z]\w*)*)/g,
  },
};
