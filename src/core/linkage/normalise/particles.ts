/**
 * N-6 Particles and honorifics. They are tagged and kept as attributes, and the name is matched both with
 * and without them. Works on the Latin tokens of one field (after N-4: [a-z0-9] only).
 */

export type ParticleKind = 'article' | 'filiation' | 'kunya' | 'honorific';

export interface NameParticle {
  kind: ParticleKind;
  value: string;
}

/** Whether a token (compact form) is a given name the alias dictionary knows; injected to avoid a cycle. */
export type KnownGivenName = (compact: string) => boolean;

export const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ad', 'ed', 'ar', 'er', 'as', 'es', 'ash', 'esh', 'at', 'et', 'az', 'ez', 'an', 'en']);
const FILIATION = new Set(['ben', 'bin', 'ibn', 'bint', 'bent', 'ould', 'wuld', 'walad', 'mint', 'ag', 'ait', 'ath', 'oulad', 'ouled']);
/** Filiation particles recognised when written joined to the name (Benali, Aitahmed, Ouldahmed). */
const JOINED_FILIATION = ['oulad', 'ouled', 'ould', 'bint', 'bent', 'ben', 'bin', 'ibn', 'ait'];
const KUNYA = ['abou', 'abu', 'bou', 'umm', 'oum'];
const KUNYA_SET = new Set(KUNYA);
/** Honorifics and titles; two-word forms are matched first. */
const HONORIFIC_PAIRS = new Set(['el hadj', 'el hadji', 'el haj', 'el hajj', 'al hajj', 'al haj', 'al hadji', 'el hadja']);
const HONORIFICS = new Set([
  'hadj', 'hajj', 'haj', 'elhadj', 'elhadji', 'elhaj', 'alhaji', 'alhadji', 'alhajj', 'hadja', 'hadjia', 'hajja', 'hadji',
  'sidi', 'si', 'moulay', 'mulay', 'lalla', 'sayyid', 'sid', 'cheikh', 'sheikh', 'shaykh', 'imam', 'dr', 'mr', 'mme',
  'mlle', 'm', 'mrs', 'ms',
]);

/** "abd" written with its linking vowel and/or article; the value is that link. */
const ABD_PREFIX_LINKS: Record<string, string> = {
  abd: '', abdu: 'u', abdou: 'ou', abdoul: 'oul', abdul: 'ul', abdel: 'el', abdal: 'al', abdelle: 'el', abdil: 'il', abdol: 'ol',
};
/** Prefixes that are also given names on their own (Abdou Diouf): they join only a name that is not one. */
const ABD_PREFIX_ALSO_NAME = new Set(['abdu', 'abdou']);

const ALLAH_FORM = /^(?:[aeiou]*l+)(?:ah|ahi|aye|ay|ai|a|ahou|ahu)$/;
const LINK_THEN_DOUBLED = /^(?:ou|[aeiou])([b-df-hj-np-tv-z])\1/;
const LINK_ARTICLE = /^(?:ou|[aeiou])l(?=[a-z]{2})/;
const LINK_VOWEL = /^(?:ou|[eiou])(?=[a-z]{2})/;
/** An article assimilated to a sun letter, glued to the name (errahmane, essalam). */
const ASSIMILATED_ARTICLE = /^[aeu]([dnrstz])\1(?=[a-z]{2})/;
const ARTICLE_BEFORE_CONSONANT = /^(?:al|el|ul|il|oul)(?=[b-df-hj-np-tv-z][a-z])/;

/**
 * What follows "abd" when the compound was typed as one word (errahmane, elkader, oulaye): strip the
 * article or linking vowel, recognise the forms of Allah. Repeated to a fixed point so the result is stable.
 */
function abdRemainderJoined(rest: string): string {
  let rem = rest;
  for (let round = 0; round < 4; round += 1) {
    if (ALLAH_FORM.test(rem)) return 'allah';
    const before = rem;
    const doubled = LINK_THEN_DOUBLED.exec(rem);
    if (doubled) rem = rem.slice(doubled[0].length - 1);
    else if (LINK_ARTICLE.test(rem)) rem = rem.replace(LINK_ARTICLE, '');
    else if (round === 0 && LINK_VOWEL.test(rem)) rem = rem.replace(LINK_VOWEL, '');
    if (rem === before) break;
  }
  // "abdelatif": the article swallowed the l of latif (Abd al-Latif); no other common name is affected.
  return rem === 'atif' ? 'latif' : rem;
}

/** What follows a separate "abd" token: the name itself, minus an article still glued to it (elkader). */
function abdRemainderSeparate(link: string, name: string): string {
  if (ALLAH_FORM.test(link + name) || ALLAH_FORM.test(name) || name === 'allah') return 'allah';
  let rem = name;
  for (let round = 0; round < 4; round += 1) {
    const before = rem;
    const assimilated = ASSIMILATED_ARTICLE.exec(rem);
    if (assimilated) rem = rem.slice(assimilated[0].length - 1);
    else if (ARTICLE_BEFORE_CONSONANT.test(rem)) rem = rem.replace(ARTICLE_BEFORE_CONSONANT, '');
    if (ALLAH_FORM.test(rem)) return 'allah';
    if (rem === before) break;
  }
  return rem;
}

export interface ParticleResult {
  tokens: string[];
  /** The same tokens with filiation/kunya particles removed from joined forms (Benali → ali). */
  bare: string[];
  particles: NameParticle[];
  changed: boolean;
}

