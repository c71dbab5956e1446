import { JVM_SIGNING } from './java.js';
import type { Language } from './types.js';

export const kotlin: Language = {
  id: 'kotlin',
  name: 'Kotlin',
  extensions: ['.kt', '.kts'],
  lineComments: ['//', '*', '/*'],
  parser: 'kotlin',
  functionNodes: ['function_declaration'],
  classNodes: ['class_declaration', 'object_declaration'],
  jwtSigning: JVM_SIGNING,
};
