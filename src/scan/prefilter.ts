// The cheap first pass: a file reaches the rules only if its bytes hold one of the catalog's
// literals, or its path is one a family always reads (manifests name JWT libraries without
// any Adobe word). The fixture walk proves each positive is reachable through this gate.
//
// A regex alternation of the literals runs near 300 MB/s in V8; this Wu-Manber search (shift
// table over byte pairs, so most windows skip ahead by the shortest literal's length less one)
// runs near 900 MB/s on source code. See bench/bench.mjs.
import { CANDIDATE_PATHS, PREFILTER_LITERALS } from '../rules/index.js';

export type LiteralTest = (buf: Uint8Array, n: number) => boolean;

/** Builds a test for "buf[0..n) contains any of these byte strings" (each at least 2 bytes). */
export function compileLiterals(literals: readonly string[]): LiteralTest {
  const lits = literals.map((l) => Buffer.from(l, 'latin1')).filter((l) => l.length >= 2);
  if (lits.length === 0) return () => false;
  const m = Math.min(...lits.map((l) => l.length));
  // shift[pair]: how far the window may move when its last two bytes are `pair`.
  const shift = new Uint8Array(65536).fill(m - 1);
  const candidates: (Buffer[] | undefined)[] = new Array(65536);
  for (const l of lits) {
    for (let j = 1; j < m; j++) {
      const pair = (l[j - 1] << 8) | l[j];
      shift[pair] = Math.min(shift[pair], m - 1 - j);
    }
    const last = (l[m - 2] << 8) | l[m - 1];
    (candidates[last] ??= []).push(l);
  }
  return (buf, n) => {
    // Big-endian 16-bit reads give the pair in one load.
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = m - 1;
    while (pos < n) {
      const pair = view.getUint16(pos - 1);
      const s = shift[pair];
      if (s !== 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const l of candidates[pair]!) {
        if (start + l.length > n) continue;
        let j = 0;
        while (j < l.length && buf[start + j] === l[j]) j++;
        if (j === l.length) return true;
      }
      pos++;
    }
    return false;
  };
}

export const hasLiteral: LiteralTest = compileLiterals(PREFILTER_LITERALS);

export function isCandidate(buf: Uint8Array, n: number, path: string): boolean {
  return CANDIDATE_PATHS.some((re) => re.test(path)) || hasLiteral(buf, n);
}
