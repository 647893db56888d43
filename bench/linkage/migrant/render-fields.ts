import { applyTypo } from '../perturb/typos.ts';
import { daysInMonth, formatDate, formatDayMonthYear, formatYearOnly, gregorianToEthiopian, otherDateFormat } from '../perturb/dates.ts';
import { formatPhone, moroccanMobile, type PhoneNumber } from '../perturb/phones.ts';
import type { Random } from '../random.ts';
import type { MigrantEntity, Sex } from './entities.ts';
import type { MigrantPerturbation } from './perturbation-kinds.ts';
import { ALL_COUNTRIES, COUNTRIES_BY_POOL, nationalityOf } from './pools.ts';

/** Per-record probabilities of the date, sex, phone and nationality phenomena. */
export const FIELD_RATES = {
  missingDob: 0.04,
  yearOnly: 0.1,
  estimated: 0.05,
  dayMonthSwap: 0.04,
  ethiopian: 0.25,
  otherFormat: 0.15,
  dobTypo: 0.01,
  missingSex: 0.08,
  wrongSex: 0.005,
  missingPhone: 0.12,
  associationPhone: 0.05,
  changedPhone: 0.12,
  missingNationality: 0.08,
  wrongNationality: 0.03,
} as const;

type Label = (kind: MigrantPerturbation) => void;

const ETHIOPIAN_CALENDAR_COUNTRIES = new Set(['ET', 'ER']);

export function renderDob(entity: MigrantEntity, random: Random, label: Label): string {
  if (random.chance(FIELD_RATES.missingDob)) {
    label('missing_dob');
    return '';
  }
  let date = entity.dob;
  if (ETHIOPIAN_CALENDAR_COUNTRIES.has(entity.origin.country) && random.chance(FIELD_RATES.ethiopian)) {
    label('dob_ethiopian');
    date = gregorianToEthiopian(date);
    // Pagume (month 13) and day 30 of any month are real Ethiopian dates a Gregorian parser rejects.
    return entity.dobYearOnly ? formatYearOnly(date.year, random) : formatDayMonthYear(date);
  }
  if (random.chance(FIELD_RATES.estimated)) {
    label('dob_estimated');
    const offset = random.pick([-2, -1, 1, 2]);
    const year = date.year + offset;
    if (entity.dobYearOnly || random.chance(0.7)) return formatYearOnly(year, random);
    return formatDayMonthYear({ year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) });
  }
  if (entity.dobYearOnly || random.chance(FIELD_RATES.yearOnly)) {
    label('dob_year_only');
    return formatYearOnly(date.year, random);
  }
  if (date.day <= 12 && date.day !== date.month && random.chance(FIELD_RATES.dayMonthSwap)) {
    label('dob_day_month_swap');
    date = { year: date.year, month: date.day, day: date.month };
  }
  let text = formatDayMonthYear(date);
  if (random.chance(FIELD_RATES.otherFormat)) {
    const format = otherDateFormat(random);
    text = formatDate(date, format);
    label('dob_format');
  }
  if (random.chance(FIELD_RATES.dobTypo)) {
    const typed = applyTypo(text, 'typo_substitute', random);
    if (typed !== text) {
      text = typed;
      label('dob_typo');
    }
  }
  return text;
}

const SEX_FORMS: Record<Sex, readonly string[]> = {
  M: ['M', 'M', 'H', 'H', 'm', 'homme', 'Homme', 'Masculin', 'male', 'Male', 'ذكر'],
  F: ['F', 'F', 'F', 'F', 'f', 'femme', 'Femme', 'Féminin', 'female', 'Female', 'أنثى'],
};

export function renderSex(entity: MigrantEntity, random: Random, label: Label): string {
  if (random.chance(FIELD_RATES.missingSex)) {
    label('missing_sex');
    return '';
  }
  let sex = entity.sex;
  if (random.chance(FIELD_RATES.wrongSex)) {
    sex = sex === 'M' ? 'F' : 'M';
    label('sex_wrong');
  }
  return random.pick(SEX_FORMS[sex]);
}

export function renderPhone(entity: MigrantEntity, associationPhone: PhoneNumber, random: Random, label: Label): string {
  if (entity.phone === null || random.chance(FIELD_RATES.missingPhone)) {
    label('missing_phone');
    return '';
  }
  if (random.chance(FIELD_RATES.associationPhone)) {
    label('phone_association');
    return formatPhone(associationPhone, random);
  }
  if (random.chance(FIELD_RATES.changedPhone)) {
    label('phone_changed');
    return formatPhone(moroccanMobile(random), random);
  }
  if (entity.householdPhone) label('phone_household');
  return formatPhone(entity.phone, random);
}

export function renderNationality(entity: MigrantEntity, random: Random, label: Label): string {
  if (random.chance(FIELD_RATES.missingNationality)) {
    label('missing_nationality');
    return '';
  }
  let country = entity.origin.country;
  if (random.chance(FIELD_RATES.wrongNationality)) {
    const neighbours = (COUNTRIES_BY_POOL.get(entity.origin.pool.id) ?? []).filter((code) => code !== country);
    country = random.pick(neighbours.length > 0 ? neighbours : ALL_COUNTRIES.filter((code) => code !== country));
    label('nationality_wrong');
  }
  const nationality = nationalityOf(country);
  const roll = random.int(1, 100);
  if (roll <= 15) return nationality.iso3;
  if (roll <= 20) return country;
  if (roll <= 50) return entity.sex === 'F' ? nationality.frF : nationality.frM;
  if (roll <= 65) return nationality.en;
  if (roll <= 75) return nationality.ar;
  if (roll <= 90) return nationality.nameFr;
  if (roll <= 95) return nationality.nameEn;
  return nationality.nameAr;
}
