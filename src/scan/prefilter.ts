// The cheap first pass: a file reaches the rules only if its bytes hold one of the catalog's
// literals, or its path is one a family always reads (manifests name JWT libraries without
// any Adobe word). The fixture walk proves each positive is reachable through this gate.
//
// A regex alternation of the literals runs near 300 MB/s in V8; the Wu-Manber search below
// 1.1 to 1.4 GB/s on source code (one thread). Teddy (teddy.wat: WebAssembly SIMD, the
// multi-literal search ripgrep uses) runs 5 to 6 GB/s and is used wherever WebAssembly SIMD
// validates; the JS search stays as the fallback and as the tests' second opinion.
import { CANDIDATE_PATHS, PREFILTER_LITERALS } from '../rules/index.js';
import { TEDDY_WASM, TEDDY_WASM_RELAXED } from './teddy-wasm.js';

export type LiteralTest = (buf: Uint8Array, n: number) => boolean;

/** Builds a test for "buf[0..n) contains any of these byte strings" (each at least 2 bytes). */
export function compileLiterals(literals: readonly string[]): LiteralTest {
  const lits = literals.map((l) => Buffer.from(l, 'latin1')).filter((l) => l.length >= 2);
  if (lits.length === 0) return () => false;
  const m = Math.min(255, ...lits.map((l) => l.length));
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
  /** True when a literal ends at `pos` (the window's last byte). */
  const verify = (buf: Uint8Array, n: number, pos: number): boolean => {
    const start = pos - m + 1;
    for (const l of candidates[(buf[pos - 1] << 8) | buf[pos]]!) {
      if (start + l.length > n) continue;
      let j = 0;
      while (j < l.length && buf[start + j] === l[j]) j++;
      if (j === l.length) return true;
    }
    return false;
  };
  /** Window ends in [pos, end). */
  const lane = (buf: Uint8Array, n: number, pos: number, end: number): boolean => {
    while (pos < end) {
      const s = shift[(buf[pos - 1] << 8) | buf[pos]];
      if (s !== 0) pos += s;
      else if (verify(buf, n, pos)) return true;
      else pos++;
    }
    return false;
  };
  // Each step of a lane waits on two dependent loads; four lanes over the four quarters of the
  // buffer interleave those waits, which nearly doubles the speed over one lane.
  return (buf, n) => {
    if (n < 1024) return lane(buf, n, m - 1, n);
    const q = n >> 2;
    const e0 = q + m - 1;
    const e1 = e0 + q;
    const e2 = e1 + q;
    let a = m - 1;
    let b = e0;
    let c = e1;
    let d = e2;
    while (a < e0 && b < e1 && c < e2 && d < n) {
      const sa = shift[(buf[a - 1] << 8) | buf[a]];
      const sb = shift[(buf[b - 1] << 8) | buf[b]];
      const sc = shift[(buf[c - 1] << 8) | buf[c]];
      const sd = shift[(buf[d - 1] << 8) | buf[d]];
      if (sa !== 0) a += sa;
      else if (verify(buf, n, a)) return true;
      else a++;
      if (sb !== 0) b += sb;
      else if (verify(buf, n, b)) return true;
      else b++;
      if (sc !== 0) c += sc;
      else if (verify(buf, n, c)) return true;
      else c++;
      if (sd !== 0) d += sd;
      else if (verify(buf, n, d)) return true;
      else d++;
    }
    return lane(buf, n, a, e0) || lane(buf, n, b, e1) || lane(buf, n, c, e2) || lane(buf, n, d, n);
  };
}

/**
 * Literals shorter than this are searched one by one with Buffer#indexOf (a memchr on the first
 * byte): in the shift table one 3-byte literal ("jwt") would cap every skip at two bytes.
 */
const SHORT = 5;

