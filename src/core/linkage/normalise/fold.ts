/**
 * N-8 Orthographic folding into a phonetic skeleton (NAME-MATCHING.md §5.2), in the documented order.
 * It brings together French, English and Maghrebi spellings the alias dictionary does not list
 * (Oualid ~ Walid, Tchad ~ Chad, Djibril ~ Jibril). A blocking key and one comparison level, never the only
 * evidence.
 */

/** Nationalities whose spelling follows Somali orthography (x = ḥ, c = ʿayn): SO, DJ, ET and alpha-3. */
const SOMALI_ORTHOGRAPHY = new Set(['SO', 'DJ', 'ET', 'SOM', 'DJI', 'ETH']);

export function usesSomaliOrthography(nationality: string | null | undefined): boolean {
  return nationality ? SOMALI_ORTHOGRAPHY.has(nationality.trim().toUpperCase()) : false;
}

const CONSONANT = 'b-df-hj-np-tv-z';

// Step 4 (Somali), applied before step 2 because step 2's "c before a/o/u → k" would otherwise turn
// Cali into kali before the Somali rule can see the c.
const SOMALI_X = /x/g;
const SOMALI_C = /c(?=[aeiou])/g;

// Step 2, in order.
const STEP_2: readonly (readonly [RegExp, string])[] = [
  [/tch/g, 'ch'],
  [/dj/g, 'j'],
  [/sch/g, 'sh'],
  [/ch/g, 'sh'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/ck/g, 'k'],
  [/c(?=[aou])/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
];

// Step 3.
const INITIAL_OU_VOWEL = /^ou(?=[aeiou])/;
const OU = /ou/g;
const OO = /oo/g;
const EE = /ee/g;
const Y_BETWEEN_CONSONANTS = new RegExp(`(?<=[${CONSONANT}])y(?=[${CONSONANT}])`, 'g');
const W_BEFORE_CONSONANT = new RegExp(`w(?=[${CONSONANT}])`, 'g');

// Step 5.
const DOUBLED = /([a-z0-9])\1+/g;
const FINAL_E_AFTER_CONSONANT = new RegExp(`(?<=[${CONSONANT}])e$`);

// Step 6.
const VOWELS = /[aeiou]/g;

export interface FoldOptions {
  /** Apply the Somali x/c rules (nationality SO/DJ/ET). */
  somali?: boolean;
}

/** N-8 steps 2–5 on one compact token ([a-z0-9], no spaces). */
export function foldToken(token: string, options: FoldOptions = {}): string {
  let out = token;
  if (options.somali) out = out.replace(SOMALI_X, 'h').replace(SOMALI_C, '');
  for (const [pattern, replacement] of STEP_2) {
    out = out.replace(pattern, replacement);
  }
  out = out
    .replace(INITIAL_OU_VOWEL, 'w')
    .replace(OU, 'u')
    .replace(OO, 'u')
    .replace(EE, 'i')
    .replace(Y_BETWEEN_CONSONANTS, 'i')
    .replace(W_BEFORE_CONSONANT, 'u')
    .replace(DOUBLED, '$1');
  if (out.length > 2) out = out.replace(FINAL_E_AFTER_CONSONANT, '');
  return out;
}

/** N-8 step 6: drop the vowels a e i o u except the first letter (muhammad → mhmd). */
export function skeletonOf(folded: string): string {
  if (folded.length <= 1) return folded;
  return folded[0] + folded.slice(1).replace(VOWELS, '');
}

const NASAL_PREFIX_NEXT = { n: /^[dgjktzcs]/, m: /^[bp]/ } as const;

/**
 * N-8 step 1 at token level. N-1 already turned N'Diaye into ndiaye; this joins the spellings where the
 * prefix was cut off by a space, dot or dash ("N Diaye", "M.Baye") — n before d g j k t z c s, m before b p.
 */
export function joinNasalPrefixes(tokens: readonly string[]): { tokens: string[]; changed: boolean } {
  const out: string[] = [];
  let changed = false;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const next = tokens[index + 1];
    if ((token === 'n' || token === 'm') && next !== undefined && NASAL_PREFIX_NEXT[token].test(next)) {
      out.push(token + next);
      index += 1;
      changed = true;
    } else {
      out.push(token);
    }
  }
  return { tokens: out, changed };
}
