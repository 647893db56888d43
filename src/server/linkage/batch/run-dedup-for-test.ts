import { dedupCommand } from '../../cli/commands/dedup.ts';
import type { CommandContext } from '../../cli/context.ts';

/**
 * `node bin/run-ts.js src/server/linkage/batch/run-dedup-for-test.ts <sanad dedup arguments…>`: runs the
 * dedup command as the CLI does (progress and summary on stderr) and prints, on stdout, JSON with the peak
 * heap and RSS sampled every 50 ms and the time taken — for the large-file test and the benchmark.
 */
const args = process.argv.slice(2);
let peakHeapBytes = 0;
let peakRssBytes = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeapBytes = Math.max(peakHeapBytes, usage.heapUsed);
  peakRssBytes = Math.max(peakRssBytes, usage.rss);
};
const timer = setInterval(sample, 50);
const started = performance.now();
const context = {
  args,
  out: (line: string) => process.stderr.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
} as unknown as CommandContext;
try {
  await dedupCommand(context);
  sample();
  process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, peakHeapBytes, peakRssBytes })}\n`);
} catch (error) {
  process.stderr.write(`sanad: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  clearInterval(timer);
}
