import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { clusterPairs } from '../../../core/linkage/model/cluster.ts';
import { PairsCsvWriter, type ScoredPair } from '../../linkage/csv/pairs-csv-writer.ts';
import { CLK_BYTES } from '../../linkage/pprl/clk-encoder.ts';
import { matchFilters } from '../../linkage/pprl/token-match.ts';
import { FilterSet, pairLevels, pairWeight, SCORED_FIELDS, weightToProbability, type PairLevels } from '../../linkage/pprl/token-score.ts';
import { readTokensFile } from '../../linkage/pprl/tokens-file.ts';
import { DEFAULT_TOKEN_THRESHOLD, TOKEN_WEIGHTS } from '../../linkage/pprl/token-weights.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';

export const PPRL_MATCH_USAGE = 'usage: sanad pprl match --input TOKENS_A.csv [--link TOKENS_B.csv] --output PAIRS.csv [--threshold X]';

/** The fields whose level spoke for the match (positive weight), for the output's last column. */
function agreeingFields(levels: PairLevels): string[] {
  return SCORED_FIELDS.filter((field) => levels[field] >= 0 && (TOKEN_WEIGHTS[field][levels[field]] ?? 0) > 0).map((field) => (levels.swapped && field !== 'dob' && field !== 'sex' ? `${field} (swapped)` : field));
}

/**
 * `sanad pprl match`: links the records of one tokens file (or of two, with --link) on their filters
 * alone, and writes every pair of records that ends in the same cluster, with its score and the fields
 * that agreed — the same output as `sanad dedup`.
 */
export const pprlMatchCommand: Command = async (ctx) => {
  let values;
  try {
    ({ values } = parseArgs({ args: ctx.args, options: { input: { type: 'string' }, link: { type: 'string' }, output: { type: 'string' }, threshold: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${PPRL_MATCH_USAGE}`, 2);
  }
  if (!values.input || !values.output) throw new CliError(`--input and --output are required.\n${PPRL_MATCH_USAGE}`, 2);
  const threshold = values.threshold === undefined ? DEFAULT_TOKEN_THRESHOLD : Number(values.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new CliError(`--threshold must be a number between 0 and 1 (exclusive), not "${values.threshold}".`, 2);

  const left = await readTokensFile(values.input);
  const right = values.link ? await readTokensFile(values.link, left.version) : null;
  const ids = right ? [...left.ids, ...right.ids] : left.ids;
  const filters = right ? new Uint8Array(ids.length * CLK_BYTES) : left.filters;
  if (right) {
    filters.set(left.filters);
    filters.set(right.filters, left.filters.length);
  }
  const set = new FilterSet(filters);
  const crossesFiles = (a: number, b: number) => !right || (a < left.ids.length) !== (b < left.ids.length);
  const started = performance.now();
  const result = matchFilters(set, { threshold, blocking: { keep: crossesFiles } });

  const direct = new Map<number, PairLevels>();
  for (const pair of result.pairs) direct.set(pair.a * ids.length + pair.b, pair.levels);
  const clustered = function* (): Generator<ScoredPair> {
    for (const [x, y] of clusterPairs(result.clusterIds)) {
      const [a, b] = x < y ? [x, y] : [y, x];
      if (!crossesFiles(a, b)) continue;
      // Pairs the clustering joined without comparing them directly are scored now.
      const levels = direct.get(a * ids.length + b) ?? pairLevels(set, a, b);
      yield { idA: ids[a]!, idB: ids[b]!, score: weightToProbability(pairWeight(levels)), agreeingFields: agreeingFields(levels) };
    }
  };
  const temporary = `${values.output}.partial-${process.pid}`;
  const writer = new PairsCsvWriter(createWriteStream(temporary));
  let written = 0;
  try {
    for (const pair of clustered()) {
      await writer.write(pair);
      written++;
    }
    await writer.close();
    await rename(temporary, values.output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`Cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ctx.err(`${ids.length.toLocaleString('en')} records, ${result.candidatePairs.toLocaleString('en')} pairs compared, ${written.toLocaleString('en')} pairs in ${values.output} (${seconds} s).`);
};
