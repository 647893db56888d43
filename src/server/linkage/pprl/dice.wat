;; Dice similarity of Bloom-filter encodings (CLKs), many at once.
;;
;; Filters are `words` little-endian 64-bit words each (16 words = 1,024 bits), stored back to back in
;; linear memory. Callers write the query and target filters and their popcounts into memory, then make ONE
;; call per batch of queries: the per-pair work never crosses the JS/Wasm boundary.
;;
;; dice_batch writes, target by target, for every (query, target) pair whose Dice coefficient 2|A∧B| / (|A| + |B|) reaches
;; the threshold, a 12-byte record (query index u32, target index u32, score f32) at `out`, stopping after
;; `max_out` records, and returns how many it wrote (max_out + 1 means "there were more"). A pair is skipped
;; without reading its bits when its popcounts alone make the threshold unreachable:
;; Dice ≤ 2·min(|A|,|B|) / (|A|+|B|).
(module
  (memory (export "memory") 1)

  ;; popcounts(filters, count, words, out): out[i] = |filter i| as u32.
  (func (export "popcounts") (param $filters i32) (param $count i32) (param $words i32) (param $out i32)
    (local $i i32) (local $w i32) (local $p i32) (local $sum i64)
    (local.set $p (local.get $filters))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $sum (i64.const 0))
        (local.set $w (i32.const 0))
        (block $words_done
          (loop $word
            (br_if $words_done (i32.ge_u (local.get $w) (local.get $words)))
            (local.set $sum (i64.add (local.get $sum) (i64.popcnt (i64.load (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $word)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (i32.wrap_i64 (local.get $sum)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))

  ;; |A ∧ B| for two filters of `words` words; 1,024-bit filters take an unrolled path.
  (func $intersection (param $a i32) (param $b i32) (param $words i32) (result i32)
    (local $w i32) (local $sum i64)
    (if (i32.eq (local.get $words) (i32.const 16))
      (then
        (return (i32.wrap_i64
          (i64.add
            (i64.add
              (i64.add
                (i64.add (i64.popcnt (i64.and (i64.load offset=0 (local.get $a)) (i64.load offset=0 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b)))))
                (i64.add (i64.popcnt (i64.and (i64.load offset=16 (local.get $a)) (i64.load offset=16 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=24 (local.get $a)) (i64.load offset=24 (local.get $b))))))
              (i64.add
                (i64.add (i64.popcnt (i64.and (i64.load offset=32 (local.get $a)) (i64.load offset=32 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=40 (local.get $a)) (i64.load offset=40 (local.get $b)))))
                (i64.add (i64.popcnt (i64.and (i64.load offset=48 (local.get $a)) (i64.load offset=48 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=56 (local.get $a)) (i64.load offset=56 (local.get $b)))))))
            (i64.add
              (i64.add
                (i64.add (i64.popcnt (i64.and (i64.load offset=64 (local.get $a)) (i64.load offset=64 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=72 (local.get $a)) (i64.load offset=72 (local.get $b)))))
                (i64.add (i64.popcnt (i64.and (i64.load offset=80 (local.get $a)) (i64.load offset=80 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=88 (local.get $a)) (i64.load offset=88 (local.get $b))))))
              (i64.add
                (i64.add (i64.popcnt (i64.and (i64.load offset=96 (local.get $a)) (i64.load offset=96 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=104 (local.get $a)) (i64.load offset=104 (local.get $b)))))
                (i64.add (i64.popcnt (i64.and (i64.load offset=112 (local.get $a)) (i64.load offset=112 (local.get $b))))
                         (i64.popcnt (i64.and (i64.load offset=120 (local.get $a)) (i64.load offset=120 (local.get $b))))))))))))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $w) (local.get $words)))
        (local.set $sum (i64.add (local.get $sum)
          (i64.popcnt (i64.and (i64.load (local.get $a)) (i64.load (local.get $b))))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $word)))
    (i32.wrap_i64 (local.get $sum)))


  ;; dice_batch for 1,024-bit filters: the target's 16 words are held in locals while the batch's queries
  ;; pass over them, and the threshold test is exact integer arithmetic on a 2^16-scaled threshold
  ;; (2·|A∧B|·2^16 ≥ ⌈t·2^16⌉·(|A|+|B|)), so the division happens only for the pairs that are returned.
  ;; The threshold's resolution is therefore 2^-16: a score below ⌈t·2^16⌉/2^16 is not returned.
  (func $batch16
    (param $queries i32) (param $query_counts i32) (param $n_queries i32)
    (param $targets i32) (param $target_counts i32) (param $n_targets i32)
    (param $threshold f64) (param $out i32) (param $max_out i32)
    (result i32)
    (local $q i32) (local $t i32) (local $qa i32) (local $ta i32) (local $qc i64) (local $tc i64)
    (local $total i64) (local $inter i64) (local $written i32) (local $scaled i64)
    (local $t0 i64) (local $t1 i64) (local $t2 i64) (local $t3 i64) (local $t4 i64) (local $t5 i64) (local $t6 i64) (local $t7 i64) (local $t8 i64) (local $t9 i64) (local $t10 i64) (local $t11 i64) (local $t12 i64) (local $t13 i64) (local $t14 i64) (local $t15 i64)
    (local.set $scaled (i64.trunc_sat_f64_u (f64.ceil (f64.mul (local.get $threshold) (f64.const 65536)))))
    (local.set $ta (local.get $targets))
    (block $targets_done
      (loop $each_target
        (br_if $targets_done (i32.ge_u (local.get $t) (local.get $n_targets)))
        (local.set $tc (i64.extend_i32_u (i32.load (i32.add (local.get $target_counts) (i32.shl (local.get $t) (i32.const 2))))))
        (local.set $t0 (i64.load offset=0 (local.get $ta)))
        (local.set $t1 (i64.load offset=8 (local.get $ta)))
        (local.set $t2 (i64.load offset=16 (local.get $ta)))
        (local.set $t3 (i64.load offset=24 (local.get $ta)))
        (local.set $t4 (i64.load offset=32 (local.get $ta)))
        (local.set $t5 (i64.load offset=40 (local.get $ta)))
        (local.set $t6 (i64.load offset=48 (local.get $ta)))
        (local.set $t7 (i64.load offset=56 (local.get $ta)))
        (local.set $t8 (i64.load offset=64 (local.get $ta)))
        (local.set $t9 (i64.load offset=72 (local.get $ta)))
        (local.set $t10 (i64.load offset=80 (local.get $ta)))
        (local.set $t11 (i64.load offset=88 (local.get $ta)))
        (local.set $t12 (i64.load offset=96 (local.get $ta)))
        (local.set $t13 (i64.load offset=104 (local.get $ta)))
        (local.set $t14 (i64.load offset=112 (local.get $ta)))
        (local.set $t15 (i64.load offset=120 (local.get $ta)))
        (local.set $q (i32.const 0))
        (local.set $qa (local.get $queries))
        (block $queries_done
          (loop $each_query
            (br_if $queries_done (i32.ge_u (local.get $q) (local.get $n_queries)))
            (local.set $qc (i64.extend_i32_u (i32.load (i32.add (local.get $query_counts) (i32.shl (local.get $q) (i32.const 2))))))
            (local.set $total (i64.add (local.get $qc) (local.get $tc)))
            ;; Reachable only if 2·min(qc, tc)·2^16 ≥ scaled·total.
            (if (i64.ge_u
                  (i64.shl (select (local.get $qc) (local.get $tc) (i64.lt_u (local.get $qc) (local.get $tc))) (i64.const 17))
                  (i64.mul (local.get $scaled) (local.get $total)))
              (then
                (local.set $inter (i64.add (i64.add (i64.add (i64.add (i64.popcnt (i64.and (local.get $t0) (i64.load offset=0 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t1) (i64.load offset=8 (local.get $qa))))) (i64.add (i64.popcnt (i64.and (local.get $t2) (i64.load offset=16 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t3) (i64.load offset=24 (local.get $qa)))))) (i64.add (i64.add (i64.popcnt (i64.and (local.get $t4) (i64.load offset=32 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t5) (i64.load offset=40 (local.get $qa))))) (i64.add (i64.popcnt (i64.and (local.get $t6) (i64.load offset=48 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t7) (i64.load offset=56 (local.get $qa))))))) (i64.add (i64.add (i64.add (i64.popcnt (i64.and (local.get $t8) (i64.load offset=64 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t9) (i64.load offset=72 (local.get $qa))))) (i64.add (i64.popcnt (i64.and (local.get $t10) (i64.load offset=80 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t11) (i64.load offset=88 (local.get $qa)))))) (i64.add (i64.add (i64.popcnt (i64.and (local.get $t12) (i64.load offset=96 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t13) (i64.load offset=104 (local.get $qa))))) (i64.add (i64.popcnt (i64.and (local.get $t14) (i64.load offset=112 (local.get $qa)))) (i64.popcnt (i64.and (local.get $t15) (i64.load offset=120 (local.get $qa)))))))))
                (if (i64.ge_u (i64.shl (local.get $inter) (i64.const 17)) (i64.mul (local.get $scaled) (local.get $total)))
                  (then
                    (if (i32.ge_u (local.get $written) (local.get $max_out))
                      (then (return (i32.add (local.get $max_out) (i32.const 1)))))
                    (i32.store (local.get $out) (local.get $q))
                    (i32.store offset=4 (local.get $out) (local.get $t))
                    ;; Two empty filters score 0, not 0/0.
                    (f32.store offset=8 (local.get $out)
                      (select
                        (f32.demote_f64 (f64.div (f64.convert_i64_u (i64.shl (local.get $inter) (i64.const 1))) (f64.convert_i64_u (local.get $total))))
                        (f32.const 0)
                        (i64.ne (local.get $total) (i64.const 0))))
                    (local.set $out (i32.add (local.get $out) (i32.const 12)))
                    (local.set $written (i32.add (local.get $written) (i32.const 1)))))))
            (local.set $qa (i32.add (local.get $qa) (i32.const 128)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $each_query)))
        (local.set $ta (i32.add (local.get $ta) (i32.const 128)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $each_target)))
    (local.get $written))

  (func (export "dice_batch")
    (param $queries i32) (param $query_counts i32) (param $n_queries i32)
    (param $targets i32) (param $target_counts i32) (param $n_targets i32)
    (param $words i32) (param $threshold f64) (param $out i32) (param $max_out i32)
    (result i32)
    (local $q i32) (local $t i32) (local $qa i32) (local $ta i32) (local $qc i32) (local $tc i32)
    (local $total i32) (local $inter i32) (local $written i32) (local $stride i32) (local $score f64)
    (if (i32.eq (local.get $words) (i32.const 16))
      (then (return (call $batch16 (local.get $queries) (local.get $query_counts) (local.get $n_queries)
        (local.get $targets) (local.get $target_counts) (local.get $n_targets) (local.get $threshold)
        (local.get $out) (local.get $max_out)))))
    (local.set $stride (i32.shl (local.get $words) (i32.const 3)))
    ;; Targets in the outer loop: each target's bits are read from memory once per batch, while the
    ;; batch's queries stay in cache. (Query-major order would stream all targets once per query.)
    (local.set $ta (local.get $targets))
    (block $targets_done
      (loop $each_target
        (br_if $targets_done (i32.ge_u (local.get $t) (local.get $n_targets)))
        (local.set $tc (i32.load (i32.add (local.get $target_counts) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $q (i32.const 0))
        (local.set $qa (local.get $queries))
        (block $queries_done
          (loop $each_query
            (br_if $queries_done (i32.ge_u (local.get $q) (local.get $n_queries)))
            (local.set $qc (i32.load (i32.add (local.get $query_counts) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $total (i32.add (local.get $qc) (local.get $tc)))
            ;; Reachable only if 2·min(qc, tc) ≥ threshold·total.
            (if (f64.ge
                  (f64.convert_i32_u (i32.shl (select (local.get $qc) (local.get $tc) (i32.lt_u (local.get $qc) (local.get $tc))) (i32.const 1)))
                  (f64.mul (local.get $threshold) (f64.convert_i32_u (local.get $total))))
              (then
                (local.set $inter (call $intersection (local.get $qa) (local.get $ta) (local.get $words)))
                (local.set $score
                  (select
                    (f64.div (f64.convert_i32_u (i32.shl (local.get $inter) (i32.const 1))) (f64.convert_i32_u (local.get $total)))
                    (f64.const 0)
                    (local.get $total)))
                (if (f64.ge (local.get $score) (local.get $threshold))
                  (then
                    (if (i32.ge_u (local.get $written) (local.get $max_out))
                      (then (return (i32.add (local.get $max_out) (i32.const 1)))))
                    (i32.store (local.get $out) (local.get $q))
                    (i32.store offset=4 (local.get $out) (local.get $t))
                    (f32.store offset=8 (local.get $out) (f32.demote_f64 (local.get $score)))
                    (local.set $out (i32.add (local.get $out) (i32.const 12)))
                    (local.set $written (i32.add (local.get $written) (i32.const 1)))))))
            (local.set $qa (i32.add (local.get $qa) (local.get $stride)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $each_query)))
        (local.set $ta (i32.add (local.get $ta) (local.get $stride)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $each_target)))
    (local.get $written))
)
