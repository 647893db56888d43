import { CLK_BYTES } from './clk-encoder.ts';
import { FIELD_INDEX, SEGMENT_WORDS } from './segment-dice.ts';

/**
 * The frequency-alignment attack of issue 4, point 7 (Kuzu et al. 2011; Christen et al., "Efficient
 * cryptanalysis of Bloom filters for PPRL", 2017; Vidanage et al. 2019), as a strong attacker would run it
 * on our filters: they know the schema (where each field's bits are, that equal tokens set equal bits —
 * Kerckhoffs), hold every filter of the network and the true frequency table of given and family names,
 * but not the secret.
 *
 * 1. Pattern grouping: records whose segment of a name field holds exactly the same bits hold the same
 *    name (in the same salt window). When a schema writes several salted copies of a field (the
 *    overlapping-window design we measured and dropped), groups are chained across the copies, which
 *    undoes as much of the salting as the data allows; `fields` lists the copies.
 * 2. Frequency alignment: groups sorted by size are aligned with the names sorted by frequency; every
 *    record of the i-th largest group is guessed to carry the i-th most frequent name. Either over all
 *    groups at once, or per salt window (the window shows in the filter, and each window is a sample of
 *    the population with about the table's frequencies): the second wins when windows hold many records,
 *    and is what rules out windows wider than three years (+1.5 points at six years, +3.9 at twelve, on
 *    5,000 records; three years: none). The benchmark takes the attacker's best of both.
 * 3. Bit-pattern alignment (Christen et al.'s q-gram step): the aligned groups whose sizes stand apart
 *    (from their neighbours' and in the table) are taken as known (anchors); from them the attacker learns
 *    which bits each token sets (the bits set in at least 80 % of the anchors holding the token, per salt
 *    context: the window's own bits when names are salted). Every other record is then matched against
 *    every name of the table (explain(), below).
 * 4. Records left unexplained get their group's aligned name, or — in groups smaller than `minGroup`,
 *    where alignment is noise — the most frequent name, as the baseline does.
 */
export interface FrequencyTable {
  /** Names and how many records carry each (ties keep the table's order). */
  given: ReadonlyArray<readonly [string, number]>;
  family: ReadonlyArray<readonly [string, number]>;
}

export interface AttackGuess {
  given: string | null;
  family: string | null;
}

export interface AttackOptions {
  /** Smallest group the attacker aligns (smaller groups get the most frequent name). Default 2. */
  minGroup?: number;
  /** Whether names are salted with the birth-year windows (the attacker knows the schema). */
  salted: boolean;
  /** Bits each name token sets (public in the schema). */
  bitsPerToken: number;
  /** A name's tokens before salting, as the public tokeniser computes them. */
  tokensOf(name: string, field: 'given' | 'family'): readonly string[];
  /**
   * Step 2 over all groups at once ('global', default), or per salt ('per-salt': each birth window's
   * groups against the table on their own, which suits wide windows that hold many records).
   */
  alignment?: 'global' | 'per-salt';
}

const NAME_FIELDS = { given: [FIELD_INDEX.given], family: [FIELD_INDEX.family] } as const;

/** The table's names, most frequent first. */
export function byFrequency(table: ReadonlyArray<readonly [string, number]>): string[] {
  return [...table].sort((x, y) => y[1] - x[1]).map(([name]) => name);
}

/** Groups of records whose name segments are identical in some window, chained (union–find). */
function patternGroups(filters: Uint8Array, fields: readonly number[]): Int32Array {
  const count = filters.length / CLK_BYTES;
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const field of fields) {
    const [from, to] = SEGMENT_WORDS[field]!;
    const firstWithPattern = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const bytes = filters.subarray(i * CLK_BYTES + from * 4, i * CLK_BYTES + to * 4);
      if (bytes.every((byte) => byte === 0)) continue;
      const pattern = Buffer.from(bytes).toString('base64');
      const first = firstWithPattern.get(pattern);
      if (first === undefined) firstWithPattern.set(pattern, i);
      else parent[find(i)] = find(first);
    }
  }
  const roots = new Int32Array(count);
  for (let i = 0; i < count; i++) roots[i] = find(i);
  // Records without the field form no group.
  for (let i = 0; i < count; i++) {
    const [from, to] = SEGMENT_WORDS[fields[0]!]!;
    if (filters.subarray(i * CLK_BYTES + from * 4, i * CLK_BYTES + to * 4).every((byte) => byte === 0)) roots[i] = -1;
  }
  return roots;
}

const SEGMENT_WORDS_PER_NAME = SEGMENT_WORDS[FIELD_INDEX.given]![1] - SEGMENT_WORDS[FIELD_INDEX.given]![0];

function isEmpty(words: Uint32Array, at: number): boolean {
  for (let w = 0; w < SEGMENT_WORDS_PER_NAME; w++) if (words[at + w] !== 0) return false;
  return true;
}

