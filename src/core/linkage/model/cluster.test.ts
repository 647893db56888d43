import { describe, expect, it } from 'vitest';
import { clusterPairs, clusterRecords } from './cluster.ts';

const sameCluster = (ids: Int32Array, a: number, b: number) => ids[a] === ids[b];

describe('clustering scored pairs', () => {
  it('joins records linked above the threshold, transitively, when nothing speaks against it', () => {
    // 0–1 and 1–2 are strong; 0–2 was never compared (different blocks): one person, three records.
    const ids = clusterRecords(4, [ { a: 0, b: 1, probability: 0.99 }, { a: 1, b: 2, probability: 0.97 }, { a: 2, b: 3, probability: 0.2 } ], { threshold: 0.9 });
    expect(sameCluster(ids, 0, 2)).toBe(true);
    expect(sameCluster(ids, 2, 3)).toBe(false);
    expect([...clusterPairs(ids)].sort()).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it('resists chaining: two siblings who were compared and found different stay apart, even through a shared record', () => {
    // Record 1 is ambiguous (a mother's phone, a shared family name): it links to both 0 and 2, which were
    // compared with each other and clearly differ.
    const pairs = [ { a: 0, b: 1, probability: 0.96 }, { a: 1, b: 2, probability: 0.95 }, { a: 0, b: 2, probability: 0.02 } ];
    const ids = clusterRecords(3, pairs, { threshold: 0.9 });
    expect(sameCluster(ids, 0, 1)).toBe(true);
    expect(sameCluster(ids, 0, 2)).toBe(false);
    expect(sameCluster(ids, 1, 2)).toBe(false);
  });

  it('merges a clique even when one of its pairs is a little weaker', () => {
    const pairs = [ { a: 0, b: 1, probability: 0.99 }, { a: 1, b: 2, probability: 0.98 }, { a: 0, b: 2, probability: 0.85 } ];
    const ids = clusterRecords(3, pairs, { threshold: 0.9 });
    expect(new Set(ids).size).toBe(1);
  });

  it('leaves every record alone without pairs, and lists no pair', () => {
    const ids = clusterRecords(3, [], { threshold: 0.5 });
    expect(new Set(ids).size).toBe(3);
    expect([...clusterPairs(ids)]).toEqual([]);
  });
});
