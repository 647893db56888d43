import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { checkHeader, type ColumnPositions } from './check-header.ts';
import { DedupInputError } from './dedup-input-error.ts';
import type { ColumnMapping } from './parse-mapping.ts';
import { Utf8FaultError, Utf8Guard } from './utf8-guard.ts';
import { translateFileError, translateParseError } from './translate-errors.ts';

/** One record of the file with the line it ends on (1-based, the header is line 1), for messages. */
export interface CsvPersonRecord {
  record: RawPersonRecord;
  line: number;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export interface RecordStreamOptions {
  mapping: ColumnMapping;
  /** The id column (`--id`); the first column when absent. */
  idColumn?: string;
  /** Called every few thousand records and once at the end (drive a ProgressBar with it). */
  onProgress?: (progress: ReadProgress) => void;
}

/** The file's records, read once, in order; `close()` releases the file if iteration is abandoned early. */
export interface RecordStream extends AsyncIterable<CsvPersonRecord> {
  readonly header: readonly string[];
  readonly totalBytes: number;
  close(): void;
}

const PROGRESS_EVERY_RECORDS = 4096;
/** Longest record accepted: a record this long means an unclosed quote, not a person. */
const MAX_RECORD_CHARACTERS = 100_000;

async function sniff(path: string): Promise<{ totalBytes: number; head: Buffer }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    const size = info.size;
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(size, 8));
      await handle.read(head, 0, head.length, 0);
      return { totalBytes: size, head };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw translateFileError(path, error);
  }
}

/** Formats that are not CSV text at all, recognised from their first bytes. */
function refuseBinary(path: string, head: Buffer): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new DedupInputError('not-utf8', `${path} is UTF-16 text; Sanad reads UTF-8. Save it as "CSV UTF-8 (comma delimited)".`);
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const oldExcel = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (zip || oldExcel) {
    throw new DedupInputError('not-csv', `${path} looks like an Excel workbook (or another binary file), not CSV text. Export it as "CSV UTF-8 (comma delimited)".`);
  }
}

function buildRecord(row: readonly string[], positions: ColumnPositions, path: string, line: number): RawPersonRecord {
  const id = row[positions.id]!.trim();
  if (id === '') throw new DedupInputError('empty-id', `${path}, line ${line}: the id is empty; every record needs an id.`);
  const record: RawPersonRecord = { id };
  for (const [field, position] of positions.fields) {
    const value = row[position]!.trim();
    if (value !== '') record[field] = value;
  }
  if (positions.other.length > 0) {
    let other: Record<string, string> | undefined;
    for (const [column, position] of positions.other) {
      const value = row[position]!.trim();
      if (value !== '') (other ??= {})[column] = value;
    }
    if (other) record.other = other;
  }
  return record;
}

/**
 * Opens a comma-separated UTF-8 CSV of people and checks it before the first record: not empty, text and not
 * a workbook, comma-separated, a header holding every mapped column. Records then stream with flat memory
 * (csv-parse in stream mode behind a UTF-8 check), each with its line; a bad byte, a row with the wrong
 * number of fields, an empty or duplicate id stops the read with a DedupInputError naming the line. Empty
 * lines are skipped and values are trimmed (an empty value is a missing one); a UTF-8 BOM is fine.
 */
export async function openRecordStream(path: string, options: RecordStreamOptions): Promise<RecordStream> {
  const { totalBytes, head } = await sniff(path);
  if (totalBytes === 0) throw new DedupInputError('empty-file', `${path} is empty.`);
  refuseBinary(path, head);

  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARACTERS });
  // The pipeline's failure surfaces through the parser's iterator (pipeline destroys it with the error).
  pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), new Utf8Guard(), parser).catch(() => undefined);
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;

  let lastGoodLine = 0;
  const next = async () => {
    try {
      const step = await rows.next();
      if (!step.done) lastGoodLine = step.value.info.lines;
      return step;
    } catch (error) {
      if (error instanceof Utf8FaultError) {
        const { byteOffset, line } = error.fault;
        throw new DedupInputError('not-utf8', `${path} is not valid UTF-8 at byte ${byteOffset} (line ${line}). Save it as "CSV UTF-8 (comma delimited)" and try again.`);
      }
      throw translateParseError(path, error, lastGoodLine);
    }
  };

  let first;
  try {
    first = await next();
  } catch (error) {
    parser.destroy();
    throw error;
  }
  if (first.done) throw new DedupInputError('empty-file', `${path} is empty (only blank lines).`);
  const header = first.value.record;
  let positions: ColumnPositions;
  try {
    positions = checkHeader(path, header, options.mapping, options.idColumn);
  } catch (error) {
    parser.destroy();
    throw error;
  }

  let started = false;
  async function* records(): AsyncGenerator<CsvPersonRecord> {
    const firstLineOf = new Map<string, number>();
    let count = 0;
    try {
      for (let step = await next(); !step.done; step = await next()) {
        const line = step.value.info.lines;
        const record = buildRecord(step.value.record, positions, path, line);
        const previous = firstLineOf.get(record.id);
        if (previous !== undefined) throw new DedupInputError('duplicate-id', `${path}: id "${record.id}" is used on line ${previous} and again on line ${line}; ids must be unique.`);
        firstLineOf.set(record.id, line);
        yield { record, line };
        if (++count % PROGRESS_EVERY_RECORDS === 0) options.onProgress?.({ bytesRead: Math.min(parser.info.bytes, totalBytes), totalBytes, records: count });
      }
      options.onProgress?.({ bytesRead: totalBytes, totalBytes, records: count });
    } finally {
      parser.destroy();
    }
  }

  return {
    header,
    totalBytes,
    close: () => parser.destroy(),
    [Symbol.asyncIterator]() {
      if (started) throw new Error('a RecordStream can be iterated only once');
      started = true;
      return records();
    },
  };
}
