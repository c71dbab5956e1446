import type { Language } from './types.js';

export const ruby: Language = {
  id: 'ruby',
  name: 'Ruby',
  extensions: ['.rb', '.gemspec', '.rake'],
  filenames: ['Gemfile', 'Rakefile'],
  lineComments: ['#'],
  parser: 'ruby',
  functionNodes: ['method', 'singleton_method'],
  classNodes: ['class', 'module'],
  jwtSigning: /\bJWT\.encode\s*\(|^[ \t]*require[ \t]+['"]jwt['"]|\bOpenSSL::PKey::RSA\.new\s*\(/m,
};
