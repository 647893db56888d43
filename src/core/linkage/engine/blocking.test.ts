import { describe, expect, it } from 'vitest';
import { generateMigrantRecords, migrantRowToRawRecord } from '../../../../bench/linkage/migrant/generate-migrant.ts';
import type { RawPersonRecord } from '../record.ts';
import { blockingKeys, blockPairs, blockRecords, FULL_BLOCK_SIZE, WINDOW } from './blocking.ts';
import { toComparable } from './comparable.ts';
import { prepareRecord } from './prepare-record.ts';
import { statisticsOf } from './record-statistics.ts';

const REFERENCE = new Date('2026-01-01');
const prepare = (raws: RawPersonRecord[]) => raws.map((raw) => toComparable(prepareRecord(raw, { reference: REFERENCE })));

function pairsOf(raws: RawPersonRecord[], options: { maxBlockSize?: number; fullBlockSize?: number; window?: number } = {}, otherColumns: string[] = []) {
  const records = prepare(raws);
  const result = blockRecords(records, { maxBlockSize: options.maxBlockSize ?? 10_000, statistics: statisticsOf(records), ...options }, otherColumns);
  const pairs = new Set<string>();
  for (let i = 0; i < result.pairsA.length; i++) pairs.add(`${result.pairsA[i]}-${result.pairsB[i]}`);
  return { result, pairs };
}

describe('candidate pairs of one block', () => {
  const collect = (members: number[], full: number, window: number) => {
    const out: string[] = [];
    blockPairs(members, full, window, (x, y) => out.push(`${x}-${y}`));
    return out;
  };

  it('pairs every member of a small block', () => {
    expect(collect([3, 5, 9], 8, 1)).toEqual(['3-5', '3-9', '5-9']);
  });

  it('pairs each member of a large block with its next `window` neighbours only', () => {
    expect(collect([0, 1, 2, 3, 4], 3, 2)).toEqual(['0-1', '0-2', '1-2', '1-3', '2-3', '2-4', '3-4']);
  });
});

describe('blocking records', () => {
  it('lets records whose birth dates disagree meet when their names agree, also with given and family swapped', () => {
    const { pairs } = pairsOf([
      { id: 'a', given: 'Bakary', family: 'Traoré', dob: '30/09/1983' },
      { id: 'b', given: 'Traore', family: 'Bakary', dob: '1975' },
      { id: 'c', given: 'Bakary', family: 'Traore', dob: '12/01/1960' },
      { id: 'd', given: 'Zeinab', family: 'Okafor', dob: '30/09/1983' },
    ]);
    expect(pairs.has('0-1')).toBe(true);
    expect(pairs.has('0-2')).toBe(true);
    expect(pairs.has('1-2')).toBe(true);
  });

  it('brings together records born the same day whatever their names (transliterations the keys miss)', () => {
    const { pairs } = pairsOf([
      { id: 'a', given: 'Tidiane', family: 'Traore', dob: '19/10/1985' },
      { id: 'b', given: 'Tijani', dob: '19/10/1985' },
    ]);
    expect(pairs.has('0-1')).toBe(true);
  });

  it('caps the candidates of a record in a large block and keeps same-day births as neighbours', () => {
    // 60 namesakes born the same year on different days; one of them registered twice.
    const raws: RawPersonRecord[] = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      given: 'Mohamed',
      family: 'Diallo',
      dob: `${String((i % 28) + 1).padStart(2, '0')}/${String(Math.floor(i / 28) + 1).padStart(2, '0')}/1990`,
    }));
    raws.push({ id: 'again', given: 'Mohamed', family: 'Diallo', dob: raws[17]!.dob! });
    const { result, pairs } = pairsOf(raws);
    expect(result.windowedBlocks).toBeGreaterThan(0);
    const perRecord = new Array<number>(raws.length).fill(0);
    for (let i = 0; i < result.pairsA.length; i++) {
      perRecord[result.pairsA[i]!]!++;
      perRecord[result.pairsB[i]!]!++;
    }
    // Every key of a record gives at most 2 × WINDOW neighbours; without the window it would be 60.
    const keys = blockingKeys(prepare([raws[0]!])[0]!, { maxBlockSize: 10_000, statistics: statisticsOf([]) }, []).length;
    expect(Math.max(...perRecord)).toBeLessThanOrEqual(keys * 2 * WINDOW);
    expect(Math.max(...perRecord)).toBeLessThan(raws.length - 1);
    expect(pairs.has(`17-${raws.length - 1}`)).toBe(true);
  });

  it('skips and counts blocks above the block-size cap', () => {
    const raws: RawPersonRecord[] = Array.from({ length: 12 }, (_, i) => ({ id: String(i), given: 'Fatima', family: `Name${'x'.repeat(i)}` }));
    const capped = pairsOf(raws, { maxBlockSize: 5 });
    const uncapped = pairsOf(raws, { maxBlockSize: 100 });
    expect(capped.result.skippedBlocks).toBeGreaterThan(0);
    expect(capped.pairs.size).toBeLessThan(uncapped.pairs.size);
  });

  it('returns each pair once, as a < b, in order', () => {
    const rows = generateMigrantRecords({ seed: 3, records: 300 }).rows.map(migrantRowToRawRecord);
    const { result } = pairsOf(rows);
    expect(result.pairsA.length).toBeGreaterThan(0);
    for (let i = 0; i < result.pairsA.length; i++) {
      expect(result.pairsA[i]!).toBeLessThan(result.pairsB[i]!);
      if (i > 0) {
        const previous = result.pairsA[i - 1]! * rows.length + result.pairsB[i - 1]!;
        expect(result.pairsA[i]! * rows.length + result.pairsB[i]!).toBeGreaterThan(previous);
      }
    }
  });

  it('uses the extra columns as keys', () => {
    const raws: RawPersonRecord[] = [
      { id: 'a', given: 'John', family: 'Smith', other: { soc_sec_id: '4815162' } },
      { id: 'b', given: 'Jane', family: 'Brown', other: { soc_sec_id: '4815162' } },
    ];
    expect(pairsOf(raws, {}, ['soc_sec_id']).pairs.has('0-1')).toBe(true);
    expect(pairsOf(raws, {}, []).pairs.has('0-1')).toBe(false);
  });
});

describe('pair completeness on generated migrant records', () => {
  it('puts at least 97 % of the true pairs together with few candidates per record (2,000 records)', () => {
    const rows = generateMigrantRecords({ seed: 20240401, records: 2000 }).rows;
    const { result } = pairsOf(rows.map(migrantRowToRawRecord), { maxBlockSize: 200, fullBlockSize: FULL_BLOCK_SIZE, window: WINDOW });
    const perEntity = new Map<string, number>();
    for (const row of rows) perEntity.set(row.entity_id, (perEntity.get(row.entity_id) ?? 0) + 1);
    let truePairs = 0;
    for (const count of perEntity.values()) truePairs += (count * (count - 1)) / 2;
    let found = 0;
    for (let i = 0; i < result.pairsA.length; i++) if (rows[result.pairsA[i]!]!.entity_id === rows[result.pairsB[i]!]!.entity_id) found++;
    expect(found / truePairs).toBeGreaterThanOrEqual(0.97);
    expect(result.pairsA.length / rows.length).toBeLessThan(8);
  }, 30_000);
});