/** The JS search: long literals in one Wu-Manber pass, short ones each by indexOf. */
export function compileJsPrefilter(literals: readonly string[]): LiteralTest {
  const long = compileLiterals(literals.filter((l) => l.length >= SHORT));
  const short = literals.filter((l) => l.length >= 2 && l.length < SHORT).map((l) => Buffer.from(l, 'latin1'));
  if (short.length === 0) return long;
  return (buf, n) => {
    if (long(buf, n)) return true;
    const view = Buffer.from(buf.buffer, buf.byteOffset, n);
    return short.some((l) => view.indexOf(l) >= 0);
  };
}

// The lib this project compiles against (ES2023 and node) declares no WebAssembly; this is the
// little of it used here.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {
    exports: { memory: WasmMemory; find(p: number, n: number): number };
  };
};

/** A literal test that also lends a buffer to read files into, for it to search in place. */
export type Prefilter = LiteralTest & {
  /**
   * A Buffer of `size` bytes in the WASM memory: a file read into it is searched where it lies,
   * without a copy. Every view this returns shares the same bytes (at the same start), and growing
   * the memory for a larger size detaches every earlier view: use only the latest. Without
   * WebAssembly it is a plain reused Buffer.
   */
  scratch(size: number): Buffer;
  /** The search in use (set up on the first call, if not yet). */
  engine(): PrefilterEngine;
};

/** Teddy's tables have eight buckets; past this many literals each bucket mixes too many. */
const TEDDY_MAX = 64;
/** Bytes find() may read past the text it is given (32, see teddy.wat), with room to spare. */
const SLACK = 64;
const PAGE = 65536;
/** Fingerprint bytes, and where teddy.wat's tables, bucket list and records start. */
const FP = 4;
const TABLES = 0;
const BUCKETS = 128;
const RECORDS = 192;

// Bytes of source code, commonest first, with their share per 10,000 (JS, TS, Python, C headers,
// the field corpus); any other byte counts as 0.5. Teddy's planner uses it to prefer rare
// fingerprints and to keep buckets whose nibble tables admit little common text.
const CODE_BYTES: [string, number][] = [
  [' ', 1744], ['e', 735], ['t', 522], ['r', 401], ['n', 389], ['o', 385], ['i', 379], ['a', 369],
  ['s', 361], ['l', 234], ['\n', 233], ['c', 220], ['d', 206], ['p', 191], ['u', 176], ['_', 163],
  ['m', 144], ['f', 133], ['.', 128], ['h', 124], ['g', 107], ['"', 99], [',', 99], ['/', 97],
  ['b', 84], [')', 83], ['(', 83], ['y', 78], ['A', 75], [':', 73], ['*', 69], ['S', 67],
  ['v', 66], ['T', 66], ['E', 64], ['I', 61], ['\t', 60], ['-', 58], ['=', 56], ['C', 53],
  ['R', 51], ['x', 50], ['L', 48], ['P', 47], ['D', 45], ['w', 43], ['N', 42], [';', 42],
  ['0', 40], ['O', 39], ['{', 37], ['}', 37], ['\'', 35], ['F', 34], ['k', 34], ['M', 32],
  ['B', 28], ['1', 27], ['G', 26], ['2', 22], ['#', 22], ['U', 21], ['[', 18], [']', 18],
  ['>', 16], ['\\', 16], ['H', 16], ['V', 16], ['q', 15], ['j', 14], ['&', 14], ['|', 14],
  ['z', 13], ['<', 12], ['X', 12], ['3', 12], ['K', 11], ['W', 11], ['4', 11], ['6', 10],
  ['Q', 10], ['`', 10], ['8', 9], ['+', 9], ['Y', 9], ['5', 8], ['@', 7], ['?', 7], ['!', 6],
  ['9', 6], ['7', 5], ['J', 4], ['$', 3], ['Z', 3], ['%', 2], ['^', 1], ['\r', 1]
];
const BYTE_ODDS = new Float64Array(256).fill(0.5 / 10000);
for (const [c, f] of CODE_BYTES) BYTE_ODDS[c.charCodeAt(0)] = f / 10000;

/** For each literal, where its fingerprint starts and which of the 8 buckets holds it. */
interface TeddyPlan {
  window: number[];
  bucket: number[];
}

