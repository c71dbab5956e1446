;; Teddy: does a range of bytes hold any of up to 64 literals? The multi-literal search of
;; Hyperscan and of Rust's aho-corasick (which ripgrep uses), in 128-bit WebAssembly SIMD.
;;
;; Every literal has a fingerprint: four consecutive bytes of it, at offset d (three bytes and a
;; wildcard for a 3-byte literal). prefilter.ts picks each d (a rare window, not always the start)
;; and sorts the literals into eight buckets, one bit each. For fingerprint byte k (0..3) two
;; 16-byte tables say which buckets hold a literal whose byte k has that low nibble, and which
;; that high nibble; i8x16.swizzle looks sixteen bytes up at once in each, and ANDing the two
;; gives r_k: lane j holds the buckets whose byte k may be the byte at i+j. A fingerprint ends at
;; i+j when r3[j], r2[j-1], r1[j-2] and r0[j-3] share a bucket: the earlier r_k are shifted by
;; 3-k lanes, taking their first lanes from the previous chunk's (an i8x16.shuffle V8 turns into
;; one palignr). On source code most 32-byte turns end with no lane set; the few lanes left are
;; verified exactly.
;;
;; Four fingerprint bytes, not Teddy's usual three: with ~50 literals in eight buckets each
;; bucket's nibble sets admit much common text, and the fourth byte cuts the lanes to verify
;; about threefold for two more lookups a chunk.
;;
;; Every swizzle index here is 0..15 (a nibble, or a lane number). build-wasm.mjs also writes a
;; copy with each i8x16.swizzle made i8x16.relaxed_swizzle, which answers the same for such
;; indices and which V8 on x64 compiles to a bare pshufb (plain swizzle adds a saturating add and
;; a constant load per lookup, to zero indices over 15): about 40% faster. Keep indices in range.
;;
;; Memory, laid out by prefilter.ts:
;;     0..128  the eight nibble tables: low0 high0 low1 high1 low2 high2 low3 high3
;;   128..192  bucket b at 128 + 8b: i32 address of its first record, i32 address past its last
;;   192..     records, 32 bytes each: i32 length, i32 d, i32 address of its blocks, i32 its
;;             fingerprint's bytes (little-endian), i32 their mask (0xffffff for three bytes);
;;             then each literal's blocks: per 16 bytes of it, the bytes (zero padded) and then
;;             a mask (0xff where the literal has a byte, 0 past its end)
;;   after     the text searched. find(p, n) reads up to 32 bytes past p + n (the last turn is not
;;             cut short), so whoever passes a text keeps that much memory after it
(module
  (memory (export "memory") 1)

  ;; 1 when a literal of a bucket in $bits has its fingerprint at $q and lies within [$lo, $hi).
  (func $verify (param $q i32) (param $bits i32) (param $lo i32) (param $hi i32) (result i32)
    (local $rec i32) (local $last i32) (local $s i32) (local $e i32) (local $k i32)
    (local $blk i32) (local $fp i32)
    ;; The four bytes at $q (the last may lie past $hi: it is masked off for 3-byte literals).
    (local.set $fp (i32.load align=1 (local.get $q)))
    (loop $buckets
      (local.set $k (i32.shl (i32.ctz (local.get $bits)) (i32.const 3)))
      (local.set $rec (i32.load offset=128 (local.get $k)))
      (local.set $last (i32.load offset=132 (local.get $k)))
      (block $bucket_done
        (loop $records
          (br_if $bucket_done (i32.ge_u (local.get $rec) (local.get $last)))
          (block $no
            ;; Most lanes are nibble look-alikes: the exact fingerprint rules them out cheaply.
            (br_if $no (i32.ne (i32.and (local.get $fp) (i32.load offset=16 (local.get $rec)))
                               (i32.load offset=12 (local.get $rec))))
            ;; The literal would start at $s = $q - d: not before $lo (tested as $q - $lo < d,
            ;; which cannot wrap) and ending at $e, not after $hi.
            (br_if $no (i32.lt_u (i32.sub (local.get $q) (local.get $lo))
                                 (i32.load offset=4 (local.get $rec))))
            (local.set $s (i32.sub (local.get $q) (i32.load offset=4 (local.get $rec))))
            (local.set $e (i32.add (local.get $s) (i32.load (local.get $rec))))
            (br_if $no (i32.gt_u (local.get $e) (local.get $hi)))
            ;; Sixteen bytes at a time: any masked byte that differs rules the literal out. The
            ;; last block may read up to 15 bytes past $hi, into the slack the caller keeps.
            (local.set $blk (i32.load offset=8 (local.get $rec)))
            (loop $blocks
              (br_if $no (v128.any_true
                (v128.and
                  (v128.xor (v128.load align=1 (local.get $s)) (v128.load (local.get $blk)))
                  (v128.load offset=16 (local.get $blk)))))
              (local.set $blk (i32.add (local.get $blk) (i32.const 32)))
              (local.set $s (i32.add (local.get $s) (i32.const 16)))
              (br_if $blocks (i32.lt_u (local.get $s) (local.get $e))))
            (return (i32.const 1)))
          (local.set $rec (i32.add (local.get $rec) (i32.const 32)))
          (br $records)))
      (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
      (br_if $buckets (local.get $bits)))
    (i32.const 0))

  ;; 1 when memory[$p, $p + $n) holds one of the literals.
  (func (export "find") (param $p i32) (param $n i32) (result i32)
    (local $hi i32) (local $end i32) (local $i i32) (local $lanes i32) (local $j i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (local $lo2 v128) (local $hi2 v128) (local $lo3 v128) (local $hi3 v128)
    (local $nib v128) (local $v v128) (local $lo v128) (local $h v128) (local $r v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $m v128) (local $m2 v128)
    (if (i32.lt_u (local.get $n) (i32.const 3)) (then (return (i32.const 0))))
    (local.set $hi (i32.add (local.get $p) (local.get $n)))
    ;; The shortest literal has 3 bytes, so fingerprints start below $end; lanes of later ones
    ;; are dropped before verifying (their bytes lie past the text).
    (local.set $end (i32.sub (local.get $hi) (i32.const 2)))
    (local.set $lo0 (v128.load (i32.const 0)))
    (local.set $hi0 (v128.load (i32.const 16)))
    (local.set $lo1 (v128.load (i32.const 32)))
    (local.set $hi1 (v128.load (i32.const 48)))
    (local.set $lo2 (v128.load (i32.const 64)))
    (local.set $hi2 (v128.load (i32.const 80)))
    (local.set $lo3 (v128.load (i32.const 96)))
    (local.set $hi3 (v128.load (i32.const 112)))
    (local.set $nib (i8x16.splat (i32.const 15)))
    ;; $p0..$p2: the previous chunk's r0..r2. Zero at the start: no fingerprint starts before $p.
    (local.set $i (local.get $p))
    (loop $resume
      (block $found
        ;; The hot loop: two chunks a turn (one branch for 32 bytes), and no call in it, so V8
        ;; keeps the tables in registers (a call in the loop spills them on every turn). The
        ;; high nibble is a 16-bit shift and the nibble mask: x86 has no byte shift, and V8 would
        ;; rebuild a mask constant for i8x16.shr_u on every turn. Each r_k is used, then kept as
        ;; the next chunk's previous at once, which holds the live vectors to what x64 has.
        ;; i8x16.shuffle's lanes 0..15 name its first operand's, 16..31 its second's: lane j of
        ;; r_k shifted by s is lane 16+j-s, from the previous chunk's r_k where j < s.
        (loop $scan
          (local.set $lo (v128.and (local.get $nib)
            (local.tee $v (v128.load align=1 (local.get $i)))))
          (local.set $h (v128.and (local.get $nib) (i16x8.shr_u (local.get $v) (i32.const 4))))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo0) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi0) (local.get $h))))
          (local.set $m (i8x16.shuffle 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28
            (local.get $p0) (local.get $r)))
          (local.set $p0 (local.get $r))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo1) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi1) (local.get $h))))
          (local.set $m (v128.and (local.get $m)
            (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
              (local.get $p1) (local.get $r))))
          (local.set $p1 (local.get $r))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo2) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi2) (local.get $h))))
          (local.set $m (v128.and (local.get $m)
            (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
              (local.get $p2) (local.get $r))))
          (local.set $p2 (local.get $r))
          (local.set $m (v128.and (local.get $m)
            (v128.and (i8x16.swizzle (local.get $lo3) (local.get $lo))
                      (i8x16.swizzle (local.get $hi3) (local.get $h)))))
          (local.set $lo (v128.and (local.get $nib)
            (local.tee $v (v128.load offset=16 align=1 (local.get $i)))))
          (local.set $h (v128.and (local.get $nib) (i16x8.shr_u (local.get $v) (i32.const 4))))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo0) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi0) (local.get $h))))
          (local.set $m2 (i8x16.shuffle 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28
            (local.get $p0) (local.get $r)))
          (local.set $p0 (local.get $r))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo1) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi1) (local.get $h))))
          (local.set $m2 (v128.and (local.get $m2)
            (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
              (local.get $p1) (local.get $r))))
          (local.set $p1 (local.get $r))
          (local.set $r (v128.and (i8x16.swizzle (local.get $lo2) (local.get $lo))
                                  (i8x16.swizzle (local.get $hi2) (local.get $h))))
          (local.set $m2 (v128.and (local.get $m2)
            (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
              (local.get $p2) (local.get $r))))
          (local.set $p2 (local.get $r))
          (local.set $m2 (v128.and (local.get $m2)
            (v128.and (i8x16.swizzle (local.get $lo3) (local.get $lo))
                      (i8x16.swizzle (local.get $hi3) (local.get $h)))))
          (br_if $found (v128.any_true (v128.or (local.get $m) (local.get $m2))))
          (local.set $i (i32.add (local.get $i) (i32.const 32)))
          ;; Fingerprints end at most at $hi (a 3-byte literal's wildcard byte), and this turn
          ;; covers ends $i..$i+31.
          (br_if $scan (i32.le_u (local.get $i) (local.get $hi))))
        (return (i32.const 0)))
      ;; Bit j of $lanes: a fingerprint may end at $i + j, so start at $i + j - 3.
      (local.set $lanes
        (i32.or
          (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i64x2 0 0)))
          (i32.shl (i8x16.bitmask (i8x16.ne (local.get $m2) (v128.const i64x2 0 0)))
                   (i32.const 16))))
      ;; Keep starts below $end: j < $end + 3 - $i.
      (local.set $j (i32.sub (i32.add (local.get $end) (i32.const 3)) (local.get $i)))
      (if (i32.lt_u (local.get $j) (i32.const 32))
        (then
          (local.set $lanes (i32.and (local.get $lanes)
            (i32.sub (i32.shl (i32.const 1) (local.get $j)) (i32.const 1))))))
      (block $turn_done
        (br_if $turn_done (i32.eqz (local.get $lanes)))
        (loop $lane
          (local.set $j (i32.ctz (local.get $lanes)))
          ;; The lane's buckets without a store: swizzle lane $j (of $m or $m2) into lane 0.
          (if (call $verify
                (i32.sub (i32.add (local.get $i) (local.get $j)) (i32.const 3))
                (i8x16.extract_lane_u 0
                  (i8x16.swizzle
                    (select (local.get $m2) (local.get $m)
                            (i32.ge_u (local.get $j) (i32.const 16)))
                    (i8x16.splat (i32.and (local.get $j) (i32.const 15)))))
                (local.get $p)
                (local.get $hi))
            (then (return (i32.const 1))))
          (local.set $lanes
            (i32.and (local.get $lanes) (i32.sub (local.get $lanes) (i32.const 1))))
          (br_if $lane (local.get $lanes))))
      (local.set $i (i32.add (local.get $i) (i32.const 32)))
      (br_if $resume (i32.le_u (local.get $i) (local.get $hi))))
    (i32.const 0))
)
