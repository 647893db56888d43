import type { ComparableNameField, ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import type { PreparedRecord } from '../../../core/linkage/engine/prepare-record.ts';
import type { NameKeys, NameToken, NormalisedName } from '../../../core/linkage/normalise/name.ts';

/**
 * The compact form in which the streaming batch keeps each prepared record on disk, and its way back to a
 * ComparableRecord that `comparePair`, `blockingEntries` and the StatisticsCollector accept. Records are
 * decoded several times each (statistics, blocking, every block they are compared in), so this is a hot path:
 * a line holds tab-separated JSON texts (date of birth, the other prepared values, each name field after a
 * hash of its text, origin, and last the blocking keys and flags, parsed only when asked for; JSON escapes
 * tabs, so a tab is always a separator), positional arrays rather than objects, and the name fields — which
 * repeat heavily — are decoded once per distinct text and shared, as toComparable shares them (which also
 * lets pair comparison remember levels per pair of name contents).
 *
 * Kept: every property of the comparable name fields (known ones by position; any other one — a field added
 * to ComparableNameField later — in a generic trailing object), of each name token the forms comparison
 * and keys use (compact, folded, skeleton, alias, script), the prepared values (dob, sex, phone,
 * nationality, extra columns) and the name's blocking keys and flags.
 * Dropped: the raw values (the id lives in the id store), the name's intermediate forms (variants,
 * particles, rules, token lists) and the tokens' metaphones and normalised spellings, which pair comparison
 * does not read; they come back empty. A round-trip test compares `comparePair` and the blocking entries
 * before and after, so a comparison that starts reading a dropped value shows up there.
 */

const FLAG_NAMES = ['nameUnknown', 'givenUnknown', 'familyUnknown', 'lowConfidenceScript', 'singleName', 'bidiRejected'] as const satisfies readonly (keyof NormalisedName['flags'])[];
const FIELD_NAMES = ['typedCompact', 'skeleton', 'arabicScript', 'arabicSkeletons', 'joined', 'sortedJoined', 'bare', 'folded', 'frequencyKey'] as const satisfies readonly (keyof ComparableNameField)[];
const SET_NAMES = ['skeletons', 'aliases'] as const satisfies readonly (keyof ComparableNameField)[];
const KNOWN = new Set<string>(['tokens', ...FIELD_NAMES, ...SET_NAMES]);
const TOKEN_VALUES = 5;

type Encoded = unknown[];

function encodeField(field: ComparableNameField | null): Encoded | null {
  if (!field) return null;
  const tokens: unknown[] = [];
  for (const token of field.tokens) tokens.push(token.compact, token.folded, token.skeleton, token.alias, token.script);
  // Properties this codec does not know yet travel generically (Sets as [name, values] pairs).
  let extra: Record<string, unknown> | null = null;
  let extraSets: string[] | null = null;
  for (const [name, value] of Object.entries(field)) {
    if (KNOWN.has(name)) continue;
    extra ??= {};
    if (value instanceof Set) {
      extra[name] = [...(value as Set<unknown>)];
      (extraSets ??= []).push(name);
    } else extra[name] = value;
  }
  return [tokens, ...FIELD_NAMES.map((name) => field[name]), ...SET_NAMES.map((name) => [...field[name]]), extra, extraSets];
}

function decodeField(encoded: Encoded | null): ComparableNameField | null {
  if (!encoded) return null;
  const values = encoded[0] as (string | null)[];
  const tokens: NameToken[] = [];
  for (let i = 0; i < values.length; i += TOKEN_VALUES) {
    tokens.push({
      normalised: '',
      compact: values[i]!,
      folded: values[i + 1]!,
      skeleton: values[i + 2]!,
      alias: values[i + 3] ?? null,
      metaphone: { primary: '', secondary: '' },
      script: values[i + 4] as NameToken['script'],
      lowConfidence: false,
      arabicSkeleton: null,
    });
  }
  const field: Record<string, unknown> = { tokens };
  FIELD_NAMES.forEach((name, i) => (field[name] = encoded[1 + i]));
  SET_NAMES.forEach((name, i) => (field[name] = new Set(encoded[1 + FIELD_NAMES.length + i] as string[])));
  const extra = encoded[1 + FIELD_NAMES.length + SET_NAMES.length] as Record<string, unknown> | null;
  const extraSets = encoded[2 + FIELD_NAMES.length + SET_NAMES.length] as string[] | null;
  if (extra) {
    for (const [name, value] of Object.entries(extra)) field[name] = extraSets?.includes(name) ? new Set(value as unknown[]) : value;
  }
  return field as unknown as ComparableNameField;
}

/**
 * Distinct name-field texts decoded and kept per thread, found by a hash of the text written beside it at
 * encoding: a lookup by the number (then one equality check) costs less than hashing the long text at each
 * decode. A colliding text replaces the entry; the cache is emptied when full (bounded memory).
 */
const FIELD_CACHE_LIMIT = 8192;
const decodedFields = new Map<number, { text: string; field: ComparableNameField | null }>();

/** The field's text, after the text's hash and a tab. */
function fieldText(field: ComparableNameField | null): string {
  const text = field ? JSON.stringify(encodeField(field)) : 'null';
  return `${textHash(text)}\t${text}`;
}

/** FNV-1a over the UTF-16 code units. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function fieldFromText(hashText: string, text: string): ComparableNameField | null {
  const hash = Number(hashText);
  const known = decodedFields.get(hash);
  if (known !== undefined && known.text === text) return known.field;
  if (decodedFields.size >= FIELD_CACHE_LIMIT) decodedFields.clear();
  const field = decodeField(JSON.parse(text) as Encoded | null);
  decodedFields.set(hash, { text, field });
  return field;
}

/** One record as a single line (JSON escapes line breaks and tabs, so the line holds neither). */
export function encodeRecord(record: ComparableRecord): string {
  const p = record.prepared;
  // The blocking keys stay an object: new keys for new blocking rules must survive without a change here.
  const keys = p.name.keys;
  let flags = 0;
  FLAG_NAMES.forEach((name, bit) => (flags |= p.name.flags[name] ? 1 << bit : 0));
  const prepared = [p.sex, p.phone, p.nationality, p.nationalityAlternatives, p.other];
  // Comparison reads neither the keys nor the flags: they come last and are parsed only when asked for.
  return `${JSON.stringify(p.dob)}\t${JSON.stringify(prepared)}\t${fieldText(record.given)}\t${fieldText(record.family)}\t${JSON.stringify(record.origin)}\t${JSON.stringify([keys, flags])}`;
}

/** The name parts the batch does not keep: present but empty (shared, frozen) so records keep their shape. */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];
const NO_TOKENS: NameToken[] = Object.freeze([]) as unknown as NameToken[];
const DROPPED = Object.freeze({
  raw: Object.freeze({ given: null, family: null }),
  particles: Object.freeze([]) as unknown as NormalisedName['particles'],
  variants: Object.freeze({ givenBare: NO_STRINGS, familyBare: NO_STRINGS, joins: NO_STRINGS, splits: Object.freeze([]) as unknown as [string, string][], bag: NO_STRINGS }),
});
/** One frozen flags object per combination of the six flags. */
const FLAGS = Array.from({ length: 1 << FLAG_NAMES.length }, (_, bits) => {
  const flags = {} as NormalisedName['flags'];
  FLAG_NAMES.forEach((name, bit) => (flags[name] = (bits & (1 << bit)) !== 0));
  return Object.freeze(flags);
});