interface FieldAttack {
  filters: Uint8Array;
  words: Uint32Array;
  fields: readonly number[];
  names: string[];
  options: AttackOptions;
  field: 'given' | 'family';
}

/** The salt context of record i: the bits of its birth-year window when names are salted (copy k of the field). */
function contextOf(attack: FieldAttack, i: number, k: number): string {
  if (!attack.options.salted) return String(k);
  return `${k}:${attack.words[i * 32 + SEGMENT_WORDS[FIELD_INDEX.dobWindow0]![0]]}`;
}

/**
 * Step 3: token bits learnt from the anchors, per context: the bits set in at least 80 % of the anchor
 * segments holding the token (a vote, so that a few mis-aligned anchors do not erase a token's bits).
 */
function learnTokenBits(attack: FieldAttack, anchorName: Map<number, string>): Map<string, Map<string, Uint32Array>> {
  const votes = new Map<string, Map<string, { seen: number; bits: Uint16Array }>>();
  for (const [i, name] of anchorName) {
    for (const [k, field] of attack.fields.entries()) {
      const at = i * 32 + SEGMENT_WORDS[field]![0];
      if (isEmpty(attack.words, at)) continue;
      const context = contextOf(attack, i, k);
      const tokens = votes.get(context) ?? votes.set(context, new Map()).get(context)!;
      for (const token of attack.options.tokensOf(name, attack.field)) {
        const vote = tokens.get(token) ?? tokens.set(token, { seen: 0, bits: new Uint16Array(SEGMENT_WORDS_PER_NAME * 32) }).get(token)!;
        vote.seen++;
        for (let bit = 0; bit < SEGMENT_WORDS_PER_NAME * 32; bit++) if ((attack.words[at + (bit >>> 5)]! >>> (bit & 31)) & 1) vote.bits[bit]!++;
      }
    }
  }
  const learnt = new Map<string, Map<string, Uint32Array>>();
  for (const [context, tokens] of votes) {
    const out = new Map<string, Uint32Array>();
    for (const [token, { seen, bits }] of tokens) {
      const words = new Uint32Array(SEGMENT_WORDS_PER_NAME);
      bits.forEach((count, bit) => {
        if (count >= 0.8 * seen) words[bit >>> 5]! |= 1 << (bit & 31);
      });
      out.set(token, words);
    }
    learnt.set(context, out);
  }
  return learnt;
}

function popcount(words: Uint32Array): number {
  let n = 0;
  for (const word of words) for (let x = word; x; x &= x - 1) n++;
  return n;
}

/**
 * The name that best explains record i's bits in some copy. A name is possible when each of its learnt
 * tokens has all its bits inside the record's bits, and the bits its learnt tokens leave unexplained
 * could come from its unlearnt tokens (at most `bitsPerToken` each); among possible names with at least
 * half of their tokens learnt, the one with the most learnt tokens (then the most frequent) wins.
 */
function explain(attack: FieldAttack, learnt: Map<string, Map<string, Uint32Array>>, i: number): string | null {
  let best: { name: string; known: number } | null = null;
  for (const [k, field] of attack.fields.entries()) {
    const at = i * 32 + SEGMENT_WORDS[field]![0];
    const tokens = learnt.get(contextOf(attack, i, k));
    if (!tokens || isEmpty(attack.words, at)) continue;
    const segment = attack.words.subarray(at, at + SEGMENT_WORDS_PER_NAME);
    const segmentBits = popcount(segment);
    names: for (const name of attack.names) {
      const union = new Uint32Array(SEGMENT_WORDS_PER_NAME);
      const all = attack.options.tokensOf(name, attack.field);
      let known = 0;
      for (const token of all) {
        const bits = tokens.get(token);
        if (!bits) continue;
        for (let w = 0; w < SEGMENT_WORDS_PER_NAME; w++) {
          if ((bits[w]! & ~segment[w]!) !== 0) continue names;
          union[w]! |= bits[w]!;
        }
        known++;
      }
      if (known * 2 < all.length || segmentBits - popcount(union) > attack.options.bitsPerToken * (all.length - known)) continue;
      if (!best || known > best.known) best = { name, known };
    }
  }
  return best?.name ?? null;
}

/**
 * Step 2 on one list of groups (largest first): the i-th group gets the i-th most frequent name, and the
 * groups whose size differs from both neighbours' (in the list and in the table) become anchors.
 */
function align(ranked: ReadonlyArray<readonly [number, number]>, names: readonly string[], frequencies: readonly number[], nameOf: Map<number, string>, anchorRoots: Set<number>): void {
  ranked.forEach(([root, size], rank) => {
    if (rank < names.length) nameOf.set(root, names[rank]!);
    // A tie makes the alignment a guess.
    const apart = (ranked[rank - 1]?.[1] ?? Infinity) !== size && (ranked[rank + 1]?.[1] ?? -1) !== size;
    const tableApart = (frequencies[rank - 1] ?? Infinity) !== frequencies[rank] && (frequencies[rank + 1] ?? -1) !== frequencies[rank];
    if (apart && tableApart && rank < names.length) anchorRoots.add(root);
  });
}

