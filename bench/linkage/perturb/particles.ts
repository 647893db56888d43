import type { Random } from '../random.ts';
import { titleCase } from './text-case.ts';

/**
 * Particle changes (NAME-MATCHING N-6): the same name written with its particle joined, split, hyphenated,
 * with the article changed or dropped — Ben Ali / Benali, Abdel Kader / Abd el Kader / Abdelkader,
 * Al-Ahmad / El Ahmad / Ahmad — and the honorific el Hadj / Hadja added to or removed from a given name.
 */
const SPACED = /^(.*?)\b(ben|bel|bou|ait|ould|abu|abou|el|al|abd|abdel|abdul|abdou|hadj)[ -](\p{L}[\p{L}']*)(.*)$/iu;
const GLUED = /^(ben|bel|ait|ould|abdel|abdul|abdoul|abdou|abder|abdur|abd|el|al)(\p{L}{3,})$/iu;
const ARTICLE = /^(al|el)[ -](\p{L}.*)$/iu;
const HONORIFIC = /^(el[ -]?hadj?i?|elhadj|al[ -]?hajj?i?|hadja|hadj)\s+(.+)$/iu;

export type ParticleVariant = (value: string, random: Random) => string | null;

const join: ParticleVariant = (value) => {
  const match = SPACED.exec(value);
  if (!match) return null;
  const [, before = '', particle = '', rest = '', after = ''] = match;
  return before + titleCase(particle + rest.toLowerCase()) + after;
};

const respace: ParticleVariant = (value) => {
  const match = SPACED.exec(value);
  if (!match) return null;
  const [, before = '', particle = '', rest = '', after = ''] = match;
  const separator = value.includes(`${particle}-`) ? ' ' : '-';
  return `${before}${particle}${separator}${rest}${after}`;
};

const split: ParticleVariant = (value, random) => {
  if (value.includes(' ')) return null;
  const match = GLUED.exec(value);
  if (!match) return null;
  const [, particle = '', rest = ''] = match;
  const lowerParticle = particle.toLowerCase();
  // Abdelkader → "Abdel Kader" or "Abd el Kader": both are common on forms.
  if (lowerParticle === 'abdel' && random.chance(0.4)) return `Abd el ${titleCase(rest)}`;
  return `${titleCase(particle)} ${titleCase(rest)}`;
};

const changeArticle: ParticleVariant = (value, random) => {
  const match = ARTICLE.exec(value);
  if (!match) return null;
  const [, article = '', rest = ''] = match;
  if (random.chance(0.5)) return rest; // the article dropped: Al-Ahmad → Ahmad
  const other = article.toLowerCase() === 'al' ? 'El' : 'Al';
  return `${other}${random.chance(0.5) ? '-' : ' '}${rest}`;
};

const FAMILY_VARIANTS: readonly ParticleVariant[] = [join, respace, split, changeArticle];

/** A particle variant of a family (or compound given) name, or null when it has no particle to change. */
export function particleVariant(value: string, random: Random): string | null {
  const candidates: string[] = [];
  for (const variant of FAMILY_VARIANTS) {
    const result = variant(value, random);
    if (result !== null && result !== value) candidates.push(result);
  }
  return candidates.length === 0 ? null : random.pick(candidates);
}

/** Adds an honorific (El Hadj, Elhadj, Hadja) in front of a given name, or removes the one that is there. */
export function toggleHonorific(given: string, sex: 'M' | 'F', random: Random): string {
  const match = HONORIFIC.exec(given);
  if (match) return match[2]!;
  const honorific = sex === 'F' ? random.pick(['Hadja', 'Hadja', 'El Hadja']) : random.pick(['El Hadj', 'Elhadj', 'El Hadji', 'Alhaji']);
  return `${honorific} ${given}`;
}

export function hasHonorific(given: string): boolean {
  return HONORIFIC.test(given);
}
