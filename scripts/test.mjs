#!/usr/bin/env node
// `npm test`: runs every test layer this machine can run and sums them up.
//   unit        pure code, always
//   pglite      integration tests on the embedded database, always
//   postgresql  the same integration tests on PostgreSQL, when TEST_DATABASE_URL is set
//   browser     end-to-end tests in Debian's Chromium, when it is installed
// SANAD_TEST_STRICT=1 turns a layer that could not run into a failure (CI).
// The last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const strict = process.env.SANAD_TEST_STRICT === '1';
const extraArgs = process.argv.slice(2);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const layers = [
  { name: 'unit', project: 'unit', env: {} },
  { name: 'pglite', project: 'integration', env: { SANAD_TEST_ENGINE: 'pglite' } },
  {
    name: 'postgresql',
    project: 'integration',
    env: { SANAD_TEST_ENGINE: 'postgresql' },
    missing: process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL is not set',
  },
  {
    name: 'browser',
    project: 'e2e',
    env: { SANAD_TEST_ENGINE: 'pglite', SANAD_CHROMIUM: chromium ?? '' },
    missing: chromium ? null : 'Chromium not found (apt-get install chromium)',
  },
];

const outDir = mkdtempSync(join(tmpdir(), 'sanad-test-'));
const results = [];
for (const layer of layers) {
  if (layer.missing) {
    results.push({ ...layer, skipped: true });
    continue;
  }
  console.log(`\n=== ${layer.name} ===`);
  const outputFile = join(outDir, `${layer.name}.json`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs', 'run', '--project', layer.project,
      '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`,
      '--passWithNoTests', ...extraArgs,
    ],
    { stdio: 'inherit', env: { ...process.env, ...layer.env } },
  );
  const seconds = (Date.now() - started) / 1000;
  let passed = 0;
  let failed = 0;
  let crashed = false;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numFailedTestSuites ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  } catch {
    crashed = true;
  }
  if (run.status !== 0 && failed === 0) crashed = true;
  results.push({ ...layer, passed, failed: failed + (crashed ? 1 : 0), crashed, seconds });
}
rmSync(outDir, { recursive: true, force: true });

console.log('\n=== summary ===');
let passed = 0;
let failed = 0;
for (const r of results) {
  if (r.skipped) {
    const verdict = strict ? 'NOT RUN (fails: SANAD_TEST_STRICT=1)' : 'not run';
    console.log(`${r.name.padEnd(11)} ${verdict}: ${r.missing}`);
    if (strict) failed += 1;
    continue;
  }
  passed += r.passed;
  failed += r.failed;
  const note = r.crashed ? ' (the runner itself failed)' : '';
  console.log(`${r.name.padEnd(11)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${note}`);
}
const notRun = results.filter((r) => r.skipped).map((r) => r.name);
if (notRun.length) console.log(`Layers not run: ${notRun.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
