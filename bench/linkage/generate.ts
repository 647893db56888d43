import { createWriteStream, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CsvWriter } from './csv-writer.ts';
import { MIGRANT_COLUMNS, streamMigrantRecords } from './migrant/generate-migrant.ts';
import { streamWesternRecords, WESTERN_COLUMNS } from './western/generate-western.ts';

/**
 * `node bin/run-ts.js bench/linkage/generate.ts --kind migrant|western --seed N --records N --out FILE.csv
 * [--organisations N]`: streams a generated evaluation set to a CSV file (flat memory, any size), shows
 * progress on stderr, and writes the phenomenon counts to FILE.csv.summary.json.
 */
const USAGE = 'usage: node bin/run-ts.js bench/linkage/generate.ts --kind migrant|western --seed N --records N --out FILE.csv [--organisations N]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function integerOption(name: string, value: string | undefined, min: number): number {
  if (value === undefined) fail(`--${name} is required`);
  if (!/^-?\d+$/.test(value)) fail(`--${name} must be an integer, got "${value}"`);
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) fail(`--${name} must be an integer >= ${min}, got ${value}`);
  return number;
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        kind: { type: 'string' },
        seed: { type: 'string' },
        records: { type: 'string' },
        out: { type: 'string' },
        organisations: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const kind = values.kind;
  if (kind !== 'migrant' && kind !== 'western') fail(`--kind must be migrant or western, got "${kind ?? ''}"`);
  if (!values.out) fail('--out is required');
  if (kind === 'western' && values.organisations !== undefined) fail('--organisations applies to --kind migrant only');
  return {
    kind,
    seed: integerOption('seed', values.seed, -0x8000_0000),
    records: integerOption('records', values.records, 1),
    out: values.out,
    organisations: values.organisations === undefined ? 3 : integerOption('organisations', values.organisations, 1),
  } as const;
}

function progressReporter(total: number) {
  const started = performance.now();
  const interactive = process.stderr.isTTY === true;
  let lastShown = 0;
  let lastPercent = -1;
  return {
    update(done: number, bytes: number) {
      const now = performance.now();
      const percent = Math.floor((done / total) * 100);
      // A terminal gets a redrawn line twice a second; a log gets one line per 10 %.
      const show = interactive ? now - lastShown >= 500 : percent >= lastPercent + 10;
      if (!show) return;
      lastShown = now;
      lastPercent = percent;
      const rate = Math.round(done / ((now - started) / 1000));
      const line = `generated ${done.toLocaleString('en')} / ${total.toLocaleString('en')} records (${percent} %), ${(bytes / 2 ** 20).toFixed(1)} MiB, ${rate.toLocaleString('en')} records/s`;
      process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
    },
    finish(done: number, bytes: number) {
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(done / seconds);
      process.stderr.write(`${interactive ? '\r' : ''}generated ${done.toLocaleString('en')} records, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} records/s)\n`);
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const output = createWriteStream(options.out);
  const { rows, summary, columns } =
    options.kind === 'migrant'
      ? { ...streamMigrantRecords({ seed: options.seed, records: options.records, organisations: options.organisations }), columns: MIGRANT_COLUMNS }
      : { ...streamWesternRecords({ seed: options.seed, records: options.records }), columns: WESTERN_COLUMNS };
  const writer = new CsvWriter<string>(output, columns);
  const progress = progressReporter(options.records);
  for (const row of rows as Iterable<Record<string, string>>) {
    await writer.writeRow(row);
    if ((writer.rowsWritten & 1023) === 0) progress.update(writer.rowsWritten, writer.bytesWritten);
  }
  await writer.close();
  progress.finish(writer.rowsWritten, writer.bytesWritten);
  const summaryFile = `${options.out}.summary.json`;
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`${summary.entities.toLocaleString('en')} entities; phenomenon counts in ${summaryFile}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`generation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
