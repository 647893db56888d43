import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import nationalityData from '../pools/nationalities.v1.json' with { type: 'json' };
import nameData from '../pools/migrant-names.v1.json' with { type: 'json' };
import { WeightedTable } from '../random.ts';

/**
 * The migrant-name pools (pools/migrant-names.v1.json) turned once, at module load, into weighted tables and
 * lookup maps the generator draws from.
 */
export interface NamePool {
  readonly id: string;
  readonly male: WeightedTable<string>;
  readonly female: WeightedTable<string>;
  /** Empty when the family name is the father's given name (Horn of Africa, Chad). */
  readonly family: WeightedTable<string> | null;
  /** The most frequent names, for namesakes. */
  readonly topMale: readonly string[];
  readonly topFemale: readonly string[];
  readonly topFamily: readonly string[];
  readonly secondGiven: number;
  readonly familyFromFather: boolean;
  readonly singleName: number;
  readonly arabicScript: number;
  readonly honorific: number;
}

interface RawPool {
  secondGiven: number;
  familyFromFather: boolean;
  singleName: number;
  arabicScript: number;
  honorific: number;
  male: [string, number][];
  female: [string, number][];
  family: [string, number][];
}

function top(entries: [string, number][], count: number): string[] {
  return [...entries].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name]) => name);
}

function buildPool(id: string, raw: RawPool): NamePool {
  return {
    id,
    male: new WeightedTable(raw.male),
    female: new WeightedTable(raw.female),
    family: raw.family.length > 0 ? new WeightedTable(raw.family) : null,
    topMale: top(raw.male, 3),
    topFemale: top(raw.female, 3),
    topFamily: raw.family.length > 0 ? top(raw.family, 3) : top(raw.male, 3),
    secondGiven: raw.secondGiven,
    familyFromFather: raw.familyFromFather,
    singleName: raw.singleName,
    arabicScript: raw.arabicScript,
    honorific: raw.honorific,
  };
}

export const NAME_POOLS_VERSION = nameData.version;

export const POOLS: ReadonlyMap<string, NamePool> = new Map(
  Object.entries(nameData.pools as unknown as Record<string, RawPool>).map(([id, raw]) => [id, buildPool(id, raw)]),
);

export interface Origin {
  readonly country: string;
  readonly pool: NamePool;
}

export const ORIGINS = new WeightedTable<Origin>(
  (nameData.origins as [string, number, string][]).map(([country, weight, poolId]) => {
    const pool = POOLS.get(poolId);
    if (!pool) throw new Error(`origin ${country} names an unknown pool ${poolId}`);
    return [{ country, pool }, weight] as const;
  }),
);

/** Countries of the same pool, for a nationality written wrong (a Guinean noted as Malian). */
export const COUNTRIES_BY_POOL: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const origin of ORIGINS.items) map.set(origin.pool.id, [...(map.get(origin.pool.id) ?? []), origin.country]);
  return map;
})();
export const ALL_COUNTRIES: readonly string[] = ORIGINS.items.map((origin) => origin.country);

/** Given name → the other spellings of its alias class (NAME-MATCHING N-9). */
export const GIVEN_ALIASES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const variants of Object.values(nameData.aliasClasses as Record<string, string[]>)) {
    for (const name of variants) map.set(name, variants.filter((other) => other !== name));
  }
  return map;
})();

/** Family name → its spellings in other traditions (Diallo / Jallow / Djalo; NAME-MATCHING N-10). */
export const FAMILY_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(nameData.familyVariants as Record<string, string[]>));
export const SOMALI_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(nameData.somali as Record<string, string>));
export const ARABIC_FORMS: ReadonlyMap<string, string> = new Map(Object.entries(nameData.arabic as Record<string, string>));

export interface Nationality {
  readonly iso3: string;
  readonly frM: string;
  readonly frF: string;
  readonly en: string;
  readonly ar: string;
  readonly calling: string;
  readonly nameFr: string;
  readonly nameEn: string;
  readonly nameAr: string;
}

countries.registerLocale(fr);
countries.registerLocale(en);
countries.registerLocale(ar);

export const NATIONALITIES: ReadonlyMap<string, Nationality> = new Map(
  Object.entries(nationalityData.countries).map(([code, entry]) => [
    code,
    {
      ...entry,
      nameFr: countries.getName(code, 'fr') ?? entry.frM,
      nameEn: countries.getName(code, 'en') ?? entry.en,
      nameAr: countries.getName(code, 'ar') ?? entry.ar,
    },
  ]),
);

export function nationalityOf(country: string): Nationality {
  const nationality = NATIONALITIES.get(country);
  if (!nationality) throw new Error(`no nationality entry for ${country}`);
  return nationality;
}
