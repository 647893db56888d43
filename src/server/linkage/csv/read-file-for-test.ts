/**
 * Test helper run as a child process (see open-record-stream.large.test.ts): reads a CSV of people with
 * openRecordStream and a ProgressBar on stderr, then prints one JSON line {records, peakRssBytes,
 * peakHeapBytes} on stdout. It runs under a small --max-old-space-size to prove the read takes flat memory.
 *   node --max-old-space-size=192 bin/run-ts.js src/server/linkage/csv/read-file-for-test.ts FILE MAP
 */
import { openRecordStream } from './open-record-stream.ts';
import { parseMapping } from './parse-mapping.ts';
import { ProgressBar } from './progress-bar.ts';

const [file, map] = process.argv.slice(2);
if (!file || !map) {
  process.stderr.write('usage: read-file-for-test.ts FILE MAP\n');
  process.exit(2);
}

let peakRssBytes = 0;
let peakHeapBytes = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRssBytes = Math.max(peakRssBytes, usage.rss);
  peakHeapBytes = Math.max(peakHeapBytes, usage.heapUsed);
};

const bar = new ProgressBar({ output: process.stderr, label: `reading ${file}` });
try {
  const stream = await openRecordStream(file, { mapping: parseMapping(map), onProgress: (progress) => { sample(); bar.update(progress); } });
  let records = 0;
  let lastLine = 0;
  for await (const { line } of stream) {
    records++;
    lastLine = line;
  }
  sample();
  bar.finish({ records, bytesRead: stream.totalBytes, totalBytes: stream.totalBytes });
  process.stdout.write(`${JSON.stringify({ records, lastLine, peakRssBytes, peakHeapBytes })}\n`);
} catch (error) {
  process.stderr.write(`failed: ${(error as Error).message}\n`);
  process.exit(1);
}
