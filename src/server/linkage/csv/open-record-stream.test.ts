import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DedupInputError, type DedupInputProblem } from './dedup-input-error.ts';
import { openRecordStream, type CsvPersonRecord, type ReadProgress } from './open-record-stream.ts';
import { parseMapping } from './parse-mapping.ts';

const directory = mkdtempSync(join(tmpdir(), 'sanad-linkage-csv-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
function file(content: string | Buffer): string {
  const path = join(directory, `input-${++files}.csv`);
  writeFileSync(path, content);
  return path;
}

const MAPPING = parseMapping('given=given,family=family,dob=dob');

async function readAll(path: string, options: Partial<Parameters<typeof openRecordStream>[1]> = {}): Promise<CsvPersonRecord[]> {
  const stream = await openRecordStream(path, { mapping: MAPPING, ...options });
  const records: CsvPersonRecord[] = [];
  for await (const record of stream) records.push(record);
  return records;
}

/** Reads the file and returns the DedupInputError it must fail with (its message has no stack trace). */
async function failure(path: string, problem: DedupInputProblem, options: Partial<Parameters<typeof openRecordStream>[1]> = {}): Promise<string> {
  try {
    await readAll(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DedupInputError);
    expect((error as DedupInputError).problem).toBe(problem);
    expect((error as DedupInputError).exitCode).toBe(1);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
    return (error as Error).message;
  }
  throw new Error(`${path} was read without error`);
}

describe('openRecordStream: good files', () => {
  it('yields RawPersonRecords with their lines, trimmed, empty values left out, the first column as id', async () => {
    const path = file('ref,given,family,dob,town\r\nA1, Mohamed ,Diallo,1990,Rabat\r\n\r\nA2,فاطمة,,12/03/1988,"Rabat, Agdal"\r\n');
    const records = await readAll(path, { mapping: parseMapping('given=given,family=family,dob=dob,other=town') });
    expect(records).toEqual([
      { line: 2, record: { id: 'A1', given: 'Mohamed', family: 'Diallo', dob: '1990', other: { town: 'Rabat' } } },
      { line: 4, record: { id: 'A2', given: 'فاطمة', dob: '12/03/1988', other: { town: 'Rabat, Agdal' } } },
    ]);
  });

  it('takes the id from --id, accepts a UTF-8 BOM and LF line ends, and keeps quotes inside unquoted values', async () => {
    const path = file('\ufeffn,code,given,family\n1,X-7,Ousmane "Ous",Jallow\n');
    const stream = await openRecordStream(path, { mapping: parseMapping('given=given,family=family'), idColumn: 'code' });
    expect(stream.header).toEqual(['n', 'code', 'given', 'family']);
    const records = [];
    for await (const { record } of stream) records.push(record);
    expect(records).toEqual([{ id: 'X-7', given: 'Ousmane "Ous"', family: 'Jallow' }]);
  });

  it('reads a quoted value spanning lines, with doubled quotes and Arabic text', async () => {
    const path = file('id,given,family,dob\n1,"Abd el\nKader","Ben ""Ali""",1970\n2,محمد,ولد أحمد,\n');
    const records = await readAll(path);
    expect(records.map((r) => r.record)).toEqual([
      { id: '1', given: 'Abd el\nKader', family: 'Ben "Ali"' , dob: '1970' },
      { id: '2', given: 'محمد', family: 'ولد أحمد' },
    ]);
    expect(records[1]!.line).toBe(4);
  });

  it('reports progress in bytes and records, ending at the total', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i},Amina${i},Diallo,1990`).join('\n');
    const path = file(`id,given,family,dob\n${rows}\n`);
    const progress: ReadProgress[] = [];
    const records = await readAll(path, { onProgress: (p) => progress.push(p) });
    expect(records).toHaveLength(10_000);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toEqual({ bytesRead: progress[0]!.totalBytes, totalBytes: progress[0]!.totalBytes, records: 10_000 });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
  });

  it('lets a reader stop early and close the file', async () => {
    const path = file('id,given\n1,a\n2,b\n3,c\n');
    const stream = await openRecordStream(path, { mapping: parseMapping('given=given') });
    for await (const { record } of stream) {
      expect(record.id).toBe('1');
      break;
    }
    expect(() => stream[Symbol.asyncIterator]()).toThrow('only once');
  });
});

describe('openRecordStream: bad files answer a specific message', () => {
  it('a missing file, a directory', async () => {
    expect(await failure(join(directory, 'nope.csv'), 'file-unreadable')).toBe(`${join(directory, 'nope.csv')} does not exist.`);
    expect(await failure(directory, 'file-unreadable')).toBe(`${directory} is a directory, not a CSV file.`);
  });

  it('an empty file, or one of blank lines only', async () => {
    const empty = file('');
    expect(await failure(empty, 'empty-file')).toBe(`${empty} is empty.`);
    const blank = file('\ufeff\r\n\r\n');
    expect(await failure(blank, 'empty-file')).toBe(`${blank} is empty (only blank lines).`);
  });

  it('invalid UTF-8 (a Windows-1252 export), with the byte offset and line', async () => {
    const latin1 = file(Buffer.concat([Buffer.from('id,given,family,dob\n1,Amina,Diallo,1990\n2,Ren'), Buffer.from([0xe9]), Buffer.from(',Dupont,1980\n')]));
    expect(await failure(latin1, 'not-utf8')).toBe(`${latin1} is not valid UTF-8 at byte 45 (line 3). Save it as "CSV UTF-8 (comma delimited)" and try again.`);
  });

  it('a file ending inside a multi-byte character', async () => {
    const truncated = file(Buffer.concat([Buffer.from('id,given,family,dob\n1,'), Buffer.from('مح', 'utf8').subarray(0, 3)]));
    expect(await failure(truncated, 'not-utf8')).toContain('is not valid UTF-8 at byte 24 (line 2)');
  });

  it('UTF-16 text and Excel workbooks', async () => {
    const utf16 = file(Buffer.from('\ufeffid,given\n1,a\n', 'utf16le'));
    expect(await failure(utf16, 'not-utf8')).toBe(`${utf16} is UTF-16 text; Sanad reads UTF-8. Save it as "CSV UTF-8 (comma delimited)".`);
    const xlsx = file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08]));
    expect(await failure(xlsx, 'not-csv')).toContain('looks like an Excel workbook');
  });

  it('a semicolon- or tab-separated file', async () => {
    const semicolons = file('id;given;family;dob\n1;Amina;Diallo;1990\n');
    expect(await failure(semicolons, 'wrong-delimiter')).toBe(`${semicolons} looks like a semicolon-separated file; Sanad reads comma-separated CSV (in Excel: File › Save As › "CSV UTF-8 (comma delimited)").`);
    // A comma inside one header name does not hide the semicolons.
    const mixed = file('id;given;family;dob;adresse, ville\n');
    expect(await failure(mixed, 'wrong-delimiter')).toContain('semicolon-separated');
    const tabs = file('id\tgiven\tfamily\tdob\n1\tAmina\tDiallo\t1990\n');
    expect(await failure(tabs, 'wrong-delimiter')).toContain('looks like a tab-separated file');
  });

  it('a mapped column missing from the header lists the header, with a near match', async () => {
    const path = file('id,Given,family,birth\n1,Amina,Diallo,1990\n');
    expect(await failure(path, 'missing-column')).toBe(`${path} has no column "given" (did you mean "Given"?), "dob". Its columns are: "id", "Given", "family", "birth".`);
    expect(await failure(file('id,given,family,dob\n'), 'missing-column', { idColumn: 'ref' })).toContain('has no column "ref"');
  });

  it('no header row: the first line is data', async () => {
    const path = file('1,Amina,Diallo,12/03/1990\n2,Fatou,Sow,1988\n');
    expect(await failure(path, 'no-header')).toBe(`${path} has no header row: its first line ("1", "Amina", "Diallo", "12/03/1990") looks like data. Add a first line naming the columns (e.g. id,given,family,dob).`);
  });

  it('a mapped column named twice in the header', async () => {
    const path = file('id,given,family,dob,given\n');
    expect(await failure(path, 'duplicate-column')).toBe(`${path} has two columns named "given"; rename one so that the mapping is unambiguous.`);
  });

  it('a row with too many or too few fields names its line (never skipped)', async () => {
    const extra = file('id,given,family,dob\n1,Amina,Diallo,1990\n2,Rabat, Agdal,Sow,1988\n');
    expect(await failure(extra, 'field-count')).toBe(`${extra}, line 3: 5 fields where the header has 4. A value holding a comma must be in double quotes ("Rabat, Agdal").`);
    const short = file('id,given,family,dob\n1,Amina,Diallo,1990\n2,Fatou\n3,Awa,Ba,1970\n');
    expect(await failure(short, 'field-count')).toContain(', line 3: 2 fields where the header has 4.');
  });

  it('an unclosed quote (text after a closing quote is kept as typed, as spreadsheets do)', async () => {
    const unclosed = file('id,given,family,dob\n1,"Amina,Diallo,1990\n2,Fatou,Sow,1988\n');
    expect(await failure(unclosed, 'malformed-csv')).toBe(`${unclosed}: a double quote opened after line 1 is never closed.`);
    const stray = file('id,given,family,dob\n1,"Amina"x,Diallo,1990\n');
    expect((await readAll(stray)).map((r) => r.record.given)).toEqual(['"Amina"x']);
  });

  it('an empty id and a duplicate id name their lines', async () => {
    const empty = file('id,given,family,dob\n1,Amina,Diallo,1990\n ,Fatou,Sow,1988\n');
    expect(await failure(empty, 'empty-id')).toBe(`${empty}, line 3: the id is empty; every record needs an id.`);
    const duplicate = file('id,given,family,dob\nA7,Amina,Diallo,1990\nB2,Awa,Ba,1970\nA7,Fatou,Sow,1988\n');
    expect(await failure(duplicate, 'duplicate-id')).toBe(`${duplicate}: id "A7" is used on line 2 and again on line 4; ids must be unique.`);
  });
});