/**
 * Picks fingerprints and buckets. A bucket matches any byte whose low nibble and high nibble each
 * belong to some member's byte there, so a bucket of "jwt" and "ETA" also matches "jTt" and "Ewa";
 * its cost is the chance that four bytes of code pass its tables (byte odds taken as independent),
 * and the plan minimizes the sum over buckets: each literal starts at its rarest window, buckets
 * are merged greedily down to eight, then single literals move window or bucket while that helps.
 * A fingerprint byte's nibble sets are one number: low-nibble bits | high-nibble bits << 16.
 */
function planTeddy(lits: Buffer[]): TeddyPlan {
  const n = lits.length;
  /** Fingerprint byte k of lit's window at d; past a 3-byte literal's end, every nibble. */
  const nibbles = (lit: Buffer, d: number, k: number) =>
    d + k < lit.length ? (1 << (lit[d + k] & 15)) | (1 << (16 + (lit[d + k] >> 4))) : -1;
  const sums = new Map<number, number>();
  /** The odds that a byte of code has a low nibble and a high nibble in these sets. */
  const odds = (set: number) => {
    let s = sums.get(set);
    if (s === undefined) {
      s = 0;
      for (let hi = set >>> 16; hi; hi &= hi - 1) {
        const h = 31 - Math.clz32(hi & -hi);
        for (let lo = set & 0xffff; lo; lo &= lo - 1) {
          s += BYTE_ODDS[(h << 4) | (31 - Math.clz32(lo & -lo))];
        }
      }
      sums.set(set, s);
    }
    return s;
  };
  /** The cost of FP nibble sets at m[at..at+FP). */
  const cost = (m: Int32Array, at = 0) => {
    let c = 1;
    for (let k = 0; k < FP; k++) c *= odds(m[at + k]);
    return c;
  };
  const one = new Int32Array(FP);
  const window = lits.map((lit) => {
    let best = 0;
    let bestCost = Infinity;
    for (let d = 0; d === 0 || d + FP <= lit.length; d++) {
      for (let k = 0; k < FP; k++) one[k] = nibbles(lit, d, k);
      const c = cost(one);
      if (c < bestCost) {
        best = d;
        bestCost = c;
      }
    }
    return best;
  });
  /** own[FP*i..]: literal i's nibble sets at its current window. */
  const own = new Int32Array(FP * n);
  const setOwn = (i: number) => {
    for (let k = 0; k < FP; k++) own[FP * i + k] = nibbles(lits[i], window[i], k);
  };
  for (let i = 0; i < n; i++) setOwn(i);

  // Greedy merging; pair[i*n+j] is the cost of groups i and j together, redone only for a group
  // that grew. A merged-away group is dead; group g's sets are in gm[FP*g..].
  const gm = own.slice();
  const group = lits.map((_, i) => i);
  const alive = new Array<boolean>(n).fill(true);
  const alone = Float64Array.from({ length: n }, (_, g) => cost(gm, FP * g));
  const pair = new Float64Array(n * n);
  const both = new Int32Array(FP);
  const union = (g: number, h: number) => {
    for (let k = 0; k < FP; k++) both[k] = gm[FP * g + k] | gm[FP * h + k];
    return cost(both);
  };
  for (let g = 0; g < n; g++) for (let h = g + 1; h < n; h++) pair[g * n + h] = union(g, h);
  for (let groups = n; groups > 8; groups--) {
    let bg = 0;
    let bh = 0;
    let best = Infinity;
    for (let g = 0; g < n; g++) {
      if (!alive[g]) continue;
      for (let h = g + 1; h < n; h++) {
        const more = pair[g * n + h] - alone[g] - alone[h];
        if (alive[h] && more < best) {
          bg = g;
          bh = h;
          best = more;
        }
      }
    }
    alive[bh] = false;
    for (let i = 0; i < n; i++) if (group[i] === bh) group[i] = bg;
    for (let k = 0; k < FP; k++) gm[FP * bg + k] |= gm[FP * bh + k];
    alone[bg] = pair[bg * n + bh];
    for (let h = 0; h < n; h++) {
      if (alive[h] && h !== bg) pair[Math.min(bg, h) * n + Math.max(bg, h)] = union(bg, h);
    }
  }
  // Number the surviving groups 0..7.
  const number = new Map<number, number>();
  const bucket = group.map((g) => number.get(g) ?? number.set(g, number.size).get(g)!);

  // Hill climbing. bm[FP*b..]: bucket b's sets; an empty bucket's sets are 0, which costs 0.
  const bm = new Int32Array(8 * FP);
  for (let i = 0; i < n; i++) for (let k = 0; k < FP; k++) bm[FP * bucket[i] + k] |= own[FP * i + k];
  const rest = new Int32Array(FP);
  const setCost = (base: Int32Array, at: number, add: Int32Array, addAt: number) => {
    for (let k = 0; k < FP; k++) both[k] = base[at + k] | add[addAt + k];
    return cost(both);
  };
  for (let pass = 0, better = true; better && pass < 8; pass++) {
    better = false;
    for (let i = 0; i < n; i++) {
      const from = bucket[i];
      rest.fill(0);
      for (let j = 0; j < n; j++) {
        if (j !== i && bucket[j] === from) for (let k = 0; k < FP; k++) rest[k] |= own[FP * j + k];
      }
      // The best window for it in its own bucket, then the bucket where it adds least.
      let here = setCost(rest, 0, own, FP * i);
      for (let d = 0; d + FP <= Math.max(FP, lits[i].length); d++) {
        for (let k = 0; k < FP; k++) one[k] = nibbles(lits[i], d, k);
        const c = setCost(rest, 0, one, 0);
        if (c < here * (1 - 1e-9)) {
          here = c;
          window[i] = d;
          setOwn(i);
          better = true;
        }
      }
      let adds = here - cost(rest);
      let to = from;
      for (let b = 0; b < 8; b++) {
        if (b === from) continue;
        const c = setCost(bm, FP * b, own, FP * i) - cost(bm, FP * b);
        if (c < adds * (1 - 1e-9)) {
          adds = c;
          to = b;
        }
      }
      bucket[i] = to;
      if (to !== from) better = true;
      for (let k = 0; k < FP; k++) {
        bm[FP * from + k] = rest[k];
        if (to === from) bm[FP * from + k] |= own[FP * i + k];
        else bm[FP * to + k] |= own[FP * i + k];
      }
    }
  }
  return { window, bucket };
}

