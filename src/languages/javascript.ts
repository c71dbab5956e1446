import type { Language } from './types.js';

export const javascript: Language = {
  id: 'javascript',
  name: 'JavaScript / TypeScript',
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  lineComments: ['//', '*', '/*'],
  parser: 'typescript',
  // TypeScript's SyntaxKind names (the JS/TS parser is the TypeScript compiler).
  functionNodes: ['FunctionDeclaration', 'MethodDeclaration', 'FunctionExpression', 'ArrowFunction', 'Constructor', 'GetAccessor'],
  classNodes: ['ClassDeclaration', 'ClassExpression'],
  jwtSigning:
    /\b(?:require|import)\s*\(\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]\s*\)|(?:\bfrom|\bimport)\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]|\bKJUR\.jws\.JWS\.sign\s*\(|\bjwt\.sign\s*\(|\bjws\.sign\s*\(|\bcrypto\.createSign\s*\(/,
};
