import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const BUFFER_CHARACTERS = 1 << 20;

/** Appends text lines to a file through a large buffer (synchronous writes: simple and fast here). */
export class LineFileWriter {
  readonly #fd: number;
  #buffer = '';

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  add(line: string): void {
    this.#buffer += `${line}\n`;
    if (this.#buffer.length >= BUFFER_CHARACTERS) this.#flush();
  }

  #flush(): void {
    if (this.#buffer) writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  finish(): void {
    this.#flush();
    closeSync(this.#fd);
  }
}

/** The lines of a file written by LineFileWriter, in order, read a chunk at a time. */
export function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(4 << 20);
  let position = 0;
  let rest = '';
  try {
    for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
      position += read;
      // Cut at the last line break of the chunk, so no multi-byte character is split.
      const last = buffer.lastIndexOf(10, read - 1);
      if (last < 0) {
        rest += buffer.toString('utf8', 0, read);
        continue;
      }
      const lines = (rest + buffer.toString('utf8', 0, last)).split('\n');
      rest = buffer.toString('utf8', last + 1, read);
      yield* lines;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
