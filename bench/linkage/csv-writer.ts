import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

// RFC 4180 formatting is shared with `sanad dedup`'s output writer.
import { formatCsvRow } from '../../src/server/linkage/csv/rfc4180.ts';

export { formatCsvField, formatCsvRow } from '../../src/server/linkage/csv/rfc4180.ts';

/** Rows are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * Streams rows to a Writable with back-pressure: it holds at most one chunk and waits for 'drain' when the
 * stream's buffer is full, so writing a file of any size takes flat memory.
 */
export class CsvWriter<Column extends string> {
  #chunk = '';
  #rows = 0;
  #bytes = 0;
  #error: Error | undefined;

  constructor(
    private readonly output: Writable,
    private readonly columns: readonly Column[],
  ) {
    this.#chunk = formatCsvRow(columns);
    // Keep a stream error (disk full, file not creatable) for the next write or close to throw, rather than
    // letting an unheard 'error' event end the process with a stack trace.
    output.on('error', (error: Error) => {
      this.#error ??= error;
    });
  }

  get rowsWritten(): number {
    return this.#rows;
  }

  /** UTF-8 bytes handed to the stream so far (the header included). */
  get bytesWritten(): number {
    return this.#bytes;
  }

  async writeRow(row: Readonly<Record<Column, string>>): Promise<void> {
    const values: string[] = new Array(this.columns.length);
    for (let i = 0; i < this.columns.length; i++) values[i] = row[this.columns[i]!];
    this.#chunk += formatCsvRow(values);
    this.#rows++;
    if (this.#chunk.length >= CHUNK_CHARACTERS) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#error) throw this.#error;
    if (this.#chunk === '') return;
    const chunk = Buffer.from(this.#chunk, 'utf8');
    this.#chunk = '';
    this.#bytes += chunk.length;
    if (!this.output.write(chunk)) await once(this.output, 'drain');
  }

  /** Writes what is left, ends the stream and waits until it is flushed (errors are thrown here). */
  async close(): Promise<void> {
    await this.#flush();
    this.output.end();
    await finished(this.output);
    if (this.#error) throw this.#error;
  }
}
