/**
 * N-1 Unicode hygiene: NFKC, invisible marks out, apostrophes out, dashes to spaces, whitespace collapsed,
 * locale-independent lower case. Bidi overrides and isolates are *rejected* (issue 4): they can make a name
 * display differently from what it contains, which is exactly what an attacker would use to slip a
 * duplicate past a reviewer.
 */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_CONTROL_TEST = /[\u202A-\u202E\u2066-\u2069]/;

const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

export interface BidiControlFound {
  /** U+XXXX */
  codePoint: string;
  name: string;
  /** UTF-16 index in the text as given. */
  index: number;
}

/** Every bidi override or isolate in `text`, with its position (empty when there is none). */
export function findBidiControls(text: string): BidiControlFound[] {
  if (!BIDI_CONTROL_TEST.test(text)) return [];
  const found: BidiControlFound[] = [];
  for (const match of text.matchAll(BIDI_CONTROL)) {
    const char = match[0];
    found.push({
      codePoint: `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      name: BIDI_NAMES[char] ?? 'BIDI CONTROL',
      index: match.index,
    });
  }
  return found;
}

export type LinkageInputErrorCode = 'BIDI_CONTROL_IN_NAME';

/**
 * Bad linkage input. src/core cannot depend on the server's AppError; the HTTP layer maps this error to
 * `AppError('BIDI_CONTROL_IN_NAME', { details })`.
 */
export class LinkageInputError extends Error {
  readonly code: LinkageInputErrorCode;
  readonly details: { field: string; controls: BidiControlFound[] };

  constructor(field: string, controls: BidiControlFound[]) {
    const first = controls[0];
    const where = first ? `${first.codePoint} ${first.name} at position ${first.index}` : 'a bidi control';
    super(
      `The ${field} name contains ${where}${controls.length > 1 ? ` (and ${controls.length - 1} more)` : ''}; ` +
        'bidi overrides and isolates are not accepted in names. Retype the name without them.',
    );
    this.name = 'LinkageInputError';
    this.code = 'BIDI_CONTROL_IN_NAME';
    this.details = { field, controls };
  }
}

/** Throws LinkageInputError when `text` holds a bidi override or isolate. */
export function assertNoBidiControls(text: string, field: string): void {
  const controls = findBidiControls(text);
  if (controls.length > 0) throw new LinkageInputError(field, controls);
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
/** Zero-width chars, LRM/RLM, BOM, ALM, Arabic tatweel; and the bidi controls (callers reject them first). */
const INVISIBLE = /[\u200B-\u200F\uFEFF\u061C\u0640\u202A-\u202E\u2066-\u2069\u00AD]/g;
/** ’ ‘ ʼ ʻ ʾ ʿ ` ´ ' and their fullwidth/prime look-alikes (NFKC has already folded the fullwidth ones). */
const APOSTROPHES = /['`\u00B4\u2018\u2019\u201B\u02BC\u02BB\u02BE\u02BF\u2032\u02B9\u02C8]/g;
/** Hyphen and dash variants and underscore. */
const DASHES = /[-_\u2010-\u2015\u2212\u058A\u05BE\u1400\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0\uFE31\uFE32\uFE58\uFE63]/g;
/**
 * Any other punctuation or symbol separates tokens too ("M.Diallo", "Diallo/Bah", "n/a"): the rules after
 * N-1 only ever see letters, digits, combining marks and single spaces.
 */
const OTHER_SEPARATORS = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu;
const SPACES = / +/g;

/**
 * N-1 on a field. Callers must check `findBidiControls` first (the name pipeline does); any bidi control
 * still present here is removed like the other invisible marks, so this function never throws.
 */
export function cleanUnicode(text: string): string {
  let out = text;
  if (PRINTABLE_ASCII.test(out)) {
    out = out.replace(APOSTROPHES, '').replace(DASHES, ' ');
  } else {
    // Apostrophes go before NFKC too: NFKC turns ´ into a space and a combining accent.
    out = out.replace(APOSTROPHES, '').normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, '').replace(DASHES, ' ');
  }
  // toLowerCase (not toLocaleLowerCase) is locale-independent: Turkish İ/I do not depend on the host.
  return out.replace(OTHER_SEPARATORS, ' ').replace(SPACES, ' ').trim().toLowerCase();
}
