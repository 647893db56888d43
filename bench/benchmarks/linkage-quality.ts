import { DEFAULT_THRESHOLD, linkRecords, type LinkOptions, type LinkResult } from '../../src/core/linkage/engine/link-records.ts';
import { pairwiseQuality } from '../linkage/evaluate.ts';
import { clusterQuality, exactBaselineClusters, hardNegativeFalseMerges, recallAtPrecision } from '../linkage/evaluate-more.ts';
import { generateMigrantRecords, migrantRowToRawRecord, type MigrantRow } from '../linkage/migrant/generate-migrant.ts';
import { generateWesternRecords, westernRowToRawRecord } from '../linkage/western/generate-western.ts';
import type { Benchmark } from '../support.ts';

/** The seed thresholds are chosen on, and the held-out seed the figures are reported on (issue 4). */
const TUNING_SEED = 20240401;
const HELD_OUT_SEED = 7;
/** Further seeds, neither tuned on nor the reported one: how much the held-out figures vary from set to set. */
const SPREAD_SEEDS = [1, 2, 3, 11];
const RECORDS = 2000;
const REFERENCE = new Date('2026-01-01');
const THRESHOLDS = [0.1, 0.2, 0.3, 0.5, 0.67, 0.8, 0.9, 0.95, 0.99];
/** F0.5 this close to the best counts as a tie, and ties go to the higher threshold. */
const TIE = 0.002;
/**
 * The threshold is the one with the best F0.5 on the tuning seed: F-beta with β = 0.5 weighs precision
 * twice as much as recall, because merging two people (one person's file shown as another's) costs more
 * than leaving a duplicate for a person to merge by hand.
 */
const BETA = 0.5;
const WESTERN_COLUMNS = ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'];
const round = (value: number) => Number(value.toFixed(4));
const fBeta = (precision: number, recall: number) => (precision + recall === 0 ? 0 : ((1 + BETA ** 2) * precision * recall) / (BETA ** 2 * precision + recall));

/**
 * The threshold with the best F0.5 on the tuning seed, the highest of those within TIE of it (clustered as
 * linkRecords clusters, cannot-links included).
 */
function chooseThreshold(rows: readonly MigrantRow[]): { threshold: number; f1ByThreshold: Record<string, number>; fHalfByThreshold: Record<string, number> } {
  const raws = rows.map(migrantRowToRawRecord);
  const entities = rows.map((row) => row.entity_id);
  const f1ByThreshold: Record<string, number> = {};
  const fHalfByThreshold: Record<string, number> = {};
  for (const threshold of THRESHOLDS) {
    const q = clusterQuality(linkRecords(raws, { reference: REFERENCE, threshold }).clusterIds, entities);
    f1ByThreshold[threshold] = round(q.f1);
    fHalfByThreshold[threshold] = round(fBeta(q.precision, q.recall));
  }
  const best = Math.max(...Object.values(fHalfByThreshold));
  const threshold = Math.max(...THRESHOLDS.filter((t) => fHalfByThreshold[t]! >= best - TIE));
  return { threshold, f1ByThreshold, fHalfByThreshold };
}

/** The exact baseline's key: normalised (compact) given and family names, in either order, and the birth date. */
function exactKey(result: LinkResult, index: number): string | null {
  const record = result.records[index]!;
  const dob = record.prepared.dob;
  if (!record.given || !record.family || !dob) return null;
  const names = [record.given.joined, record.family.joined].sort().join('|');
  return `${names}|${dob.year}-${dob.month ?? ''}-${dob.day ?? ''}`;
}

function quality(result: LinkResult, rows: readonly MigrantRow[]) {
  const entities = rows.map((row) => row.entity_id);
  const q = pairwiseQuality(result, entities);
  return { precision: round(q.precision), recall: round(q.recall), f1: round(q.f1), pairCompleteness: round(q.pairCompleteness), candidatePairs: result.stats.candidatePairs };
}

/**
 * Pairwise F1 of the engine on held-out generated migrant records (2,000), at the threshold chosen on the
 * tuning seed — one configuration for every figure. The details hold precision, recall, pair completeness,
 * recall at precision 0.99, false merges among hard negatives, the exact and plain Fellegi–Sunter baselines,
 * and the Western name-and-address F1 (no labels used in training anywhere).
 */
