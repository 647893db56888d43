import { clusterRecords, type ScoredPair } from '../model/cluster.ts';
import type { FellegiSunterParams } from '../model/fellegi-sunter.ts';
import { compareDatesOfBirth } from '../normalise/date-of-birth.ts';
import type { RawPersonRecord } from '../record.ts';
import { blockRecords } from './blocking.ts';
import { toComparable, type ComparableRecord } from './comparable.ts';
import { comparisonSpecs } from './compare-records.ts';
import { trainLinkModel, type PairScore } from './link-model.ts';
import { comparePair, type PairComparison } from './pair-comparison.ts';
import { prepareRecord, type PreparedRecord } from './prepare-record.ts';
import { statisticsOf, type RecordStatistics } from './record-statistics.ts';

export type { PairScore } from './link-model.ts';

/**
 * The match probability at which a pair joins a cluster when none is given: the best F0.5 on the tuning
 * seed of the generated migrant records (bench/benchmarks/linkage-quality.ts chooses it and reports the
 * figures on another seed). Probabilities use a random pair's prior (link-model.ts): 0.5 reads "more likely
 * the same person than not".
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Blocks larger than this are skipped and counted: a key shared by that many records (a placeholder name, a
 * frequent name with a default date) says little. Larger blocks are paired by sorted neighbourhood, so a
 * higher cap costs linear work; every benchmark figure, the streaming batch and the in-memory batch use
 * this one value.
 */
export const MAX_BLOCK_SIZE = 200;

export interface LinkOptions {
  /** Match probability at or above which a pair joins a cluster. */
  threshold?: number;
  otherColumns?: readonly string[];
  maxBlockSize?: number;
  /** Random pairs sampled to estimate u. */
  randomPairs?: number;
  seed?: number;
  reference?: Date;
  /** Use term-frequency adjustment (off, with `aliases` off: a plain Fellegi–Sunter baseline). */
  termFrequencies?: boolean;
  /** Let alias classes (N-9/N-10) make names agree (default on; off for the baseline the benchmark reports). */
  aliases?: boolean;
}

export interface LinkResult {
  records: ComparableRecord[];
  params: FellegiSunterParams;
  /** Scores any two prepared records with the trained model (the interactive duplicate check uses it). */
  score(a: ComparableRecord, b: ComparableRecord): PairScore;
  /** The blocking configuration and the statistics the model was built with. */
  blocking: { maxBlockSize: number; statistics: RecordStatistics; otherColumns: readonly string[] };
  pairs: (ScoredPair & PairScore)[];
  clusterIds: Int32Array;
  stats: { candidatePairs: number; skippedBlocks: number; warnings: Record<string, number>; emIterations: number };
}

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Two complete, different birth dates (N-11 "conflicting"): never one person, compared or not. */
export function conflictingBirthDates(a: ComparableRecord, b: ComparableRecord): boolean {
  return compareDatesOfBirth(a.prepared.dob, b.prepared.dob, { originA: a.origin, originB: b.origin }) === 'conflicting';
}

const NO_ALIASES: ReadonlySet<string> = new Set();

/** A comparable record whose names agree only by spelling: the dictionary's alias classes are ignored. */
function withoutAliases(prepared: PreparedRecord): ComparableRecord {
  const record = toComparable(prepared);
  return {
    ...record,
    given: record.given && { ...record.given, aliases: NO_ALIASES },
    family: record.family && { ...record.family, aliases: NO_ALIASES },
  };
}

/** Comparisons of random record pairs (almost all non-matches), from which u is learnt. */
export function randomComparisons(records: readonly ComparableRecord[], count: number, seed: number, otherColumns: readonly string[], statistics: RecordStatistics): PairComparison[] {
  const random = xorshift(seed);
  const n = records.length;
  const sample = Math.min(count, (n * (n - 1)) / 2);
  const comparisons: PairComparison[] = [];
  for (let s = 0; s < sample; s++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    comparisons.push(comparePair(records[i]!, records[j]!, otherColumns, statistics));
  }
  return comparisons;
}

/**
 * The in-memory batch pipeline: normalise, block, learn u from random pairs and m by EM on the blocked pairs
 * (no labels), score with term-frequency adjustment, and cluster. Deterministic for a seed.
 */
export function linkRecords(raws: readonly RawPersonRecord[], options: LinkOptions = {}): LinkResult {
  const otherColumns = options.otherColumns ?? [];
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxBlockSize = options.maxBlockSize ?? MAX_BLOCK_SIZE;
  const prepare = options.aliases === false ? withoutAliases : toComparable;
  const records = raws.map((raw) => prepare(prepareRecord(raw, options.reference ? { reference: options.reference } : {})));
  const warnings: Record<string, number> = {};
  for (const record of records) for (const warning of record.prepared.warnings) warnings[warning] = (warnings[warning] ?? 0) + 1;
  const statistics = statisticsOf(records);
  const specs = comparisonSpecs(otherColumns);

  const blocked = blockRecords(records, { maxBlockSize, statistics }, otherColumns);
  const comparisons: PairComparison[] = [];
  for (let i = 0; i < blocked.pairsA.length; i++) comparisons.push(comparePair(records[blocked.pairsA[i]!]!, records[blocked.pairsB[i]!]!, otherColumns, statistics));
  const random = randomComparisons(records, options.randomPairs ?? 50_000, options.seed ?? 1, otherColumns, statistics);
  const population = { blockedPairs: comparisons.length, allPairs: (records.length * (records.length - 1)) / 2 };
  const model = trainLinkModel(specs, comparisons, random, { population, ...(options.termFrequencies === undefined ? {} : { termFrequencies: options.termFrequencies }) });

  const pairs: LinkResult['pairs'] = comparisons.map((comparison, p) => ({ a: blocked.pairsA[p]!, b: blocked.pairsB[p]!, ...model.weigh(comparison) }));
  const clusterIds = clusterRecords(records.length, pairs, { threshold, cannotLink: (a, b) => conflictingBirthDates(records[a]!, records[b]!) });
  return {
    records,
    params: model.params,
    score: (a, b) => model.weigh(comparePair(a, b, otherColumns, statistics)),
    blocking: { maxBlockSize, statistics, otherColumns },
    pairs,
    clusterIds,
    stats: { candidatePairs: comparisons.length, skippedBlocks: blocked.skippedBlocks, warnings, emIterations: model.emIterations },
  };
}