function attackField(attack: FieldAttack, table: ReadonlyArray<readonly [string, number]>, minGroup: number): (string | null)[] {
  const top = attack.names[0] ?? null;
  const groups = patternGroups(attack.filters, attack.fields);
  const sizes = new Map<number, number>();
  for (const root of groups) if (root >= 0) sizes.set(root, (sizes.get(root) ?? 0) + 1);
  const ranked = [...sizes].filter(([, size]) => size >= minGroup).sort((x, y) => y[1] - x[1]);
  const frequencies = [...table].sort((x, y) => y[1] - x[1]).map(([, n]) => n);
  const nameOf = new Map<number, string>();
  const anchorRoots = new Set<number>();
  if (attack.options.alignment === 'per-salt' && attack.options.salted) {
    // Each salt (birth window) holds a sample of the population with about the same name frequencies:
    // its groups are aligned with the table on their own, the largest of each window with the top name.
    const bySalt = new Map<string, [number, number][]>();
    for (const entry of ranked) {
      const salt = contextOf(attack, entry[0], 0);
      (bySalt.get(salt) ?? bySalt.set(salt, []).get(salt)!).push(entry);
    }
    for (const list of bySalt.values()) align(list, attack.names, frequencies, nameOf, anchorRoots);
  } else {
    align(ranked, attack.names, frequencies, nameOf, anchorRoots);
  }
  const anchorName = new Map<number, string>();
  groups.forEach((root, i) => {
    if (anchorRoots.has(root)) anchorName.set(i, nameOf.get(root)!);
  });
  const learnt = learnTokenBits(attack, anchorName);
  return Array.from(groups, (root, i) => {
    if (root < 0) return top;
    if (anchorRoots.has(root)) return nameOf.get(root)!;
    return explain(attack, learnt, i) ?? nameOf.get(root) ?? top;
  });
}

/** The attacker's guess of each record's given and family name. */
export function frequencyAttack(filters: Uint8Array, table: FrequencyTable, options: AttackOptions): AttackGuess[] {
  const minGroup = options.minGroup ?? 2;
  const words = new Uint32Array(filters.buffer, filters.byteOffset, filters.length / 4);
  const run = (field: 'given' | 'family') =>
    attackField({ filters, words, fields: NAME_FIELDS[field], names: byFrequency(table[field]), options, field }, table[field], minGroup);
  const given = run('given');
  const family = run('family');
  return given.map((name, i) => ({ given: name, family: family[i]! }));
}

export interface AttackScore {
  /** Share of records whose given or family name the guesses got right. */
  recovered: number;
  /** The same, counting only names among the 50 most frequent of their table. */
  recoveredTop50: number;
  /** The same, counting only names outside the 50 most frequent (the rarer, more identifying ones). */
  recoveredBeyondTop50: number;
}

/** Scores guesses against the true names; `truth` holds each record's names as in the frequency table. */
export function scoreGuesses(guesses: readonly AttackGuess[], truth: readonly AttackGuess[], table: FrequencyTable): AttackScore {
  const top50 = { given: new Set(byFrequency(table.given).slice(0, 50)), family: new Set(byFrequency(table.family).slice(0, 50)) };
  let recovered = 0;
  let inTop = 0;
  let beyond = 0;
  guesses.forEach((guess, i) => {
    const real = truth[i]!;
    const hits = (['given', 'family'] as const).filter((field) => real[field] !== null && guess[field] === real[field]);
    if (hits.length === 0) return;
    recovered++;
    if (hits.some((field) => top50[field].has(real[field]!))) inTop++;
    else beyond++;
  });
  const n = guesses.length || 1;
  return { recovered: recovered / n, recoveredTop50: inTop / n, recoveredBeyondTop50: beyond / n };
}

/** The baseline: every record guessed to carry the most frequent given and the most frequent family name. */
export function mostFrequentGuesses(count: number, table: FrequencyTable): AttackGuess[] {
  const given = byFrequency(table.given)[0] ?? null;
  const family = byFrequency(table.family)[0] ?? null;
  return Array.from({ length: count }, () => ({ given, family }));
}

/** The frequency table of a set of records' names (what the attacker is assumed to know). */
export function frequencyTable(truth: readonly AttackGuess[]): FrequencyTable {
  const count = (field: 'given' | 'family') => {
    const counts = new Map<string, number>();
    for (const names of truth) if (names[field]) counts.set(names[field]!, (counts.get(names[field]!) ?? 0) + 1);
    return [...counts];
  };
  return { given: count('given'), family: count('family') };
}
