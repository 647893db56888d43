/**
 * How a Latin spelling would look written in Arabic letters, as consonant skeletons comparable with
 * `arabicConsonantSkeleton` (N-3 ii): Arabic writes consonants and long vowels (و, ي) but not short vowels,
 * and a leading vowel sits on an alif or hamza, which the skeleton drops. A Latin spelling does not say which
 * vowels are long, so two forms are returned: with u/i as w/y (long vowels written) and without them.
 * "alaoui" → lwy / l (العلوي → lwy), "mejri" → mjry / mjr (الماجري → mjry), "mohamed" → mhmd / mhmd.
 */
const DIGRAPHS: readonly [RegExp, string][] = [
  [/ch|sh|x/g, 'š'],
  [/kh/g, 'ḵ'],
  [/gh/g, 'ġ'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/ou|oo/g, 'u'],
  [/q|c/g, 'k'],
];
const BACK = { 'š': 'sh', 'ḵ': 'kh', 'ġ': 'gh' } as const;

function restore(skeleton: string): string {
  return skeleton.replace(/[šḵġ]/g, (c) => BACK[c as keyof typeof BACK]).replace(/(.)\1+/g, '$1');
}

/** The two Arabic-like consonant skeletons of a folded Latin token ([a-z] only). */
export function latinArabicSkeletons(folded: string): [withLongVowels: string, consonantsOnly: string] {
  let s = folded;
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  s = s.replace(/^[aeiou]+/, '');
  const withLong = s.replace(/[aeo]/g, '').replace(/u/g, 'w').replace(/i/g, 'y');
  const consonants = s.replace(/[aeiouy]/g, '');
  return [restore(withLong), restore(consonants)];
}
