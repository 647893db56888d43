import { StatisticsCollector } from '../../../core/linkage/engine/record-statistics.ts';
import { LineFileWriter, readLines } from './line-file.ts';
import { recordAnswers, type StatisticsAnswers, type StatisticsQuestions } from './pair-statistics.ts';

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

  /**
   * Adds the stored records' questions (`questionsOf`, flattened: three values per record), in file order.
   * The workers that prepared the records took them from the comparable records they encoded (the codec
   * keeps frequency keys and phones as they are), so this thread no longer decodes every stored line.
   */
  add(questions: readonly (string | null)[]): void {
    for (let at = 0; at < questions.length; at += 3) {
      const record: StatisticsQuestions = [questions[at]!, questions[at + 1]!, questions[at + 2]!];
      this.#collector.addValues(...record);
      this.#questions.add(JSON.stringify(record));
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
