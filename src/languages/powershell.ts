import type { Language } from './types.js';

export const powershell: Language = {
  id: 'powershell',
  name: 'PowerShell',
  extensions: ['.ps1', '.psm1'],
  lineComments: ['#', '<#'],
  parser: 'powershell',
  functionNodes: ['function_statement'],
  classNodes: ['class_statement'],
  jwtSigning: /X509Certificate2\]::new\s*\(|\bX509Certificate2\b[^\n]{0,40}\(|\.SignData\s*\(|\bNew-Jwt\b|\bRSACryptoServiceProvider\b/i,
};
