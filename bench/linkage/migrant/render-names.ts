import { orthographicVariant, stripDiacritics } from '../perturb/orthography.ts';
import { particleVariant, toggleHonorific } from '../perturb/particles.ts';
import { titleCase } from '../perturb/text-case.ts';
import { applyTypo, TYPO_KINDS } from '../perturb/typos.ts';
import type { Random } from '../random.ts';
import type { MigrantEntity } from './entities.ts';
import type { MigrantPerturbation } from './perturbation-kinds.ts';
import { ARABIC_FORMS, FAMILY_VARIANTS, GIVEN_ALIASES, SOMALI_SPELLINGS } from './pools.ts';

/** Per-record probabilities of the name phenomena (each drawn independently; shares are in the report). */
export const NAME_RATES = {
  alias: 0.12,
  familyVariant: 0.12,
  somali: 0.4,
  particle: 0.3,
  honorificToggle: 0.25,
  orthographic: 0.12,
  diacritics: 0.45,
  joinSplit: 0.05,
  typo: 0.1,
  secondTypo: 0.02,
  upperCase: 0.2,
  swap: 0.04,
  missingGiven: 0.01,
  missingFamily: 0.03,
} as const;

export interface RenderedNames {
  given: string;
  family: string;
}

type Label = (kind: MigrantPerturbation) => void;

function replaceOnePart(parts: string[], random: Random, variant: (part: string) => string | null | undefined): boolean {
  const candidates: { index: number; value: string }[] = [];
  parts.forEach((part, index) => {
    const value = variant(part);
    if (value && value !== part) candidates.push({ index, value });
  });
  if (candidates.length === 0) return false;
  const chosen = random.pick(candidates);
  parts[chosen.index] = chosen.value;
  return true;
}

function arabicForm(entity: MigrantEntity): RenderedNames | null {
  const given = entity.given.map((part) => ARABIC_FORMS.get(part));
  const family = entity.family === null ? '' : ARABIC_FORMS.get(entity.family);
  if (given.some((part) => part === undefined) || family === undefined) return null;
  return { given: given.join(' '), family };
}

const VOWEL_THEN_CONSONANT = /[aeiouy][^aeiouy\s]/gi;

/** Two given-name parts joined (Mohamed Amine → Mohamedamine), or one long name split near its middle. */
function joinOrSplit(parts: string[]): boolean {
  if (parts.length >= 2) {
    parts.splice(0, 2, parts[0]! + parts[1]!.toLowerCase());
    return true;
  }
  const single = parts[0];
  if (!single || single.length < 7 || single.includes(' ')) return false;
  let best = -1;
  for (const match of single.matchAll(VOWEL_THEN_CONSONANT)) {
    const at = match.index + 1;
    if (Math.abs(at - single.length / 2) < Math.abs(best - single.length / 2)) best = at;
  }
  if (best < 3 || best > single.length - 3) return false;
  parts[0] = `${single.slice(0, best)} ${titleCase(single.slice(best))}`;
  return true;
}

/** The given and family name as one clerk wrote them, with a label for every phenomenon applied. */
export function renderNames(entity: MigrantEntity, random: Random, label: Label): RenderedNames {
  const pool = entity.origin.pool;
  if (random.chance(pool.arabicScript)) {
    const arabic = arabicForm(entity);
    if (arabic) {
      label('arabic_script');
      return arabic;
    }
  }
  const given = [...entity.given];
  let family = entity.family ?? '';
  let titled = entity.titled;
  if (pool.honorific > 0 && random.chance(titled ? NAME_RATES.honorificToggle : pool.honorific)) {
    titled = !titled;
    label('honorific');
  }
  if (random.chance(NAME_RATES.alias) && replaceOnePart(given, random, (part) => {
    const aliases = GIVEN_ALIASES.get(part);
    return aliases ? random.pick(aliases) : null;
  })) label('alias');
  const familyVariants = FAMILY_VARIANTS.get(family);
  if (familyVariants && random.chance(NAME_RATES.familyVariant)) {
    family = random.pick(familyVariants);
    label('family_variant');
  }
  if (entity.origin.country === 'SO' && random.chance(NAME_RATES.somali)) {
    let changed = false;
    for (let i = 0; i < given.length; i++) {
      const somali = SOMALI_SPELLINGS.get(given[i]!);
      if (somali && somali !== given[i]) {
        given[i] = somali;
        changed = true;
      }
    }
    const somaliFamily = SOMALI_SPELLINGS.get(family);
    if (somaliFamily && somaliFamily !== family) {
      family = somaliFamily;
      changed = true;
    }
    if (changed) label('somali_orthography');
  }
  if (random.chance(NAME_RATES.particle)) {
    const variant = particleVariant(family, random);
    if (variant !== null) {
      family = variant;
      label('particle');
    } else if (replaceOnePart(given, random, (part) => particleVariant(part, random))) label('particle');
  }
  if (random.chance(NAME_RATES.joinSplit) && joinOrSplit(given)) label('join_split');
  if (random.chance(NAME_RATES.orthographic)) {
    const onFamily = family !== '' && random.chance(0.5);
    if (onFamily) {
      const variant = orthographicVariant(family, random);
      if (variant !== family) {
        family = variant;
        label('orthographic');
      }
    } else if (replaceOnePart(given, random, (part) => orthographicVariant(part, random))) label('orthographic');
  }
  let givenText = given.join(' ');
  if (titled) givenText = toggleHonorific(givenText, entity.sex, random);
  if (random.chance(NAME_RATES.diacritics)) {
    const stripped = stripDiacritics(givenText);
    const strippedFamily = stripDiacritics(family);
    if (stripped !== givenText || strippedFamily !== family) {
      [givenText, family] = [stripped, strippedFamily];
      label('diacritics');
    }
  }
  const typoCount = random.chance(NAME_RATES.typo) ? (random.chance(NAME_RATES.secondTypo / NAME_RATES.typo) ? 2 : 1) : 0;
  for (let i = 0; i < typoCount; i++) {
    const kind = random.pick(TYPO_KINDS);
    if (family !== '' && random.chance(0.5)) {
      const typed = applyTypo(family, kind, random);
      if (typed !== family) {
        family = typed;
        label(kind);
      }
    } else {
      const typed = applyTypo(givenText, kind, random);
      if (typed !== givenText) {
        givenText = typed;
        label(kind);
      }
    }
  }
  if (random.chance(NAME_RATES.upperCase)) {
    // Family name in capitals (the French convention), sometimes both.
    family = family.toUpperCase();
    if (random.chance(0.4)) givenText = givenText.toUpperCase();
    if (family !== '') label('upper_case');
  }
  if (random.chance(NAME_RATES.swap) && family !== '') {
    [givenText, family] = [family, givenText];
    label('swap');
  }
  if (random.chance(NAME_RATES.missingGiven)) {
    givenText = '';
    label('missing_given');
  } else if (family !== '' && random.chance(NAME_RATES.missingFamily)) {
    family = '';
    label('missing_family');
  }
  return { given: givenText, family };
}
