import { ProgressBar, type ProgressOutput } from '../csv/progress-bar.ts';

/**
 * Progress of a phase counted in items (records, blocking entries, pairs, clusters) rather than bytes: the
 * shared ProgressBar, fed with the items done out of the items expected.
 */
export class PhaseProgress {
  readonly #bar: ProgressBar;
  #done = 0;

  constructor(
    output: ProgressOutput,
    label: string,
    private total: number,
  ) {
    this.#bar = new ProgressBar({ output, label });
  }

  /** One more item done, in a hot loop: the bar is updated only every few thousand items. */
  tick(): void {
    if ((++this.#done & 4095) === 0) this.#update();
  }

  /** `items` more done (coarse steps such as a finished task): the bar is updated each time. */
  add(items: number): void {
    this.#done += items;
    this.#update();
  }

  #update(): void {
    this.#bar.update({ records: this.#done, bytesRead: this.#done, totalBytes: this.total });
  }

  finish(): void {
    this.#bar.finish({ records: this.#done, bytesRead: this.#done, totalBytes: Math.max(this.total, this.#done) });
  }
}
