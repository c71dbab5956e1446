import { IMS_TOKEN_URL, type Language } from './types.js';

export const python: Language = {
  id: 'python',
  name: 'Python',
  extensions: ['.py'],
  manifests: /^(?:requirements[\w.-]*\.txt|pyproject\.toml|Pipfile|setup\.cfg)$/,
  lineComments: ['#'],
  parser: 'python',
  functionNodes: ['function_definition'],
  classNodes: ['class_definition'],
  jwtSigning:
    /^[ \t]*(?:import[ \t]+jwt\b|from[ \t]+jwt(?:\.\w+)?[ \t]+import\b|from[ \t]+jose[ \t]+import\b|import[ \t]+jose\b|from[ \t]+authlib\.jose[ \t]+import\b)|\bjwt\.encode\s*\(|\bserialization\.load_pem_private_key\s*\(/m,
  calls: { call: 'call', function: 'function', member: 'attribute', name: 'attribute', receiver: 'object', arguments: 'arguments' },
  methodCase: 'snake',
  env: { read: (name) => `os.environ.get('${name}')`, import: { present: /^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m, line: 'import os' } },
  tokenSnippet: `# OAuth Server-to-Server token (requests)
res = requests.post('${IMS_TOKEN_URL}', data={
    'grant_type': 'client_credentials', 'client_id': client_id,
    'client_secret': client_secret, 'scope': scopes})
token = res.json()['access_token']  # expires_in is in seconds`,
  form: {
    blocks: ['module', 'block'],
    imports: ['import_statement', 'import_from_statement'],
    entry: 'pair',
    separator: ',',
    quote: "'",
    assigns: /^(?:self\.)?(\w+)[ \t]*(?::[^=\n]*)?=/,
    exportsGlobals: true,
    identifier: /([A-Za-z_]\w*)/g,
  },
  branches: {
    statement: 'if_statement',
    elseIf: 'elif_clause',
    else: 'else_clause',
    condition: 'condition',
    body: 'consequence',
    ifKeyword: 'if',
    elseIfKeyword: 'elif',
    empty: 'pass',
  },
};
