import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The batch's temporary directory (runs, record store, compared and scored pairs). It is removed when the run
 * ends, whether it succeeds or fails, and also on Ctrl-C or a kill: the signal handler removes it, and any
 * half-written output registered with `removeOnInterrupt`, before the process exits.
 */
export class Workspace {
  readonly directory: string;
  readonly #partials = new Set<string>();
  readonly #onSignal: (signal: NodeJS.Signals) => void;

  /** In the system's temporary directory (TMPDIR), which should have room for a few times the input. */
  constructor(parent = tmpdir()) {
    this.directory = mkdtempSync(join(parent, 'sanad-dedup-'));
    this.#onSignal = (signal) => {
      this.dispose();
      process.stderr.write(`\ninterrupted (${signal}); temporary files removed\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', this.#onSignal);
    process.once('SIGTERM', this.#onSignal);
  }

  path(name: string): string {
    return join(this.directory, name);
  }

  removeOnInterrupt(path: string): void {
    this.#partials.add(path);
  }

  keep(path: string): void {
    this.#partials.delete(path);
  }

  dispose(): void {
    process.off('SIGINT', this.#onSignal);
    process.off('SIGTERM', this.#onSignal);
    for (const partial of this.#partials) rmSync(partial, { force: true });
    rmSync(this.directory, { recursive: true, force: true });
  }
}
