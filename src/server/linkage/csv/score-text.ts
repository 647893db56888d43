/** "0.0000" … "1.0000": the texts a probability can round to, made once. */
const TEXTS = Array.from({ length: 10_001 }, (_, n) => (n / 10_000).toFixed(4));

/**
 * `probability.toFixed(4)`, without its cost on millions of rows (a runtime call and a new string each): the
 * probability scaled by 10,000 rounds to the nearest integer, whose text is looked up. The scaling can be
 * off by a few units in the last place, which only matters next to a tie (…5 exactly): there, and outside
 * [0, 1), toFixed itself decides.
 */
export function fourDecimals(probability: number): string {
  const scaled = probability * 10_000;
  const fraction = scaled - Math.floor(scaled);
  if (!(probability >= 0 && probability < 1) || Math.abs(fraction - 0.5) < 1e-6) return probability.toFixed(4);
  return TEXTS[Math.floor(scaled + 0.5)]!;
}
