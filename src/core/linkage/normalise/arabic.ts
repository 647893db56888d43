/**
 * N-3 Arabic-script normalisation (CAMeL Tools style) and transliteration to Latin.
 *
 * The transliteration gives (i) a full Latin form — the alias dictionary's form when the Arabic spelling is
 * known, else a vowelled guess — which then goes through the Latin rules like any typed name, and (ii) the
 * consonant skeleton of the table in NAME-MATCHING.md §5.2. Ethiopic, Tifinagh and other scripts fall back
 * to any-ascii, flagged low-confidence.
 */
import anyAscii from 'any-ascii';

const HARAKAT = /[\u064B-\u065F\u0670]/g;
const ARABIC_LETTER_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي',
  'ک': 'ك', 'ی': 'ي', 'ہ': 'ه', 'ە': 'ه', 'گ': 'ك', 'ڪ': 'ك', 'ۀ': 'ه', 'ۃ': 'ه', 'ې': 'ي', 'ۍ': 'ي', 'ۓ': 'ي',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};
const ARABIC_LETTER_PATTERN = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');

/** N-3 letter normalisation: harakat out, alef/yeh/teh-marbuta/Persian letters unified, digits to ASCII. */
export function normaliseArabicLetters(token: string): string {
  return token.replace(HARAKAT, '').replace(ARABIC_LETTER_PATTERN, (char) => ARABIC_LETTER_MAP[char] ?? char);
}

/** Article prefixes, longest first: ال, and ال after و / ب / ل (ل + ال is written لل). */
const ARTICLE_PREFIXES: readonly (readonly [string, string])[] = [
  ['وال', 'و'],
  ['بال', 'ب'],
  ['ال', ''],
  ['لل', 'ل'],
];

/**
 * Splits the token-initial article off a letter-normalised token. Returns null when there is none or when
 * what would remain is too short to be a name (so الله and اله are left alone).
 */
export function splitArabicArticle(token: string): { article: string; rest: string } | null {
  for (const [prefix, conjunction] of ARTICLE_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 3) {
      return { article: conjunction + 'ال', rest: token.slice(prefix.length) };
    }
  }
  return null;
}

/** Consonants for the vowelled guess; the long-vowel letters ا و ي are handled by position. */
const LATIN_FOR_CONSONANT: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z',
  'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'q',
  'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ء': '', 'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'ڤ': 'v',
  'ڨ': 'g', 'ٹ': 't', 'ڈ': 'd', 'ڑ': 'r', 'ں': 'n', 'ھ': 'h',
};

/** (ii) The skeleton table of NAME-MATCHING.md §5.2 (ا and hamza carry no consonant). */
const SKELETON_FOR_LETTER: Record<string, string> = {
  ...LATIN_FOR_CONSONANT,
  'ح': 'h', 'ه': 'h', 'خ': 'kh', 'ع': '', 'غ': 'gh', 'ق': 'k', 'ث': 't', 'ذ': 'd', 'ش': 'sh', 'ص': 's',
  'ض': 'd', 'ط': 't', 'ظ': 'z', 'ج': 'j', 'و': 'w', 'ي': 'y', 'ا': '',
};

/** (ii) Consonant skeleton of a letter-normalised Arabic token, per the table (محمد → mhmd). */
export function arabicConsonantSkeleton(token: string): string {
  let out = '';
  for (const char of token) {
    const mapped = SKELETON_FOR_LETTER[char];
    if (mapped !== undefined) out += mapped;
    else if (char >= '0' && char <= '9') out += char;
  }
  return out;
}

/**
 * (i) A vowelled Latin guess for an unknown, unvowelled Arabic token: ا → a; و/ي → w/y at the start or
 * next to a vowel, else the long vowels u/i; an 'a' between two consonants (كريم → karim, حسن → hasan).
 * It is only a guess; the skeleton and the N-8 fold carry the matching weight.
 */
