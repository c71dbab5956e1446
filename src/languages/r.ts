import type { Language } from './types.js';

export const r: Language = {
  id: 'r',
  name: 'R',
  extensions: ['.r', '.rmd'],
  lineComments: ['#', "#'"],
  parser: 'r',
  functionNodes: ['function_definition'],
  classNodes: [],
  jwtSigning: /\bjwt_encode_sig\s*\(|\bjwt_claim\s*\(|\blibrary\s*\(\s*["']?jose\b|\bjose::|\bopenssl::read_key\s*\(/,
};
