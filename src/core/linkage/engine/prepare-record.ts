import { parseDateOfBirth, type DateOfBirth } from '../normalise/date-of-birth.ts';
import { normaliseName, type NormalisedName } from '../normalise/name.ts';
import { alpha3ToAlpha2, normaliseNationality } from '../normalise/nationality.ts';
import { normalisePhone } from '../normalise/phone.ts';
import { normaliseSex, type Sex } from '../normalise/sex.ts';
import { cleanUnicode } from '../normalise/unicode.ts';
import type { RawPersonRecord } from '../record.ts';

/** A record with every field normalised for comparison; the raw record is kept beside it. */
export interface PreparedRecord {
  raw: RawPersonRecord;
  name: NormalisedName;
  dob: DateOfBirth | null;
  sex: Sex | null;
  phone: string | null;
  nationality: string | null;
  nationalityAlternatives: readonly string[];
  /** Extra columns, lower-cased and cleaned (N-1), compared as generic strings. */
  other: Record<string, string>;
  /** Warning codes for values that could not be parsed and were treated as missing. */
  warnings: string[];
}

export interface PrepareOptions {
  /** "Today" for two-digit years and future dates; defaults to the current date. */
  reference?: Date;
}

/**
 * Normalises one record. Nothing here throws on bad data: an impossible date, a malformed phone or a name
 * with bidi controls becomes missing and is named in `warnings`, so a batch never stops on one row.
 */
export function prepareRecord(raw: RawPersonRecord, options: PrepareOptions = {}): PreparedRecord {
  const warnings: string[] = [];
  const nationality = normaliseNationality(raw.nationality);
  if (nationality.code === null && nationality.reason === 'unknown') warnings.push('NATIONALITY_UNKNOWN');
  const sex = normaliseSex(raw.sex);
  if (sex === null && raw.sex?.trim()) warnings.push('SEX_UNKNOWN');
  const alpha2 = nationality.code ? alpha3ToAlpha2(nationality.code) : null;
  const name = normaliseName({ given: raw.given ?? null, family: raw.family ?? null }, { nationality: alpha2 ?? nationality.code, sex, onBidiControl: 'treat-as-missing' });
  warnings.push(...name.warnings);
  const dob = parseDateOfBirth(raw.dob, options.reference ? { reference: options.reference } : {});
  if (dob.dob === null && dob.reason !== 'missing') warnings.push('DOB_INVALID');
  const phone = normalisePhone(raw.phone);
  if (phone.e164 === null && phone.reason === 'malformed') warnings.push('PHONE_INVALID');
  const other: Record<string, string> = {};
  for (const [column, value] of Object.entries(raw.other ?? {})) {
    const cleaned = cleanUnicode(value);
    if (cleaned) other[column] = cleaned;
  }
  return {
    raw,
    name,
    dob: dob.dob,
    sex,
    phone: phone.e164,
    nationality: nationality.code,
    nationalityAlternatives: nationality.alternatives,
    other,
    warnings,
  };
}