/**
 * The name as the batch keeps it: its keys and flags are parsed from `keysText` on first use (blocking reads
 * them, comparison does not), by getters on the prototype, so a decoded record allocates no closures.
 */
class ReducedName implements NormalisedName {
  readonly raw = DROPPED.raw;
  readonly given = NO_STRINGS;
  readonly family = NO_STRINGS;
  readonly givenTokens = NO_TOKENS;
  readonly familyTokens = NO_TOKENS;
  readonly particles = DROPPED.particles;
  readonly variants = DROPPED.variants;
  readonly warnings = NO_STRINGS;
  readonly rules = NO_STRINGS as NormalisedName['rules'];
  #keysText: string;
  #parsed: [NameKeys, number] | null = null;

  constructor(keysText: string) {
    this.#keysText = keysText;
  }

  get keys(): NameKeys {
    return (this.#parsed ??= JSON.parse(this.#keysText) as [NameKeys, number])[0];
  }

  get flags(): NormalisedName['flags'] {
    return FLAGS[(this.#parsed ??= JSON.parse(this.#keysText) as [NameKeys, number])[1]]!;
  }
}

/**
 * Parsed dates of birth by text, shared (frozen, as parseDateOfBirth shares them): a few thousand distinct
 * dates cover most records. Emptied when full (bounded memory).
 */
const DOB_CACHE_LIMIT = 16_384;
const decodedDates = new Map<string, PreparedRecord['dob']>();
function dobFromText(text: string): PreparedRecord['dob'] {
  let dob = decodedDates.get(text);
  if (dob !== undefined) return dob;
  if (decodedDates.size >= DOB_CACHE_LIMIT) decodedDates.clear();
  dob = JSON.parse(text) as PreparedRecord['dob'];
  if (dob) Object.freeze(dob);
  decodedDates.set(text, dob);
  return dob;
}

/** Empties the decoding caches (name fields, dates): for a phase that decodes no more records. */
export function forgetDecodedRecords(): void {
  decodedFields.clear();
  decodedDates.clear();
}

/** Rebuilds the record encoded by `encodeRecord`; `id` fills raw.id (the batch keeps ids elsewhere). */
export function decodeRecord(text: string, id: string): ComparableRecord {
  const [dobText, preparedText, givenHash, givenText, familyHash, familyText, originText, keysText] = text.split('\t') as [string, string, string, string, string, string, string, string];
  const p = JSON.parse(preparedText) as Encoded;
  const prepared: PreparedRecord = {
    raw: { id },
    name: new ReducedName(keysText),
    dob: dobFromText(dobText),
    sex: p[0] as PreparedRecord['sex'],
    phone: p[1] as string | null,
    nationality: p[2] as string | null,
    nationalityAlternatives: p[3] as string[],
    other: p[4] as Record<string, string>,
    warnings: NO_STRINGS,
  };
  return { prepared, given: fieldFromText(givenHash, givenText), family: fieldFromText(familyHash, familyText), origin: originText === 'null' ? null : (JSON.parse(originText) as string) };
}