/** Writes the tables and records teddy.wat reads (its layout comment) and returns their end. */
function layoutTeddy(mem: Uint8Array, lits: Buffer[], plan: TeddyPlan): number {
  const view = new DataView(mem.buffer, mem.byteOffset);
  const order = lits.map((_, i) => i).sort((a, b) => plan.bucket[a] - plan.bucket[b] || a - b);
  let blocks = RECORDS + 32 * lits.length;
  let rec = RECORDS;
  for (let b = 0; b < 8; b++) view.setUint32(BUCKETS + 8 * b, RECORDS, true);
  for (const i of order) {
    const lit = lits[i];
    const b = plan.bucket[i];
    const d = plan.window[i];
    for (let k = 0; k < FP; k++) {
      const lo = TABLES + 32 * k;
      if (d + k >= lit.length) for (let x = lo; x < lo + 32; x++) mem[x] |= 1 << b;
      else {
        mem[lo + (lit[d + k] & 15)] |= 1 << b;
        mem[lo + 16 + (lit[d + k] >> 4)] |= 1 << b;
      }
    }
    // Buckets' records are consecutive: each bucket starts where the ones before it end.
    for (let c = b + 1; c < 8; c++) view.setUint32(BUCKETS + 8 * c, rec + 32, true);
    for (let c = b; c < 8; c++) view.setUint32(BUCKETS + 8 * c + 4, rec + 32, true);
    view.setUint32(rec, lit.length, true);
    view.setUint32(rec + 4, d, true);
    view.setUint32(rec + 8, blocks, true);
    // The fingerprint as the little-endian i32 teddy.wat loads, the wildcard byte masked off.
    let fp = 0;
    for (let k = 0; k < FP && d + k < lit.length; k++) fp |= lit[d + k] << (8 * k);
    view.setUint32(rec + 12, fp >>> 0, true);
    view.setUint32(rec + 16, lit.length - d >= FP ? 0xffffffff : 0xffffff, true);
    rec += 32;
    for (let k = 0; k < lit.length; k += 16, blocks += 32) {
      mem.set(lit.subarray(k, k + 16), blocks);
      mem.fill(0xff, blocks + 16, blocks + 16 + Math.min(16, lit.length - k));
    }
  }
  return blocks;
}

