import type { RawPersonRecord } from '../../../src/core/linkage/record.ts';
import { moroccanMobile, type PhoneNumber } from '../perturb/phones.ts';
import { Random, WeightedTable } from '../random.ts';
import { ShuffleBuffer } from '../shuffle-buffer.ts';
import { drawGroup, type EntityContext, type GroupKind, type MigrantEntity } from './entities.ts';
import { MIGRANT_PERTURBATION_KINDS, type MigrantPerturbation } from './perturbation-kinds.ts';
import { NAME_POOLS_VERSION } from './pools.ts';
import { renderDob, renderNationality, renderPhone, renderSex } from './render-fields.ts';
import { renderNames } from './render-names.ts';

/**
 * Seeded, deterministic multi-origin migrant records with ground truth (Sanad issue 4, step 6): people of
 * West and Central Africa, the Horn, the Maghreb, the Middle East and South Asia, each registered 1..k times
 * by one or several organisations, every record written with labelled perturbations; households, twins and
 * namesakes as hard negatives. Streams: memory does not grow with the output size.
 */
export const MIGRANT_COLUMNS = [
  'id', 'given', 'family', 'dob', 'sex', 'phone', 'nationality',
  'entity_id', 'organisation', 'origin', 'negative_group', 'perturbations',
] as const;
export type MigrantRow = Record<(typeof MIGRANT_COLUMNS)[number], string>;

export interface MigrantOptions {
  seed: number;
  /** Stop after this many people (entities); at least one of entities and records must be given. */
  entities?: number;
  /** Stop after this many records (the last entity may get fewer records than drawn). */
  records?: number;
  /** Number of organisations registering people (default 3). */
  organisations?: number;
  /** Most records one person can have (default 6). */
  maxRecordsPerEntity?: number;
  /** Rows held to mix the output order (default 10,000). */
  shuffleWindow?: number;
}

export interface MigrantSummary {
  kind: 'migrant';
  seed: number;
  poolsVersion: number;
  records: number;
  entities: number;
  /** Records carrying each label (a record counts once per label). */
  perturbations: Record<MigrantPerturbation, number>;
  /** Records with no label at all. */
  unperturbedRecords: number;
  groups: Record<Exclude<GroupKind, 'single'>, number>;
  entitiesInGroups: Record<Exclude<GroupKind, 'single'>, number>;
  /** Entities with n records. */
  recordsPerEntity: Record<string, number>;
  /** Entities by country of origin. */
  origins: Record<string, number>;
  /** Records by organisation. */
  organisations: Record<string, number>;
  /** Entities registered by two or more organisations. */
  entitiesInSeveralOrganisations: number;
}

// Most people are registered once; some many times (weights per record count).
const RECORD_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [[1, 40], [2, 28], [3, 15], [4, 8], [5, 5], [6, 2], [7, 1], [8, 1]];
const HOME_ORGANISATION_SHARE = 0.65;

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function validateMigrantOptions(options: MigrantOptions): Required<Omit<MigrantOptions, 'entities' | 'records'>> & { entities: number; records: number } {
  const { seed, entities, records, organisations = 3, maxRecordsPerEntity = 6, shuffleWindow = 10_000 } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (entities === undefined && records === undefined) throw new Error('give entities or records');
  for (const [name, value] of Object.entries({ entities, records })) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(organisations) || organisations < 1 || organisations > 99) throw new Error(`organisations must be 1..99, got ${organisations}`);
  if (!Number.isInteger(maxRecordsPerEntity) || maxRecordsPerEntity < 1 || maxRecordsPerEntity > 8) throw new Error(`maxRecordsPerEntity must be 1..8, got ${maxRecordsPerEntity}`);
  if (!Number.isInteger(shuffleWindow) || shuffleWindow < 1) throw new Error(`shuffleWindow must be a positive integer, got ${shuffleWindow}`);
  return { seed, entities: entities ?? Infinity, records: records ?? Infinity, organisations, maxRecordsPerEntity, shuffleWindow };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const organisationName = (index: number) => `org${pad(index, 2)}`;

/**
 * The rows as a lazy stream, and a summary that is complete once the stream has been read to the end.
 */
export function streamMigrantRecords(options: MigrantOptions): { rows: Iterable<MigrantRow>; summary: MigrantSummary } {
  const settings = validateMigrantOptions(options);
  const summary: MigrantSummary = {
    kind: 'migrant',
    seed: settings.seed,
    poolsVersion: NAME_POOLS_VERSION,
    records: 0,
    entities: 0,
    perturbations: emptyCounts(MIGRANT_PERTURBATION_KINDS),
    unperturbedRecords: 0,
    groups: { household: 0, twins: 0, namesakes: 0 },
    entitiesInGroups: { household: 0, twins: 0, namesakes: 0 },
    recordsPerEntity: {},
    origins: {},
    organisations: {},
    entitiesInSeveralOrganisations: 0,
  };
  return { rows: generateRows(settings, summary), summary };
}

