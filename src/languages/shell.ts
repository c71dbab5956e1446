import type { Language } from './types.js';

export const shell: Language = {
  id: 'shell',
  name: 'Shell',
  extensions: ['.sh', '.bash', '.zsh', '.ksh'],
  lineComments: ['#'],
  parser: 'bash',
  functionNodes: ['function_definition'],
  classNodes: [],
  jwtSigning: /\bopenssl[ \t]+dgst[ \t]+-sha256[ \t]+-sign\b|\bopenssl[ \t]+(?:rsautl|pkeyutl)[ \t]+-sign\b|\bjwt[ \t]+encode\b/,
};
