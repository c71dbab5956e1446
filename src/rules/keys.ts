import { linear } from '../regex.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';

// Committed key material of the Service Account (JWT) credential. SSH and TLS keys are not
// findings: every key rule but the certificate one needs the key tied to Adobe
// (`needsContext: 'key'`: JWT findings in the same file, beside certificate_pub.crt, an Adobe-ish
// path, or named by a file with JWT findings).

const BEGIN = linear(/-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----/g);

/**
 * Each PEM private key block, BEGIN to END: the whole block is what must go. A block without its
 * END line (cut, or escaped in one JSON string) is the BEGIN line alone.
 */
function pemBlocks(file: FileInput): Hit[] {
  const hits: Hit[] = [];
  for (const m of BEGIN.matchAll(file.text, 100)) {
    // A key block is a few kilobytes: look no further than 16 KB for its END line.
    const window = file.text.slice(m.end, m.end + 16384);
    const end = window.indexOf('-----END');
    const stop = end >= 0 ? window.indexOf('-----', end + 8) : -1;
    hits.push({ index: m.index, length: stop >= 0 ? m.end + stop + 5 - m.index : m.end - m.index });
  }
  return hits;
}

/** Files whose name says "private key" (Adobe's download names it private.key). */
const PRIVATE_KEY_FILE = /(?:^|\/)[\w.-]*private[\w.-]*\.(?:key|pem)$/i;

const REVOKE =
  'Deleting the file is not enough: the key stays in git history. Revoke it by deleting the Service Account (JWT) credential in the Adobe Developer Console once the OAuth Server-to-Server credential is in use.';

export const keys: RuleFamily = {
  name: 'keys',
  literals: ['PRIVATE KEY-----'],
  rules: [
    {
      id: 'key-pem-private-key',
      title: 'Committed private key (PEM)',
      severity: 'error',
      category: 'security',
      message: `A private key for the Adobe JWT credential is committed here. ${REVOKE}`,
      needsContext: 'key',
      excludePaths: PRIVATE_KEY_FILE,
      // OPENSSH, EC and DSA keys are not JWT keys; the form also matches inside JSON/.env values.
      match: pemBlocks,
    },
    {
      id: 'key-private-key-file',
      title: 'Committed private key file',
      severity: 'error',
      category: 'security',
      message: `This private key file belongs to the Adobe JWT credential. Remove it from the repository. ${REVOKE}`,
      needsContext: 'key',
      pathOnly: true,
      paths: PRIVATE_KEY_FILE,
    },
    {
      // Whatever its name (secret.key, a DER or PKCS12 file, a placeholder the sample asks you to
      // overwrite), a key file that JWT code or its settings name is the flow's key.
      id: 'key-file-read-by-jwt-code',
      title: 'Key file the JWT code reads',
      severity: 'warning',
      category: 'security',
      message: `The JWT code or its settings name this key file: it holds (or is meant to hold) the Service Account (JWT) credential's private key. Remove it with the JWT code. If it ever held a real key: ${REVOKE}`,
      needsContext: 'key',
      pathOnly: true,
      paths: /\.(?:key|pem|der|p8|p12|pfx)$/i,
      excludePaths: PRIVATE_KEY_FILE,
    },
    {
      // The public half of the key pair: kept only in a folder with a key of the flow (context.ts).
      id: 'key-certificate-beside-jwt-key',
      title: 'Certificate beside the JWT private key',
      severity: 'warning',
      category: 'security',
      message:
        'This certificate sits beside the private key of the Adobe Service Account (JWT) credential: it is most likely the public half of that key pair, uploaded to the Developer Console. OAuth Server-to-Server uses no certificate: remove it with the key.',
      needsContext: 'key',
      pathOnly: true,
      paths: /\.(?:crt|cer)$/i,
      excludePaths: /(?:^|\/)certificate_pub\.crt$/,
    },
    {
      id: 'key-config-zip',
      title: 'Committed JWT credential download (config.zip)',
      severity: 'error',
      category: 'security',
      message: `config.zip is the Developer Console download of a JWT key pair and holds the private key. Remove it from the repository. ${REVOKE}`,
      needsContext: 'key',
      pathOnly: true,
      paths: /(?:^|\/)config\.zip$/,
    },
    {
      id: 'key-jwt-certificate',
      title: 'Committed JWT certificate (certificate_pub.crt)',
      severity: 'warning',
      category: 'security',
      message:
        'certificate_pub.crt is the public certificate of an Adobe Service Account (JWT) credential, so the JWT flow (and probably its private key) lives in this repository. Remove it after migrating to OAuth Server-to-Server, then delete the JWT credential in the Adobe Developer Console.',
      pathOnly: true,
      paths: /(?:^|\/)certificate_pub\.crt$/,
    },
  ],
};
