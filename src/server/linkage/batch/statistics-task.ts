import { StatisticsCollector } from '../../../core/linkage/engine/record-statistics.ts';
import { LineFileWriter, readLines } from './line-file.ts';
import { questionsOf, recordAnswers, type StatisticsAnswers, type StatisticsQuestions } from './pair-statistics.ts';
import { decodeRecord } from './record-codec.ts';

/**
 * The StatisticsCollector's thread. The collector must see the records in file order, and its tables grow
 * with the distinct names and phone numbers (the N-12 phone rule needs every number's users), so it lives on
 * a thread of its own: the main thread's heap stays flat. Once every record is in, it answers each record's
 * questions (name frequencies, shared phone) into shared memory, and nobody needs the collector any more.
 */
export class StatisticsTask {
  readonly #collector = new StatisticsCollector();
  readonly #questions: LineFileWriter;
  #count = 0;

  constructor(questionsPath: string) {
    this.#questions = new LineFileWriter(questionsPath);
  }

  /** Adds stored records (encoded lines), in file order. */
  add(lines: readonly string[]): void {
    for (const line of lines) {
      // The collector wants the record as comparison will see it, so it reads it back from its stored form.
      const record = decodeRecord(line, '');
      this.#collector.add(record);
      this.#questions.add(JSON.stringify(questionsOf(record)));
      this.#count++;
    }
  }

  /** Fills `answers` (allocated for every record) from the complete statistics. */
  answer(answers: StatisticsAnswers): void {
    this.#questions.finish();
    const statistics = this.#collector.statistics();
    let index = 0;
    for (const line of readLines(this.#questions.path)) recordAnswers(answers, index++, JSON.parse(line) as StatisticsQuestions, statistics);
    if (index !== this.#count || index !== answers.recordCount) throw new Error(`streaming batch: ${index} statistics questions for ${answers.recordCount} records`);
  }
}
