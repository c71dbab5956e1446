import type { Language } from './types.js';

export const php: Language = {
  id: 'php',
  name: 'PHP',
  extensions: ['.php'],
  lineComments: ['//', '#', '*', '/*'],
  parser: 'php',
  functionNodes: ['function_definition', 'method_declaration'],
  classNodes: ['class_declaration'],
  jwtSigning: /\bopenssl_sign\s*\(|\bJWT::encode\s*\(|^[ \t]*use[ \t]+Firebase\\JWT\b|\bopenssl_pkey_get_private\s*\(|\bLcobucci\\JWT\b/m,
};
