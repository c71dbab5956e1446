import type { RuleFamily } from '../types.js';
import { CODE_PATHS } from './context.js';

// Code that performs the JWT exchange itself.
export const code: RuleFamily = {
  name: 'code',
  literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange'],
  rules: [
    {
      id: 'code-ims-jwt-exchange',
      title: 'Adobe IMS JWT exchange endpoint',
      severity: 'error',
      category: 'code',
      message:
        'This calls the Adobe IMS JWT exchange, which no longer issues tokens. Request a token with grant_type=client_credentials at /ims/token/v3 (OAuth Server-to-Server) instead.',
      fixable: true,
      paths: CODE_PATHS,
      pattern: /(?<hit>\/ims\/exchange\/(?:v1\/)?jwt)\b\/?/,
    },
  ],
};
