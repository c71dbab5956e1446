import type { Rewriter } from '../types.js';
import { aioRewriters } from './aio.js';
import { codeJsRewriters } from './code-js.js';
import { codePythonRewriters } from './code-python.js';
import { depsRewriters } from './deps.js';
import { envRewriters } from './env.js';
import { exchangeFormRewriters, heldUrlRewriters, orphanRewriters } from './exchange-form.js';
import { jwtBranchRewriters } from './jwt-branch.js';
import { keys } from './keys.js';
import { postmanRewriters } from './postman.js';
import { pyconfigsRewriters } from './pyconfigs.js';
import { sdkCredentialsRewriters } from './sdk-credentials.js';
import { testMockRewriters } from './test-mocks.js';
import { workflowsRewriters } from './workflows.js';
import { workspaceRewriters } from './workspace.js';

/**
 * Rewriters in the order they run on a file: code (what a code rewrite left without callers
 * last), then configuration, then manifests (which
 * look at what the code rewrite left), key deletion last, after inline keys were handled.
 */
export const REWRITERS: Rewriter[] = [
  ...codeJsRewriters,
  ...codePythonRewriters,
  ...jwtBranchRewriters,
  ...exchangeFormRewriters,
  ...heldUrlRewriters,
  ...sdkCredentialsRewriters,
  ...testMockRewriters,
  ...orphanRewriters,
  ...aioRewriters,
  ...envRewriters,
  ...workspaceRewriters,
  ...pyconfigsRewriters,
  ...postmanRewriters,
  ...workflowsRewriters,
  ...depsRewriters,
  keys,
];
