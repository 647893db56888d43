import { FULL_BLOCK_SIZE } from '../../../core/linkage/engine/blocking.ts';
import { readBlocks, type BlockRange } from './block-file.ts';

/**
 * Which blocks pair each record, in shared memory for the comparing workers: for record r, entries
 * starts[r] … starts[r + 1] - 1 hold the blocks it is a member of, in block-file order (= key order), each as
 * the block's byte offset in the block file and the record's position in the block's pairing order (-1 in a
 * block small enough to pair all its members). A pair met in a block is compared only if no earlier block
 * already paired it: with these lists that is a merge of two short sorted integer lists, instead of the
 * records' blocking keys recomputed and compared as strings.
 */
export interface BlockMembership {
  starts: Uint32Array;
  /** 32-bit unless the block file reaches 4 GiB; positions 16-bit unless blocks can hold 32,768 members. */
  blockOffsets: Uint32Array | Float64Array;
  positions: Int16Array | Int32Array;
}

const shared = <T>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T =>
  new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));

/** Reads the block file twice (counts, then entries): two sequential passes, a task's range at a time. */
export function blockMembership(blockFile: string, tasks: readonly BlockRange[], recordCount: number): BlockMembership {
  const starts = shared(Uint32Array, recordCount + 1);
  let largestBlock = 0;
  for (const range of tasks) {
    for (const block of readBlocks(blockFile, range)) {
      largestBlock = Math.max(largestBlock, block.members.length);
      for (const member of block.members) starts[member + 1]!++;
    }
  }
  for (let r = 0; r < recordCount; r++) starts[r + 1]! += starts[r]!;
  const entries = starts[recordCount]!;
  // 6 bytes per membership instead of 12: at 1,000,000 records there are about 13 million of them.
  const fileBytes = tasks.length ? tasks[tasks.length - 1]!.end : 0;
  const blockOffsets = fileBytes < 2 ** 32 ? shared(Uint32Array, entries) : shared(Float64Array, entries);
  const positions = largestBlock <= 2 ** 15 ? shared(Int16Array, entries) : shared(Int32Array, entries);
  const next = Uint32Array.from(starts.subarray(0, recordCount));
  for (const range of tasks) {
    let offset = range.start;
    for (const block of readBlocks(blockFile, range)) {
      const windowed = block.members.length > FULL_BLOCK_SIZE;
      block.members.forEach((member, position) => {
        const at = next[member]!++;
        blockOffsets[at] = offset;
        positions[at] = windowed ? position : -1;
      });
      offset += blockBytes(block.key, block.members.length);
    }
  }
  return { starts, blockOffsets, positions };
}

/** Bytes of one block in the block file: [u32 key bytes][key][u32 member count][u32 member…]. */
export function blockBytes(key: string, members: number): number {
  return 8 + Buffer.byteLength(key) + 4 * members;
}
