import { DedupInputError } from './dedup-input-error.ts';
import { MAPPED_FIELDS, type ColumnMapping } from './parse-mapping.ts';

/** Column positions of the header that the record builder reads. */
export interface ColumnPositions {
  id: number;
  fields: ReadonlyArray<readonly [field: (typeof MAPPED_FIELDS)[number], position: number]>;
  other: ReadonlyArray<readonly [column: string, position: number]>;
}

/** A header cell that is a number, a date or a phone number: the first line is data, not column names. */
const LOOKS_LIKE_DATA = /^[+(]?\d[\d\s/.:()-]*$/;

function listColumns(header: readonly string[]): string {
  return header.map((name) => `"${name}"`).join(', ');
}

/** At least as many of `separator` as commas between the cells: the file is separated by it, not by commas. */
function separatedBy(header: readonly string[], separator: string): boolean {
  let count = 0;
  for (const cell of header) count += cell.split(separator).length - 1;
  return count >= header.length;
}

function delimiterHint(header: readonly string[]): string | undefined {
  if (separatedBy(header, ';')) return 'looks like a semicolon-separated file; Sanad reads comma-separated CSV (in Excel: File › Save As › "CSV UTF-8 (comma delimited)")';
  if (separatedBy(header, '\t')) return 'looks like a tab-separated file; Sanad reads comma-separated CSV (in Excel: File › Save As › "CSV UTF-8 (comma delimited)")';
  if (separatedBy(header, '|')) return 'looks like a pipe-separated file; Sanad reads comma-separated CSV';
  return undefined;
}

/**
 * Checks the header against the mapping and `--id`, and says precisely what is wrong: a wrong delimiter, a
 * first line that is data, a mapped column that is missing (listing the header's columns and a near match),
 * or a mapped column that appears twice in the header.
 */
export function checkHeader(file: string, header: readonly string[], mapping: ColumnMapping, idColumn: string | undefined): ColumnPositions {
  const names = header.map((name) => name.trim());
  const wanted = [...(idColumn === undefined ? [] : [idColumn]), ...MAPPED_FIELDS.flatMap((field) => mapping[field] ?? []), ...mapping.other];
  const missing = wanted.filter((column) => !names.includes(column));

  if (missing.length > 0) {
    const delimiter = delimiterHint(header);
    if (delimiter) throw new DedupInputError('wrong-delimiter', `${file} ${delimiter}.`);
    if (names.some((name) => LOOKS_LIKE_DATA.test(name))) {
      throw new DedupInputError('no-header', `${file} has no header row: its first line (${listColumns(names)}) looks like data. Add a first line naming the columns (e.g. id,given,family,dob).`);
    }
    const hints = missing.map((column) => {
      const near = names.find((name) => name.toLowerCase() === column.toLowerCase());
      return near === undefined ? `"${column}"` : `"${column}" (did you mean "${near}"?)`;
    });
    throw new DedupInputError('missing-column', `${file} has no column ${hints.join(', ')}. Its columns are: ${listColumns(names)}.`);
  }

  const positionOf = (column: string) => {
    const first = names.indexOf(column);
    if (names.indexOf(column, first + 1) !== -1) throw new DedupInputError('duplicate-column', `${file} has two columns named "${column}"; rename one so that the mapping is unambiguous.`);
    return first;
  };
  return {
    id: idColumn === undefined ? 0 : positionOf(idColumn),
    fields: MAPPED_FIELDS.flatMap((field) => (mapping[field] === undefined ? [] : [[field, positionOf(mapping[field])] as const])),
    other: mapping.other.map((column) => [column, positionOf(column)] as const),
  };
}
