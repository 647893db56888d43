/**
 * N-7 Tokens and order. Given and family tokens are pooled into one order-insensitive bag (given/family are
 * often swapped at registration, or taken from an MRZ in SURNAME<<GIVEN order); adjacent tokens also match
 * joined (abdel kader ↔ abdelkader, mohamed amine ↔ mohamedamine) and a joined token split in two known
 * given names. An empty family name is not a mismatch (single-name persons).
 */
import { isKnownGivenName } from './aliases.ts';

/** Compact form of a token: abd compounds carry a space ("abd rahman") that joins and bags ignore. */
export function compactToken(token: string): string {
  return token.includes(' ') ? token.replace(/ /g, '') : token;
}

/** Sorted, de-duplicated compact tokens of both fields. */
export function tokenBag(given: readonly string[], family: readonly string[]): string[] {
  return [...new Set([...given, ...family].map(compactToken))].sort();
}

/** Each pair of adjacent tokens of one field, joined. */
export function adjacentJoins(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    out.push(compactToken(tokens[index] ?? '') + compactToken(tokens[index + 1] ?? ''));
  }
  return out;
}

const MIN_PART = 3;

/** A joined token that is two known given names (mohamedamine → mohamed + amine), or null. */
export function splitKnownPair(token: string): [string, string] | null {
  const compact = compactToken(token);
  if (compact.length < MIN_PART * 2) return null;
  for (let cut = MIN_PART; cut <= compact.length - MIN_PART; cut += 1) {
    const left = compact.slice(0, cut);
    const right = compact.slice(cut);
    if (isKnownGivenName(left) && isKnownGivenName(right)) return [left, right];
  }
  return null;
}

/** Single-name person: exactly one of the two fields holds a name. */
export function isSingleName(given: readonly string[], family: readonly string[]): boolean {
  return (given.length === 0) !== (family.length === 0);
}
