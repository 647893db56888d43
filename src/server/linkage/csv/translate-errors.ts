import { DedupInputError } from './dedup-input-error.ts';

/** The message of a file that cannot be opened, by its system error code. */
export function translateFileError(path: string, error: unknown): DedupInputError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return new DedupInputError('file-unreadable', `${path} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') return new DedupInputError('file-unreadable', `${path} cannot be read (permission denied).`);
  if (code === 'EISDIR') return new DedupInputError('file-unreadable', `${path} is a directory, not a CSV file.`);
  return new DedupInputError('file-unreadable', `${path} cannot be read: ${(error as Error).message}`);
}

interface CsvParseFailure {
  code?: string;
  lines?: number;
  record?: unknown[];
  message?: string;
}

/**
 * csv-parse's errors as messages for the person who exported the file (the line, and how to fix it).
 * `lastGoodLine` is the line of the last record read whole (the header's is 1).
 */
export function translateParseError(path: string, error: unknown, lastGoodLine: number): Error {
  if (error instanceof DedupInputError) return error;
  const failure = error as CsvParseFailure;
  const where = `${path}, line ${failure.lines ?? '?'}`;
  switch (failure.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS': {
      const found = failure.record?.length;
      return new DedupInputError('field-count', `${where}: ${found ?? 'a different number of'} fields where the header has ${expectedFields(failure)}. A value holding a comma must be in double quotes ("Rabat, Agdal").`);
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new DedupInputError('malformed-csv', `${path}: a double quote opened after line ${lastGoodLine} is never closed.`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DedupInputError('malformed-csv', `${where}: a double quote inside a quoted value must be doubled ("").`);
    case 'CSV_MAX_RECORD_SIZE':
      return new DedupInputError('malformed-csv', `${where}: a record longer than 100,000 characters; a double quote is probably never closed.`);
    default:
      if (typeof failure.code === 'string' && failure.code.startsWith('CSV_')) {
        return new DedupInputError('malformed-csv', `${where}: not valid CSV (${failure.message ?? failure.code}).`);
      }
      return error instanceof Error ? error : new Error(String(error));
  }
}

/** csv-parse's message says "expect N, got M"; the expected count is the header's. */
function expectedFields(failure: CsvParseFailure): string {
  const match = /expect (\d+)/.exec(failure.message ?? '');
  return match ? match[1]! : 'another number';
}
