/** Which database engine this integration run targets (scripts/test.mjs sets it per layer). */
export type TestEngine = 'pglite' | 'postgresql';

export function testEngine(): TestEngine {
  const engine = process.env.SANAD_TEST_ENGINE ?? 'pglite';
  if (engine !== 'pglite' && engine !== 'postgresql') throw new Error(`SANAD_TEST_ENGINE=${engine}?`);
  if (engine === 'postgresql' && !process.env.TEST_DATABASE_URL) {
    throw new Error('SANAD_TEST_ENGINE=postgresql needs TEST_DATABASE_URL');
  }
  return engine;
}

/** The same URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
