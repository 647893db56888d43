import { performance } from 'node:perf_hooks';
import { tokenCandidates, type CandidatePairs } from '../../src/server/linkage/pprl/token-blocking.ts';
import type { Benchmark } from '../support.ts';
import { encodeNetwork, HELD_OUT_SEED, type EncodedNetwork } from './pprl-tokens-data.ts';

/** Network sizes measured; the median is taken at 20,000 (issue 4: ≤ ~20 pairs per record there). */
const SIZES = [2_000, 20_000, 200_000];
const REPORTED = 20_000;

function completeness(network: EncodedNetwork, pairs: CandidatePairs): number {
  const perEntity = new Map<string, number>();
  for (const row of network.rows) perEntity.set(row.entity_id, (perEntity.get(row.entity_id) ?? 0) + 1);
  let truePairs = 0;
  for (const n of perEntity.values()) truePairs += (n * (n - 1)) / 2;
  let found = 0;
  for (let k = 0; k < pairs.count; k++) if (network.rows[pairs.first[k]!]!.entity_id === network.rows[pairs.second[k]!]!.entity_id) found++;
  return found / truePairs;
}

/**
 * Token blocking on filters alone (token-blocking.ts): candidate pairs per record, pair completeness
 * against the generator's ground truth (seed 7), time and heap growth, at 2,000, 20,000 and 200,000
 * records. The figure kept is the pairs per record at 20,000; the rest is in the progress lines.
 */
export const pprlTokenBlockingBenchmark: Benchmark = {
  name: 'linkage-pprl-token-blocking',
  description: 'candidate pairs per record of token blocking at 20,000 records (completeness and 2k/200k in the log)',
  unit: 'pairs/record',
  better: 'lower',
  runs: 1,
  async prepare(progress) {
    return {
      async measure() {
        let reported = 0;
        for (const records of SIZES) {
          const network = await encodeNetwork(HELD_OUT_SEED, records);
          const heap = process.memoryUsage().heapUsed;
          const started = performance.now();
          const pairs = tokenCandidates(network.set);
          const seconds = (performance.now() - started) / 1000;
          const grown = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
          const perRecord = pairs.count / records;
          if (records === REPORTED) reported = perRecord;
          progress(
            `${records.toLocaleString('en')} records: ${pairs.count.toLocaleString('en')} pairs (${perRecord.toFixed(2)} per record), ` +
              `pair completeness ${completeness(network, pairs).toFixed(4)}, ${seconds.toFixed(2)} s, heap +${grown.toFixed(0)} MiB`,
          );
        }
        return reported;
      },
      async close() {},
    };
  },
};
