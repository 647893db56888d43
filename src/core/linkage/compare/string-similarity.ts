/**
 * String similarities for comparison levels, written for speed on short names: no allocation per call
 * beyond two reused flag buffers, ASCII-or-UTF-16 code units compared directly.
 */

let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

function ensureBuffers(length: number): void {
  if (matchedA.length < length) {
    matchedA = new Uint8Array(length * 2);
    matchedB = new Uint8Array(length * 2);
  }
}

/** Jaro similarity (0..1). */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensureBuffers(Math.max(la, lb));
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = Math.max(0, i - window);
    const end = Math.min(lb - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = start; j <= end; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler similarity (0..1): Jaro with a bonus for a common prefix of up to 4 characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let beforeRow = new Int32Array(64);

/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap adjacent),
 * giving up with `max + 1` as soon as the distance must exceed `max` (comparison levels only ask "≤ 1?",
 * "≤ 2?").
 */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.min(la + lb, max + 1);
  if (previousRow.length <= lb) {
    previousRow = new Int32Array((lb + 1) * 2);
    currentRow = new Int32Array((lb + 1) * 2);
    beforeRow = new Int32Array((lb + 1) * 2);
  }
  for (let j = 0; j <= lb; j++) previousRow[j] = j;
  for (let i = 1; i <= la; i++) {
    currentRow[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, previousRow[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) value = Math.min(value, beforeRow[j - 2]! + 1);
      currentRow[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = beforeRow;
    beforeRow = previousRow;
    previousRow = currentRow;
    currentRow = spare;
  }
  return Math.min(previousRow[lb]!, max + 1);
}
