/**
 * The name pipeline (NAME-MATCHING.md §5.2, N-1 … N-10, and the name parts of the N-14 blocking keys):
 * `normaliseName({ given, family }, { nationality })`. Pure and deterministic; the raw text is kept next to
 * every derived form. Results per token and per field are memoised (names repeat a lot in a registry), so
 * the pipeline stays fast on a million records.
 */
import { doubleMetaphone } from 'double-metaphone';
import { lookupArabicGivenName, lookupFamilyName, lookupGivenName, isKnownGivenName, type AliasClass, type AliasContext } from './aliases.ts';
import { arabicConsonantSkeleton, guessArabicLatin, normaliseArabicLetters, splitArabicArticle, transliterateOtherScript } from './arabic.ts';
import { foldToken, joinNasalPrefixes, skeletonOf, usesSomaliOrthography } from './fold.ts';
import { foldLatinDiacritics } from './latin.ts';
import { contextKeyOf, nationalityAlpha2 } from './name-context.ts';
import { applyParticles, type NameParticle } from './particles.ts';
import { classifyNameField } from './placeholders.ts';
import { addRule, type NameRuleId } from './rule-ids.ts';
import { splitByScript, type NameScript } from './script.ts';
import { adjacentJoins, compactToken, isSingleName, splitKnownPair, tokenBag } from './tokens.ts';
import { BoundedCache } from './bounded-cache.ts';
import { cleanUnicode, findBidiControls, LinkageInputError } from './unicode.ts';

export type NameField = 'given' | 'family';

export interface NormaliseNameOptions {
  /** ISO 3166-1 alpha-2 or alpha-3; SO/DJ/ET turn on the Somali x/c folding (N-8 step 4). */
  nationality?: string | null;
  /** Lets sex-restricted alias variants apply (amine: AMINA for F, AMIN for M). */
  sex?: 'M' | 'F' | 'X' | null;
  /**
   * 'throw' (default; forms and API): a bidi override or isolate throws LinkageInputError.
   * 'treat-as-missing' (batch CSV): the field becomes missing and a warning is recorded.
   */
  onBidiControl?: 'throw' | 'treat-as-missing';
}

export interface NameToken {
  /** After N-1 … N-6: [a-z0-9], abd compounds with one space ("abd rahman"). */
  normalised: string;
  /** `normalised` without spaces. */
  compact: string;
  /** N-8 steps 1–5. */
  folded: string;
  /** N-8 step 6. */
  skeleton: string;
  /** N-9 class (given names), or N-10 class then N-9 class (family names); canonical id or null. */
  alias: string | null;
  metaphone: { primary: string; secondary: string };
  script: NameScript;
  /** Transliterated by the any-ascii fallback (Ethiopic, Tifinagh, other scripts). */
  lowConfidence: boolean;
  /** N-3 (ii) consonant skeleton, for tokens written in Arabic script. */
  arabicSkeleton: string | null;
}

export interface NameParticleAttribute extends NameParticle {
  field: NameField;
}

export interface NameKeys {
  /** N-14 rule 1 part: alias class of the first given name, else its fold. */
  firstGiven: string | null;
  /** N-14 rule 2 part: skeleton of the family name (of its N-10/N-9 class when it has one). */
  familySkeleton: string | null;
  /** N-14 rule 4: the same two keys with the fields swapped. */
  swappedFirstGiven: string | null;
  swappedFamilySkeleton: string | null;
  /** N-14 rule 3 part: Double Metaphone (primary) of the longest token (of its class when aliased). */
  longestTokenMetaphone: string | null;
  /** N-14 rule 6: the first 4 consonants of the full-name skeleton (tokens sorted), sorted. */
  fullNameConsonants: string | null;
}

