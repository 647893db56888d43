import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrator.ts';
import type { Benchmark } from '../support.ts';

/**
 * What a first `npm start` waits for before it can serve: creating PGlite in an empty data dir (initdb,
 * extensions) and applying every migration. Run in one process, so only the first run pays for compiling
 * PGlite's WebAssembly; the spread between min and max shows that cost.
 */
export const pgliteOpenBenchmark: Benchmark = {
  name: 'pglite-open',
  description: 'ms to open PGlite in an empty data dir and apply all migrations (closing not counted)',
  unit: 'ms',
  better: 'lower',
  runs: 5,
  async prepare() {
    return {
      async measure() {
        const dir = mkdtempSync(join(tmpdir(), 'sanad-bench-open-'));
        try {
          const started = performance.now();
          const db = await openDatabase({ dataDir: join(dir, 'pglite') });
          await migrate(db);
          const elapsed = performance.now() - started;
          await db.close();
          return elapsed;
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      async close() {},
    };
  },
};
