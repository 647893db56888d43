import { describe, expect, it } from 'vitest';
import { generateMigrantRecords, migrantRowToRawRecord } from '../../../../bench/linkage/migrant/generate-migrant.ts';
import { generateWesternRecords, westernRowToRawRecord } from '../../../../bench/linkage/western/generate-western.ts';
import { blockingEntries, blockRecords } from '../../../core/linkage/engine/blocking.ts';
import { toComparable } from '../../../core/linkage/engine/comparable.ts';
import { comparePair } from '../../../core/linkage/engine/pair-comparison.ts';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import { statisticsOf } from '../../../core/linkage/engine/record-statistics.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';

const REFERENCE = new Date('2026-01-01');

function roundTrip(raws: RawPersonRecord[], otherColumns: string[]) {
  const original = raws.map((raw) => toComparable(prepareRecord(raw, { reference: REFERENCE })));
  const decoded = original.map((record) => decodeRecord(encodeRecord(record), record.prepared.raw.id));
  const statistics = statisticsOf(original);
  return { original, decoded, statistics, otherColumns };
}

/**
 * The stored form must give exactly what the original record gives to everything the batch asks of it:
 * blocking entries, the statistics' inputs, and the comparison of every candidate pair (and of random pairs).
 */
function expectSameBehaviour({ original, decoded, statistics, otherColumns }: ReturnType<typeof roundTrip>) {
  const options = { maxBlockSize: 200, statistics };
  original.forEach((record, i) => {
    const copy = decoded[i]!;
    expect(blockingEntries(copy, options, otherColumns)).toEqual(blockingEntries(record, options, otherColumns));
    expect([copy.given?.frequencyKey, copy.family?.frequencyKey, copy.prepared.phone]).toEqual([record.given?.frequencyKey, record.family?.frequencyKey, record.prepared.phone]);
  });
  const { pairsA, pairsB } = blockRecords(original, options, otherColumns);
  expect(pairsA.length).toBeGreaterThan(1000);
  const pairs: [number, number][] = Array.from(pairsA, (a, p) => [a, pairsB[p]!]);
  for (let k = 0; k < 2000; k++) pairs.push([(k * 7919) % original.length, (k * 104_729 + 1) % original.length]);
  for (const [a, b] of pairs) {
    expect(comparePair(decoded[a]!, decoded[b]!, otherColumns, statistics)).toEqual(comparePair(original[a]!, original[b]!, otherColumns, statistics));
  }
}

describe('record codec', () => {
  it('round-trips generated migrant records (Latin and Arabic script) to records that block and compare identically', () => {
    const rows = generateMigrantRecords({ seed: 20240401, records: 2000 }).rows;
    const trip = roundTrip(rows.map(migrantRowToRawRecord), []);
    expect(trip.original.some((record) => record.given?.arabicScript)).toBe(true);
    expectSameBehaviour(trip);
  }, 60_000);

  it('round-trips Western records with extra columns', () => {
    const rows = generateWesternRecords({ seed: 7, records: 1000 }).rows;
    const columns = ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'];
    expectSameBehaviour(roundTrip(rows.map(westernRowToRawRecord), columns));
  }, 60_000);

  it('keeps a record on one line whatever its values hold', () => {
    const record = toComparable(prepareRecord({ id: 'x', given: 'Awa', family: 'Diallo', other: { note: 'line one\nline two' } }, { reference: REFERENCE }));
    const line = encodeRecord(record);
    expect(line).not.toContain('\n');
    expect(decodeRecord(line, 'x').prepared.other).toEqual(record.prepared.other);
  });
});
