import { JVM_SIGNING } from './java.js';
import type { Language } from './types.js';

export const scala: Language = {
  id: 'scala',
  name: 'Scala',
  extensions: ['.scala', '.sc'],
  lineComments: ['//', '*', '/*'],
  parser: 'scala',
  functionNodes: ['function_definition'],
  classNodes: ['class_definition', 'object_definition', 'trait_definition'],
  jwtSigning: JVM_SIGNING,
};
