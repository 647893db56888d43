import { clusterRecords, type ScoredPair } from '../model/cluster.ts';
import { estimateU, matchWeight, probabilityOf, termFrequencyWeight, trainEm, type FellegiSunterParams } from '../model/fellegi-sunter.ts';
import type { RawPersonRecord } from '../record.ts';
import { blockRecords } from './blocking.ts';
import { toComparable, type ComparableRecord } from './comparable.ts';
import { compareRecords, comparisonSpecs, FIELD, NAME_LEVEL } from './compare-records.ts';
import { prepareRecord } from './prepare-record.ts';

export interface LinkOptions {
  /** Match probability at or above which a pair joins a cluster. */
  threshold?: number;
  otherColumns?: readonly string[];
  maxBlockSize?: number;
  maxPhoneUsers?: number;
  /** Random pairs sampled to estimate u. */
  randomPairs?: number;
  seed?: number;
  reference?: Date;
  /** Use term-frequency adjustment and alias/variant levels (off: a plain Fellegi–Sunter baseline). */
  termFrequencies?: boolean;
}

/** A scored comparison: the probability, the level vector and the term-frequency weights used. */
export interface PairScore {
  probability: number;
  vector: Uint8Array;
  overrides: (number | undefined)[];
}

export interface LinkResult {
  records: ComparableRecord[];
  params: FellegiSunterParams;
  /** Scores any two prepared records with the trained model (the interactive duplicate check uses it). */
  score(a: ComparableRecord, b: ComparableRecord): PairScore;
  /** The blocking configuration and shared-phone counts the model was built with. */
  blocking: { maxBlockSize: number; maxPhoneUsers: number; phoneUsers: ReadonlyMap<string, number>; otherColumns: readonly string[] };
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

/** How often each value of a key occurs among the records (relative frequency). */
function frequencies(values: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  const total = values.length || 1;
  for (const [value, count] of counts) counts.set(value, count / total);
  return counts;
}

/**
 * The share of blocked pairs that are matches, estimated without labels from pairs whose names and birth
 * dates agree closely (a deterministic rule), corrected for the rule's imperfect recall. EM then learns m
 * with λ held at this value.
 */
const CLOSE_DOB = new Set([1, 2, 3, 5]);

/** The deterministic rule: both names agree (exactly or as variants) and so does the birth date, closely. */
function isSureMatch(v: Uint8Array): boolean {
  const namesAgree = v[FIELD.given]! >= 1 && v[FIELD.given]! <= NAME_LEVEL.variant && v[FIELD.family]! >= 1 && v[FIELD.family]! <= NAME_LEVEL.variant;
  return namesAgree && CLOSE_DOB.has(v[FIELD.dob]!);
}

function estimateLambda(vectors: readonly Uint8Array[]): number {
  if (vectors.length === 0) return 0.01;
  const sure = vectors.filter(isSureMatch).length;
  const RULE_RECALL = 0.6;
  return Math.min(0.5, Math.max(1e-4, sure / RULE_RECALL / vectors.length));
}

const NAME_FIELDS: readonly number[] = [FIELD.given, FIELD.family, FIELD.nameOrder];
const DOB_FIELDS: readonly number[] = [FIELD.dob];

/**
 * Splink's way of training m without labels when fields depend on each other (a household shares a family
 * name, a phone and a nationality): EM runs in sessions, each on the pairs one deterministic rule selects,
 * and a session learns m only for the fields its rule does not use — so the rule's fields, on which all its
 * pairs agree, cannot pull the "match" class towards "same family". Names are learnt on pairs whose birth
 * dates agree closely; everything else on pairs whose names agree.
 */
function trainBySessions(
  specs: ReturnType<typeof comparisonSpecs>,
  vectors: readonly Uint8Array[],
  u: number[][],
  lambda: number,
  tfLogs: (Float64Array | undefined)[] | undefined,
): FellegiSunterParams & { iterations: number } {
  if (vectors.length === 0) return { specs, lambda: 0.01, m: u.map((levels) => [...levels]), u, iterations: 0 };
  const session = (select: (v: Uint8Array, index: number) => boolean, ruleFields: readonly number[]) => {
    const chosen: Uint8Array[] = [];
    const logs: (Float64Array | undefined)[] = tfLogs ? tfLogs.map((log) => (log ? [] as unknown as Float64Array : undefined)) : [];
    const logLists: (number[] | undefined)[] = tfLogs ? tfLogs.map((log) => (log ? [] : undefined)) : [];
    vectors.forEach((vector, i) => {
      if (!select(vector, i)) return;
      const masked = Uint8Array.from(vector);
      for (const f of ruleFields) masked[f] = 0;
      chosen.push(masked);
      tfLogs?.forEach((log, f) => log && logLists[f]!.push(ruleFields.includes(f) ? Number.NaN : log[i]!));
    });
    logLists.forEach((list, f) => {
      if (list) logs[f] = Float64Array.from(list);
    });
    if (chosen.length < 10) return null;
    return trainEm(specs, chosen, u, { lambda: 0.3, ...(tfLogs ? { termFrequencyLogs: logs } : {}) });
  };
  // Exact dates only: year-only dates make "same year" common among strangers, who would teach EM that
  // matches often have different names.
  const onDob = session((v) => v[FIELD.dob] === 1 || v[FIELD.dob] === 2, DOB_FIELDS);
  // Names that agree and are not frequent: namesakes (two Mariama Diallo) would otherwise teach EM that
  // matches often have different birth dates.
  const RARE = Math.log2(0.01);
  const rare = (f: number, i: number) => {
    const log = tfLogs?.[f]?.[i];
    return log === undefined || Number.isNaN(log) || log < RARE;
  };
  const onNames = session((v, i) => {
    const g = v[FIELD.given]!;
    const f = v[FIELD.family]!;
    return g >= 1 && g <= NAME_LEVEL.variant && f >= 1 && f <= NAME_LEVEL.variant && rare(FIELD.given, i) && rare(FIELD.family, i);
  }, NAME_FIELDS);
  const m = specs.map((_, f) => {
    const fromNames = onNames?.m[f];
    const fromDob = onDob?.m[f];
    if (NAME_FIELDS.includes(f) && fromDob) return fromDob;
    if (DOB_FIELDS.includes(f) && fromNames) return fromNames;
    if (fromNames && fromDob) return fromNames.map((p, level) => (p + fromDob[level]!) / 2);
    return fromNames ?? fromDob ?? u[f]!;
  });
  return { specs, lambda, m, u, iterations: (onDob?.iterations ?? 0) + (onNames?.iterations ?? 0) };
}

/**
 * The batch pipeline: normalise, block, learn u from random pairs and m by EM on the blocked pairs
 * (no labels), score with term-frequency adjustment, and cluster. Deterministic for a seed.
 */
export function linkRecords(raws: readonly RawPersonRecord[], options: LinkOptions = {}): LinkResult {
  const otherColumns = options.otherColumns ?? [];
  const threshold = options.threshold ?? 0.9;
  const useTf = options.termFrequencies ?? true;
  const records = raws.map((raw) => toComparable(prepareRecord(raw, options.reference ? { reference: options.reference } : {})));
  const warnings: Record<string, number> = {};
  for (const record of records) for (const warning of record.prepared.warnings) warnings[warning] = (warnings[warning] ?? 0) + 1;
  const specs = comparisonSpecs(otherColumns);

  const blocked = blockRecords(records, { maxBlockSize: options.maxBlockSize ?? 200, maxPhoneUsers: options.maxPhoneUsers ?? 3 }, otherColumns);
  const vectors: Uint8Array[] = [];
  for (let i = 0; i < blocked.pairsA.length; i++) vectors.push(compareRecords(records[blocked.pairsA[i]!]!, records[blocked.pairsB[i]!]!, otherColumns));

  const phoneUsers = new Map<string, number>();
  for (const r of records) if (r.prepared.phone) phoneUsers.set(r.prepared.phone, (phoneUsers.get(r.prepared.phone) ?? 0) + 1);
  // A number many people give (a household's, the association's own) says nothing about identity (N-12).
  const neutraliseSharedPhone = (vector: Uint8Array, a: ComparableRecord) => {
    if (vector[FIELD.phone] === 1 && (phoneUsers.get(a.prepared.phone!) ?? 0) > (options.maxPhoneUsers ?? 3)) vector[FIELD.phone] = 0;
  };
  for (let i = 0; i < vectors.length; i++) neutraliseSharedPhone(vectors[i]!, records[blocked.pairsA[i]!]!);

  const random = xorshift(options.seed ?? 1);
  const randomVectors: Uint8Array[] = [];
  const n = records.length;
  const sample = Math.min(options.randomPairs ?? 50_000, (n * (n - 1)) / 2);
  for (let s = 0; s < sample; s++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    const vector = compareRecords(records[i]!, records[j]!, otherColumns);
    neutraliseSharedPhone(vector, records[i]!);
    randomVectors.push(vector);
  }
  const u = estimateU(specs, randomVectors.length ? randomVectors : vectors);
  const givenFrequency = frequencies(records.map((r) => r.given?.frequencyKey ?? null));
  const familyFrequency = frequencies(records.map((r) => r.family?.frequencyKey ?? null));
  /** log2 frequency of the name value a pair agrees on, or NaN (no term-frequency adjustment). */
  const agreedFrequencyLog = (vector: Uint8Array, a: ComparableRecord, b: ComparableRecord, field: 'given' | 'family'): number => {
    const swapped = vector[FIELD.nameOrder] === 2;
    const other = field === 'given' ? (swapped ? b.family : b.given) : swapped ? b.given : b.family;
    const level = vector[field === 'given' ? FIELD.given : FIELD.family]!;
    const key = a[field]?.frequencyKey;
    if ((level !== NAME_LEVEL.exact && level !== NAME_LEVEL.variant) || !key || key !== other?.frequencyKey) return Number.NaN;
    return Math.log2(Math.max((field === 'given' ? givenFrequency : familyFrequency).get(key) ?? 0, 1e-6));
  };
  const tfLogs: (Float64Array | undefined)[] = new Array(specs.length).fill(undefined);
  if (useTf) {
    tfLogs[FIELD.given] = new Float64Array(vectors.length);
    tfLogs[FIELD.family] = new Float64Array(vectors.length);
    for (let p = 0; p < vectors.length; p++) {
      const a = records[blocked.pairsA[p]!]!;
      const b = records[blocked.pairsB[p]!]!;
      tfLogs[FIELD.given]![p] = agreedFrequencyLog(vectors[p]!, a, b, 'given');
      tfLogs[FIELD.family]![p] = agreedFrequencyLog(vectors[p]!, a, b, 'family');
    }
  }
  const lambda = estimateLambda(vectors);
  const trained = trainBySessions(specs, vectors, u, lambda, useTf ? tfLogs : undefined);

  /** Scores a vector, with term-frequency weights for the name values it agrees on (log2 frequencies). */
  const NO_OVERRIDES: (number | undefined)[] = [];
  const weigh = (vector: Uint8Array, givenLog: number, familyLog: number): PairScore => {
    let overrides = NO_OVERRIDES;
    if (useTf && !(Number.isNaN(givenLog) && Number.isNaN(familyLog))) {
      overrides = new Array(specs.length).fill(undefined);
      if (!Number.isNaN(givenLog)) overrides[FIELD.given] = termFrequencyWeight(trained.m[FIELD.given]![vector[FIELD.given]!]!, 2 ** givenLog);
      if (!Number.isNaN(familyLog)) overrides[FIELD.family] = termFrequencyWeight(trained.m[FIELD.family]![vector[FIELD.family]!]!, 2 ** familyLog);
    }
    return { probability: probabilityOf(matchWeight(trained, vector, overrides)), vector, overrides };
  };
  const score = (a: ComparableRecord, b: ComparableRecord): PairScore => {
    const vector = compareRecords(a, b, otherColumns);
    neutraliseSharedPhone(vector, a);
    return useTf ? weigh(vector, agreedFrequencyLog(vector, a, b, 'given'), agreedFrequencyLog(vector, a, b, 'family')) : weigh(vector, Number.NaN, Number.NaN);
  };

  const pairs: LinkResult['pairs'] = [];
  for (let p = 0; p < vectors.length; p++) {
    const scored = useTf ? weigh(vectors[p]!, tfLogs[FIELD.given]![p]!, tfLogs[FIELD.family]![p]!) : weigh(vectors[p]!, Number.NaN, Number.NaN);
    pairs.push({ a: blocked.pairsA[p]!, b: blocked.pairsB[p]!, ...scored });
  }
  const clusterIds = clusterRecords(records.length, pairs, { threshold });
  return {
    records,
    params: trained,
    score,
    blocking: { maxBlockSize: options.maxBlockSize ?? 200, maxPhoneUsers: options.maxPhoneUsers ?? 3, phoneUsers, otherColumns },
    pairs,
    clusterIds,
    stats: { candidatePairs: vectors.length, skippedBlocks: blocked.skippedBlocks, warnings, emIterations: trained.iterations },
  };
}