/** Honorifics at the start of the given name, stripped while at least one other token remains. */
function stripHonorifics(tokens: string[], particles: NameParticle[]): string[] {
  let start = 0;
  for (;;) {
    const pair = `${tokens[start] ?? ''} ${tokens[start + 1] ?? ''}`;
    if (HONORIFIC_PAIRS.has(pair) && tokens.length - start > 2) {
      particles.push({ kind: 'honorific', value: pair });
      start += 2;
    } else if (HONORIFICS.has(tokens[start] ?? '') && tokens.length - start > 1) {
      particles.push({ kind: 'honorific', value: tokens[start] ?? '' });
      start += 1;
    } else {
      break;
    }
  }
  return start === 0 ? tokens : tokens.slice(start);
}

/** What may follow "abd" in a compound: a name of 3+ letters, not an article, not another abd. */
function isAbdRemainder(rem: string): boolean {
  return rem.length >= 3 && !ARTICLES.has(rem) && !rem.startsWith('abd');
}

/** Abd compounds: "abd al rahman", "abdel kader", "abderrahmane" → "abd rahman", "abd kader", "abd rahmane". */
function compoundAbd(tokens: string[], isKnownGiven: KnownGivenName): string[] {
  const out: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const link = ABD_PREFIX_LINKS[token];
    if (link !== undefined) {
      let next = index + 1;
      let article = '';
      if (ARTICLES.has(tokens[next] ?? '') && tokens[next + 1] !== undefined) {
        article = tokens[next] ?? '';
        next += 1;
      }
      const name = tokens[next];
      const joins = name !== undefined && isAbdRemainder(name) &&
        !(ABD_PREFIX_ALSO_NAME.has(token) && article === '' && isKnownGiven(name));
      if (joins) {
        const rem = abdRemainderSeparate(link + article, name);
        out.push(`abd ${isAbdRemainder(rem) ? rem : name}`);
        index = next;
        continue;
      }
      out.push(token);
      continue;
    }
    if (token.length >= 6 && token.startsWith('abd') && !token.includes(' ')) {
      const rem = abdRemainderJoined(token.slice(3));
      out.push(isAbdRemainder(rem) ? `abd ${rem}` : token);
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * N-6 on one field's tokens. Given names: honorifics (leading, never the only token), abd compounds,
 * articles, filiation joined to the next token, kunya split when the rest is a known given name. Family
 * names: the same, except honorifics stay and kunya/filiation are also recognised joined (bare variant).
 */
export function applyParticles(input: readonly string[], field: 'given' | 'family', isKnownGiven: KnownGivenName): ParticleResult {
  const particles: NameParticle[] = [];
  let tokens = [...input];
  if (field === 'given') tokens = stripHonorifics(tokens, particles);
  tokens = compoundAbd(tokens, isKnownGiven);
  // Articles first, so that filiation and kunya see the name itself (Ben El Mansour → ben mansour).
  tokens = tokens.filter((token, index) => {
    if (index + 1 < tokens.length && ARTICLES.has(token)) {
      particles.push({ kind: 'article', value: token });
      return false;
    }
    return true;
  });

  const out: string[] = [];
  const bare: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    const next = tokens[index + 1];
    if (next !== undefined && (FILIATION.has(token) || (field === 'family' && KUNYA_SET.has(token)))) {
      const joined = token + next.replace(/ /g, '');
      particles.push({ kind: FILIATION.has(token) ? 'filiation' : 'kunya', value: token });
      out.push(joined);
      bare.push(next);
      index += 1;
      continue;
    }
    if (field === 'given' && next !== undefined && KUNYA_SET.has(token)) {
      const joined = token + next.replace(/ /g, '');
      if (isKnownGiven(joined)) {
        out.push(joined);
        bare.push(joined);
        index += 1;
        continue;
      }
      if (isKnownGiven(next.replace(/ /g, ''))) {
        particles.push({ kind: 'kunya', value: token });
        continue;
      }
    }
    const joinedParticle = splitJoinedParticle(token, field, isKnownGiven);
    if (joinedParticle) {
      particles.push(joinedParticle.particle);
      if (field === 'given') {
        out.push(joinedParticle.rest);
        bare.push(joinedParticle.rest);
      } else {
        out.push(token);
        bare.push(joinedParticle.rest);
      }
      continue;
    }
    out.push(token);
    bare.push(token);
  }
  const changed = particles.length > 0 || out.length !== input.length || out.some((token, index) => token !== input[index]);
  return { tokens: out, bare, particles, changed };
}

/**
 * A particle written joined to the name. Family: filiation (Benali, Aitahmed) or kunya (Bouali) before at
 * least 3 letters — the token stays joined and the bare form is a variant. Given: only a kunya before a
 * known given name, and never when the whole token is itself a known name (Aboubacar stays).
 */
function splitJoinedParticle(token: string, field: 'given' | 'family', isKnownGiven: KnownGivenName): { particle: NameParticle; rest: string } | null {
  if (token.includes(' ')) return null;
  if (field === 'family') {
    for (const prefix of JOINED_FILIATION) {
      if (token.length - prefix.length >= 3 && token.startsWith(prefix)) {
        return { particle: { kind: 'filiation', value: prefix }, rest: token.slice(prefix.length) };
      }
    }
  }
  for (const prefix of KUNYA) {
    if (token.length - prefix.length >= 3 && token.startsWith(prefix) && !isKnownGiven(token)) {
      const rest = token.slice(prefix.length);
      if (isKnownGiven(rest)) return { particle: { kind: 'kunya', value: prefix }, rest };
    }
  }
  return null;
}
