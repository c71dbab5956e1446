import type { Language } from './types.js';

export const go: Language = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  lineComments: ['//', '*', '/*'],
  parser: 'go',
  functionNodes: ['function_declaration', 'method_declaration'],
  classNodes: [],
  jwtSigning: /\bjwt\.NewWithClaims\s*\(|"github\.com\/(?:golang-jwt\/jwt|dgrijalva\/jwt-go)[^"]*"|\bjwt\.ParseRSAPrivateKeyFromPEM\s*\(/,
};