/** The searches compilePrefilter can build: Teddy in either WASM build, or the JS one. */
export type PrefilterEngine = 'relaxed-simd' | 'simd' | 'js';

const BUILDS: [PrefilterEngine, string][] = [
  ['relaxed-simd', TEDDY_WASM_RELAXED],
  ['simd', TEDDY_WASM],
];
const modules = new Map<PrefilterEngine, object | null>();

/**
 * The compiled teddy.wat, once per thread (each worker has its own module scope): the relaxed
 * SIMD build where it validates (Node 22 and later), else the plain SIMD one (Node 20), else null
 * (node --jitless has no WebAssembly), where the JS search serves. `only` asks for one build.
 */
function teddyModule(only?: PrefilterEngine): [PrefilterEngine, object] | null {
  for (const [engine, b64] of BUILDS) {
    if (only && only !== engine) continue;
    if (!modules.has(engine)) {
      let mod: object | null = null;
      try {
        const bytes = Buffer.from(b64, 'base64');
        if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) {
          mod = new WebAssembly.Module(bytes);
        }
      } catch {
        mod = null;
      }
      modules.set(engine, mod);
    }
    const mod = modules.get(engine);
    if (mod) return [engine, mod];
  }
  return null;
}

interface Teddy {
  engine: PrefilterEngine;
  memory: WasmMemory;
  find(p: number, n: number): number;
  /** Where texts handed in from outside the memory are copied, in blocks of `block` bytes. */
  copyAt: number;
  block: number;
  /** The longest literal less one: how much consecutive blocks overlap. */
  overlap: number;
  /** Where scratch views start. */
  heap: number;
  bytes: Uint8Array;
}

function instantiateTeddy(lits: Buffer[], only?: PrefilterEngine): Teddy | null {
  const found = only === 'js' ? null : teddyModule(only);
  if (!found) return null;
  const { exports } = new WebAssembly.Instance(found[1]);
  const plan = planTeddy(lits);
  const longest = Math.max(...lits.map((l) => l.length));
  const header = RECORDS + lits.reduce((s, l) => s + 32 + 32 * Math.ceil(l.length / 16), 0);
  const copyAt = Math.ceil(header / 64) * 64;
  const block = Math.max(PAGE, Math.ceil((4 * longest) / 64) * 64);
  const heap = copyAt + block + SLACK;
  const pages = Math.ceil((heap + SLACK) / PAGE);
  const memory = exports.memory;
  if (pages > memory.buffer.byteLength / PAGE) memory.grow(pages - memory.buffer.byteLength / PAGE);
  layoutTeddy(new Uint8Array(memory.buffer), lits, plan);
  const bytes = new Uint8Array(memory.buffer);
  const overlap = longest - 1;
  return { engine: found[0], memory, find: exports.find, copyAt, block, overlap, heap, bytes };
}

