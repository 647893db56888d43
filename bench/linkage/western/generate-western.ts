import type { RawPersonRecord } from '../../../src/core/linkage/record.ts';
import { formatDayMonthYear, randomDate } from '../perturb/dates.ts';
import { applyTypo, TYPO_KINDS } from '../perturb/typos.ts';
import { Random, WeightedTable } from '../random.ts';
import { ShuffleBuffer } from '../shuffle-buffer.ts';
import { WESTERN_PERTURBATION_KINDS, type WesternPerturbation } from './perturbation-kinds.ts';
import { ADDRESS_2, FAMILY, FEMALE, MALE, NICKNAMES, STREET_TYPES, STREETS, SUBURBS, WESTERN_POOLS_VERSION } from './pools.ts';

/**
 * FEBRL-like Western name-and-address records (Sanad issue 4 acceptance: "typo-style Western data"): each
 * person has one clean original and 0..4 duplicates with 1–3 modifications each — typos, missing values,
 * swapped fields, nicknames, mistyped digits. Seeded, deterministic, streaming.
 */
export const WESTERN_COLUMNS = [
  'id', 'given', 'family', 'dob', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id',
  'entity_id', 'perturbations',
] as const;
export type WesternRow = Record<(typeof WESTERN_COLUMNS)[number], string>;

export interface WesternOptions {
  seed: number;
  entities?: number;
  records?: number;
  shuffleWindow?: number;
}

export interface WesternSummary {
  kind: 'western';
  seed: number;
  poolsVersion: number;
  records: number;
  entities: number;
  /** Records carrying each label (a record counts once per label). */
  perturbations: Record<WesternPerturbation, number>;
  /** Originals and duplicates written without any modification. */
  unperturbedRecords: number;
  recordsPerEntity: Record<string, number>;
}

