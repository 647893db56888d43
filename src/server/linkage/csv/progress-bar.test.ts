import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.ts';

function output(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('ProgressBar', () => {
  it('on a terminal redraws one line at most 10 times a second, with a bar, records, records/s and percent', () => {
    let now = 0;
    const { writes, stream } = output(true);
    const bar = new ProgressBar({ output: stream, label: 'reading a.csv', now: () => now });
    now = 1000;
    bar.update({ records: 5000, bytesRead: 250, totalBytes: 1000 });
    now = 1050;
    bar.update({ records: 6000, bytesRead: 300, totalBytes: 1000 }); // too soon: not drawn
    now = 1100;
    bar.update({ records: 7000, bytesRead: 350, totalBytes: 1000 });
    expect(writes).toEqual([
      '\rreading a.csv [######------------------] 25% 5,000 records 5,000 records/s\x1b[K',
      '\rreading a.csv [########----------------] 35% 7,000 records 6,364 records/s\x1b[K',
    ]);
    now = 2000;
    bar.finish({ records: 10_000, bytesRead: 1000, totalBytes: 1000 });
    expect(writes.at(-1)).toBe('\rreading a.csv: 10,000 records in 2.0 s (5,000 records/s)\x1b[K\n');
  });

  it('elsewhere (CI logs) writes one plain line per 10 % passed', () => {
    let now = 0;
    const { writes, stream } = output(false);
    const bar = new ProgressBar({ output: stream, label: 'reading a.csv', now: () => now });
    for (let bytes = 0; bytes <= 1000; bytes += 25) {
      now += 100;
      bar.update({ records: bytes * 10, bytesRead: bytes, totalBytes: 1000 });
    }
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('reading a.csv: 10% 1,000 records 2,000 records/s\n');
    expect(writes.at(-1)).toBe('reading a.csv: 100% 10,000 records 2,439 records/s\n');
    expect(writes.every((line) => !line.includes('\r') && !line.includes('\x1b'))).toBe(true);
    // A jump over several tenths writes one line.
    const jump = output(false);
    const other = new ProgressBar({ output: jump.stream, label: 'b', now: () => now });
    other.update({ records: 1, bytesRead: 55, totalBytes: 100 });
    expect(jump.writes).toEqual(['b: 55% 1 records 0 records/s\n']);
  });

  it('names what it counts when told (pairs, components…)', () => {
    let now = 0;
    const { writes, stream } = output(false);
    const bar = new ProgressBar({ output: stream, label: 'scoring', unit: 'pairs', now: () => now });
    now = 1000;
    bar.update({ records: 500, bytesRead: 1, totalBytes: 2 });
    now = 2000;
    bar.finish({ records: 1000, bytesRead: 2, totalBytes: 2 });
    expect(writes).toEqual(['scoring: 50% 500 pairs 500 pairs/s\n', 'scoring: 1,000 pairs in 2.0 s (500 pairs/s)\n']);
  });
});
