import { prepareRecord } from '../../src/core/linkage/engine/prepare-record.ts';
import { CLK_BYTES, ClkEncoder } from '../../src/server/linkage/pprl/clk-encoder.ts';
import { recordTokens, RECORD_TOKEN_FIELDS, tokensOfName, type RecordTokens } from '../../src/server/linkage/pprl/record-tokens.ts';
import { FilterSet, LEVEL_COUNTS, pairLevels, SCORED_FIELDS, weightTable, type FieldComparer, type WeightTableName } from '../../src/server/linkage/pprl/token-score.ts';
import { TOKEN_SCHEMA, UNSALTED_TOKEN_SCHEMA, type TokenSchema } from '../../src/server/linkage/pprl/token-schema.ts';
import { frequencyAttack, frequencyTable, mostFrequentGuesses, scoreGuesses, type AttackScore } from '../../src/server/linkage/pprl/frequency-attack.ts';
import type { TokenWeights } from '../../src/server/linkage/pprl/token-weights.ts';
import { generateMigrantRecords, migrantRowToRawRecord, type MigrantRow } from '../linkage/migrant/generate-migrant.ts';

/** The seed weights and thresholds are chosen on, and the held-out seed figures are reported on (issue 4). */
export const TUNING_SEED = 20240401;
export const HELD_OUT_SEED = 7;
const REFERENCE = new Date('2026-01-01');
/** A fixed network secret for generated data (never a real one). */
export const BENCH_SECRET = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

export interface EncodedNetwork {
  rows: MigrantRow[];
  tokens: RecordTokens[];
  filters: Uint8Array;
  set: FilterSet;
  /** The same records compared on their plaintext token sets (the reference for the Bloom-filter loss). */
  plain: FieldComparer;
  saltNames: boolean;
}

/** Plaintext Dice on the token sets: what the filters approximate. */
class PlainTokenSets implements FieldComparer {
  private readonly sets: Set<string>[][];
  constructor(tokens: RecordTokens[]) {
    this.sets = tokens.map((t) => RECORD_TOKEN_FIELDS.map((f) => new Set(t[f])));
  }
  has(i: number, field: number): boolean {
    return this.sets[i]![field]!.size > 0;
  }
  dice(a: number, fieldA: number, b: number, fieldB: number): number {
    const x = this.sets[a]![fieldA]!;
    const y = this.sets[b]![fieldB]!;
    if (!x.size || !y.size) return -1;
    let common = 0;
    for (const token of x) if (y.has(token)) common++;
    return (2 * common) / (x.size + y.size);
  }
}

export async function encodeNetwork(seed: number, records: number, schema: TokenSchema = TOKEN_SCHEMA): Promise<EncodedNetwork> {
  const rows = generateMigrantRecords({ seed, records }).rows;
  const encoder = await ClkEncoder.create(BENCH_SECRET, schema.clk);
  const filters = new Uint8Array(rows.length * CLK_BYTES);
  const tokens = rows.map((row, i) => {
    const t = recordTokens(prepareRecord(migrantRowToRawRecord(row), { reference: REFERENCE }), { saltNames: schema.saltNames });
    encoder.encodeInto(filters, i * CLK_BYTES, t as unknown as Record<string, string[]>);
    return t;
  });
  return { rows, tokens, filters, set: new FilterSet(filters), plain: new PlainTokenSets(tokens), saltNames: schema.saltNames };
}

/**
 * Fellegi–Sunter weights from labelled generated pairs: m from the true pairs, u from all other pairs,
 * each level's count smoothed by one half so a level never seen gets a finite weight.
 */
export function learnTokenWeights(network: EncodedNetwork, comparer: FieldComparer = network.set): TokenWeights {
  const tables: Record<WeightTableName, number> = { ...LEVEL_COUNTS, givenSameDate: LEVEL_COUNTS.given, familySameDate: LEVEL_COUNTS.family };
  const names = Object.keys(tables) as WeightTableName[];
  const m = Object.fromEntries(names.map((f) => [f, new Array(tables[f]).fill(0.5)])) as Record<WeightTableName, number[]>;
  const u = Object.fromEntries(names.map((f) => [f, new Array(tables[f]).fill(0.5)])) as Record<WeightTableName, number[]>;
  let matches = 0;
  let others = 0;
  const n = network.rows.length;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const same = network.rows[a]!.entity_id === network.rows[b]!.entity_id;
      const levels = pairLevels(comparer, a, b);
      const counts = same ? m : u;
      if (same) matches++;
      else others++;
      for (const f of SCORED_FIELDS) if (levels[f] >= 0) counts[weightTable(f, levels)][levels[f]]!++;
    }
  }
  const weights = (f: WeightTableName) => {
    const mTotal = m[f].reduce((x, y) => x + y, 0);
    const uTotal = u[f].reduce((x, y) => x + y, 0);
    return m[f].map((count, level) => Math.round(Math.log2(count / mTotal / (u[f][level]! / uTotal)) * 100) / 100);
  };
  return { prior: Math.round(Math.log2(matches / others) * 100) / 100, given: weights('given'), family: weights('family'), givenSameDate: weights('givenSameDate'), familySameDate: weights('familySameDate'), dob: weights('dob'), sex: weights('sex') };
}


const MIN_GROUPS = [2, 5, 20];
const ALIGNMENTS = ['global', 'per-salt'] as const;

export interface AttackFigures {
  records: number;
  baseline: AttackScore;
  control: AttackScore;
  hardened: AttackScore;
}

/**
 * The frequency-alignment attack on a generated network, against the unsalted layout (the positive
 * control) and the network schema, beside the baseline of always guessing the most frequent names.
 */
export async function attackFigures(seed: number, records: number): Promise<AttackFigures> {
  const run = async (schema: TokenSchema) => {
    const network = await encodeNetwork(seed, records, schema);
    const truth = network.rows.map((row) => {
      const name = prepareRecord(migrantRowToRawRecord(row), { reference: REFERENCE }).name;
      return { given: name.given.join(' ') || null, family: name.family.join(' ') || null };
    });
    const table = frequencyTable(truth);
    const bitsPerToken = schema.clk.fields.find((field) => field.name === 'given')!.bitsPerToken;
    // The attacker's best choice of the smallest group worth aligning and of the alignment (the worst case for us).
    const scores = ALIGNMENTS.flatMap((alignment) =>
      MIN_GROUPS.map((minGroup) => scoreGuesses(frequencyAttack(network.filters, table, { salted: schema.saltNames, bitsPerToken, tokensOf: tokensOfName, minGroup, alignment }), truth, table)),
    );
    const score = scores.reduce((x, y) => (y.recovered > x.recovered ? y : x));
    return { score, baseline: scoreGuesses(mostFrequentGuesses(truth.length, table), truth, table) };
  };
  const control = await run(UNSALTED_TOKEN_SCHEMA);
  const hardened = await run(TOKEN_SCHEMA);
  return { records, baseline: hardened.baseline, control: control.score, hardened: hardened.score };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const network = await encodeNetwork(TUNING_SEED, 2000);
  console.log(JSON.stringify(learnTokenWeights(network)));
}
