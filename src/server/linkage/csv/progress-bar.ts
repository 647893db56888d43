import { performance } from 'node:perf_hooks';

/** The part of a stream the bar needs (process.stderr fits). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressState {
  records: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ProgressBarOptions {
  output: ProgressOutput;
  /** Words before the figures, e.g. "reading people.csv". */
  label: string;
  /** What is counted, plural ("records", "pairs", "clusters"); default "records". */
  unit?: string;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

const count = (n: number) => Math.round(n).toLocaleString('en');

/**
 * Progress on stderr. On a terminal: one line redrawn at most 10 times a second (`\r`, then erase to the end of
 * the line). Elsewhere (CI logs, a file): one plain line each time another 10 % is passed. Both show the items
 * counted (records unless another unit is named), items per second and the percentage done (of bytes read).
 */
export class ProgressBar {
  readonly #output: ProgressOutput;
  readonly #label: string;
  readonly #unit: string;
  readonly #now: () => number;
  readonly #started: number;
  readonly #interactive: boolean;
  #lastDrawn = -Infinity;
  #lastDecile = 0;
  #finished = false;

  constructor(options: ProgressBarOptions) {
    this.#output = options.output;
    this.#label = options.label;
    this.#unit = options.unit ?? 'records';
    this.#now = options.now ?? (() => performance.now());
    this.#started = this.#now();
    this.#interactive = options.output.isTTY === true;
  }

  update(state: ProgressState): void {
    if (this.#finished) return;
    const now = this.#now();
    const percent = this.#percent(state);
    if (this.#interactive) {
      if (now - this.#lastDrawn < REDRAW_INTERVAL_MS) return;
      this.#lastDrawn = now;
      this.#output.write(`\r${this.#line(state, now, true)}\x1b[K`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile <= this.#lastDecile) return;
    this.#lastDecile = decile;
    this.#output.write(`${this.#line(state, now, false)}\n`);
  }

  /** The final figures and the time taken, ending the bar's line. */
  finish(state: ProgressState): void {
    if (this.#finished) return;
    this.#finished = true;
    const now = this.#now();
    const seconds = (now - this.#started) / 1000;
    const summary = `${this.#label}: ${count(state.records)} ${this.#unit} in ${seconds.toFixed(1)} s (${count(this.#rate(state, now))} ${this.#unit}/s)`;
    this.#output.write(this.#interactive ? `\r${summary}\x1b[K\n` : `${summary}\n`);
  }

  #percent(state: ProgressState): number {
    if (state.totalBytes <= 0) return 100;
    return Math.min(100, Math.floor((state.bytesRead / state.totalBytes) * 100));
  }

  #rate(state: ProgressState, now: number): number {
    const seconds = (now - this.#started) / 1000;
    return seconds > 0 ? state.records / seconds : 0;
  }

  #line(state: ProgressState, now: number, withBar: boolean): string {
    const percent = this.#percent(state);
    const figures = `${percent}% ${count(state.records)} ${this.#unit} ${count(this.#rate(state, now))} ${this.#unit}/s`;
    if (!withBar) return `${this.#label}: ${figures}`;
    const width = Math.max(0, Math.min(BAR_WIDTH, (this.#output.columns ?? 80) - this.#label.length - figures.length - 6));
    if (width < 5) return `${this.#label} ${figures}`;
    const filled = Math.round((percent / 100) * width);
    return `${this.#label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${figures}`;
  }
}
