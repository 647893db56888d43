import { randomDate, type CalendarDate } from '../perturb/dates.ts';
import { foreignMobile, moroccanMobile, type PhoneNumber } from '../perturb/phones.ts';
import { WeightedTable, type Random } from '../random.ts';
import { nationalityOf, ORIGINS, type NamePool, type Origin } from './pools.ts';

/**
 * The true people behind the records ("entities") and the groups they are drawn in: a single person, or a
 * hard-negative group — a household of siblings, twins, namesakes — whose members are different people that
 * a matcher must keep apart.
 */
export type Sex = 'M' | 'F';
export type GroupKind = 'single' | 'household' | 'twins' | 'namesakes';

export interface MigrantEntity {
  readonly entityId: string;
  readonly origin: Origin;
  readonly sex: Sex;
  /** Given-name parts (one part may hold a space: "Abdul Rahman"). */
  readonly given: readonly string[];
  /** Null for a single-name person (common for Afghans): the family field stays empty. */
  readonly family: string | null;
  /** Carries el Hadj / Hadja on most records. */
  readonly titled: boolean;
  readonly dob: CalendarDate;
  /** Only the year is known (no papers): every record writes a year-only date. */
  readonly dobYearOnly: boolean;
  readonly phone: PhoneNumber | null;
  /** The phone is the household's shared one. */
  readonly householdPhone: boolean;
  /** "household:G…", "twins:G…", "namesakes:G…" or "". */
  readonly negativeGroup: string;
  readonly homeOrganisation: number;
  readonly recordCount: number;
}

export interface EntityGroup {
  readonly kind: GroupKind;
  readonly entities: readonly MigrantEntity[];
}

/** "Now" for ages: fixed so that output never depends on the clock. */
export const REFERENCE_YEAR = 2024;

export const GROUP_SHARES = { household: 0.08, twins: 0.02, namesakes: 0.05 } as const;
const HOUSEHOLD_SIZES = new WeightedTable<number>([[2, 40], [3, 30], [4, 20], [5, 10]]);
const AGE_BANDS = new WeightedTable<readonly [number, number]>([[[0, 17], 20], [[18, 35], 55], [[36, 60], 22], [[61, 80], 3]]);

export interface EntityContext {
  readonly random: Random;
  readonly organisations: number;
  readonly recordsPerEntity: WeightedTable<number>;
  nextEntity(): string;
  nextGroup(): string;
}

function drawGiven(pool: NamePool, sex: Sex, random: Random): string[] {
  const table = sex === 'M' ? pool.male : pool.female;
  const first = table.draw(random);
  if (!random.chance(pool.secondGiven)) return [first];
  let second = table.draw(random);
  for (let attempt = 0; attempt < 3 && second === first; attempt++) second = table.draw(random);
  return second === first ? [first] : [first, second];
}

function drawFamily(pool: NamePool, random: Random): string | null {
  if (random.chance(pool.singleName)) return null;
  // Horn of Africa and Chad: the "family name" is the father's given name (NAME-MATCHING N-7).
  if (pool.familyFromFather || !pool.family) return pool.male.draw(random);
  return pool.family.draw(random);
}

function drawBirthYear(random: Random): number {
  const [from, to] = AGE_BANDS.draw(random);
  return REFERENCE_YEAR - random.int(from, to);
}

function drawPhone(origin: Origin, random: Random): PhoneNumber | null {
  const roll = random.int(1, 100);
  if (roll <= 6) return null; // no phone at all
  if (roll <= 14) return foreignMobile(origin.country, nationalityOf(origin.country).calling, random);
  return moroccanMobile(random);
}

interface PersonDraft {
  origin: Origin;
  sex: Sex;
  given: string[];
  family: string | null;
  dob: CalendarDate;
  dobYearOnly: boolean;
  phone: PhoneNumber | null;
  householdPhone: boolean;
}

function drawPerson(context: EntityContext, origin: Origin = ORIGINS.draw(context.random)): PersonDraft {
  const { random } = context;
  const sex: Sex = random.chance(0.55) ? 'M' : 'F';
  const year = drawBirthYear(random);
  return {
    origin,
    sex,
    given: drawGiven(origin.pool, sex, random),
    family: drawFamily(origin.pool, random),
    dob: randomDate(random, year, year),
    dobYearOnly: random.chance(0.12),
    phone: drawPhone(origin, random),
    householdPhone: false,
  };
}

