import { createWriteStream, closeSync, openSync, writeSync } from 'node:fs';
import type { LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { PairsCsvWriter } from '../csv/pairs-csv-writer.ts';
import { agreeingFields } from './agreeing-fields.ts';
import { readComparisons } from './comparison-file.ts';

/** Bytes of one scored pair in a scored file: [u32 a][u32 b][f64 probability]. */
export const SCORED_BYTES = 16;
const BUFFER_PAIRS = 65_536;

export interface ScoreOutput {
  scoredFile: string;
  /** A CSV chunk of the --candidates output (with its own header line, dropped when the chunks are joined). */
  candidatesFile?: string;
  /** With --link: records below this index come from the first file; only pairs across the files count. */
  linkBoundary?: number;
  idOf?: (index: number) => string;
}

/**
 * Weighs the compared pairs of one file with the trained model: writes every pair's probability to the scored
 * file (for clustering) and, for --candidates, the pair as an output line. Probabilities stay float64 so the
 * clustering sees exactly the values the in-memory batch would.
 */
export async function scoreComparisons(model: LinkModel, comparisonFile: string, fields: number, output: ScoreOutput): Promise<number> {
  const fd = openSync(output.scoredFile, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_PAIRS * SCORED_BYTES);
  let used = 0;
  let count = 0;
  const candidates = output.candidatesFile ? new PairsCsvWriter(createWriteStream(output.candidatesFile)) : null;
  const crosses = (a: number, b: number) => output.linkBoundary === undefined || (a < output.linkBoundary) !== (b < output.linkBoundary);
  try {
    for (const { a, b, comparison } of readComparisons(comparisonFile, fields)) {
      const score = model.weigh(comparison);
      if (used === buffer.length) {
        writeSync(fd, buffer, 0, used);
        used = 0;
      }
      buffer.writeUInt32LE(a, used);
      buffer.writeUInt32LE(b, used + 4);
      buffer.writeDoubleLE(score.probability, used + 8);
      used += SCORED_BYTES;
      count++;
      if (candidates && crosses(a, b)) {
        await candidates.write({ idA: output.idOf!(a), idB: output.idOf!(b), score: score.probability, agreeingFields: agreeingFields(model.params, score) });
      }
    }
    writeSync(fd, buffer, 0, used);
  } finally {
    closeSync(fd);
    await candidates?.close();
  }
  return count;
}
