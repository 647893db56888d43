import { parseArgs } from 'node:util';
import { DEFAULT_THRESHOLD } from '../../../core/linkage/engine/link-records.ts';
import { parseMapping } from '../../linkage/csv/parse-mapping.ts';
import { streamingDedup } from '../../linkage/batch/streaming-dedup.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';

const USAGE =
  'usage: sanad dedup --input FILE.csv [--link FILE2.csv] [--id COL] --map given=COL,family=COL,dob=COL,sex=COL,phone=COL,nationality=COL,other=COL[,COL…] --output PAIRS.csv [--threshold X] [--candidates ALL.csv]';

/**
 * `sanad dedup`: finds the records of a CSV file (or of two files, with --link) that belong to the same
 * person. Writes every pair of records that ends in the same cluster — including pairs never compared
 * directly — with the pair's score and the fields that agreed; --candidates writes every scored pair.
 * Unparseable values (an impossible date, a malformed phone) count as missing and are summed up in a warning.
 */
export const dedupCommand: Command = async (ctx) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: ctx.args,
      options: {
        input: { type: 'string' },
        link: { type: 'string' },
        id: { type: 'string' },
        map: { type: 'string' },
        output: { type: 'string' },
        threshold: { type: 'string' },
        candidates: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  if (!values.input || !values.map || !values.output) throw new CliError(`--input, --map and --output are required.\n${USAGE}`, 2);
  const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new CliError(`--threshold must be a number between 0 and 1 (exclusive), not "${values.threshold}".`, 2);
  const mapping = parseMapping(values.map);

  const started = performance.now();
  const idColumn = values.id ? { idColumn: values.id } : {};
  const result = await streamingDedup({
    input: { path: values.input, mapping, ...idColumn },
    ...(values.link ? { link: { path: values.link, mapping, ...idColumn } } : {}),
    output: values.output,
    ...(values.candidates ? { candidates: values.candidates } : {}),
    threshold,
    otherColumns: mapping.other,
    progress: process.stderr,
  });
  const seconds = (performance.now() - started) / 1000;
  const warnings = Object.entries(result.warnings);
  if (warnings.length) {
    const total = warnings.reduce((sum, [, n]) => sum + n, 0);
    ctx.err(`warning: ${total} value(s) could not be read and were treated as missing: ${warnings.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  }
  ctx.err(
    `${result.records.toLocaleString('en')} records, ${result.candidatePairs.toLocaleString('en')} pairs compared, ` +
      `${result.pairsWritten.toLocaleString('en')} pairs in ${values.output} (threshold ${threshold}) in ${seconds.toFixed(1)} s` +
      (result.skippedBlocks ? `; ${result.skippedBlocks} oversized blocking keys skipped` : ''),
  );
};