function toEntity(draft: PersonDraft, context: EntityContext, negativeGroup: string): MigrantEntity {
  const { random } = context;
  return {
    ...draft,
    entityId: context.nextEntity(),
    titled: draft.origin.pool.honorific > 0 && draft.dob.year <= REFERENCE_YEAR - 30 && random.chance(draft.origin.pool.honorific * 2),
    negativeGroup,
    homeOrganisation: random.int(1, context.organisations),
    recordCount: context.recordsPerEntity.draw(random),
  };
}

function household(context: EntityContext): EntityGroup {
  const { random } = context;
  const group = `household:${context.nextGroup()}`;
  const size = HOUSEHOLD_SIZES.draw(random);
  const eldest = drawPerson(context);
  const sharedPhone = eldest.phone ?? moroccanMobile(random);
  const members: MigrantEntity[] = [];
  let year = eldest.dob.year;
  for (let index = 0; index < size; index++) {
    const sibling = index === 0 ? eldest : drawPerson(context, eldest.origin);
    if (index > 0) {
      year += random.int(1, 4);
      sibling.dob = randomDate(random, Math.min(year, REFERENCE_YEAR), Math.min(year, REFERENCE_YEAR));
      sibling.family = eldest.family;
      // West African siblings often share a first given name and differ by the second (Mamadou Saliou, Mamadou Alpha).
      if (sibling.sex === eldest.sex && eldest.given.length > 1 && random.chance(0.3)) sibling.given = [eldest.given[0]!, ...sibling.given.slice(0, 1)];
    }
    if (random.chance(0.8)) {
      sibling.phone = sharedPhone;
      sibling.householdPhone = true;
    }
    members.push(toEntity(sibling, context, group));
  }
  return { kind: 'household', entities: members };
}

function twins(context: EntityContext): EntityGroup {
  const { random } = context;
  const group = `twins:${context.nextGroup()}`;
  const first = drawPerson(context);
  const second = drawPerson(context, first.origin);
  second.family = first.family;
  second.dob = first.dob;
  second.dobYearOnly = first.dobYearOnly;
  second.phone = first.phone;
  first.householdPhone = second.householdPhone = first.phone !== null;
  if (random.chance(0.6)) second.sex = first.sex;
  const table = second.sex === 'M' ? first.origin.pool.male : first.origin.pool.female;
  for (let attempt = 0; attempt < 10 && second.given[0] === first.given[0]; attempt++) second.given = [table.draw(random)];
  return { kind: 'twins', entities: [toEntity(first, context, group), toEntity(second, context, group)] };
}

function namesakes(context: EntityContext): EntityGroup {
  const { random } = context;
  const group = `namesakes:${context.nextGroup()}`;
  const first = drawPerson(context);
  const pool = first.origin.pool;
  const given = random.pick(first.sex === 'M' ? pool.topMale : pool.topFemale);
  const family = random.pick(pool.topFamily);
  const size = random.chance(0.7) ? 2 : 3;
  const members: MigrantEntity[] = [];
  for (let index = 0; index < size; index++) {
    const person = index === 0 ? first : drawPerson(context, first.origin);
    person.sex = first.sex;
    person.given = [given];
    person.family = family;
    // A quarter share the birth year too: only the day, month and phone tell them apart.
    if (index > 0 && random.chance(0.25)) person.dob = randomDate(random, first.dob.year, first.dob.year);
    members.push(toEntity(person, context, group));
  }
  return { kind: 'namesakes', entities: members };
}

export function drawGroup(context: EntityContext): EntityGroup {
  const roll = context.random.int(1, 1000);
  if (roll <= GROUP_SHARES.household * 1000) return household(context);
  if (roll <= (GROUP_SHARES.household + GROUP_SHARES.twins) * 1000) return twins(context);
  if (roll <= (GROUP_SHARES.household + GROUP_SHARES.twins + GROUP_SHARES.namesakes) * 1000) return namesakes(context);
  return { kind: 'single', entities: [toEntity(drawPerson(context), context, '')] };
}
