import { IMS_TOKEN_URL, type Language } from './types.js';

export const ruby: Language = {
  id: 'ruby',
  name: 'Ruby',
  extensions: ['.rb', '.gemspec', '.rake'],
  filenames: ['Gemfile', 'Rakefile'],
  manifests: /^Gemfile$/,
  lineComments: ['#'],
  parser: 'ruby',
  functionNodes: ['method', 'singleton_method'],
  classNodes: ['class', 'module'],
  jwtSigning: /\bJWT\.encode\s*\(|^[ \t]*require[ \t]+['"]jwt['"]|\bOpenSSL::PKey::RSA\.new\s*\(/m,
  tokenSnippet: `# OAuth Server-to-Server token
res = Net::HTTP.post_form(URI("${IMS_TOKEN_URL}"), "grant_type" => "client_credentials",
  "client_id" => client_id, "client_secret" => client_secret, "scope" => scopes)
token = JSON.parse(res.body) # access_token, expires_in (seconds)`,
  form: {
    blocks: ['program', 'body_statement'],
    entry: 'pair',
    separator: ',',
    quote: "'",
    assigns: /^@?(\w+)[ \t]*(?:\|\|)?=/,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
};
