import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, entryDigest, GENESIS_HASH, payloadDigest } from './chain.ts';

const fields = {
  organisationId: '0190b3a0-0000-7000-8000-000000000001',
  id: '0190b3a0-0000-7000-8000-000000000002',
  occurredAt: new Date('2021-12-13T09:00:00Z'),
  actorAccountId: null,
  actorKind: 'system',
  action: 'organisation.created',
  targetType: 'organisation',
  targetId: 'x',
  ip: null,
};

describe('audit chain', () => {
  it('serialises objects with sorted keys so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
    expect(payloadDigest({ a: 1, b: 2 }).equals(payloadDigest({ b: 2, a: 1 }))).toBe(true);
  });

  it('changes the entry digest when any field or the payload changes', () => {
    const base = entryDigest(fields, payloadDigest({ email: 'a@b.c' }));
    expect(entryDigest({ ...fields, action: 'organisation.deleted' }, payloadDigest({ email: 'a@b.c' })).equals(base)).toBe(false);
    expect(entryDigest(fields, payloadDigest({ email: 'x@b.c' })).equals(base)).toBe(false);
    expect(entryDigest(fields, payloadDigest({ email: 'a@b.c' })).equals(base)).toBe(true);
  });

  it('links each hash to the previous one and to the sequence number', () => {
    const digest = entryDigest(fields, payloadDigest(null));
    const first = chainHash(GENESIS_HASH, 1, digest);
    expect(first).toHaveLength(32);
    expect(chainHash(GENESIS_HASH, 2, digest).equals(first)).toBe(false);
    expect(chainHash(first, 2, digest).equals(chainHash(GENESIS_HASH, 2, digest))).toBe(false);
  });
});
