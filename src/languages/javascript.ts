import { IMS_TOKEN_URL, type Language } from './types.js';

export const javascript: Language = {
  id: 'javascript',
  name: 'JavaScript / TypeScript',
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  manifests: /^package\.json$/,
  lineComments: ['//', '*', '/*'],
  // The TSX grammar reads JavaScript, JSX and TypeScript alike; it loads in milliseconds, where
  // the TypeScript compiler (kept for the rewrites) takes a third of a second.
  parser: 'tsx',
  functionNodes: ['function_declaration', 'generator_function_declaration', 'method_definition', 'function_expression', 'function', 'arrow_function'],
  classNodes: ['class_declaration', 'abstract_class_declaration', 'class'],
  jwtSigning:
    /\b(?:require|import)\s*\(\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]\s*\)|(?:\bfrom|\bimport)\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]|\bKJUR\.jws\.JWS\.sign\s*\(|\bjwt\.sign\s*\(|\bjws\.sign\s*\(|\bcrypto\.createSign\s*\(/,
  calls: { call: 'call_expression', function: 'function', member: 'member_expression', name: 'property', receiver: 'object', arguments: 'arguments' },
  methodCase: 'camel',
  env: { read: (name) => `process.env.${name}` },
  tokenSnippet: `// OAuth Server-to-Server token (fetch)
const res = await fetch('${IMS_TOKEN_URL}', {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId,
    client_secret: clientSecret, scope: scopes }),
});
const { access_token, expires_in } = await res.json(); // expires_in is in seconds`,
  form: {
    visibility: { public: /\bexport\b/ },
    blocks: ['program', 'statement_block', 'class_body'],
    entry: 'pair',
    separator: ',',
    quote: "'",
    assigns: /^(?:(?:const|let|var)[ \t]+)?(?:this\.)?(\w+)[ \t]*=/,
    exportsGlobals: true,
    identifier: /([A-Za-z_$][\w$]*)/g,
    signingCallback: /^(?:jwt|jsonwebtoken|jws)\.sign$/,
  },
};
