import type { ClkSchema } from './clk-encoder.ts';
import type { RecordTokenField } from './record-tokens.ts';

/**
 * The network's token schema: where each field's tokens go in the 1,024-bit filter. Fields get segments of
 * their own so the matcher compares them one by one (a Fellegi–Sunter score over per-field Dice, which
 * separates namesakes born in the same year from the same person far better than one Dice over the
 * whole filter). Given and family names share one key (`name`) and equal-length segments, so the matcher
 * can compare given against family for swapped fields.
 *
 * Bits per token: 8 per name token in 384 bits, so a one-word name (about 12 tokens) fills about a
 * fifth of its segment and a three-word name about half — fuller segments make Dice on filters drift from
 * Dice on the tokens (collisions); the measured recall loss against plaintext Dice is in the
 * linkage-pprl-tokens benchmark. Each birth-date part and sex is one token: 6 bits of its own 32, so two
 * different values practically never set the same bits and equality can be read off the segment.
 *
 * The version names the tokenisation (record-tokens.ts), the hardening and this layout: filters of two
 * versions never compare, and the tokens file carries it.
 */
export const SEGMENTS: Readonly<Record<RecordTokenField, { offset: number; length: number }>> = {
  given: { offset: 0, length: 384 },
  family: { offset: 384, length: 384 },
  dobYear: { offset: 768, length: 32 },
  dobWindow0: { offset: 800, length: 32 },
  dobWindow1: { offset: 832, length: 32 },
  dobWindow2: { offset: 864, length: 32 },
  dobMonth: { offset: 896, length: 32 },
  dobDate: { offset: 928, length: 32 },
  dobDayMonth: { offset: 960, length: 32 },
  sex: { offset: 992, length: 32 },
};

export interface TokenSchema {
  clk: ClkSchema;
  /** Name tokens salted with the birth-year windows (hardening against frequency alignment). */
  saltNames: boolean;
}

function schema(version: string, saltNames: boolean, nameBits: number): TokenSchema {
  const name = (field: 'given' | 'family') => ({ name: field, keyName: 'name', bitsPerToken: nameBits, segment: SEGMENTS[field] });
  return {
    saltNames,
    clk: {
      version,
      fields: [
        name('given'),
        name('family'),
        // One token in 32 bits: 6 bits make two different values almost never set the same bits.
        ...(['dobYear', 'dobWindow0', 'dobWindow1', 'dobWindow2', 'dobMonth', 'dobDate', 'dobDayMonth', 'sex'] as const).map((field) => ({ name: field, bitsPerToken: 6, segment: SEGMENTS[field] })),
      ],
    },
  };
}

/**
 * The schema members encode with: name tokens salted with the birth-year window. Version 2: an impossible
 * typed date keeps its year (record-tokens.ts, tokenDob), and the weights were re-estimated.
 */
export const TOKEN_SCHEMA = schema('sanad-tokens-2', true, 8);

/** The same layout without salting: only for the attack test's positive control and measurements. */
export const UNSALTED_TOKEN_SCHEMA = schema('sanad-tokens-2-unsalted', false, 8);

export const KNOWN_TOKEN_SCHEMAS: readonly TokenSchema[] = [TOKEN_SCHEMA];

/** Versions earlier releases wrote: refused with a request to re-encode (their filters differ for some records). */
export const RETIRED_TOKEN_SCHEMAS: readonly string[] = ['sanad-tokens-1'];
