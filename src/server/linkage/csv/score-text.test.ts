import { describe, expect, it } from 'vitest';
import { fourDecimals } from './score-text.ts';

describe('fourDecimals', () => {
  it('is toFixed(4) on probabilities, ties and near-ties included', () => {
    const values = [0, 1, 0.99995, 0.00005, 0.5, 0.123449999999, 0.12345, 1 - 2 ** -53, 2 ** -60, 0.995, 1.5, -0.1, Number.NaN];
    for (let n = 0; n <= 200_000; n++) values.push(n / 200_000, (n + 0.5) / 20_000, n / 10_000 + 1e-13, n / 10_000 - 1e-13);
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      values.push(seed / 2 ** 31);
    }
    for (const value of values) if (fourDecimals(value) !== value.toFixed(4)) expect(fourDecimals(value)).toBe(value.toFixed(4));
  });
});