export interface NormalisedName {
  raw: { given: string | null; family: string | null };
  given: string[];
  family: string[];
  givenTokens: NameToken[];
  familyTokens: NameToken[];
  /** Particles and honorifics removed or joined by N-3/N-6, kept as attributes. */
  particles: NameParticleAttribute[];
  /** N-6/N-7 variants: the fields without particles (Benali → ali), adjacent joins, splits in two names. */
  variants: { givenBare: string[]; familyBare: string[]; joins: string[]; splits: [string, string][]; bag: string[] };
  flags: {
    nameUnknown: boolean;
    givenUnknown: boolean;
    familyUnknown: boolean;
    lowConfidenceScript: boolean;
    singleName: boolean;
    bidiRejected: boolean;
  };
  /** Warning codes for batch callers (BIDI_CONTROL_IN_NAME when a field was dropped). */
  warnings: string[];
  keys: NameKeys;
  /** Ids of the rules that changed something, in pipeline order. */
  rules: NameRuleId[];
}

interface PreToken {
  text: string;
  script: NameScript;
  lowConfidence: boolean;
  arabicSkeleton: string | null;
}

interface FieldResult {
  tokens: string[];
  bare: string[];
  meta: Map<string, PreToken>;
  particles: NameParticle[];
  unknown: boolean;
  lowConfidence: boolean;
  rules: NameRuleId[];
  /** N-7 joins of adjacent tokens, and (given names) splits of a token in two known names: per field text. */
  joins?: string[];
  splits?: [string, string][];
  /** The field's analysed tokens per alias context (analysedField). */
  analysed?: Map<string, AnalysedField>;
}

/** A field's tokens analysed in one alias context, with what every record of that field and context shares. */
interface AnalysedField {
  tokens: readonly NameToken[];
  /** A token whose fold differs from its compact form (N-8), one with an alias class (N-9). */
  folded: boolean;
  aliased: boolean;
  /** A token with a family-name class (N-10 rather than N-9; family fields). */
  familyClass: boolean;
  /** Skeleton of the tokens joined (fieldSkeleton of a field of several tokens). */
  joinedSkeleton: string | null;
  /** The first token read as a given name: alias class or fold (the swapped first-given key). */
  firstAsGiven: string | null;
}

const EMPTY_FIELD: FieldResult = { tokens: [], bare: [], meta: new Map(), particles: [], unknown: false, lowConfidence: false, rules: [] };

/** Entries per generation of each cache (BoundedCache keeps two). */
const CACHE_LIMIT = 20_000;
const FIELD_CACHE_LIMIT = 10_000;
const fieldCaches: Record<NameField, BoundedCache<string, FieldResult>> = { given: new BoundedCache(FIELD_CACHE_LIMIT), family: new BoundedCache(FIELD_CACHE_LIMIT) };
const tokenCache = new BoundedCache<string, NameToken>(CACHE_LIMIT);

/** N-3 on a run of Arabic-script tokens: dictionary forms first (two words, then one), else article + guess. */
function arabicTokens(words: string[], rules: NameRuleId[]): PreToken[] {
  const out: PreToken[] = [];
  const letters = words.map(normaliseArabicLetters);
  addRule(rules, 'N-3');
  for (let index = 0; index < letters.length; index += 1) {
    const word = letters[index] ?? '';
    const pair = index + 1 < letters.length ? word + (letters[index + 1] ?? '') : null;
    const pairClass = pair ? lookupArabicGivenName(pair) : null;
    const known = pairClass ?? lookupArabicGivenName(word);
    const skeleton = arabicConsonantSkeleton(pair && pairClass ? pair : word);
    if (known) {
      addRule(rules, 'N-9');
      for (const part of known.latin.split(' ')) out.push({ text: part, script: 'arabic', lowConfidence: false, arabicSkeleton: skeleton });
      if (pairClass) index += 1;
      continue;
    }
    const article = splitArabicArticle(word);
    if (article) {
      out.push({ text: 'al', script: 'arabic', lowConfidence: false, arabicSkeleton: null });
      out.push({ text: guessArabicLatin(article.rest), script: 'arabic', lowConfidence: false, arabicSkeleton: arabicConsonantSkeleton(article.rest) });
      continue;
    }
    const guess = guessArabicLatin(word);
    if (guess) out.push({ text: guess, script: 'arabic', lowConfidence: false, arabicSkeleton: skeleton });
  }
  return out;
}

