// The literal prefilter against the obvious answer, on buffers built to hit every lane boundary.
import { describe, expect, it } from 'vitest';
import { PREFILTER_LITERALS } from '../src/rules/index.js';
import { compileLiterals, hasLiteral } from '../src/scan/prefilter.js';

// mulberry32: a small PRNG whose low bits are usable (an LCG's are not).
let seed = 7;
const rand = (k: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * k | 0;
};

function naive(literals: readonly string[], buf: Buffer): boolean {
  return literals.some((l) => buf.includes(Buffer.from(l, 'latin1')));
}

/** Text over a small alphabet rich in the literals' own letters, so near misses abound. */
function noise(n: number): Buffer {
  const alphabet = Buffer.from('adobeADOBEmetascp_-/KEYjwthuAIO \n');
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = alphabet[rand(alphabet.length)];
  return b;
}

describe('prefilter', () => {
  it('agrees with a naive search on random text with literals planted anywhere', () => {
    const literals = ['adobe', 'Adobe', 'meta_scopes', 'PRIVATE KEY-----', 'jwt-auth', 'AIO_'];
    const test = compileLiterals(literals);
    for (let round = 0; round < 3000; round++) {
      const n = [3, 7, 100, 1023, 1024, 1025, 4096, 9999][rand(8)];
      const buf = noise(n);
      if (rand(2)) {
        const lit = Buffer.from(literals[rand(literals.length)], 'latin1');
        const q = n >> 2;
        const spots = [0, n - lit.length, q - 2, q, q + 1, 2 * q - 3, 2 * q, 3 * q - 1, 3 * q, rand(Math.max(1, n))];
        const at = spots[rand(spots.length)];
        if (at >= 0 && at + lit.length <= n) lit.copy(buf, at);
      }
      expect(test(buf, n), `round ${round}`).toBe(naive(literals, buf));
    }
  });

  it('looks only at the first n bytes', () => {
    const buf = Buffer.from(`${'x'.repeat(2000)}adobe`);
    expect(hasLiteral(buf, 2000)).toBe(false);
    expect(hasLiteral(buf, 2005)).toBe(true);
  });

  it('the catalog literals are all reachable', () => {
    for (const lit of PREFILTER_LITERALS) {
      const buf = Buffer.concat([Buffer.from('x'.repeat(3000)), Buffer.from(lit, 'latin1'), Buffer.from('y'.repeat(10))]);
      expect(hasLiteral(buf, buf.length), lit).toBe(true);
    }
  });
});
