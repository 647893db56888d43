import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_THRESHOLD, linkRecords, type LinkResult } from '../../../core/linkage/engine/link-records.ts';
import { clusterPairs } from '../../../core/linkage/model/cluster.ts';
import { explain } from '../../../core/linkage/model/fellegi-sunter.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { openRecordStream } from '../../linkage/csv/open-record-stream.ts';
import { PairsCsvWriter, type ScoredPair } from '../../linkage/csv/pairs-csv-writer.ts';
import { parseMapping } from '../../linkage/csv/parse-mapping.ts';
import { ProgressBar } from '../../linkage/csv/progress-bar.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';

const USAGE =
  'usage: sanad dedup --input FILE.csv [--link FILE2.csv] [--id COL] --map given=COL,family=COL,dob=COL,sex=COL,phone=COL,nationality=COL,other=COL[,COL…] --output PAIRS.csv [--threshold X] [--candidates ALL.csv]';

async function readRecords(path: string, mapping: ReturnType<typeof parseMapping>, idColumn: string | undefined, prefix: string): Promise<RawPersonRecord[]> {
  const bar = new ProgressBar({ output: process.stderr, label: `reading ${basename(path)}` });
  const stream = await openRecordStream(path, { mapping, ...(idColumn ? { idColumn } : {}), onProgress: (progress) => bar.update(progress) });
  const records: RawPersonRecord[] = [];
  for await (const { record } of stream) records.push(prefix ? { ...record, id: `${prefix}${record.id}` } : record);
  bar.finish({ records: records.length, bytesRead: stream.totalBytes, totalBytes: stream.totalBytes });
  return records;
}

/** The fields whose comparison spoke for the match (positive weight), for the output's last column. */
function agreeingFields(result: LinkResult, vector: Uint8Array, overrides: (number | undefined)[]): string[] {
  return explain(result.params, vector, overrides)
    .filter((field) => field.weight > 0)
    .map((field) => field.field);
}

/** Writes to a temporary name and renames at the end, so a failed run never leaves a half-written file. */
async function writePairs(path: string, pairs: Iterable<ScoredPair>): Promise<number> {
  const temporary = `${path}.partial-${process.pid}`;
  const writer = new PairsCsvWriter(createWriteStream(temporary));
  let count = 0;
  try {
    for (const pair of pairs) {
      await writer.write(pair);
      count++;
    }
    await writer.close();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return count;
}

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

  // With --link, ids are prefixed by their file so that the two files may reuse ids.
  const linking = Boolean(values.link);
  const left = await readRecords(values.input, mapping, values.id, linking ? 'a:' : '');
  const right = linking ? await readRecords(values.link!, mapping, values.id, 'b:') : [];
  const records = [...left, ...right];
  if (records.length === 0) throw new CliError(`${values.input} has a header but no records.`);

  ctx.err(`Comparing ${records.length.toLocaleString('en')} records…`);
  const started = performance.now();
  const result = linkRecords(records, { threshold, otherColumns: mapping.other });
  const idOf = (index: number) => {
    const id = records[index]!.id;
    return linking ? id.slice(2) : id;
  };
  const crossesFiles = (a: number, b: number) => !linking || (a < left.length) !== (b < left.length);

  const direct = new Map<string, (typeof result.pairs)[number]>();
  for (const pair of result.pairs) direct.set(`${pair.a}:${pair.b}`, pair);
  const clustered = function* (): Generator<ScoredPair> {
    for (const [x, y] of clusterPairs(result.clusterIds)) {
      const [a, b] = x < y ? [x, y] : [y, x];
      if (!crossesFiles(a, b)) continue;
      // Pairs the clustering joined without comparing them directly are scored now.
      const scored = direct.get(`${a}:${b}`) ?? result.score(result.records[a]!, result.records[b]!);
      yield { idA: idOf(a), idB: idOf(b), score: scored.probability, agreeingFields: agreeingFields(result, scored.vector, scored.overrides) };
    }
  };
  const written = await writePairs(values.output, clustered());
  if (values.candidates) {
    const all = function* (): Generator<ScoredPair> {
      for (const pair of result.pairs) {
        if (!crossesFiles(pair.a, pair.b)) continue;
        yield { idA: idOf(pair.a), idB: idOf(pair.b), score: pair.probability, agreeingFields: agreeingFields(result, pair.vector, pair.overrides) };
      }
    };
    await writePairs(values.candidates, all());
  }
  const seconds = (performance.now() - started) / 1000;
  const warnings = Object.entries(result.stats.warnings);
  if (warnings.length) {
    const total = warnings.reduce((sum, [, n]) => sum + n, 0);
    ctx.err(`warning: ${total} value(s) could not be read and were treated as missing: ${warnings.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  }
  ctx.err(
    `${records.length.toLocaleString('en')} records, ${result.stats.candidatePairs.toLocaleString('en')} pairs compared, ` +
      `${written.toLocaleString('en')} pairs in ${values.output} (threshold ${threshold}) in ${seconds.toFixed(1)} s` +
      (result.stats.skippedBlocks ? `; ${result.stats.skippedBlocks} oversized blocking keys skipped` : ''),
  );
};
