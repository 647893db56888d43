import type { Random } from '../random.ts';
import { titleCase } from './text-case.ts';

/**
 * Orthographic variants a clerk produces when writing a name they heard (French vs English conventions,
 * doubled letters, a final e, accents left out). Each rule is a regular expression compiled once; a variant
 * applies one rule chosen among those that match. The matcher's folding (NAME-MATCHING N-4, N-8) is meant
 * to bring most of them back together — these test that it does.
 */
interface OrthographicRule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string;
}

const RULES: readonly OrthographicRule[] = [
  { name: 'ou>u', pattern: /ou/, replacement: 'u' },
  { name: 'u>ou', pattern: /(?<![aeiouq])u(?![aeiou])/, replacement: 'ou' },
  { name: 'dj>j', pattern: /dj/, replacement: 'j' },
  { name: 'j>dj', pattern: /(?<!d)j/, replacement: 'dj' },
  { name: 'ch>sh', pattern: /(?<![ts])ch/, replacement: 'sh' },
  { name: 'sh>ch', pattern: /sh/, replacement: 'ch' },
  { name: 'tch>ch', pattern: /tch/, replacement: 'ch' },
  { name: 'double>single', pattern: /([bdfklmnprst])\1/, replacement: '$1' },
  { name: 'single>double', pattern: /(?<=[aeiou])([mnlst])(?=[aeiou])/, replacement: '$1$1' },
  { name: 'drop-final-e', pattern: /(?<=[bcdfgklmnrstvz])e\b/, replacement: '' },
  { name: 'add-final-e', pattern: /(?<=[aeiou][mnl])\b/, replacement: 'e' },
  { name: 'ph>f', pattern: /ph/, replacement: 'f' },
  { name: 'k>c', pattern: /k(?=[aou])/, replacement: 'c' },
  { name: 'c>k', pattern: /c(?=[aou])/, replacement: 'k' },
  { name: 'i>y', pattern: /(?<=[aeou])i/, replacement: 'y' },
  { name: 'y>i', pattern: /(?<=[aeou])y/, replacement: 'i' },
  { name: 'e>a', pattern: /(?<=m)e(?=d\b)/, replacement: 'a' },
  { name: 'a>e', pattern: /(?<=m)a(?=d\b)/, replacement: 'e' },
];

const DIACRITIC = /[\u0300-\u036f]/g;
const HAS_DIACRITIC = /[À-ÿ]/;

/** Accents left out (Traoré → Traore, Aïcha → Aicha): the most common variant of all on typed forms. */
export function stripDiacritics(value: string): string {
  return value.normalize('NFD').replace(DIACRITIC, '').normalize('NFC');
}

/** One orthographic variant of a Latin-script name, or the value itself when no rule applies. */
export function orthographicVariant(value: string, random: Random): string {
  if (HAS_DIACRITIC.test(value) && random.chance(0.5)) return stripDiacritics(value);
  const lower = value.toLowerCase();
  const applicable = RULES.filter((rule) => rule.pattern.test(lower));
  if (applicable.length === 0) return HAS_DIACRITIC.test(value) ? stripDiacritics(value) : value;
  const rule = random.pick(applicable);
  return titleCase(lower.replace(rule.pattern, rule.replacement));
}
