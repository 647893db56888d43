import { ProgressBar, type ProgressOutput } from '../csv/progress-bar.ts';

/**
 * Progress of a phase counted in items (records, blocking entries, pairs, clusters) rather than bytes: the
 * shared ProgressBar, fed with the items done out of the items expected, and naming what it counts.
 *
 * A phase made of coarse steps (worker tasks) whose items are only known as each step ends — pairs compared
 * per range of blocks — is shown by its steps done out of `total` for the percentage, and by the items
 * counted for the figures (`step`): the line then says "2,827,405 pairs", not "56 records".
 */
export class PhaseProgress {
  readonly #bar: ProgressBar;
  #done = 0;
  #steps = 0;
  #stepped = false;

  constructor(
    output: ProgressOutput,
    label: string,
    private total: number,
    unit = 'records',
  ) {
    this.#bar = new ProgressBar({ output, label, unit });
  }

  /** The total, once the phase knows it (its clock started when the phase did). */
  resize(total: number): void {
    this.total = total;
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

  /** One more of the `total` steps done, which counted `items` items. */
  step(items: number): void {
    this.#stepped = true;
    this.#steps++;
    this.add(items);
  }

  #progress(): number {
    return this.#stepped ? this.#steps : this.#done;
  }

  #update(): void {
    this.#bar.update({ records: this.#done, bytesRead: this.#progress(), totalBytes: this.total });
  }

  finish(): void {
    this.#bar.finish({ records: this.#done, bytesRead: this.#progress(), totalBytes: Math.max(this.total, this.#progress()) });
  }
}
