import { defineConfig } from 'vitest/config';

/**
 * Test layers (scripts/test.mjs runs each as its own vitest run and sums them up):
 * - unit: pure code beside the source, no database;
 * - integration: the HTTP app in process over a real database, run once per engine
 *   (SANAD_TEST_ENGINE=pglite | postgresql), each test file on its own clone of a migrated template;
 * - e2e: the real server and Debian's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
