import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { formatCsvRow } from './rfc4180.ts';
import { fourDecimals } from './score-text.ts';

/** One output line of `sanad dedup`: two record ids, the pair's score and the fields that agreed. */
export interface ScoredPair {
  idA: string;
  idB: string;
  score: number;
  agreeingFields: readonly string[];
}

export const PAIRS_HEADER = ['id_a', 'id_b', 'score', 'agreeing_fields'] as const;

export interface PairsCsvWriterOptions {
  /** Decimals written for the score (default 4). */
  scoreDecimals?: number;
  /** Start with a UTF-8 byte-order mark, which Excel needs to show Arabic script correctly (default false). */
  byteOrderMark?: boolean;
}

/** Characters gathered before each write: few syscalls, bounded memory. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * Streams pairs as RFC 4180 CSV (`id_a,id_b,score,agreeing_fields`, the agreeing fields `;`-separated) with
 * back-pressure: it holds at most one chunk and waits for 'drain' when the destination's buffer is full, so
 * millions of pairs take flat memory. Stream errors (disk full) are thrown by the next write or by close().
 */
export class PairsCsvWriter {
  readonly #output: Writable;
  readonly #decimals: number;
  #chunk: string;
  #pairs = 0;
  #error: Error | undefined;

  constructor(output: Writable, options: PairsCsvWriterOptions = {}) {
    this.#output = output;
    this.#decimals = options.scoreDecimals ?? 4;
    this.#chunk = (options.byteOrderMark ? '\ufeff' : '') + formatCsvRow(PAIRS_HEADER);
    output.on('error', (error: Error) => {
      this.#error ??= error;
    });
  }

  get pairsWritten(): number {
    return this.#pairs;
  }

  async write(pair: ScoredPair): Promise<void> {
    if (!Number.isFinite(pair.score)) throw new RangeError(`score of ${pair.idA}/${pair.idB} is not a finite number: ${pair.score}`);
    const score = this.#decimals === 4 ? fourDecimals(pair.score) : pair.score.toFixed(this.#decimals);
    this.#chunk += formatCsvRow([pair.idA, pair.idB, score, pair.agreeingFields.join(';')]);
    this.#pairs++;
    if (this.#chunk.length >= CHUNK_CHARACTERS) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#error) throw this.#error;
    if (this.#chunk === '') return;
    const chunk = this.#chunk;
    this.#chunk = '';
    if (!this.#output.write(chunk, 'utf8')) await once(this.#output, 'drain');
  }

  /** Writes what is left (the header at least), ends the stream and waits until it is flushed. */
  async close(): Promise<void> {
    await this.#flush();
    this.#output.end();
    await finished(this.#output);
    if (this.#error) throw this.#error;
  }
}
