import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, Utf8FaultError, Utf8Guard } from './utf8-guard.ts';

async function pass(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(new Utf8Guard())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

async function fault(chunks: Buffer[]) {
  try {
    await pass(chunks);
  } catch (error) {
    expect(error).toBeInstanceOf(Utf8FaultError);
    return (error as Utf8FaultError).fault;
  }
  throw new Error('no fault');
}

describe('Utf8Guard', () => {
  it('passes UTF-8 through unchanged, characters split across chunks included', async () => {
    const text = Buffer.from('id,given\n1,محمد\n2,Zoë\n', 'utf8');
    const chunks = Array.from({ length: text.length }, (_, i) => text.subarray(i, i + 1));
    expect((await pass(chunks)).equals(text)).toBe(true);
  });

  it('gives the byte offset and line of the first bad byte, also when a character is cut by a chunk boundary', async () => {
    expect(await fault([Buffer.from('a\nb\n'), Buffer.from([0x63, 0xff])])).toEqual({ byteOffset: 5, line: 3 });
    // "م" is D9 85; the lead byte ends one chunk and the next chunk does not continue it.
    expect(await fault([Buffer.from([0x61, 0x0a, 0xd9]), Buffer.from([0x41])])).toEqual({ byteOffset: 2, line: 2 });
  });

  it('finds overlong forms, surrogates and stray continuation bytes', () => {
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from('سلام', 'utf8'))).toBe(8);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82]))).toBe(-2);
  });
});
