import { posix } from 'node:path';
import type { Rewriter } from '../types.js';

const KEY_FILE_RULES = ['key-private-key-file', 'key-config-zip', 'key-jwt-certificate', 'key-pem-private-key'];
/** A file that holds nothing but PEM blocks (and blank lines or a short header). */
const PEM_ONLY = /^(?:\s*(?:[^\n-][^\n]{0,200}\n)?)*?\s*-----BEGIN [A-Z ]+-----[\s\S]*-----END [A-Z ]+-----\s*$/;

const REVOKE =
  'This key was committed: deleting the file does not remove it from git history. After the OAuth Server-to-Server credential is in use, delete the Service Account (JWT) credential in the Adobe Developer Console, which revokes the key, and rotate anything else the key protected.';

/** Committed key material is deleted; revoking it is a manual step in the Console. */
export const keys: Rewriter = {
  name: 'key files',
  ruleIds: KEY_FILE_RULES,
  rewrite(ctx) {
    const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => KEY_FILE_RULES.includes(id));
    const pathOnly = ids.some((id) => id !== 'key-pem-private-key');
    const keyOnly = PEM_ONLY.test(ctx.text);
    if (!pathOnly && !keyOnly) return null; // an inline key inside other content: another rewriter's job
    const isCert = posix.basename(ctx.file) === 'certificate_pub.crt';
    return {
      ruleIds: ids,
      delete: true,
      manual: isCert
        ? []
        : [{ file: ctx.file, line: 1, ruleId: ids[0], instructions: REVOKE }],
    };
  },
};
