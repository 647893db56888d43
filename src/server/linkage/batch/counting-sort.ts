/**
 * A permutation of `order` sorted by `keys[order[k]]` (0 ≤ key < range), stable: a counting sort, O(n + range)
 * with no comparator calls. Sorting by several keys, least significant first, gives a lexicographic order.
 */
export function stableSortBy(order: Uint32Array, keys: Uint32Array | Int32Array, range: number): Uint32Array {
  const start = new Uint32Array(range + 1);
  for (let k = 0; k < order.length; k++) start[keys[order[k]!]! + 1]!++;
  for (let i = 0; i < range; i++) start[i + 1]! += start[i]!;
  const sorted = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) sorted[start[keys[order[k]!]!]!++] = order[k]!;
  return sorted;
}

/** 0, 1, …, n-1. */
export function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order;
}
