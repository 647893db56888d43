import { estimateU, isNeutral, probabilityOf, termFrequencyWeight, trainEm, type ComparisonSpec, type FellegiSunterParams } from '../model/fellegi-sunter.ts';
import { FIELD, NAME_LEVEL, PHONE_LEVEL } from './compare-records.ts';
import type { PairComparison } from './pair-comparison.ts';

/** A scored comparison: the probability, the level vector and the term-frequency weights used. */
export interface PairScore {
  probability: number;
  vector: Uint8Array;
  overrides: (number | undefined)[];
}

/** A trained model: its parameters, and the one function that weighs a compared pair. */
export interface LinkModel {
  params: FellegiSunterParams;
  weigh(comparison: PairComparison): PairScore;
  emIterations: number;
}

export interface TrainOptions {
  /** Term-frequency adjustment on (default); off gives a plain Fellegi–Sunter baseline. */
  termFrequencies?: boolean;
  /** How many pairs were blocked out of how many possible: the prior is then that of a random pair. */
  population?: { blockedPairs: number; allPairs: number };
}

/**
 * matchWeight's terms, computed once per model: the prior, then log2(m/u) per field and level (NaN where
 * the level weighs nothing: missing or neutral). Summed in the same order as matchWeight, so every
 * probability is bit-for-bit the same, without a logarithm or an allocation per pair.
 */
interface WeightTable {
  prior: number;
  levels: Float64Array[];
}

function weightTable(params: FellegiSunterParams): WeightTable {
  return {
    prior: Math.log2(params.lambda / (1 - params.lambda)),
    levels: params.specs.map((spec, f) =>
      Float64Array.from(spec.levels, (_, level) => (isNeutral(spec, level) ? Number.NaN : Math.log2(params.m[f]![level]! / params.u[f]![level]!))),
    ),
  };
}

function tableWeight(table: WeightTable, vector: Uint8Array, overrides: (number | undefined)[]): number {
  let weight = table.prior;
  const levels = table.levels;
  for (let f = 0; f < levels.length; f++) {
    const term = levels[f]![vector[f]!]!;
    // NaN marks a level that weighs nothing (missing or neutral).
    if (term !== term) continue;
    weight += overrides[f] ?? term;
  }
  return weight;
}

/** The weight of a vetoing level: far below anything the other fields can add up to. */
export const VETO_WEIGHT = -100;

const CLOSE_DOB = new Set([1, 2, 3, 5]);

/** The deterministic rule: both names agree (exactly or as variants) and so does the birth date, closely. */
function isSureMatch(v: Uint8Array): boolean {
  const namesAgree = v[FIELD.given]! >= 1 && v[FIELD.given]! <= NAME_LEVEL.variant && v[FIELD.family]! >= 1 && v[FIELD.family]! <= NAME_LEVEL.variant;
  return namesAgree && CLOSE_DOB.has(v[FIELD.dob]!);
}

/**
 * The share of blocked pairs that are matches, estimated without labels from pairs whose names and birth
 * dates agree closely (a deterministic rule), corrected for the rule's imperfect recall. EM then learns m
 * with λ held at this value.
 */
