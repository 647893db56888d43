import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads files of fixed-size records (compared pairs, scored pairs) into `buffer` a chunk at a time and
 * calls `visit` with the number of whole records in it: one read per chunk, nothing allocated per record.
 */
export function forEachFixedSizeChunk(files: readonly string[], buffer: Buffer, recordBytes: number, visit: (count: number) => void): void {
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      let position = 0;
      for (;;) {
        const count = Math.floor(readSync(fd, buffer, 0, buffer.length, position) / recordBytes);
        if (count === 0) break;
        position += count * recordBytes;
        visit(count);
      }
    } finally {
      closeSync(fd);
    }
  }
}
