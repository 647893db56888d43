import { performance } from 'node:perf_hooks';
import { blockRecords } from '../../src/core/linkage/engine/blocking.ts';
import { toComparable, type ComparableRecord } from '../../src/core/linkage/engine/comparable.ts';
import { clearNameComparisonMemo, comparisonSpecs } from '../../src/core/linkage/engine/compare-records.ts';
import { trainLinkModel, type LinkModel } from '../../src/core/linkage/engine/link-model.ts';
import { randomComparisons } from '../../src/core/linkage/engine/link-records.ts';
import { comparePair, comparePairInto, type PairComparison } from '../../src/core/linkage/engine/pair-comparison.ts';
import { prepareRecord } from '../../src/core/linkage/engine/prepare-record.ts';
import { statisticsOf, type RecordStatistics } from '../../src/core/linkage/engine/record-statistics.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../linkage/migrant/generate-migrant.ts';
import { MAX_BLOCK_SIZE } from '../../src/core/linkage/engine/link-records.ts';
import type { Benchmark } from '../support.ts';

const REFERENCE = new Date('2026-01-01');
const RECORDS = 50_000;

/**
 * Compares and weighs every candidate pair once; the sum keeps the work from being optimised away. Each pair
 * is compared into one reused comparison, as the streaming batch compares pairs before writing them out: every
 * level is still computed and weighed, only the per-pair vector allocation is gone.
 */
function scoreAll(records: readonly ComparableRecord[], pairsA: Uint32Array, pairsB: Uint32Array, model: LinkModel, statistics: RecordStatistics): number {
  const comparison: PairComparison = { vector: new Uint8Array(comparisonSpecs([]).length), givenLog: Number.NaN, familyLog: Number.NaN };
  let sum = 0;
  for (let i = 0; i < pairsA.length; i++) sum += model.weigh(comparePairInto(records[pairsA[i]!]!, records[pairsB[i]!]!, [], statistics, comparison)).probability;
  return sum;
}

/**
 * Scoring speed on one core: compare + weigh with a trained model, over the blocked candidate pairs of
 * 50,000 generated migrant records (issue 4: ≥ 500,000 pairs/s per core). Records are prepared and the model
 * trained once; one warm-up pass, then each run scores all pairs from an empty name-level memo. The
 * preparation speed and the blocking time are reported too.
 */
export const linkageScoringBenchmark: Benchmark = {
  name: 'linkage-scoring',
  description: `candidate pairs compared and weighed per second on one core (blocked pairs of ${RECORDS.toLocaleString('en')} migrant records)`,
  unit: 'pairs/s',
  better: 'higher',
  runs: 5,
  async prepare(progress) {
    const raws = generateMigrantRecords({ seed: 7, records: RECORDS }).rows.map(migrantRowToRawRecord);
    const started = performance.now();
    const records = raws.map((raw) => toComparable(prepareRecord(raw, { reference: REFERENCE })));
    progress(`prepareRecord + toComparable: ${Math.round(RECORDS / ((performance.now() - started) / 1000)).toLocaleString('en')} records/s`);
    const statistics = statisticsOf(records);
    const blockingStarted = performance.now();
    const { pairsA, pairsB } = blockRecords(records, { maxBlockSize: MAX_BLOCK_SIZE, statistics }, []);
    progress(`blocking: ${((performance.now() - blockingStarted) / 1000).toFixed(2)} s`);
    const comparisons = Array.from(pairsA, (a, i) => comparePair(records[a]!, records[pairsB[i]!]!, [], statistics));
    const model = trainLinkModel(comparisonSpecs([]), comparisons, randomComparisons(records, 50_000, 1, [], statistics));
    progress(`${pairsA.length.toLocaleString('en')} candidate pairs; warming up`);
    scoreAll(records, pairsA, pairsB, model, statistics);
    return {
      async measure() {
        // Name levels are remembered per pair of name contents: each run starts from an empty memo, as a
        // batch does, so repeated runs do not measure a memo the previous run filled.
        const memo = clearNameComparisonMemo();
        progress(`name-level memo since it was last emptied: ${memo.hits.toLocaleString('en')} hits, ${memo.misses.toLocaleString('en')} misses`);
        const start = performance.now();
        const sum = scoreAll(records, pairsA, pairsB, model, statistics);
        const seconds = (performance.now() - start) / 1000;
        if (!(sum > 0)) throw new Error('scoring produced no probability mass');
        return pairsA.length / seconds;
      },
      async close() {},
    };
  },
};
