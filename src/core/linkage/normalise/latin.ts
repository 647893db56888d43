/**
 * N-4 Latin diacritics: NFKD then drop combining marks (Aïcha → aicha, Traoré → traore), plus the letters
 * that do not decompose (ß → ss, æ → ae, œ → oe, ø → o, đ → d, ł → l, ı → i). Anything still outside
 * [a-z0-9] after that (IPA letters, þ, ð, …) goes through any-ascii so the output alphabet stays closed.
 */
import anyAscii from 'any-ascii';

const ASCII_WORD = /^[a-z0-9]*$/;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_ASCII_WORD = /[^a-z0-9]/g;

const SPECIAL_LETTERS: Record<string, string> = {
  'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o',
  'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'ı': 'i', 'ħ': 'h', 'ŧ': 't', 'ŋ': 'ng', 'ĸ': 'k',
};
const SPECIAL_LETTER_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** N-4 on one lower-cased Latin token. Returns only [a-z0-9]. */
export function foldLatinDiacritics(token: string): string {
  if (ASCII_WORD.test(token)) return token;
  let out = token
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTER_PATTERN, (char) => SPECIAL_LETTERS[char] ?? char);
  if (!ASCII_WORD.test(out)) out = anyAscii(out).toLowerCase().replace(NOT_ASCII_WORD, '');
  return out;
}
