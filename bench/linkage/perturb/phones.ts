import examples from 'libphonenumber-js/mobile/examples';
import type { Random } from '../random.ts';

/**
 * Phone numbers as people give them at a Moroccan association: mostly Moroccan mobiles (06/07), some from
 * the country of origin (international format), written in the many ways forms accept.
 */
export interface PhoneNumber {
  /** Country calling code without +, e.g. "212". */
  readonly calling: string;
  /** National significant number, digits only, e.g. "612345678". */
  readonly national: string;
}

// Moroccan mobile prefixes that libphonenumber accepts as valid (checked by the generator's tests).
const MOROCCAN_MOBILE_PREFIXES = ['61', '62', '63', '64', '65', '66', '67', '68', '69', '70', '71', '72', '76', '77', '78'];

function randomDigits(random: Random, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(random.int(0, 9));
  return digits;
}

export function moroccanMobile(random: Random): PhoneNumber {
  return { calling: '212', national: random.pick(MOROCCAN_MOBILE_PREFIXES) + randomDigits(random, 7) };
}

/** A mobile number of the given country: libphonenumber's example number with its last four digits drawn. */
export function foreignMobile(country: string, calling: string, random: Random): PhoneNumber {
  const example = (examples as Record<string, string>)[country];
  if (!example || example.length < 6) return moroccanMobile(random);
  return { calling, national: example.slice(0, -4) + randomDigits(random, 4) };
}

function groupsOfTwo(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The number as typed: 0612345678, 06 12 34 56 78, +212612345678, 00212 612 345 678, … */
export function formatPhone(phone: PhoneNumber, random: Random): string {
  if (phone.calling !== '212') {
    const roll = random.int(1, 3);
    if (roll === 1) return `+${phone.calling}${phone.national}`;
    if (roll === 2) return `00${phone.calling} ${phone.national}`;
    return `+${phone.calling} ${groupsOfTwo(phone.national)}`;
  }
  const local = `0${phone.national}`;
  const roll = random.int(1, 100);
  if (roll <= 35) return local;
  if (roll <= 60) return groupsOfTwo(local);
  if (roll <= 70) return local.replace(/(\d{2})(?=\d)/g, '$1.');
  if (roll <= 75) return local.replace(/(\d{2})(?=\d)/g, '$1-');
  if (roll <= 88) return `+212${phone.national}`;
  if (roll <= 93) return `+212 ${phone.national[0]} ${groupsOfTwo(phone.national.slice(1))}`;
  if (roll <= 97) return `00212${phone.national}`;
  return `212${phone.national}`;
}
