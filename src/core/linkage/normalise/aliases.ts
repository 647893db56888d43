/**
 * N-9 given-name alias classes and N-10 family-name exceptions, from the versioned data files. Every
 * variant is normalised at load through the same rules as input (N-1, N-4, N-6 abd compounds) and indexed
 * twice — by its normalised compact form and by its N-8 fold — so a spelling that is not listed but folds
 * like a listed one is found too. Lookups are O(1) map reads.
 */
import givenNamesData from '../data/aliases/given-names.v2.json' with { type: 'json' };
import familyNamesData from '../data/aliases/family-names.v2.json' with { type: 'json' };
import { normaliseArabicLetters } from './arabic.ts';
import { foldToken, skeletonOf } from './fold.ts';
import { latinTokens } from './latin-tokens.ts';
import { applyParticles } from './particles.ts';

export type AliasConfidence = 'high' | 'medium' | 'low';
export type AliasKind = 'given' | 'family';

export interface AliasClass {
  id: string;
  kind: AliasKind;
  /** The canonical Latin form ("muhammad", "abd rahman"), normalised. */
  latin: string;
  origin: string;
  confidence: AliasConfidence;
  /** N-8 fold and skeleton of the canonical form, for keys that must agree across the whole class. */
  folded: string;
  skeleton: string;
}

interface VariantRestriction {
  nationalities?: readonly string[];
  sex?: 'M' | 'F';
}

interface IndexEntry {
  aliasClass: AliasClass;
  restriction: VariantRestriction | null;
}

export interface AliasContext {
  /** ISO alpha-2, upper case. */
  nationality?: string | null;
  sex?: 'M' | 'F' | 'X' | null;
}

interface RawVariantObject {
  form: string;
  nationalities?: string[];
  sex?: string;
}
interface RawClass {
  id: string;
  latin: string;
  origin: string;
  confidence: string;
  variants: (string | RawVariantObject)[];
  arabic?: string[];
}
interface RawAliasFile {
  version: number;
  classes: RawClass[];
}

export const GIVEN_NAMES_VERSION = (givenNamesData as RawAliasFile).version;
export const FAMILY_NAMES_VERSION = (familyNamesData as RawAliasFile).version;

/** Compact normalised form of a dictionary entry, as the pipeline would produce it. */
export function compactLatinForm(text: string): string {
  const particles = applyParticles(latinTokens(text), 'given', () => false);
  return particles.tokens.join('').replace(/ /g, '');
}

function addEntry(index: Map<string, IndexEntry[]>, key: string, entry: IndexEntry): void {
  if (key === '') return;
  const list = index.get(key);
  if (!list) {
    index.set(key, [entry]);
  } else if (!list.some((existing) => existing.aliasClass === entry.aliasClass && existing.restriction === entry.restriction)) {
    list.push(entry);
  }
}

interface AliasIndex {
  exact: Map<string, IndexEntry[]>;
  folded: Map<string, IndexEntry[]>;
  arabic: Map<string, AliasClass>;
  classes: AliasClass[];
}

function buildIndex(file: RawAliasFile, kind: AliasKind): AliasIndex {
  const index: AliasIndex = { exact: new Map(), folded: new Map(), arabic: new Map(), classes: [] };
  for (const raw of file.classes) {
    const latin = latinTokens(raw.latin).join(' ');
    const folded = foldToken(compactLatinForm(raw.latin));
    const aliasClass: AliasClass = {
      id: raw.id,
      kind,
      latin,
      origin: raw.origin,
      confidence: raw.confidence as AliasConfidence,
      folded,
      skeleton: skeletonOf(folded),
    };
    index.classes.push(aliasClass);
    for (const variant of raw.variants) {
      const form = typeof variant === 'string' ? variant : variant.form;
      const restriction: VariantRestriction | null =
        typeof variant === 'string'
          ? null
          : {
              ...(variant.nationalities ? { nationalities: variant.nationalities } : {}),
              ...(variant.sex === 'M' || variant.sex === 'F' ? { sex: variant.sex } : {}),
            };
      const compact = compactLatinForm(form);
      const somali = restriction?.nationalities?.includes('SO') ?? false;
      addEntry(index.exact, compact, { aliasClass, restriction });
      addEntry(index.folded, foldToken(compact, { somali }), { aliasClass, restriction });
    }
    for (const arabic of raw.arabic ?? []) {
      index.arabic.set(normaliseArabicLetters(arabic).replace(/\s+/g, ''), aliasClass);
    }
  }
  return index;
}

const GIVEN_INDEX = buildIndex(givenNamesData as RawAliasFile, 'given');
const FAMILY_INDEX = buildIndex(familyNamesData as RawAliasFile, 'family');

function allows(restriction: VariantRestriction | null, context: AliasContext): boolean {
  if (!restriction) return true;
  if (restriction.nationalities && !(context.nationality && restriction.nationalities.includes(context.nationality))) return false;
  if (restriction.sex && context.sex !== restriction.sex) return false;
  return true;
}

function lookup(index: AliasIndex, compact: string, folded: string, context: AliasContext): AliasClass | null {
  const exact = index.exact.get(compact);
  if (exact) {
    const allowed = exact.find((entry) => allows(entry.restriction, context));
    // A listed spelling whose use is restricted (maxamed outside Somalia, amine without a known sex) is
    // ambiguous: it must not fall through to the fold and be matched anyway.
    return allowed ? allowed.aliasClass : null;
  }
  const byFold = index.folded.get(folded);
  const allowed = byFold?.find((entry) => allows(entry.restriction, context));
  return allowed ? allowed.aliasClass : null;
}

/** N-9: the given-name class of a normalised token (compact form) or its N-8 fold, or null. */
export function lookupGivenName(compact: string, folded: string, context: AliasContext = {}): AliasClass | null {
  return lookup(GIVEN_INDEX, compact, folded, context);
}

/** N-10: the family-name exception class of a normalised token or its fold, or null. */
export function lookupFamilyName(compact: string, folded: string): AliasClass | null {
  return lookup(FAMILY_INDEX, compact, folded, {});
}

/** N-9 for Arabic script: the class of a letter-normalised Arabic form (words joined without spaces). */
export function lookupArabicGivenName(arabicNormalised: string): AliasClass | null {
  return GIVEN_INDEX.arabic.get(arabicNormalised) ?? null;
}

/** Whether a compact token is a given name the dictionary knows, whatever its restrictions (N-6 kunya). */
export function isKnownGivenName(compact: string): boolean {
  return GIVEN_INDEX.exact.has(compact) || GIVEN_INDEX.folded.has(foldToken(compact));
}

/** All classes, for tests and documentation. */
export function aliasClasses(kind: AliasKind): readonly AliasClass[] {
  return kind === 'given' ? GIVEN_INDEX.classes : FAMILY_INDEX.classes;
}

/** Index keys shared by more than one class (a data error unless restrictions tell them apart). */
export function aliasKeyCollisions(kind: AliasKind): { key: string; classes: string[]; restricted: boolean }[] {
  const index = kind === 'given' ? GIVEN_INDEX : FAMILY_INDEX;
  const out: { key: string; classes: string[]; restricted: boolean }[] = [];
  for (const map of [index.exact, index.folded]) {
    for (const [key, entries] of map) {
      const ids = [...new Set(entries.map((entry) => entry.aliasClass.id))];
      if (ids.length > 1) out.push({ key, classes: ids, restricted: entries.some((entry) => entry.restriction !== null) });
    }
  }
  return out;
}
