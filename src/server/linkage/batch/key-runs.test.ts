import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyRunWriter, mergeRuns } from './key-runs.ts';

const directory = mkdtempSync(join(tmpdir(), 'sanad-key-runs-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('external sort of blocking keys', () => {
  it('merges many small runs into blocks in key order, members in record order, whatever the run size', () => {
    const keys = ['g|mohamed|1990', 'f|dl|1990', 'p|+212600000000', 'c|mhmd', 'o|town|fès', 'g|فاطمة|2001', 'a', ''];
    const expected = new Map<string, { members: number[]; sorts: string[] }>();
    const writer = new KeyRunWriter(directory, 'test', 7);
    for (let record = 0; record < 200; record++) {
      for (let k = 0; k < keys.length; k++) {
        if ((record * 31 + k * 17) % 5 === 0) continue;
        const key = keys[(record + k) % keys.length]!;
        const sort = `s${(record * 7) % 13}`;
        if (expected.get(key)?.members.at(-1) === record) continue;
        writer.add(key, sort, record);
        const block = expected.get(key) ?? expected.set(key, { members: [], sorts: [] }).get(key)!;
        block.members.push(record);
        block.sorts.push(sort);
      }
    }
    const runs = writer.finish();
    expect(runs.length).toBeGreaterThan(100);
    const merged = [...mergeRuns(runs)];
    expect(merged.map((block) => block.key)).toEqual([...expected.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const block of merged) expect({ members: block.members, sorts: block.sorts }).toEqual(expected.get(block.key));
  });
});

describe('run order', () => {
  it('orders by key then record index even when records arrive out of order (the general path)', () => {
    const writer = new KeyRunWriter(directory, 'unordered', 6);
    const added: [string, number][] = [
      ['b', 5], ['a', 9], ['b', 1], ['a', 2], ['é', 3], ['a', 4],
      ['c', 8], ['c', 7], ['b', 6],
    ];
    for (const [key, index] of added) writer.add(key, `s${index}`, index);
    const merged = [...mergeRuns(writer.finish())];
    expect(merged.map((block) => [block.key, block.members])).toEqual([
      ['a', [2, 4, 9]],
      ['b', [1, 5, 6]],
      ['c', [7, 8]],
      ['é', [3]],
    ]);
    expect(merged[0]!.sorts).toEqual(['s2', 's4', 's9']);
  });

  it('keeps non-ASCII keys and sort strings intact (UTF-8 beside the ASCII fast path)', () => {
    const writer = new KeyRunWriter(directory, 'utf8', 100);
    const keys = ['o|town|fès', 'g|فاطمة|2001', 'o|x|😀a', 'g|mohamed|1990'];
    keys.forEach((key, index) => writer.add(key, `${key}·sort`, index));
    const merged = [...mergeRuns(writer.finish())];
    expect(merged.map((block) => [block.key, block.sorts[0]])).toEqual([...keys].sort().map((key) => [key, `${key}·sort`]));
  });
});
