/** Every label the Western generator writes into the `perturbations` column (FEBRL-style modifications). */
export const WESTERN_PERTURBATIONS = {
  typo_insert: 'a letter or digit inserted',
  typo_delete: 'a letter or digit deleted',
  typo_substitute: 'a letter or digit replaced by a neighbouring key',
  typo_transpose: 'two adjacent characters swapped',
  missing_value: 'one field left empty',
  swap_names: 'given and family name swapped',
  swap_address: 'address_1 and address_2 swapped',
  swap_day_month: 'day and month of the birth date swapped',
  nickname: 'a nickname instead of the given name (Robert → Bob)',
  postcode_typo: 'one postcode digit mistyped',
  soc_sec_id_typo: 'one digit of the id mistyped',
} as const;

export type WesternPerturbation = keyof typeof WESTERN_PERTURBATIONS;
export const WESTERN_PERTURBATION_KINDS = Object.keys(WESTERN_PERTURBATIONS) as WesternPerturbation[];
