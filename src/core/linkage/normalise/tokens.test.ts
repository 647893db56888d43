import { describe, expect, it } from 'vitest';
import { adjacentJoins, isSingleName, splitKnownPair, tokenBag } from './tokens.ts';

describe('N-7 tokens and order', () => {
  it('pools both fields into one order-insensitive bag', () => {
    expect(tokenBag(['mamadou'], ['diallo'])).toEqual(tokenBag(['diallo'], ['mamadou']));
    expect(tokenBag(['abd rahman', 'ali'], [])).toEqual(['abdrahman', 'ali']);
  });

  it('joins adjacent tokens', () => {
    expect(adjacentJoins(['abdel', 'kader'])).toEqual(['abdelkader']);
    expect(adjacentJoins(['mohamed', 'amine', 'ali'])).toEqual(['mohamedamine', 'amineali']);
    expect(adjacentJoins(['el', 'hadji'])).toEqual(['elhadji']);
  });

  it('splits a joined token made of two known given names', () => {
    expect(splitKnownPair('mohamedamine')).toEqual(['mohamed', 'amine']);
    expect(splitKnownPair('fatimazahra')).toBeNull();
    expect(splitKnownPair('diallo')).toBeNull();
  });

  it('flags single-name persons', () => {
    expect(isSingleName(['ahmad'], [])).toBe(true);
    expect(isSingleName([], ['tesfaye'])).toBe(true);
    expect(isSingleName(['ahmad'], ['karimi'])).toBe(false);
    expect(isSingleName([], [])).toBe(false);
  });
});
