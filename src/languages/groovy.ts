import { JVM_SIGNING } from './java.js';
import type { Language } from './types.js';

/** Groovy (Jenkins pipelines, Gradle scripts): no grammar is bundled, so no token-function region. */
export const groovy: Language = {
  id: 'groovy',
  name: 'Groovy',
  extensions: ['.groovy', '.gvy'],
  filenames: ['Jenkinsfile'],
  lineComments: ['//', '*', '/*'],
  functionNodes: [],
  classNodes: [],
  jwtSigning: JVM_SIGNING,
};