export const linkageQualityBenchmark: Benchmark = {
  name: 'linkage-quality',
  description: `pairwise F1 on held-out generated migrant records (${RECORDS}; threshold tuned on another seed)`,
  unit: 'F1',
  better: 'higher',
  runs: 1,
  target: 0.95,
  async prepare(progress) {
    let details: Record<string, unknown> = {};
    return {
      async measure() {
        const tuning = generateMigrantRecords({ seed: TUNING_SEED, records: RECORDS }).rows;
        const { threshold, f1ByThreshold, fHalfByThreshold } = chooseThreshold(tuning);
        progress(`threshold ${threshold} chosen on seed ${TUNING_SEED} by F0.5 ${JSON.stringify(fHalfByThreshold)} (F1 ${JSON.stringify(f1ByThreshold)}; the engine's default is ${DEFAULT_THRESHOLD})`);
        const rows = generateMigrantRecords({ seed: HELD_OUT_SEED, records: RECORDS }).rows;
        const raws = rows.map(migrantRowToRawRecord);
        const entities = rows.map((row) => row.entity_id);
        const options: LinkOptions = { threshold, reference: REFERENCE };
        const result = linkRecords(raws, options);
        const engine = quality(result, rows);
        const atPrecision = recallAtPrecision(rows.length, result.pairs, entities, 0.99);
        const hardNegatives = hardNegativeFalseMerges(result.clusterIds, entities, rows.map((row) => row.negative_group));
        const exact = clusterQuality(exactBaselineClusters(rows.map((_, i) => exactKey(result, i))), entities);
        const plain = quality(linkRecords(raws, { ...options, aliases: false, termFrequencies: false }), rows);
        const western = generateWesternRecords({ seed: HELD_OUT_SEED, records: RECORDS }).rows;
        const westernResult = linkRecords(western.map(westernRowToRawRecord), { ...options, otherColumns: WESTERN_COLUMNS });
        const westernQuality = pairwiseQuality(westernResult, western.map((row) => row.entity_id));
        const spread = SPREAD_SEEDS.map((seed) => {
          const spreadRows = generateMigrantRecords({ seed, records: RECORDS }).rows;
          const spreadEntities = spreadRows.map((row) => row.entity_id);
          const clusterIds = linkRecords(spreadRows.map(migrantRowToRawRecord), options).clusterIds;
          const q = clusterQuality(clusterIds, spreadEntities);
          const merges = hardNegativeFalseMerges(clusterIds, spreadEntities, spreadRows.map((row) => row.negative_group));
          return { seed, f1: round(q.f1), precision: round(q.precision), recall: round(q.recall), hardNegativeFalseMerges: round(merges.all?.rate ?? 0) };
        });
        details = {
          tuningSeed: TUNING_SEED,
          heldOutSeed: HELD_OUT_SEED,
          records: RECORDS,
          threshold,
          thresholdChoice: `best F0.5 on the tuning seed (ties within ${TIE} to the higher threshold)`,
          fHalfByThresholdOnTuningSeed: fHalfByThreshold,
          f1ByThresholdOnTuningSeed: f1ByThreshold,
          engine,
          recallAtPrecision099: { recall: round(atPrecision.recall), threshold: atPrecision.threshold, target: 0.85 },
          hardNegativeFalseMerges: { ...hardNegatives, target: 0.005 },
          baselines: {
            exactNameAndBirthDate: { precision: round(exact.precision), recall: round(exact.recall), f1: round(exact.f1), engineMinusBaseline: round(engine.f1 - exact.f1), target: 0.1 },
            fellegiSunterWithoutAliasesAndTermFrequencies: plain,
          },
          otherSeedsAtThisThreshold: spread,
          western: { f1: round(westernQuality.f1), precision: round(westernQuality.precision), recall: round(westernQuality.recall), pairCompleteness: round(westernQuality.pairCompleteness), target: 0.99 },
        };
        progress(`held-out seed ${HELD_OUT_SEED}: ${JSON.stringify(engine)}`);
        progress(`recall at precision 0.99: ${round(atPrecision.recall)} (threshold ${atPrecision.threshold})`);
        progress(`false merges among hard negatives: ${JSON.stringify(hardNegatives)}`);
        progress(`baselines: exact name + birth date F1 ${round(exact.f1)}; Fellegi–Sunter without aliases and term frequencies F1 ${plain.f1}`);
        for (const row of spread) progress(`seed ${row.seed}: F1 ${row.f1}, false merges among hard negatives ${(row.hardNegativeFalseMerges * 100).toFixed(2)} %`);
        progress(`Western name-and-address data: F1 ${round(westernQuality.f1)}, pair completeness ${round(westernQuality.pairCompleteness)}`);
        return engine.f1;
      },
      details: () => details,
      async close() {},
    };
  },
};
