import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import type { RecordStatistics } from '../../../core/linkage/engine/record-statistics.ts';

/**
 * The statistics' answers about each record, in shared memory so worker threads can use them: the relative
 * frequency of the record's given and family name keys (NaN when it has none) and whether its phone is a
 * shared one. The StatisticsCollector itself stays on the main thread (it is built in record order); the
 * workers only ever ask about the records of the pair they compare, whose answers these are.
 */
export interface StatisticsAnswers {
  recordCount: number;
  givenFrequency: Float64Array;
  familyFrequency: Float64Array;
  sharedPhone: Uint8Array;
}

export function allocateAnswers(recordCount: number): StatisticsAnswers {
  const shared = (bytes: number) => new SharedArrayBuffer(Math.max(1, bytes));
  return {
    recordCount,
    givenFrequency: new Float64Array(shared(recordCount * 8)),
    familyFrequency: new Float64Array(shared(recordCount * 8)),
    sharedPhone: new Uint8Array(shared(recordCount)),
  };
}

/** What the statistics are asked about one record: its name frequency keys and its phone. */
export type StatisticsQuestions = [given: string | null, family: string | null, phone: string | null];

export function questionsOf(record: ComparableRecord): StatisticsQuestions {
  return [record.given?.frequencyKey ?? null, record.family?.frequencyKey ?? null, record.prepared.phone];
}

/** Fills the answers for one record from the complete statistics. */
export function recordAnswers(answers: StatisticsAnswers, index: number, [given, family, phone]: StatisticsQuestions, statistics: RecordStatistics): void {
  answers.givenFrequency[index] = given ? statistics.nameFrequency('given', given) : Number.NaN;
  answers.familyFrequency[index] = family ? statistics.nameFrequency('family', family) : Number.NaN;
  answers.sharedPhone[index] = phone && statistics.phoneUse(phone) === 'shared' ? 1 : 0;
}

/**
 * RecordStatistics for one pair (or one record): answers questions about the values of records `a` and `b`
 * from the precomputed answers. A question about any other value means comparison or blocking started to
 * need statistics beyond the pair's own records, which this batch cannot answer off the main thread: it
 * fails loudly rather than guessing.
 */
export class PairStatistics implements RecordStatistics {
  readonly recordCount: number;
  #a = 0;
  #b = 0;
  #recordA: ComparableRecord | null = null;
  #recordB: ComparableRecord | null = null;

  constructor(private readonly answers: StatisticsAnswers) {
    this.recordCount = answers.recordCount;
  }

  focus(a: number, recordA: ComparableRecord, b: number, recordB: ComparableRecord): this {
    this.#a = a;
    this.#b = b;
    this.#recordA = recordA;
    this.#recordB = recordB;
    return this;
  }

  nameFrequency(field: 'given' | 'family', key: string): number {
    const frequencies = field === 'given' ? this.answers.givenFrequency : this.answers.familyFrequency;
    if (this.#recordA?.[field]?.frequencyKey === key) return frequencies[this.#a]!;
    if (this.#recordB?.[field]?.frequencyKey === key) return frequencies[this.#b]!;
    throw new Error(`streaming batch: name frequency asked for "${key}", which is not a key of the compared records`);
  }

  phoneUse(phone: string): 'personal' | 'shared' {
    if (this.#recordA?.prepared.phone === phone) return this.answers.sharedPhone[this.#a] ? 'shared' : 'personal';
    if (this.#recordB?.prepared.phone === phone) return this.answers.sharedPhone[this.#b] ? 'shared' : 'personal';
    throw new Error(`streaming batch: phone use asked for a number that is not one of the compared records`);
  }
}