function* generateRows(settings: ReturnType<typeof validateMigrantOptions>, summary: MigrantSummary): Generator<MigrantRow> {
  const random = new Random(settings.seed);
  const shuffler = new ShuffleBuffer<MigrantRow>(settings.shuffleWindow, random.fork());
  const associationPhones: PhoneNumber[] = [];
  for (let index = 1; index <= settings.organisations; index++) associationPhones.push(moroccanMobile(random));
  let entityCount = 0;
  let groupCount = 0;
  const context: EntityContext = {
    random,
    organisations: settings.organisations,
    recordsPerEntity: new WeightedTable(RECORD_COUNT_WEIGHTS.filter(([count]) => count <= settings.maxRecordsPerEntity)),
    nextEntity: () => `E${pad(++entityCount, 7)}`,
    nextGroup: () => `G${pad(++groupCount, 6)}`,
  };
  let recordId = 0;
  const finish = (row: MigrantRow): MigrantRow => {
    row.id = `R${pad(++recordId, 8)}`;
    return row;
  };

  let done = false;
  while (!done) {
    const group = drawGroup(context);
    let membersWritten = 0;
    for (const entity of group.entities) {
      if (summary.entities >= settings.entities || summary.records >= settings.records) {
        done = true;
        break;
      }
      summary.entities++;
      membersWritten++;
      increment(summary.origins, entity.origin.country);
      const organisationsSeen = new Set<number>();
      let written = 0;
      for (let copy = 0; copy < entity.recordCount && summary.records < settings.records; copy++) {
        const row = renderRecord(entity, settings.organisations, associationPhones, random, summary);
        organisationsSeen.add(Number(row.organisation.slice(3)));
        written++;
        const out = shuffler.push(row);
        if (out) yield finish(out);
      }
      increment(summary.recordsPerEntity, String(written));
      if (organisationsSeen.size > 1) summary.entitiesInSeveralOrganisations++;
    }
    if (group.kind !== 'single' && membersWritten > 1) {
      summary.groups[group.kind]++;
      summary.entitiesInGroups[group.kind] += membersWritten;
    }
    if (summary.entities >= settings.entities || summary.records >= settings.records) done = true;
  }
  for (const row of shuffler.drain()) yield finish(row);
}

function renderRecord(entity: MigrantEntity, organisations: number, associationPhones: readonly PhoneNumber[], random: Random, summary: MigrantSummary): MigrantRow {
  const labels: MigrantPerturbation[] = [];
  const label = (kind: MigrantPerturbation) => {
    if (!labels.includes(kind)) labels.push(kind);
  };
  const organisation = organisations === 1 || random.chance(HOME_ORGANISATION_SHARE) ? entity.homeOrganisation : random.int(1, organisations);
  const names = renderNames(entity, random, label);
  const row: MigrantRow = {
    id: '',
    given: names.given,
    family: names.family,
    dob: renderDob(entity, random, label),
    sex: renderSex(entity, random, label),
    phone: renderPhone(entity, associationPhones[organisation - 1]!, random, label),
    nationality: renderNationality(entity, random, label),
    entity_id: entity.entityId,
    organisation: organisationName(organisation),
    origin: entity.origin.country,
    negative_group: entity.negativeGroup,
    perturbations: labels.join(';'),
  };
  summary.records++;
  increment(summary.organisations, row.organisation);
  if (labels.length === 0) summary.unperturbedRecords++;
  for (const kind of labels) summary.perturbations[kind]++;
  return row;
}

/** Collects a whole (small) set in memory: for tests and in-process benchmarks. */
export function generateMigrantRecords(options: MigrantOptions): { rows: MigrantRow[]; summary: MigrantSummary } {
  const { rows, summary } = streamMigrantRecords(options);
  return { rows: [...rows], summary };
}

/** The part of a row the matcher sees, as the shared RawPersonRecord (empty fields left out). */
export function migrantRowToRawRecord(row: MigrantRow): RawPersonRecord {
  const record: RawPersonRecord = { id: row.id };
  if (row.given) record.given = row.given;
  if (row.family) record.family = row.family;
  if (row.dob) record.dob = row.dob;
  if (row.sex) record.sex = row.sex;
  if (row.phone) record.phone = row.phone;
  if (row.nationality) record.nationality = row.nationality;
  return record;
}
