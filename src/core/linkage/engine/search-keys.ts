import { lookupFamilyName } from '../normalise/aliases.ts';
import { latinArabicSkeletons } from '../normalise/latin-arabic-skeleton.ts';
import { nationalityAlpha2 } from '../normalise/name-context.ts';
import { keyForms, normaliseName, type NameToken } from '../normalise/name.ts';

/**
 * The name keys of `searchPeople` (issue 5 stores a person's keys in an index and looks a query's keys up
 * there): a query may hold a given name, a family name or both, in any order, spelling or script, so both
 * sides are reduced to the same kinds of token keys —
 * - `n:` the alias class, else the N-8 fold (Mamadou, Mohamed, محمد → n:MUHAMMAD);
 * - `s:` the consonant skeleton, of the family-name class when there is one (Jallow → s of DIALLO);
 * - `m:` the Double Metaphone of the class or token (misspellings the fold does not reach);
 * - `a:` the Arabic consonant skeleton (العلوي ~ Alaoui, for names no dictionary lists).
 * A person matches a query when they share keys; the engine's comparison then ranks the candidates.
 */
export interface SearchKeyOptions {
  nationality?: string | null;
  sex?: 'M' | 'F' | 'X' | null;
}

function tokenKeys(token: NameToken, context: { nationality: string | null; sex: 'M' | 'F' | 'X' | null }, keys: Set<string>): void {
  keys.add(`n:${token.alias ?? token.folded}`);
  const familyClass = lookupFamilyName(token.compact, token.folded);
  const forms = keyForms(token, 'given', context);
  keys.add(`s:${familyClass ? familyClass.skeleton : forms.skeleton}`);
  if (forms.metaphone) keys.add(`m:${forms.metaphone}`);
  const arabic = token.arabicSkeleton ?? latinArabicSkeletons(token.folded)[0];
  if (arabic.length >= 2) keys.add(`a:${arabic}`);
}

/** The keys under which a person's name is indexed (every token of both fields, whatever its field). */
export function personSearchKeys(name: { given?: string | null; family?: string | null }, options: SearchKeyOptions = {}): string[] {
  const normalised = normaliseName({ given: name.given ?? null, family: name.family ?? null }, { ...options, onBidiControl: 'treat-as-missing' });
  const context = { nationality: nationalityAlpha2(options.nationality), sex: options.sex ?? null };
  const keys = new Set<string>();
  for (const token of [...normalised.givenTokens, ...normalised.familyTokens]) tokenKeys(token, context, keys);
  return [...keys];
}

/** The keys a free-text query looks up, with the tokens they came from (every token must find the person). */
export function querySearchKeys(query: string, options: SearchKeyOptions = {}): { token: string; keys: string[] }[] {
  const normalised = normaliseName({ given: query }, { ...options, onBidiControl: 'treat-as-missing' });
  const context = { nationality: nationalityAlpha2(options.nationality), sex: options.sex ?? null };
  return normalised.givenTokens.map((token, index) => {
    const keys = new Set<string>();
    tokenKeys(token, context, keys);
    return { token: normalised.given[index] ?? token.normalised, keys: [...keys] };
  });
}
