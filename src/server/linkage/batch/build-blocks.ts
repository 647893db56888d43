import { rmSync } from 'node:fs';
import { blockPairs, FULL_BLOCK_SIZE, WINDOW } from '../../../core/linkage/engine/blocking.ts';
import type { ProgressOutput } from '../csv/progress-bar.ts';
import { BlockFileWriter, type BlockRange } from './block-file.ts';
import { mergeRuns, type KeyBlock } from './key-runs.ts';
import type { StatisticsAnswers } from './pair-statistics.ts';
import { PhaseProgress } from './phase-progress.ts';
import type { TaskPool } from './worker-pool.ts';
import type { Workspace } from './workspace.ts';

export interface Blocks {
  blockFile: string;
  tasks: BlockRange[];
  oversizedKeys: Set<string>;
  /** Pairs the blocks emit, a pair shared by several blocks counted in each. */
  emittedPairs: number;
}

/**
 * A large block's pairing order, as the in-memory blocking orders it: by sort string, ties by record index
 * (kept in step with blockRecords in blocking.ts; the equivalence test with linkRecords guards it).
 */
function neighbourhoodOrder(block: KeyBlock): number[] {
  const order = block.members.map((_, i) => i);
  const { sorts, members } = block;
  order.sort((i, j) => (sorts[i]! < sorts[j]! ? -1 : sorts[i]! > sorts[j]! ? 1 : members[i]! - members[j]!));
  return order.map((i) => members[i]!);
}

/** Records whose blocking entries one task writes (about one run of entries). */
const RECORDS_PER_KEY_TASK = 16_384;

/**
 * Pass 2 and the external sort: the workers write each range of records' blocking entries as sorted runs
 * (ranges in record order, so equal keys merge in record order); then the runs are merged key by key into
 * the file of blocks worth comparing. Blocks above maxBlockSize are skipped and their keys remembered;
 * blocks above FULL_BLOCK_SIZE are paired by sorted neighbourhood, as in the in-memory blocking.
 */
export async function buildBlocks(recordCount: number, answers: StatisticsAnswers, maxBlockSize: number, pool: TaskPool, workspace: Workspace, progressOutput: ProgressOutput): Promise<Blocks> {
  const keying = new PhaseProgress(progressOutput, 'blocking keys', recordCount);
  const ranges: [number, number][] = [];
  for (let from = 0; from < recordCount; from += RECORDS_PER_KEY_TASK) ranges.push([from, Math.min(recordCount, from + RECORDS_PER_KEY_TASK)]);
  const written = await Promise.all(
    ranges.map(async ([from, to], t) => {
      const result = await pool.run<{ runs: string[]; entries: number }>({ kind: 'keys', from, to, directory: workspace.directory, prefix: `run-${t}` });
      keying.add(to - from);
      return result;
    }),
  );
  keying.finish();
  const runFiles = written.flatMap((result) => result.runs);
  const entries = written.reduce((sum, result) => sum + result.entries, 0);

  const blockFile = workspace.path('blocks.bin');
  const blocks = new BlockFileWriter(blockFile);
  const oversizedKeys = new Set<string>();
  const sorting = new PhaseProgress(progressOutput, 'sorting blocks', entries);
  for (const block of mergeRuns(runFiles, () => sorting.tick())) {
    const size = block.members.length;
    if (size < 2) continue;
    if (size > maxBlockSize) {
      oversizedKeys.add(block.key);
      continue;
    }
    const members = size > FULL_BLOCK_SIZE ? neighbourhoodOrder(block) : block.members;
    let pairs = 0;
    blockPairs(members, FULL_BLOCK_SIZE, WINDOW, () => pairs++);
    blocks.add({ key: block.key, members }, pairs);
  }
  sorting.finish();
  for (const run of runFiles) rmSync(run, { force: true });
  return {
    blockFile,
    tasks: blocks.finish(),
    oversizedKeys,
    emittedPairs: blocks.pairsUpperBound,
  };
}
