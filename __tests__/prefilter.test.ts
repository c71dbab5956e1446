// The literal prefilter against the obvious answer, on buffers built to hit every lane boundary.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PREFILTER_LITERALS } from '../src/rules/index.js';
import {
  compileJsPrefilter,
  compileLiterals,
  compilePrefilter,
  hasLiteral,
  isCandidate,
  type PrefilterEngine,
  scratch,
} from '../src/scan/prefilter.js';

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
const LETTERS = Buffer.from('adobeADOBEmetascp_-/KEYjwthuAIO \n');
function noise(n: number, alphabet: Uint8Array = LETTERS): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = alphabet[rand(alphabet.length)];
  return b;
}

/** Every byte the literals use, a few others and some ≥ 0x80: near misses of every kind. */
function alphabetOf(literals: readonly string[]): Buffer {
  const bytes = new Set<number>([0x20, 0x0a, 0x5f, 0x80, 0xc3, 0xe9, 0xff, 0x00]);
  for (const l of literals) for (const c of Buffer.from(l, 'latin1')) bytes.add(c);
  return Buffer.from([...bytes]);
}

/** Offsets worth planting at in a buffer of n bytes: chunk edges, block edges, both ends. */
function spots(n: number, len: number): number[] {
  const at = new Set<number>([0, 1, 2, n - len, n - len - 1, n - len - 2, rand(Math.max(1, n))]);
  for (const edge of [16, 32, 48, 64, 96, 65536, 2 * 65536 - 100]) {
    for (let d = -len - 1; d <= 2; d++) at.add(edge + d);
  }
  return [...at].filter((s) => s >= 0 && s + len <= n);
}

const LENGTHS = [0, 1, 2, 3, 4, 15, 16, 17, 31, 32, 33, 34, 35, 63, 64, 65, 1000, 100_000];

