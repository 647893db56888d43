/**
 * Every label the migrant generator writes into the `perturbations` column, with the phenomenon it stands for.
 * A record can carry several; a record with none is written with an empty label.
 */
export const MIGRANT_PERTURBATIONS = {
  alias: 'a given name replaced by another spelling of its alias class (Mamadou → Mohamed, Fatoumata → Fatima)',
  family_variant: 'a family name written in another tradition (Diallo → Jallow, Camara → Kamara)',
  orthographic: 'one orthographic rule (ou/u, dj/j, ch/sh, doubled letter, final e, k/c, i/y)',
  diacritics: 'accents left out (Traoré → Traore)',
  somali_orthography: 'Somali spelling with x and c (Mohamed → Maxamed, Ali → Cali)',
  arabic_script: 'given and family name written in Arabic (or Persian) script',
  particle: 'a particle joined, split, hyphenated, changed or dropped (Ben Ali / Benali, Al-Ahmad / Ahmad)',
  honorific: 'el Hadj / Hadja added or left out',
  swap: 'given and family name swapped',
  join_split: 'two given-name parts joined, or one long name split',
  typo_insert: 'a letter inserted',
  typo_delete: 'a letter deleted',
  typo_substitute: 'a letter replaced by a neighbouring key',
  typo_transpose: 'two adjacent letters swapped',
  upper_case: 'the name typed in capitals',
  missing_given: 'given name left empty',
  missing_family: 'family name left empty',
  dob_year_only: 'year-only date (01/01/YYYY, 00/00/YYYY, 31/12/YYYY, XX/XX/YYYY or YYYY)',
  dob_estimated: 'birth year estimated, 1 or 2 years off',
  dob_day_month_swap: 'day and month swapped',
  dob_ethiopian: 'date in the Ethiopian calendar (ET/ER)',
  dob_format: 'another date format (YYYY-MM-DD, D/M/YYYY, DD-MM-YYYY, "3 mars 1990", DD.MM.YY)',
  dob_typo: 'one digit of the date mistyped',
  missing_dob: 'date of birth left empty',
  missing_sex: 'sex left empty',
  sex_wrong: 'the other sex recorded',
  phone_changed: 'a new phone number since the other registrations',
  phone_household: 'the household phone shared with siblings or twins',
  phone_association: "the organisation's own phone instead of the person's",
  missing_phone: 'phone left empty (or the person has none)',
  nationality_wrong: 'a neighbouring nationality recorded',
  missing_nationality: 'nationality left empty',
} as const;

export type MigrantPerturbation = keyof typeof MIGRANT_PERTURBATIONS;
export const MIGRANT_PERTURBATION_KINDS = Object.keys(MIGRANT_PERTURBATIONS) as MigrantPerturbation[];
