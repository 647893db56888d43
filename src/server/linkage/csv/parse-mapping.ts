import { DedupInputError } from './dedup-input-error.ts';

/** The RawPersonRecord fields a CSV column can be mapped to with `--map key=COLUMN`. */
export const MAPPED_FIELDS = ['given', 'family', 'dob', 'sex', 'phone', 'nationality'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Which CSV column feeds which record field; `other` lists extra columns compared as generic strings. */
export type ColumnMapping = { readonly [Field in MappedField]?: string } & { readonly other: readonly string[] };

const KEYS: readonly string[] = [...MAPPED_FIELDS, 'other'];
const KEY_LIST = KEYS.join(', ');

function fail(message: string): never {
  throw new DedupInputError('mapping', `--map: ${message}`);
}

/**
 * Parses `given=COL,family=COL,dob=COL,sex=COL,phone=COL,nationality=COL,other=COL[,COL…]`. Every key is
 * optional but one name column (given or family) is required. After `other=` every bare column (no `=`) also
 * belongs to other, as the syntax writes it; `other=` may also be repeated (`other=street,other=town`).
 * Column names are trimmed; a name holding `,` or `=` cannot be mapped (rename the column).
 */
export function parseMapping(text: string): ColumnMapping {
  if (text.trim() === '') fail(`it is empty; write for example --map given=first_name,family=last_name (keys: ${KEY_LIST})`);
  const fields: Partial<Record<MappedField, string>> = {};
  const other: string[] = [];
  /** Column → the key it was mapped to, so that one column cannot feed two fields. */
  const usedBy = new Map<string, string>();
  let inOther = false;

  const use = (column: string, key: string) => {
    const previous = usedBy.get(column);
    if (previous !== undefined) {
      fail(previous === key ? `column "${column}" is listed twice in ${key}` : `column "${column}" is mapped twice (${previous} and ${key})`);
    }
    usedBy.set(column, key);
  };

  for (const item of text.split(',')) {
    const equals = item.indexOf('=');
    if (equals === -1) {
      const column = item.trim();
      if (column === '') fail('an empty item (two commas in a row, or a trailing comma)');
      if (!inOther) fail(`"${column}" has no key; write key=COLUMN (keys: ${KEY_LIST}); only columns after other= may be listed bare`);
      use(column, 'other');
      other.push(column);
      continue;
    }
    const key = item.slice(0, equals).trim();
    const column = item.slice(equals + 1).trim();
    if (!KEYS.includes(key)) fail(`unknown key "${key}" (keys: ${KEY_LIST})`);
    if (column === '') fail(`"${key}" has no column name (write ${key}=COLUMN)`);
    if (column.includes('=')) fail(`"${item.trim()}" has more than one "="`);
    if (key === 'other') {
      inOther = true;
      use(column, 'other');
      other.push(column);
      continue;
    }
    inOther = false;
    const field = key as MappedField;
    if (fields[field] !== undefined) fail(`"${key}" is given twice`);
    use(column, key);
    fields[field] = column;
  }
  if (fields.given === undefined && fields.family === undefined) fail('map at least one name column (given=COLUMN or family=COLUMN)');
  return { ...fields, other };
}