// Literal sets: the catalog; bytes ≥ 0x80; 2-byte and 3-byte ones; long ones (several 16-byte
// blocks to verify); one fingerprint shared by many; and more than Teddy's tables take.
const SETS: [string, string[]][] = [
  ['catalog', PREFILTER_LITERALS],
  ['high bytes', ['\u00e9t\u00e9', 'caf\u00e9 cr\u00e8me', '\u00ff\u00fe\u00fd', '\u0080\u0081x', 'plain']],
  ['short', ['ab', 'xyz', 'Jwt', 'q_']],
  ['long', ['a'.repeat(40) + 'b', 'PRIVATE KEY-----BEGIN-----' + 'x'.repeat(30), 'adobe']],
  ['shared fingerprint', ['scope', 'scopes', 'scoped', 'scop', 'Scope', 'SCOPE_']],
];
const many: string[] = [];
for (let i = 0; i < 100; i++) many.push(noise(3 + rand(12), Buffer.from('abcdefgh_XYZ')).toString('latin1'));
SETS.push(['more than the tables hold', many]);

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

  it('runs on WebAssembly here (relaxed SIMD from Node 22 on), its scratch in the WASM memory', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(hasLiteral.engine()).toBe(major >= 22 ? 'relaxed-simd' : 'simd');
    const view = scratch(16);
    expect(view.buffer.byteLength % 65536).toBe(0);
    expect(view.byteOffset).toBeGreaterThan(0);
  });

  const engines: PrefilterEngine[] = ['relaxed-simd', 'simd', 'js'];
  for (const [name, literals] of SETS) for (const engine of engines) {
    it(`${engine} agrees with a naive search: ${name}`, () => {
      seed = 1000 + name.length;
      const test = compilePrefilter(literals, engine);
      if (engine !== 'js' && engine !== test.engine()) return; // a runtime without relaxed SIMD
      const js = compileJsPrefilter(literals);
      const alphabet = alphabetOf(literals);
      const valid = literals.filter((l) => l.length >= 2);
      const place = test.scratch(100_000 + 64);
      const check = (buf: Buffer, n: number, what: string) => {
        const want = naive(valid, buf.subarray(0, n));
        expect(test(buf, n), `${what} (copied)`).toBe(want);
        expect(js(buf, n), `${what} (js)`).toBe(want);
        // In place: the same bytes in the WASM memory, with other bytes after n.
        buf.copy(place, 0, 0, Math.min(buf.length, place.length));
        expect(test(place, n), `${what} (in place)`).toBe(want);
      };
      for (const n of LENGTHS) {
        const rounds = n >= 100_000 ? 6 : n >= 1000 ? 40 : 150;
        for (let round = 0; round < rounds; round++) {
          const buf = noise(n + 40, alphabet);
          check(buf, n, `n=${n} noise`);
          const lit = Buffer.from(valid[rand(valid.length)], 'latin1');
          if (lit.length > n) continue;
          const at = spots(n, lit.length);
          const s = at[rand(at.length)];
          lit.copy(buf, s);
          check(buf, n, `n=${n} ${lit.toString('latin1')} at ${s}`);
          // A near miss: the literal less its last byte, just before n.
          const miss = noise(n + 40, alphabet);
          lit.copy(miss, n - lit.length + 1, 0, lit.length - 1);
          check(miss, n, `n=${n} near miss of ${lit.toString('latin1')}`);
          // Another: one byte of it changed (often the last, or one at a 16-byte block's end).
          const odd = Buffer.from(lit);
          const choices = [lit.length - 1, 15, 16, rand(lit.length)].filter((x) => x < lit.length);
          const j = choices[rand(choices.length)];
          odd[j] ^= 1 << rand(8);
          odd.copy(miss, s);
          check(miss, n, `n=${n} ${odd.toString('latin1')} at ${s}`);
          // Straddling n, and wholly past it: only buf[0..n) counts.
          const past = noise(n + 40, alphabet);
          lit.copy(past, n - 1 - rand(lit.length - 1));
          check(past, n, `n=${n} ${lit.toString('latin1')} straddling n`);
          lit.copy(past, n + rand(8));
          check(past, n, `n=${n} ${lit.toString('latin1')} past n`);
        }
      }
    });
  }

  it('finds every catalog literal at every offset of a 100-byte buffer, in place and copied', () => {
    const view = scratch(200);
    for (const lit of PREFILTER_LITERALS) {
      const bytes = Buffer.from(lit, 'latin1');
      for (let at = 0; at + bytes.length <= 100; at++) {
        const buf = Buffer.alloc(100, 0x20);
        bytes.copy(buf, at);
        buf.copy(view);
        expect(hasLiteral(buf, 100), `${lit} at ${at}`).toBe(true);
        expect(hasLiteral(view, 100), `${lit} at ${at} in place`).toBe(true);
        const cut = at + bytes.length - 1;
        expect(hasLiteral(view, cut), `${lit} cut at ${at}`).toBe(naive(PREFILTER_LITERALS, buf.subarray(0, cut)));
      }
    }
  });

  it('finds a literal across the edges of the 64 KiB blocks a copied buffer is searched in', () => {
    for (const literals of [PREFILTER_LITERALS, SETS[3][1]]) {
      const test = compilePrefilter(literals);
      const longest = literals.reduce((a, b) => (b.length > a.length ? b : a));
      const lit = Buffer.from(longest, 'latin1');
      for (let at = 65536 - lit.length - 2; at <= 65536 + 2; at++) {
        const buf = Buffer.alloc(200_000, 0x20);
        lit.copy(buf, at);
        expect(test(buf, buf.length), `${longest} at ${at}`).toBe(true);
        // The second block starts one literal's length less one before the first one's end.
        const second = Buffer.alloc(200_000, 0x20);
        lit.copy(second, 2 * 65536 - lit.length + 1 + at - 65536);
        expect(test(second, second.length), `${longest} near the second edge`).toBe(true);
      }
    }
  });

  it('a view into the scratch memory at any offset sees nothing before its start', () => {
    const test = compilePrefilter(PREFILTER_LITERALS);
    const place = test.scratch(4096);
    for (const lit of PREFILTER_LITERALS) {
      const bytes = Buffer.from(lit, 'latin1');
      for (let cut = 1; cut < bytes.length; cut++) {
        place.fill(0x20);
        bytes.copy(place, 100);
        const view = place.subarray(100 + cut);
        const want = naive(PREFILTER_LITERALS, view.subarray(0, 1000));
        expect(test(view, 1000), `${lit} from byte ${cut}`).toBe(want);
        expect(test(place.subarray(100), 1000), lit).toBe(true);
      }
    }
  });

  it('scratch views share their bytes, and a new view works after the memory grows', () => {
    const test = compilePrefilter(['adobe', 'jwt']);
    const small = test.scratch(64);
    const again = test.scratch(32);
    small.fill(0x20);
    small.write('jwt', 40);
    expect(again.subarray(0, 32).equals(small.subarray(0, 32))).toBe(true);
    expect(test(small, 64)).toBe(true);
    expect(test(small, 42)).toBe(false);
    const before = small.buffer.byteLength;
    const big = test.scratch(before + 3 * 65536);
    expect(big.buffer.byteLength).toBeGreaterThan(before);
    // Growth detached the old view (a WebAssembly memory's old ArrayBuffer empties).
    expect(small.length).toBe(0);
    big.fill(0x41);
    expect(test(big, big.length)).toBe(false);
    big.write('adobe', big.length - 5);
    expect(test(big, big.length)).toBe(true);
    expect(test(big, big.length - 1)).toBe(false);
    big.write('jwt', 70_000);
    expect(test(big, big.length - 1)).toBe(true);
    // The exported scratch is hasLiteral's and isCandidate searches it in place.
    const mine = scratch(300_000);
    mine.fill(0x20, 0, 250_000);
    mine.write('ims/exchange', 200_000);
    expect(isCandidate(mine, 250_000, 'src/a.js')).toBe(true);
    expect(isCandidate(mine, 200_005, 'src/a.js')).toBe(false);
  });

  it('src/scan/teddy-wasm.ts is what scripts/build-wasm.mjs builds from teddy.wat', () => {
    // --check exits 1 when the committed file differs from a fresh build.
    const script = fileURLToPath(new URL('../scripts/build-wasm.mjs', import.meta.url));
    const check = () => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' });
    expect(check).not.toThrow();
  });
});
