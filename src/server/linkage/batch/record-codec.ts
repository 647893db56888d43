import type { ComparableNameField, ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import type { PreparedRecord } from '../../../core/linkage/engine/prepare-record.ts';
import type { NameKeys, NameToken, NormalisedName } from '../../../core/linkage/normalise/name.ts';

/**
 * The compact form in which the streaming batch keeps each prepared record on disk, and its way back to a
 * ComparableRecord that `comparePair`, `blockingEntries` and the StatisticsCollector accept. Records are
 * decoded several times each (statistics, blocking, every block they are compared in), so this is a hot path:
 * a line holds four tab-separated JSON texts (prepared values, given name field, family name field, origin;
 * JSON escapes tabs, so a tab is always a separator), positional arrays rather than objects, and the name
 * fields — which repeat heavily — are decoded once per distinct text and shared, as toComparable shares
 * them (which also lets pair comparison remember levels per pair of fields).
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

/** Distinct name-field texts decoded and kept per thread; the cache is emptied when full (bounded memory). */
const FIELD_CACHE_LIMIT = 8192;
const decodedFields = new Map<string, ComparableNameField | null>();
function fieldText(field: ComparableNameField | null): string {
  return field ? JSON.stringify(encodeField(field)) : 'null';
}

function fieldFromText(text: string): ComparableNameField | null {
  let field = decodedFields.get(text);
  if (field !== undefined) return field;
  if (decodedFields.size >= FIELD_CACHE_LIMIT) decodedFields.clear();
  field = decodeField(JSON.parse(text) as Encoded | null);
  decodedFields.set(text, field);
  return field;
}

/** One record as a single line (JSON escapes line breaks and tabs, so the line holds neither). */
export function encodeRecord(record: ComparableRecord): string {
  const p = record.prepared;
  // The blocking keys stay an object: new keys for new blocking rules must survive without a change here.
  const keys = p.name.keys;
  let flags = 0;
  FLAG_NAMES.forEach((name, bit) => (flags |= p.name.flags[name] ? 1 << bit : 0));
  const prepared = [p.dob, p.sex, p.phone, p.nationality, p.nationalityAlternatives, p.other, keys, flags];
  return `${JSON.stringify(prepared)}\t${fieldText(record.given)}\t${fieldText(record.family)}\t${JSON.stringify(record.origin)}`;
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

function reducedName(keys: NameKeys, flagBits: number): NormalisedName {
  return {
    raw: DROPPED.raw,
    given: NO_STRINGS,
    family: NO_STRINGS,
    givenTokens: NO_TOKENS,
    familyTokens: NO_TOKENS,
    particles: DROPPED.particles,
    variants: DROPPED.variants,
    flags: FLAGS[flagBits]!,
    warnings: NO_STRINGS,
    keys,
    rules: NO_STRINGS as NormalisedName['rules'],
  };
}

/** Rebuilds the record encoded by `encodeRecord`; `id` fills raw.id (the batch keeps ids elsewhere). */
export function decodeRecord(text: string, id: string): ComparableRecord {
  const [preparedText, givenText, familyText, originText] = text.split('\t') as [string, string, string, string];
  const p = JSON.parse(preparedText) as Encoded;
  const prepared: PreparedRecord = {
    raw: { id },
    name: reducedName(p[6] as NameKeys, p[7] as number),
    dob: p[0] as PreparedRecord['dob'],
    sex: p[1] as PreparedRecord['sex'],
    phone: p[2] as string | null,
    nationality: p[3] as string | null,
    nationalityAlternatives: p[4] as string[],
    other: p[5] as Record<string, string>,
    warnings: NO_STRINGS,
  };
  return { prepared, given: fieldFromText(givenText), family: fieldFromText(familyText), origin: JSON.parse(originText) as string | null };
}