function normaliseField(raw: string, field: NameField): FieldResult {
  const rules: NameRuleId[] = [];
  const cleaned = cleanUnicode(raw);
  if (cleaned !== raw.trim().toLowerCase()) addRule(rules, 'N-1');
  const verdict = classifyNameField(cleaned, raw);
  if (verdict !== 'name') {
    if (verdict === 'placeholder') addRule(rules, 'N-5');
    return { ...EMPTY_FIELD, unknown: verdict === 'placeholder', rules };
  }

  // N-2: split each word into runs of one script; consecutive Arabic words are handled together (N-3).
  const pre: PreToken[] = [];
  let arabicRun: string[] = [];
  const flushArabic = () => {
    if (arabicRun.length > 0) pre.push(...arabicTokens(arabicRun, rules));
    arabicRun = [];
  };
  let lowConfidence = false;
  for (const word of cleaned.split(' ')) {
    const runs = splitByScript(word);
    if (runs.length > 1 || runs[0]?.script !== 'latin') addRule(rules, 'N-2');
    for (const run of runs) {
      if (run.script === 'arabic') {
        arabicRun.push(run.text);
        continue;
      }
      flushArabic();
      if (run.script === 'latin') {
        const folded = foldLatinDiacritics(run.text);
        if (folded !== run.text) addRule(rules, 'N-4');
        if (folded) pre.push({ text: folded, script: 'latin', lowConfidence: false, arabicSkeleton: null });
      } else {
        const latin = transliterateOtherScript(run.text);
        lowConfidence = true;
        if (latin) pre.push({ text: latin, script: run.script, lowConfidence: true, arabicSkeleton: null });
      }
    }
  }
  flushArabic();

  const meta = new Map<string, PreToken>();
  for (const token of pre) if (!meta.has(token.text)) meta.set(token.text, token);
  // N-8 step 1 and N-6 to a fixed point: removing one particle can expose another (bou bou mohamed) or a
  // cut-off n/m prefix, and the pipeline must give the same tokens when run on its own output.
  let current = pre.map((token) => token.text);
  let particles = applyParticles([], field, isKnownGivenName);
  const found: NameParticle[] = [];
  let bare: string[] = [];
  for (let round = 0; round < 5; round += 1) {
    const nasal = joinNasalPrefixes(current);
    if (nasal.changed) addRule(rules, 'N-8');
    const next = applyParticles(nasal.tokens, field, isKnownGivenName);
    const same = next.tokens.length === current.length && next.tokens.every((token, index) => token === current[index]);
    if (round === 0 || !same) {
      found.push(...next.particles);
      bare = next.bare;
    }
    particles = next;
    if (same) break;
    current = next.tokens;
  }
  if (found.length > 0 || particles.tokens.length !== pre.length || particles.tokens.some((token, index) => token !== pre[index]?.text)) addRule(rules, 'N-6');
  if (particles.tokens.length === 0) return { ...EMPTY_FIELD, rules, lowConfidence };
  // N-5 again on what is left ("al-X" leaves "x"): the field as a whole decides, so the output is stable.
  const remaining = particles.tokens.join(' ');
  if (classifyNameField(remaining, remaining) === 'placeholder') {
    addRule(rules, 'N-5');
    return { ...EMPTY_FIELD, unknown: true, rules, lowConfidence };
  }
  return { tokens: particles.tokens, bare, meta, particles: found, unknown: false, lowConfidence, rules };
}

function cachedField(raw: string, field: NameField): FieldResult {
  const cache = fieldCaches[field];
  return cache.get(raw) ?? cache.set(raw, normaliseField(raw, field));
}