/** Teddy over buf[0..n): in place when buf is a scratch view, else copied in over blocks. */
function teddySearch(t: Teddy, buf: Uint8Array, n: number): boolean {
  if (n < 3) return false;
  const ab = t.memory.buffer;
  if (buf.buffer === ab && buf.byteOffset >= t.heap && buf.byteOffset + n + SLACK <= ab.byteLength) {
    return t.find(buf.byteOffset, n) !== 0;
  }
  if (t.bytes.buffer !== ab) t.bytes = new Uint8Array(ab);
  // Consecutive blocks overlap by the longest literal less one, so every occurrence lies wholly
  // inside one block.
  for (let s = 0; ; s += t.block - t.overlap) {
    const e = Math.min(n, s + t.block);
    t.bytes.set(buf.subarray(s, e), t.copyAt);
    if (t.find(t.copyAt, e - s) !== 0) return true;
    if (e === n) return false;
  }
}

/**
 * Builds a test for "buf[0..n) contains any of these byte strings" (latin1; those under 2 bytes
 * are ignored, as compileLiterals does). Literals of 3 bytes or more, up to TEDDY_MAX of them, go
 * to Teddy; 2-byte ones and any past the limit to the JS search, run after it. Teddy's memory is
 * set up on the first call, not here, so importing this module costs nothing. `only` picks the
 * engine (for tests and benchmarks); by default the fastest this runtime has.
 */
export function compilePrefilter(literals: readonly string[], only?: PrefilterEngine): Prefilter {
  const seen = new Set<string>();
  const lits: Buffer[] = [];
  const others: string[] = [];
  for (const l of literals) {
    const b = Buffer.from(l, 'latin1');
    const key = b.toString('latin1');
    if (b.length < 2 || seen.has(key)) continue;
    seen.add(key);
    if (b.length >= 3 && lits.length < TEDDY_MAX) lits.push(b);
    else others.push(key);
  }
  const rest = others.length ? compileJsPrefilter(others) : undefined;
  let teddy: Teddy | null | undefined = lits.length ? undefined : null;
  let js: LiteralTest | undefined;
  let spare = Buffer.alloc(0);
  const test = ((buf: Uint8Array, n: number) => {
    if (teddy === undefined) teddy = instantiateTeddy(lits, only);
    if (teddy === null) return (js ??= compileJsPrefilter(literals))(buf, n);
    return teddySearch(teddy, buf, n) || (rest !== undefined && rest(buf, n));
  }) as Prefilter;
  test.scratch = (size: number) => {
    if (teddy === undefined) teddy = instantiateTeddy(lits, only);
    if (teddy === null) {
      if (spare.length < size) spare = Buffer.allocUnsafe(size);
      return spare.subarray(0, size);
    }
    const have = teddy.memory.buffer.byteLength;
    const need = teddy.heap + size + SLACK;
    if (need > have) teddy.memory.grow(Math.ceil((need - have) / PAGE));
    return Buffer.from(teddy.memory.buffer, teddy.heap, size);
  };
  test.engine = () => {
    if (teddy === undefined) teddy = instantiateTeddy(lits, only);
    return teddy ? teddy.engine : 'js';
  };
  return test;
}

export const hasLiteral: Prefilter = compilePrefilter(PREFILTER_LITERALS);

/**
 * A Buffer of at least `size` bytes for the scanner to read files into: hasLiteral and
 * isCandidate search it in place, where any other buffer is copied first. Growing it (a larger
 * size than any before) detaches every view it gave out before; see Prefilter.scratch.
 */
export function scratch(size: number): Buffer {
  return hasLiteral.scratch(size);
}

// One alternation instead of one test per family (they share no flags, so they combine as they are).
// native-regex: flags of our own patterns
const combinable = CANDIDATE_PATHS.every((re) => re.flags.replace(/[gy]/g, '') === '');
const ANY_CANDIDATE_PATH = combinable ? new RegExp(CANDIDATE_PATHS.map((re) => `(?:${re.source})`).join('|') || '(?!)') : undefined;

export function isCandidate(buf: Uint8Array, n: number, path: string): boolean {
  // native-regex: a path
  const byPath = ANY_CANDIDATE_PATH ? ANY_CANDIDATE_PATH.test(path) : CANDIDATE_PATHS.some((re) => re.test(path));
  return byPath || hasLiteral(buf, n);
}
