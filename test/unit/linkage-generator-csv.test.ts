import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvWriter, formatCsvField, formatCsvRow } from '../../bench/linkage/csv-writer.ts';

/** The generator's streaming CSV writer: RFC 4180 quoting, UTF-8, back-pressure. */

/** A minimal RFC 4180 reader, to prove that what the writer writes reads back to the same values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') [row, field] = [[...row, field], ''];
    else if (character === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += character;
  }
  return rows;
}

describe('CSV writer', () => {
  it('quotes commas, quotes, CR and LF, and leaves other fields (Arabic included) bare', () => {
    expect(formatCsvField('Diallo')).toBe('Diallo');
    expect(formatCsvField('Ben Ali, Mohamed')).toBe('"Ben Ali, Mohamed"');
    expect(formatCsvField('dit "le grand"')).toBe('"dit ""le grand"""');
    expect(formatCsvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(formatCsvField('a\rb')).toBe('"a\rb"');
    expect(formatCsvField('محمد بن علي')).toBe('محمد بن علي');
    expect(formatCsvField('')).toBe('');
    expect(formatCsvRow(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('round-trips awkward values through a stream as UTF-8', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new CsvWriter(output, ['id', 'name'] as const);
    const values = ['plain', 'comma, inside', '"quoted"', 'multi\r\nline', 'عبد القادر', 'Traoré', ' spaced '];
    for (const [index, name] of values.entries()) await writer.writeRow({ id: String(index), name });
    await writer.close();
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('id,name\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['id', 'name'], ...values.map((name, index) => [String(index), name])]);
    expect(writer.rowsWritten).toBe(values.length);
    expect(writer.bytesWritten).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('waits for a slow stream to drain instead of buffering everything', async () => {
    let received = 0;
    let maxPending = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        maxPending = Math.max(maxPending, slow.writableLength);
        setTimeout(callback, 1);
      },
    });
    const writer = new CsvWriter(slow, ['id', 'text'] as const);
    for (let i = 0; i < 20_000; i++) await writer.writeRow({ id: String(i), text: 'Fatoumata Diallo, Conakry' });
    await writer.close();
    expect(received).toBe(writer.bytesWritten);
    expect(maxPending).toBeLessThan(200 * 1024);
  });

  it('reports a failing stream as an error from close or writeRow', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    const writer = new CsvWriter(broken, ['id'] as const);
    const run = async () => {
      for (let i = 0; i < 10_000; i++) await writer.writeRow({ id: String(i).repeat(20) });
      await writer.close();
    };
    await expect(run()).rejects.toThrow('disk full');
  });
});
