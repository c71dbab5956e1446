import { DOTNET_SIGNING } from './csharp.js';
import type { Language } from './types.js';

/** F# and VB.NET: no grammar is bundled, so no token-function region (the signals still hold). */
export const fsharp: Language = {
  id: 'fsharp',
  name: 'F# / VB.NET',
  extensions: ['.fs', '.fsx', '.fsi', '.vb'],
  lineComments: ['//', "'", '(*'],
  functionNodes: [],
  classNodes: [],
  jwtSigning: DOTNET_SIGNING,
};