function estimateLambda(blocked: readonly PairComparison[]): number {
  if (blocked.length === 0) return 0.01;
  const sure = blocked.filter((pair) => isSureMatch(pair.vector)).length;
  const RULE_RECALL = 0.6;
  return Math.min(0.5, Math.max(1e-4, sure / RULE_RECALL / blocked.length));
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
function trainBySessions(specs: readonly ComparisonSpec[], blocked: readonly PairComparison[], u: number[][], useTf: boolean): { m: number[][]; iterations: number } {
  const session = (select: (pair: PairComparison) => boolean, ruleFields: readonly number[]) => {
    const chosen: Uint8Array[] = [];
    const givenLogs: number[] = [];
    const familyLogs: number[] = [];
    for (const pair of blocked) {
      if (!select(pair)) continue;
      const masked = Uint8Array.from(pair.vector);
      for (const f of ruleFields) masked[f] = 0;
      chosen.push(masked);
      givenLogs.push(ruleFields.includes(FIELD.given) ? Number.NaN : pair.givenLog);
      familyLogs.push(ruleFields.includes(FIELD.family) ? Number.NaN : pair.familyLog);
    }
    if (chosen.length < 10) return null;
    const termFrequencyLogs: (Float64Array | undefined)[] = new Array(specs.length).fill(undefined);
    termFrequencyLogs[FIELD.given] = Float64Array.from(givenLogs);
    termFrequencyLogs[FIELD.family] = Float64Array.from(familyLogs);
    return trainEm(specs, chosen, u, { lambda: 0.3, ...(useTf ? { termFrequencyLogs } : {}) });
  };
  // Exact dates only: year-only dates make "same year" common among strangers, who would teach EM that
  // matches often have different names.
  const onDob = session((pair) => pair.vector[FIELD.dob] === 1 || pair.vector[FIELD.dob] === 2, DOB_FIELDS);
  // Names that agree and are not frequent: namesakes (two Mariama Diallo) would otherwise teach EM that
  // matches often have different birth dates.
  const RARE = Math.log2(0.01);
  const rare = (log: number) => Number.isNaN(log) || log < RARE;
  const onNames = session((pair) => {
    const g = pair.vector[FIELD.given]!;
    const f = pair.vector[FIELD.family]!;
    return g >= 1 && g <= NAME_LEVEL.variant && f >= 1 && f <= NAME_LEVEL.variant && rare(pair.givenLog) && rare(pair.familyLog);
  }, NAME_FIELDS);
  // Birth dates are learnt where names and a personal phone agree: namesakes, whose dates differ, rarely
  // share a number, so they cannot teach EM that matches often have different birth dates.
  const onNamesAndPhone = session((pair) => {
    const g = pair.vector[FIELD.given]!;
    const f = pair.vector[FIELD.family]!;
    return g >= 1 && g <= NAME_LEVEL.variant && f >= 1 && f <= NAME_LEVEL.variant && pair.vector[FIELD.phone] === PHONE_LEVEL.same;
  }, [...NAME_FIELDS, FIELD.phone]);
  // Names where the birth date and a personal phone agree: twins, whose given names differ, share a
  // household number (a neutral level), so they drop out.
  const onDobAndPhone = session((pair) => (pair.vector[FIELD.dob] === 1 || pair.vector[FIELD.dob] === 2) && pair.vector[FIELD.phone] === PHONE_LEVEL.same, [...DOB_FIELDS, FIELD.phone]);
  const m = specs.map((_, f) => {
    const fromNames = onNames?.m[f];
    const fromDob = onDob?.m[f];
    if (NAME_FIELDS.includes(f) && onDobAndPhone && fromDob) return fromDob.map((p, level) => (p + onDobAndPhone.m[f]![level]!) / 2);
    if (NAME_FIELDS.includes(f) && fromDob) return fromDob;
    if (DOB_FIELDS.includes(f) && onNamesAndPhone) return onNamesAndPhone.m[f]!;
    if (DOB_FIELDS.includes(f) && fromNames) return fromNames;
    if (fromNames && fromDob) return fromNames.map((p, level) => (p + fromDob[level]!) / 2);
    return fromNames ?? fromDob ?? u[f]!;
  });
  return { m, iterations: (onDob?.iterations ?? 0) + (onNames?.iterations ?? 0) };
}

/**
 * Learns a model without labels: u from comparisons of random pairs, λ from a deterministic rule, m by EM
 * sessions on blocked pairs. The batch (in memory or streaming) and the registration form share it.
 */
export function trainLinkModel(specs: readonly ComparisonSpec[], blocked: readonly PairComparison[], random: readonly PairComparison[], options: TrainOptions = {}): LinkModel {
  const useTf = options.termFrequencies ?? true;
  const u = estimateU(specs, (random.length ? random : blocked).map((pair) => pair.vector));
  const trained = blocked.length ? trainBySessions(specs, blocked, u, useTf) : { m: u.map((levels) => [...levels]), iterations: 0 };
  const blockedLambda = blocked.length ? estimateLambda(blocked) : 0.01;
  const population = options.population;
  // The match weights' u come from random pairs, so the prior must be a random pair's too (Splink's
  // "probability two random records match"): the blocked share scaled by how few pairs were blocked. It
  // shrinks as the set grows — among a million records two Mohamed Alaoui born in 1990 are likelier to be
  // namesakes than among two thousand — and a threshold then reads as a probability (0.5: more likely the
  // same person than not).
  const lambda = population && population.allPairs > 0 ? Math.min(blockedLambda, (blockedLambda * population.blockedPairs) / population.allPairs) : blockedLambda;
  const params: FellegiSunterParams = { specs, lambda, m: trained.m, u };
  const NO_OVERRIDES: (number | undefined)[] = [];
  const CONFLICTING_DOB = specs[FIELD.dob]!.levels.indexOf('conflicting');
  const table = weightTable(params);
  /** Scores a compared pair, with term-frequency weights for the name values it agrees on. */
  const weigh = ({ vector, givenLog, familyLog }: PairComparison): PairScore => {
    let overrides = NO_OVERRIDES;
    if (useTf && !(Number.isNaN(givenLog) && Number.isNaN(familyLog))) {
      overrides = new Array(specs.length).fill(undefined);
      if (!Number.isNaN(givenLog)) overrides[FIELD.given] = termFrequencyWeight(params.m[FIELD.given]![vector[FIELD.given]!]!, 2 ** givenLog);
      if (!Number.isNaN(familyLog)) overrides[FIELD.family] = termFrequencyWeight(params.m[FIELD.family]![vector[FIELD.family]!]!, 2 ** familyLog);
    }
    if (vector[FIELD.dob] === CONFLICTING_DOB) {
      // Two complete, different birth dates veto the match (N-11 "conflicting"): the names of namesakes
      // can be rare enough to outweigh any finite weight, and merging two people is the costlier error.
      overrides = overrides === NO_OVERRIDES ? new Array(specs.length).fill(undefined) : overrides;
      overrides[FIELD.dob] = VETO_WEIGHT;
    }
    return { probability: probabilityOf(tableWeight(table, vector, overrides)), vector, overrides };
  };
  return { params, weigh, emIterations: trained.iterations };
}
