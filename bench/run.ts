import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditVerifyBenchmark } from './benchmarks/audit-verify.ts';
import { authenticatedGetBenchmark } from './benchmarks/authenticated-get.ts';
import { linkageSpeedBenchmark } from './benchmarks/linkage.ts';
import { linkageQualityBenchmark } from './benchmarks/linkage-quality.ts';
import { linkageDuplicateCheckBenchmark } from './benchmarks/linkage-duplicate-check.ts';
import { linkageBlockingBenchmark } from './benchmarks/linkage-blocking.ts';
import { linkageScoringBenchmark } from './benchmarks/linkage-scoring.ts';
import { linkageBatchBenchmark } from './benchmarks/linkage-batch.ts';
import { linkageBatchLargeBenchmark } from './benchmarks/linkage-batch-large.ts';
import { loginBenchmark } from './benchmarks/login.ts';
import { pgliteOpenBenchmark } from './benchmarks/pglite-open.ts';
import { pprlDiceBenchmark, pprlQueryBenchmark } from './benchmarks/pprl-dice.ts';
import { pprlEncodeBenchmark } from './benchmarks/pprl-encode.ts';
import { pprlTokensBenchmark } from './benchmarks/pprl-tokens.ts';
import { pprlTokenBlockingBenchmark } from './benchmarks/pprl-token-blocking.ts';
import { median, type Benchmark } from './support.ts';

/**
 * `npm run bench [-- name…]`: runs the named benchmarks (default: all), each several times, prints a short
 * table and writes bench/results/<name>.json (overwritten) with the machine, Node version and git commit,
 * so numbers can be compared across commits on the same kind of machine.
 */
const BENCHMARKS: Benchmark[] = [loginBenchmark, authenticatedGetBenchmark, auditVerifyBenchmark, pgliteOpenBenchmark, pprlDiceBenchmark, pprlQueryBenchmark, pprlEncodeBenchmark, pprlTokensBenchmark, pprlTokenBlockingBenchmark, linkageQualityBenchmark, linkageSpeedBenchmark, linkageBlockingBenchmark, linkageScoringBenchmark, linkageDuplicateCheckBenchmark, linkageBatchBenchmark, linkageBatchLargeBenchmark];
const RESULTS_DIR = resolve(import.meta.dirname, 'results');

interface Result {
  name: string;
  description: string;
  unit: string;
  better: 'lower' | 'higher';
  runs: number;
  median: number;
  min: number;
  max: number;
  samples: number[];
  target?: number;
  targetMet?: boolean;
  details?: Record<string, unknown>;
  machine: { os: string; cpus: number; cpuModel: string; totalMemoryGiB: number };
  node: string;
  gitSha: string | null;
  /** True when the working tree had uncommitted changes: the numbers are for gitSha plus those. */
  gitDirty: boolean | null;
  date: string;
  seconds: number;
  /** The 1-minute load average before and after: other work on the machine skews the numbers. */
  loadAverage: { before: number; after: number };
}

const round = (value: number) => Number(value.toPrecision(4));

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: resolve(import.meta.dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine(): Result['machine'] {
  const list = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function runOne(benchmark: Benchmark): Promise<Result> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const progress = (message: string) => log(`  ${benchmark.name}: ${message}`);
  log(`${benchmark.name}: ${benchmark.description}`);
  const prepared = await benchmark.prepare(progress);
  const samples: number[] = [];
  let details: Record<string, unknown> | undefined;
  try {
    for (let run = 1; run <= benchmark.runs; run++) {
      const value = await prepared.measure(run);
      samples.push(value);
      progress(`run ${run}/${benchmark.runs}: ${round(value)} ${benchmark.unit}`);
    }
    details = prepared.details?.();
  } finally {
    await prepared.close();
  }
  const sha = git(['rev-parse', 'HEAD']);
  const status = git(['status', '--porcelain', '--', '.', ':(exclude)bench/results']);
  return {
    name: benchmark.name,
    description: benchmark.description,
    unit: benchmark.unit,
    better: benchmark.better,
    runs: samples.length,
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    samples: samples.map(round),
    ...(benchmark.target === undefined
      ? {}
      : { target: benchmark.target, targetMet: benchmark.better === 'higher' ? median(samples) >= benchmark.target : median(samples) <= benchmark.target }),
    ...(details ? { details } : {}),
    machine: machine(),
    node: process.version,
    gitSha: sha,
    gitDirty: status === null ? null : status.length > 0,
    date: new Date().toISOString(),
    seconds: round((performance.now() - started) / 1000),
    loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

function printTable(results: Result[]): void {
  const rows = [
    ['benchmark', 'median', 'min', 'max', 'unit', 'runs'],
    ...results.map((r) => [r.name, String(r.median), String(r.min), String(r.max), `${r.unit} (${r.better} is better)`, String(r.runs)]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}

async function main(names: string[]): Promise<number> {
  // A name selects that benchmark or, as a group, every benchmark named `<name>-…` (`linkage`, `pprl`).
  const selects = (name: string, benchmark: Benchmark) => benchmark.name === name || benchmark.name.startsWith(`${name}-`);
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => selects(n, b)));
  if (unknown.length) {
    log(`Unknown benchmark ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const chosen = names.length ? BENCHMARKS.filter((b) => names.some((n) => selects(n, b))) : BENCHMARKS;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const results: Result[] = [];
  for (const benchmark of chosen) {
    const result = await runOne(benchmark);
    writeFileSync(join(RESULTS_DIR, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    results.push(result);
  }
  console.log('');
  printTable(results);
  log(`\nResults written to ${RESULTS_DIR}/`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
