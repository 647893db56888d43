import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PairsCsvWriter } from './pairs-csv-writer.ts';

async function collect(write: (writer: PairsCsvWriter) => Promise<void>, options = {}): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new PairsCsvWriter(sink, options);
  await write(writer);
  await writer.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('PairsCsvWriter', () => {
  it('writes the header and RFC 4180 rows, quoting commas, quotes and line breaks, Arabic unchanged', async () => {
    const text = await collect(async (writer) => {
      await writer.write({ idA: 'A1', idB: 'B2', score: 12.345678, agreeingFields: ['given', 'family', 'dob'] });
      await writer.write({ idA: 'محمد,1', idB: 'say "hi"', score: -3, agreeingFields: [] });
      await writer.write({ idA: 'line\nbreak', idB: 'فاطمة', score: 0.5, agreeingFields: ['other:town'] });
    });
    expect(text).toBe('id_a,id_b,score,agreeing_fields\r\nA1,B2,12.3457,given;family;dob\r\n"محمد,1","say ""hi""",-3.0000,\r\n"line\nbreak",فاطمة,0.5000,other:town\r\n');
  });

  it('writes only the header when there are no pairs, and a BOM when asked', async () => {
    expect(await collect(async () => undefined)).toBe('id_a,id_b,score,agreeing_fields\r\n');
    expect(await collect(async () => undefined, { byteOrderMark: true })).toBe('\ufeffid_a,id_b,score,agreeing_fields\r\n');
  });

  it('refuses a score that is not a finite number', async () => {
    const writer = new PairsCsvWriter(new PassThrough());
    await expect(writer.write({ idA: 'a', idB: 'b', score: Number.NaN, agreeingFields: [] })).rejects.toThrow('not a finite number');
  });

  it('waits for the destination to drain (back-pressure) and loses nothing', async () => {
    let buffered = 0;
    let maxBuffered = 0;
    let received = '';
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        buffered += chunk.length;
        maxBuffered = Math.max(maxBuffered, buffered);
        received += chunk.toString('utf8');
        setTimeout(() => {
          buffered -= chunk.length;
          callback();
        }, 1);
      },
    });
    const writer = new PairsCsvWriter(slow);
    for (let i = 0; i < 20_000; i++) await writer.write({ idA: `a${i}`, idB: `b${i}`, score: 1, agreeingFields: ['given'] });
    await writer.close();
    expect(writer.pairsWritten).toBe(20_000);
    expect(received.split('\r\n')).toHaveLength(20_002);
    // Never more than one chunk in flight beyond the stream's own buffer.
    expect(maxBuffered).toBeLessThan(200 * 1024);
  });

  it('throws a destination error on close instead of crashing', async () => {
    const broken = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('disk full')) });
    const writer = new PairsCsvWriter(broken);
    await writer.write({ idA: 'a', idB: 'b', score: 1, agreeingFields: [] });
    await expect(writer.close()).rejects.toThrow('disk full');
  });
});
