/**
 * String similarities for comparison levels, written for speed on short names: no allocation per call
 * (reused, stamped buffers), UTF-16 code units compared directly, and a one-pass answer to "within one edit?".
 */

// Which characters of `b` are matched: a slot holds the stamp of the call that matched it, so the buffer
// needs no clearing between calls. The matched characters of `a`, in order, go to `matchedCodes`.
let matchedB = new Int32Array(64);
let matchedCodes = new Uint16Array(64);
let stamp = 0;

function ensureBuffers(length: number): void {
  if (matchedB.length < length) {
    matchedB = new Int32Array(length * 2);
    matchedCodes = new Uint16Array(length * 2);
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    matchedB.fill(0);
    stamp = 0;
  }
  stamp++;
}

/** Jaro similarity (0..1). */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensureBuffers(Math.max(la, lb));
  const current = stamp;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = i > window ? i - window : 0;
    const end = Math.min(lb - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = start; j <= end; j++) {
      if (matchedB[j] !== current && b.charCodeAt(j) === code) {
        matchedB[j] = current;
        matchedCodes[matches++] = code;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let j = 0; k < matches; j++) {
    if (matchedB[j] !== current) continue;
    if (b.charCodeAt(j) !== matchedCodes[k]) transpositions++;
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
  if (max <= 1) return withinOneEdit(a, b, max);
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

/**
 * The "≤ 1?" question the comparison levels ask, answered in one pass instead of a table: 0 when equal, 1 for
 * one insertion, deletion, substitution or swap of adjacent characters, else max + 1 (lengths differ by ≤ 1).
 */
function withinOneEdit(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (max < 1) return max + 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length !== long.length) return sameTail(short, i, long, i + 1) ? 1 : 2;
  if (sameTail(short, i + 1, long, i + 1)) return 1;
  const swapped = i + 1 < short.length && short.charCodeAt(i) === long.charCodeAt(i + 1) && short.charCodeAt(i + 1) === long.charCodeAt(i);
  return swapped && sameTail(short, i + 2, long, i + 2) ? 1 : 2;
}

/** Whether x from index xi on equals y from index yi on (no substring allocated). */
function sameTail(x: string, xi: number, y: string, yi: number): boolean {
  if (x.length - xi !== y.length - yi) return false;
  for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
  return true;
}

// Character counts of `a` by bucket (the low 6 bits of the code unit), cleared after each call.
const bucketCounts = new Int32Array(64);

/**
 * An upper bound of jaroWinkler(a, b) in a few simple passes: Jaro's matches are pairs of equal characters,
 * so there are no more of them than the characters the two strings share (counted by bucket, which can only
 * count more), and the transposition term is at most 1. Lets a caller skip Jaro–Winkler when even the bound
 * stays below the threshold it asks about.
 */
export function jaroWinklerAtMost(a: string, b: string, prefixScale = 0.1): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  for (let i = 0; i < la; i++) bucketCounts[a.charCodeAt(i) & 63]!++;
  let shared = 0;
  for (let j = 0; j < lb; j++) {
    const bucket = b.charCodeAt(j) & 63;
    if (bucketCounts[bucket]! > 0) {
      bucketCounts[bucket]!--;
      shared++;
    }
  }
  for (let i = 0; i < la; i++) bucketCounts[a.charCodeAt(i) & 63] = 0;
  if (shared === 0) return 0;
  const m = Math.min(shared, la, lb);
  const j = (m / la + m / lb + 1) / 3;
  let prefix = 0;
  const limit = Math.min(4, la, lb);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}
