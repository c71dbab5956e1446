import type { RuleFamily } from '../types.js';

// Findings of the Developer Console check (src/adobe/check.ts). They match no file content: their
// messages name the project, workspace and credential, and they sit on the file that links the
// project (workspace JSON, .aio, a client id) or on no file.
export const consoleRules: RuleFamily = {
  name: 'console',
  literals: [],
  rules: [
    {
      id: 'console-jwt-credential',
      title: 'Service Account (JWT) credential in the Developer Console',
      severity: 'error',
      category: 'config',
      message:
        'A Developer Console project linked to this repository still has a Service Account (JWT) credential. Add the OAuth Server-to-Server credential to the project, switch the code and secrets, then delete the JWT credential.',
      origin: 'console',
    },
    {
      id: 'console-jwt-migration-in-progress',
      title: 'JWT to OAuth migration in progress in the Developer Console',
      severity: 'warning',
      category: 'config',
      message:
        'A Developer Console credential linked to this repository is mid-migration from JWT to OAuth Server-to-Server. Deploy the OAuth credential, check its "last used" time, then delete the JWT credential to finish.',
      origin: 'console',
    },
    {
      id: 'console-query-service-credential',
      title: 'Query Service non-expiring credential',
      severity: 'note',
      category: 'config',
      message:
        'An Experience Platform Query Service non-expiring credential must be migrated in the Experience Platform UI (Queries > Credentials > Migrate). The technical account id and password stay the same, so no code change is needed.',
      origin: 'console',
    },
  ],
};