const RECORD_COUNTS = new WeightedTable<number>([[1, 50], [2, 30], [3, 12], [4, 5], [5, 3]]);
const MODIFICATION_COUNTS = new WeightedTable<number>([[1, 55], [2, 33], [3, 12]]);
const TEXT_FIELDS = ['given', 'family', 'address_1', 'address_2', 'suburb'] as const;
const MISSABLE_FIELDS = ['given', 'family', 'dob', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'] as const;
const MODIFICATIONS = new WeightedTable<'typo' | 'missing' | 'swap' | 'digit' | 'nickname'>([['typo', 50], ['missing', 20], ['digit', 15], ['swap', 10], ['nickname', 5]]);

type Entity = Omit<WesternRow, 'id' | 'perturbations'>;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function drawEntity(random: Random, entityId: string): Entity {
  const male = random.chance(0.5);
  const suburb = SUBURBS.draw(random);
  const year = random.int(1930, 2005);
  return {
    given: (male ? MALE : FEMALE).draw(random).toLowerCase(),
    family: FAMILY.draw(random).toLowerCase(),
    dob: random.chance(0.05) ? '' : formatDayMonthYear(randomDate(random, year, year)),
    street_number: random.chance(0.05) ? '' : String(random.chance(0.8) ? random.int(1, 120) : random.int(121, 2000)),
    address_1: `${STREETS.draw(random)} ${STREET_TYPES.draw(random)}`,
    address_2: random.chance(0.3) ? ADDRESS_2.draw(random) : '',
    suburb: suburb.name,
    postcode: suburb.postcode,
    state: suburb.state,
    soc_sec_id: String(random.int(1_000_000, 9_999_999)),
    entity_id: entityId,
  };
}

function modify(row: Entity, random: Random, label: (kind: WesternPerturbation) => void): void {
  switch (MODIFICATIONS.draw(random)) {
    case 'typo': {
      const field = random.pick(TEXT_FIELDS.filter((name) => row[name] !== ''));
      const kind = random.pick(TYPO_KINDS);
      const typed = applyTypo(row[field], kind, random);
      if (typed !== row[field]) {
        row[field] = typed;
        label(kind);
      }
      return;
    }
    case 'missing': {
      const field = random.pick(MISSABLE_FIELDS.filter((name) => row[name] !== ''));
      row[field] = '';
      label('missing_value');
      return;
    }
    case 'digit': {
      const roll = random.int(1, 3);
      if (roll === 1 && row.postcode !== '') {
        row.postcode = applyTypo(row.postcode, 'typo_substitute', random);
        label('postcode_typo');
      } else if (roll === 2) {
        row.soc_sec_id = applyTypo(row.soc_sec_id, random.pick(['typo_substitute', 'typo_transpose'] as const), random);
        label('soc_sec_id_typo');
      } else if (row.dob !== '') {
        const typed = applyTypo(row.dob, 'typo_substitute', random);
        if (typed !== row.dob) {
          row.dob = typed;
          label('typo_substitute');
        }
      }
      return;
    }
    case 'swap': {
      const roll = random.int(1, 3);
      if (roll === 1 && row.given !== '' && row.family !== '') {
        [row.given, row.family] = [row.family, row.given];
        label('swap_names');
      } else if (roll === 2 && row.address_2 !== '') {
        [row.address_1, row.address_2] = [row.address_2, row.address_1];
        label('swap_address');
      } else if (row.dob !== '') {
        const [day, month, year] = row.dob.split('/');
        if (day && month && year && Number(day) <= 12 && day !== month) {
          row.dob = `${month}/${day}/${year}`;
          label('swap_day_month');
        }
      }
      return;
    }
    case 'nickname': {
      const nicknames = NICKNAMES.get(row.given.charAt(0).toUpperCase() + row.given.slice(1));
      if (nicknames) {
        row.given = random.pick(nicknames).toLowerCase();
        label('nickname');
      }
      return;
    }
  }
}

export function streamWesternRecords(options: WesternOptions): { rows: Iterable<WesternRow>; summary: WesternSummary } {
  const { seed, entities, records, shuffleWindow = 10_000 } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (entities === undefined && records === undefined) throw new Error('give entities or records');
  for (const [name, value] of Object.entries({ entities, records })) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  const summary: WesternSummary = {
    kind: 'western',
    seed,
    poolsVersion: WESTERN_POOLS_VERSION,
    records: 0,
    entities: 0,
    perturbations: Object.fromEntries(WESTERN_PERTURBATION_KINDS.map((kind) => [kind, 0])) as Record<WesternPerturbation, number>,
    unperturbedRecords: 0,
    recordsPerEntity: {},
  };
  return { rows: generateRows(seed, entities ?? Infinity, records ?? Infinity, shuffleWindow, summary), summary };
}

function* generateRows(seed: number, maxEntities: number, maxRecords: number, window: number, summary: WesternSummary): Generator<WesternRow> {
  const random = new Random(seed);
  const shuffler = new ShuffleBuffer<WesternRow>(window, random.fork());
  let recordId = 0;
  const finish = (row: WesternRow) => {
    row.id = `W${pad(++recordId, 8)}`;
    return row;
  };
  while (summary.entities < maxEntities && summary.records < maxRecords) {
    const entity = drawEntity(random, `E${pad(summary.entities + 1, 7)}`);
    summary.entities++;
    const count = RECORD_COUNTS.draw(random);
    let written = 0;
    for (let copy = 0; copy < count && summary.records < maxRecords; copy++) {
      const row: Entity = { ...entity };
      const labels: WesternPerturbation[] = [];
      if (copy > 0) {
        const modifications = MODIFICATION_COUNTS.draw(random);
        const label = (kind: WesternPerturbation) => {
          if (!labels.includes(kind)) labels.push(kind);
        };
        for (let i = 0; i < modifications; i++) modify(row, random, label);
      }
      summary.records++;
      written++;
      if (labels.length === 0) summary.unperturbedRecords++;
      for (const kind of labels) summary.perturbations[kind]++;
      const out = shuffler.push({ id: '', ...row, perturbations: labels.join(';') });
      if (out) yield finish(out);
    }
    summary.recordsPerEntity[String(written)] = (summary.recordsPerEntity[String(written)] ?? 0) + 1;
  }
  for (const row of shuffler.drain()) yield finish(row);
}

export function generateWesternRecords(options: WesternOptions): { rows: WesternRow[]; summary: WesternSummary } {
  const { rows, summary } = streamWesternRecords(options);
  return { rows: [...rows], summary };
}

/** The part of a row the matcher sees: names and date as fields, the address and id as `other` columns. */
export function westernRowToRawRecord(row: WesternRow): RawPersonRecord {
  const record: RawPersonRecord = { id: row.id };
  if (row.given) record.given = row.given;
  if (row.family) record.family = row.family;
  if (row.dob) record.dob = row.dob;
  const other: Record<string, string> = {};
  for (const column of ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'] as const) {
    if (row[column]) other[column] = row[column];
  }
  record.other = other;
  return record;
}
