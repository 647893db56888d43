/**
 * N-5 Placeholders: values typed when the name is not known (FNU = first name unknown, LNU, X, NN, …)
 * become missing, and the fact "name unknown" is kept as a flag — it is information, not a name.
 */

/** Compared after N-1 (so "N/A" arrives as "n a", "-" as ""). */
const PLACEHOLDERS = new Set([
  'fnu', 'lnu', 'x', 'xx', 'xxx', 'xxxx', 'nn', 'n n', 'inconnu', 'inconnue', 'unknown', 'sans nom', 'n a', 'n d',
  'none', 'null', 'nil', 'no name', 'noname', 's n', 'nom inconnu', 'prenom inconnu', 'prénom inconnu', 'مجهول',
]);
const SINGLE_LETTER = /^\p{L}$/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export type PlaceholderVerdict = 'name' | 'empty' | 'placeholder';

/**
 * `cleaned` is the field after N-1. Empty text is 'empty' unless the raw field had visible content
 * (a lone "-" or "?"), which is a placeholder too.
 */
export function classifyNameField(cleaned: string, raw: string): PlaceholderVerdict {
  if (cleaned === '') return VISIBLE.test(raw) ? 'placeholder' : 'empty';
  if (PLACEHOLDERS.has(cleaned) || SINGLE_LETTER.test(cleaned)) return 'placeholder';
  return 'name';
}
