import { describe, expect, it } from 'vitest';
import { bigrams, CLK_BYTES, ClkEncoder, type ClkSchema } from './clk-encoder.ts';

const SECRET = new Uint8Array(32).map((_, i) => i + 1);
const OTHER_SECRET = new Uint8Array(32).map((_, i) => 200 - i);
const SCHEMA: ClkSchema = { version: 'v1', fields: [ { name: 'given', bitsPerToken: 12 }, { name: 'family', bitsPerToken: 12 }, { name: 'birthYear', bitsPerToken: 8 } ] };

function popcount(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) for (let b = byte; b; b &= b - 1) n++;
  return n;
}

function dice(a: Uint8Array, b: Uint8Array): number {
  return (2 * popcount(a.map((byte, i) => byte & b[i]!))) / (popcount(a) + popcount(b));
}

const record = (given: string, family: string, year: string) => ({ given: bigrams(given), family: bigrams(family), birthYear: [year] });

describe('the CLK encoder', () => {
  it('is deterministic for one secret, and another secret gives unrelated filters', async () => {
    const a = await ClkEncoder.create(SECRET, SCHEMA);
    const b = await ClkEncoder.create(SECRET, SCHEMA);
    const c = await ClkEncoder.create(OTHER_SECRET, SCHEMA);
    const tokens = record('mamadou', 'diallo', '1990');
    expect(a.encode(tokens)).toEqual(b.encode(tokens));
    expect(a.encode(tokens)).toHaveLength(CLK_BYTES);
    expect(dice(a.encode(tokens), c.encode(tokens))).toBeLessThan(0.6);
  });

  it('keys each field apart: the same token in another field sets other bits', async () => {
    const encoder = await ClkEncoder.create(SECRET, SCHEMA);
    const asGiven = encoder.encode({ given: ['ali'] });
    const asFamily = encoder.encode({ family: ['ali'] });
    expect(popcount(asGiven)).toBeGreaterThan(0);
    expect(dice(asGiven, asFamily)).toBeLessThan(0.5);
  });

  it('keeps similar names close and different people apart', async () => {
    const encoder = await ClkEncoder.create(SECRET, SCHEMA);
    const original = encoder.encode(record('fatoumata', 'traore', '1992'));
    const typo = encoder.encode(record('fatoumata', 'traore', '1993'));
    const variant = encoder.encode(record('fatimata', 'traore', '1992'));
    const stranger = encoder.encode(record('ibrahim', 'kone', '1985'));
    expect(dice(original, typo)).toBeGreaterThan(0.85);
    expect(dice(original, variant)).toBeGreaterThan(0.75);
    expect(dice(original, stranger)).toBeLessThan(0.5);
  });

  it('sets about as many bits as the schema asks (a typical name fills a good share of the filter)', async () => {
    const encoder = await ClkEncoder.create(SECRET, SCHEMA);
    const filter = encoder.encode(record('abdelkader', 'benali', '1988'));
    const set = popcount(filter);
    const tokens = bigrams('abdelkader').length + bigrams('benali').length;
    expect(set).toBeGreaterThan(tokens * 12 * 0.6);
    expect(set).toBeLessThanOrEqual(tokens * 12 + 8);
  });

  it('refuses phone numbers, unknown fields, short secrets and bad bit counts', async () => {
    await expect(ClkEncoder.create(SECRET, { version: 'v1', fields: [{ name: 'phone', bitsPerToken: 4 }] })).rejects.toThrow(/must not be encoded/);
    await expect(ClkEncoder.create(new Uint8Array(8), SCHEMA)).rejects.toThrow(/at least 32 bytes/);
    await expect(ClkEncoder.create(SECRET, { version: 'v1', fields: [{ name: 'given', bitsPerToken: 40 }] })).rejects.toThrow(/from 1 to 16/);
    const encoder = await ClkEncoder.create(SECRET, SCHEMA);
    expect(() => encoder.encode({ town: ['rabat'] })).toThrow(/not in the CLK schema/);
  });

  it('makes padded bigrams', () => {
    expect(bigrams('ali')).toEqual(['_a', 'al', 'li', 'i_']);
    expect(bigrams('')).toEqual([]);
  });
});