function analyseToken(token: string, field: NameField, meta: PreToken | undefined, somali: boolean, context: AliasContext): NameToken {
  const key = `${field}\u0000${token}\u0000${somali ? 1 : 0}\u0000${context.nationality ?? ''}\u0000${context.sex ?? ''}\u0000${meta?.script ?? ''}\u0000${meta?.arabicSkeleton ?? ''}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const compact = compactToken(token);
  const folded = foldToken(compact, { somali });
  let aliasClass: AliasClass | null;
  if (field === 'given') aliasClass = lookupGivenName(compact, folded, context);
  else aliasClass = lookupFamilyName(compact, folded) ?? lookupGivenName(compact, folded, context);
  const [primary, secondary] = doubleMetaphone(folded);
  return tokenCache.set(key, {
    normalised: token,
    compact,
    folded,
    skeleton: skeletonOf(folded),
    alias: aliasClass?.id ?? null,
    metaphone: { primary, secondary },
    script: meta?.script ?? 'latin',
    lowConfidence: meta?.lowConfidence ?? false,
    arabicSkeleton: meta?.arabicSkeleton ?? null,
  });
}

const NO_ANALYSIS: AnalysedField = { tokens: [], folded: false, aliased: false, familyClass: false, joinedSkeleton: null, firstAsGiven: null };

/**
 * A field's analysed tokens and what derives from them alone, remembered per field result (itself
 * remembered per typed text) and context (`contextKey`): one lookup per field and record.
 */
function analysedField(result: FieldResult, field: NameField, somali: boolean, context: AliasContext, contextKey: string): AnalysedField {
  if (result.tokens.length === 0) return NO_ANALYSIS;
  const byContext = (result.analysed ??= new Map());
  let analysed = byContext.get(contextKey);
  if (!analysed) {
    const tokens = result.tokens.map((token) => analyseToken(token, field, result.meta.get(token), somali, context));
    const first = tokens[0]!;
    analysed = {
      tokens,
      folded: tokens.some((token) => token.folded !== token.compact),
      aliased: tokens.some((token) => token.alias),
      familyClass: lookupFamilyAny(tokens),
      joinedSkeleton: tokens.length > 1 ? skeletonOf(foldToken(tokens.map((token) => token.compact).join(''))) : null,
      firstAsGiven: lookupGivenName(first.compact, first.folded, context)?.id ?? first.folded,
    };
    byContext.set(contextKey, analysed);
  }
  return analysed;
}

/** A field's splits and joins, remembered on its result (a field without tokens has none: nothing to remember). */
function splitsOf(result: FieldResult): readonly [string, string][] {
  if (result.tokens.length === 0) return [];
  if (!result.splits) {
    const splits: [string, string][] = [];
    for (const token of result.tokens) {
      const split = splitKnownPair(token);
      if (split) splits.push(split);
    }
    result.splits = splits;
  }
  return result.splits;
}

function joinsOf(result: FieldResult): readonly string[] {
  if (result.tokens.length === 0) return [];
  return (result.joins ??= adjacentJoins(result.tokens));
}

const classSkeletons = new Map<string, { skeleton: string; metaphone: string }>();

/** Skeleton and metaphone of a token's class canonical form when it has one, else of the token itself. */
export function keyForms(token: NameToken, field: NameField, context: AliasContext): { skeleton: string; metaphone: string } {
  if (!token.alias) return { skeleton: token.skeleton, metaphone: token.metaphone.primary };
  const cacheKey = `${field}\u0000${token.alias}`;
  const cached = classSkeletons.get(cacheKey);
  if (cached) return cached;
  const aliasClass = field === 'family' ? (lookupFamilyName(token.compact, token.folded) ?? lookupGivenName(token.compact, token.folded, context)) : lookupGivenName(token.compact, token.folded, context);
  const forms = aliasClass ? { skeleton: aliasClass.skeleton, metaphone: doubleMetaphone(aliasClass.folded)[0] } : { skeleton: token.skeleton, metaphone: token.metaphone.primary };
  classSkeletons.set(cacheKey, forms);
  return forms;
}

function givenKey(token: NameToken | undefined): string | null {
  if (!token) return null;
  return token.alias ?? token.folded;
}

function fieldSkeleton(tokens: readonly NameToken[], field: NameField, context: AliasContext): string | null {
  if (tokens.length === 0) return null;
  const only = tokens[0];
  if (tokens.length === 1 && only) return keyForms(only, field, context).skeleton;
  return skeletonOf(foldToken(tokens.map((token) => token.compact).join('')));
}

/** fieldSkeleton of an analysed field, whose joined skeleton is already known. */
function analysedSkeleton(analysed: AnalysedField, field: NameField, context: AliasContext): string | null {
  const { tokens } = analysed;
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return keyForms(tokens[0]!, field, context).skeleton;
  return analysed.joinedSkeleton;
}

const VOWEL = /[aeiou]/g;

/** Whether `token` is the longer one (ties: the smaller compact form), as the longest-token key chooses. */
function longer(token: NameToken, than: NameToken | undefined): boolean {
  return !than || token.compact.length > than.compact.length || (token.compact.length === than.compact.length && token.compact < than.compact);
}

/**
 * The N-14 name keys. keyForms is called in a fixed order (given tokens, family tokens, family field, given
 * field as family, longest token): its per-class memo is filled by whichever call comes first.
 */
function nameKeys(givenField: AnalysedField, familyField: AnalysedField, context: AliasContext): NameKeys {
  const given = givenField.tokens;
  const family = familyField.tokens;
  let longest: NameToken | undefined;
  let longestField: NameField = 'given';
  const skeletons: string[] = [];
  for (const token of given) {
    if (longer(token, longest)) longest = token;
    skeletons.push(keyForms(token, 'given', context).skeleton);
  }
  for (const token of family) {
    if (longer(token, longest)) {
      longest = token;
      longestField = 'family';
    }
    skeletons.push(keyForms(token, 'family', context).skeleton);
  }
  skeletons.sort();
  const consonants = skeletons.join('').replace(VOWEL, '').slice(0, 4);
  return {
    firstGiven: givenKey(given[0]),
    familySkeleton: analysedSkeleton(familyField, 'family', context),
    swappedFirstGiven: familyField.firstAsGiven,
    swappedFamilySkeleton: analysedSkeleton(givenField, 'family', context),
    longestTokenMetaphone: longest ? keyForms(longest, longestField, context).metaphone || null : null,
    fullNameConsonants: consonants ? [...consonants].sort().join('') : null,
  };
}

function checkBidi(text: string | undefined, field: NameField, options: NormaliseNameOptions): boolean {
  if (!text) return false;
  const controls = findBidiControls(text);
  if (controls.length === 0) return false;
  if ((options.onBidiControl ?? 'throw') === 'throw') throw new LinkageInputError(field, controls);
  return true;
}

/** The name pipeline N-1 … N-10 plus the name keys of N-14. */
export function normaliseName(input: { given?: string | null; family?: string | null }, options: NormaliseNameOptions = {}): NormalisedName {
  const givenRaw = input.given ?? null;
  const familyRaw = input.family ?? null;
  const givenBidi = checkBidi(givenRaw ?? undefined, 'given', options);
  const familyBidi = checkBidi(familyRaw ?? undefined, 'family', options);
  const given = givenRaw && !givenBidi ? cachedField(givenRaw, 'given') : EMPTY_FIELD;
  const family = familyRaw && !familyBidi ? cachedField(familyRaw, 'family') : EMPTY_FIELD;

  const nationality = nationalityAlpha2(options.nationality);
  const somali = usesSomaliOrthography(options.nationality);
  const context: AliasContext = { nationality, sex: options.sex ?? null };
  const contextKey = contextKeyOf(somali, nationality, context.sex ?? null);
  const rules: NameRuleId[] = [];
  for (const id of given.rules) addRule(rules, id);
  for (const id of family.rules) addRule(rules, id);

  const givenField = analysedField(given, 'given', somali, context, contextKey);
  const familyField = analysedField(family, 'family', somali, context, contextKey);
  if (givenField.folded || familyField.folded) addRule(rules, 'N-8');
  if (givenField.aliased) addRule(rules, 'N-9');
  if (familyField.aliased) addRule(rules, familyField.familyClass ? 'N-10' : 'N-9');

  const splits = splitsOf(given).map(([left, right]): [string, string] => [left, right]);
  const joins = [...joinsOf(given), ...joinsOf(family)];
  if (splits.length > 0) addRule(rules, 'N-7');
  rules.sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));

  const particles: NameParticleAttribute[] = [
    ...given.particles.map((particle) => ({ ...particle, field: 'given' as const })),
    ...family.particles.map((particle) => ({ ...particle, field: 'family' as const })),
  ];
  const warnings: string[] = [];
  if (givenBidi || familyBidi) warnings.push('BIDI_CONTROL_IN_NAME');

  return {
    raw: { given: givenRaw, family: familyRaw },
    given: [...given.tokens],
    family: [...family.tokens],
    givenTokens: [...givenField.tokens],
    familyTokens: [...familyField.tokens],
    particles,
    variants: { givenBare: [...given.bare], familyBare: [...family.bare], joins, splits, bag: tokenBag(given.tokens, family.tokens) },
    flags: {
      nameUnknown: given.unknown || family.unknown,
      givenUnknown: given.unknown,
      familyUnknown: family.unknown,
      lowConfidenceScript: given.lowConfidence || family.lowConfidence,
      singleName: isSingleName(given.tokens, family.tokens),
      bidiRejected: givenBidi || familyBidi,
    },
    warnings,
    keys: nameKeys(givenField, familyField, context),
    rules,
  };
}

function lookupFamilyAny(tokens: readonly NameToken[]): boolean {
  return tokens.some((token) => lookupFamilyName(token.compact, token.folded) !== null);
}

export interface SearchNameKeys {
  /** Normalised tokens of the query. */
  tokens: string[];
  /** Rule-1 style keys of every token (alias class or fold). */
  givenKeys: string[];
  /** Rule-2 style skeletons: every token, and the whole query as one family name. */
  familySkeletons: string[];
  /** Primary Double Metaphone of every token (of its class when aliased). */
  metaphones: string[];
  fullNameConsonants: string | null;
}

/**
 * The keys a free-text search maps to (searchPeople): the query may hold a given name, a family name or
 * both, in any order and any script, so every token yields a key of each kind. Never throws: bidi controls
 * make the query empty.
 */
export function nameKeysForSearch(query: string, options: Omit<NormaliseNameOptions, 'onBidiControl'> = {}): SearchNameKeys {
  const name = normaliseName({ given: query }, { ...options, onBidiControl: 'treat-as-missing' });
  const context: AliasContext = { nationality: nationalityAlpha2(options.nationality), sex: options.sex ?? null };
  const givenKeys = new Set<string>();
  const familySkeletons = new Set<string>();
  const metaphones = new Set<string>();
  for (const token of name.givenTokens) {
    givenKeys.add(token.alias ?? token.folded);
    const familyClass = lookupFamilyName(token.compact, token.folded);
    familySkeletons.add(familyClass ? familyClass.skeleton : keyForms(token, 'given', context).skeleton);
    const metaphone = keyForms(token, 'given', context).metaphone;
    if (metaphone) metaphones.add(metaphone);
  }
  const whole = fieldSkeleton(name.givenTokens, 'family', context);
  if (whole) familySkeletons.add(whole);
  return {
    tokens: name.given,
    givenKeys: [...givenKeys],
    familySkeletons: [...familySkeletons],
    metaphones: [...metaphones],
    fullNameConsonants: name.keys.fullNameConsonants,
  };
}
