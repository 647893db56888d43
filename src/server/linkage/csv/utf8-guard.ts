import { Transform, type TransformCallback } from 'node:stream';

/** Where the bytes stop being UTF-8: the absolute byte offset (0-based) and the 1-based line. */
export interface Utf8Fault {
  byteOffset: number;
  line: number;
}

const LF = 0x0a;

function countLineFeeds(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/** Length of the UTF-8 sequence a lead byte starts (0 when it cannot start one), and its valid 2nd-byte range. */
function sequence(lead: number): [length: number, low: number, high: number] {
  if (lead < 0x80) return [1, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf]; // no overlong forms
  if (lead === 0xed) return [3, 0x80, 0x9f]; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f]; // nothing above U+10FFFF
  return [0, 0, 0];
}

/**
 * Index of the first byte of the first invalid sequence in `bytes`, which start on a character boundary;
 * `bytes.length` when all are valid, `-1 - index` when they end inside an incomplete sequence starting at
 * `index`. Only runs after TextDecoder has refused a chunk, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const [length, low, high] = sequence(bytes[i]!);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return -1 - i;
      const byte = bytes[i + k]!;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * Passes bytes through unchanged while checking they are UTF-8 with a fatal TextDecoder (streaming, so a
 * character split across chunks is fine). On the first bad byte it fails with a Utf8FaultError giving the
 * byte offset and line; `onBytes` sees the running byte count (for progress).
 */
export class Utf8Guard extends Transform {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #offset = 0;
  #lineFeeds = 0;
  /** The last bytes of the previous chunk (at most 3), where a character split across chunks starts. */
  #tail: Uint8Array = new Uint8Array(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      callback(new Utf8FaultError(this.#locate(chunk)));
      return;
    }
    this.#lineFeeds += countLineFeeds(chunk);
    this.#offset += chunk.length;
    this.#tail = chunk.subarray(Math.max(0, chunk.length - 3));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#decoder.decode();
    } catch {
      // The file ends in the middle of a character.
      callback(new Utf8FaultError(this.#locate(new Uint8Array(0))));
      return;
    }
    callback();
  }

  #locate(chunk: Uint8Array): Utf8Fault {
    // Start the scan at the beginning of the character the previous chunk left open, if any.
    let start = this.#tail.length;
    for (let back = this.#tail.length - 1; back >= 0; back--) {
      const byte = this.#tail[back]!;
      if ((byte & 0xc0) !== 0x80) {
        if (sequence(byte)[0] > this.#tail.length - back) start = back;
        break;
      }
    }
    const carried = this.#tail.subarray(start);
    const bytes = new Uint8Array(carried.length + chunk.length);
    bytes.set(carried);
    bytes.set(chunk, carried.length);
    const found = firstInvalidUtf8(bytes);
    const index = found < 0 ? -1 - found : Math.min(found, Math.max(0, bytes.length - 1));
    // The carried bytes are part of one multi-byte character, so they hold no line feed.
    const lineFeedsBefore = index < carried.length ? 0 : countLineFeeds(chunk, index - carried.length);
    return { byteOffset: this.#offset - carried.length + index, line: this.#lineFeeds + lineFeedsBefore + 1 };
  }
}

export class Utf8FaultError extends Error {
  constructor(readonly fault: Utf8Fault) {
    super(`not UTF-8 at byte ${fault.byteOffset} (line ${fault.line})`);
    this.name = 'Utf8FaultError';
  }
}