export function guessArabicLatin(token: string): string {
  const chars = [...token];
  let out = '';
  let previousWasConsonant = false;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    const atStart = index === 0;
    if (char === 'ا') {
      out += 'a';
      previousWasConsonant = false;
    } else if (char === 'و' || char === 'ي') {
      const next = chars[index + 1];
      const consonantal = atStart || !previousWasConsonant || next === 'ا';
      if (consonantal) {
        if (previousWasConsonant) out += 'a';
        out += char === 'و' ? 'w' : 'y';
        previousWasConsonant = true;
      } else {
        out += char === 'و' ? 'u' : 'i';
        previousWasConsonant = false;
      }
    } else if (char >= '0' && char <= '9') {
      out += char;
      previousWasConsonant = false;
    } else {
      const latin = LATIN_FOR_CONSONANT[char];
      if (latin === undefined || latin === '') {
        // ع and hamza: no letter, but they separate syllables.
        if (latin === '' && previousWasConsonant) out += 'a';
        previousWasConsonant = false;
        continue;
      }
      if (previousWasConsonant) out += 'a';
      out += latin;
      previousWasConsonant = true;
    }
  }
  return out;
}

/** Ethiopic, Tifinagh and any other script: any-ascii, reduced to [a-z0-9]. The caller flags it low-confidence. */
export function transliterateOtherScript(token: string): string {
  return anyAscii(token).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * ICAO Doc 9303 Part 3 X-scheme for Arabic in the MRZ (App. B): the exact-match key a passport gives.
 * ة is XTA, or XAH when it ends a name component. ؤ/ئ follow the interscript map (not checked against the
 * primary text).
 */
const MRZ_FOR_LETTER: Record<string, string> = {
  'ء': 'XE', 'آ': 'XAA', 'أ': 'XAE', 'ؤ': 'U', 'إ': 'I', 'ئ': 'XI', 'ا': 'A', 'ب': 'B', 'ت': 'T', 'ث': 'XTH',
  'ج': 'J', 'ح': 'XH', 'خ': 'XKH', 'د': 'D', 'ذ': 'XDH', 'ر': 'R', 'ز': 'Z', 'س': 'S', 'ش': 'XSH', 'ص': 'XSS',
  'ض': 'XDZ', 'ط': 'XTT', 'ظ': 'XZZ', 'ع': 'E', 'غ': 'G', 'ف': 'F', 'ق': 'Q', 'ك': 'K', 'ل': 'L', 'م': 'M',
  'ن': 'N', 'ه': 'H', 'و': 'W', 'ى': 'XAY', 'ي': 'Y', 'ٱ': 'XXA',
};

/** Arabic-script name (words separated by spaces) → ICAO MRZ form with X-escapes (محمد → MXHMD). */
export function arabicToMrz(name: string): string {
  const words = name.normalize('NFKC').replace(HARAKAT, '').split(/\s+/).filter(Boolean);
  return words
    .map((word) => {
      const chars = [...word];
      return chars
        .map((char, index) => (char === 'ة' ? (index === chars.length - 1 ? 'XAH' : 'XTA') : (MRZ_FOR_LETTER[char] ?? '')))
        .join('');
    })
    .filter(Boolean)
    .join('<');
}

/**
 * An MRZ name field ("DIALLO<<MAMADOU<ALPHA<<<<") → family and given text, ready for normaliseName.
 * The filler '<' separates words; '<<' separates the primary identifier (family) from the secondary one.
 */
export function mrzNameToFields(field: string): { family: string; given: string } {
  const trimmed = field.trim().toUpperCase().replace(/<+$/, '');
  const split = trimmed.indexOf('<<');
  const family = split === -1 ? trimmed : trimmed.slice(0, split);
  const given = split === -1 ? '' : trimmed.slice(split + 2);
  const words = (part: string) => part.split('<').filter(Boolean).join(' ').toLowerCase();
  return { family: words(family), given: words(given) };
}
