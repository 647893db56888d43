import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrations, loadMigrations, migrate, MigrationError } from '../../src/server/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('value parsing (the same on both engines)', () => {
  it('parses int8 to numbers and refuses to lose precision', async () => {
    const [row] = await t.db.query<{ n: number; c: number }>('select 42::int8 as n, count(*) as c from organisations');
    expect(row).toEqual({ n: 42, c: 0 });
    await expect(t.db.query('select 9007199254740993::int8 as n')).rejects.toThrow(/safe integer/);
  });

  it('keeps dates as ISO strings and timestamptz as Date', async () => {
    const [row] = await t.db.query<{ d: unknown; ts: unknown }>(
      "select date '2021-12-13' as d, timestamptz '2021-12-18 17:00:00+01' as ts",
    );
    expect(row!.d).toBe('2021-12-13');
    expect(row!.ts).toBeInstanceOf(Date);
    expect((row!.ts as Date).toISOString()).toBe('2021-12-18T16:00:00.000Z');
  });

  it('has the extensions migrations may use available', async () => {
    await t.db.exec('create extension if not exists pg_trgm; create extension if not exists unaccent; create extension if not exists fuzzystrmatch');
    const [row] = await t.db.query<{ s: number; u: string; l: number }>(
      "select similarity('Mohamed', 'Mohammed') > 0.5 as s, unaccent('Aït Énnaji') as u, levenshtein('Diallo', 'Jallow') as l",
    );
    expect(row).toMatchObject({ s: true, u: 'Ait Ennaji', l: 3 });
  });
});

describe('migrator', () => {
  it('has applied every shipped migration once and is idempotent', async () => {
    const shipped = loadMigrations().map((m) => m.version);
    expect(await appliedMigrations(t.db)).toEqual(shipped);
    expect((await migrate(t.db)).applied).toEqual([]);
  });

  it('refuses a database whose schema is newer than the code', async () => {
    await t.db.query("insert into schema_migrations (version, name, checksum) values ('29991231235959', 'future', 'x')");
    await expect(migrate(t.db)).rejects.toThrow(MigrationError);
    await expect(migrate(t.db)).rejects.toThrow(/newer than the code/);
    await t.db.query("delete from schema_migrations where version = '29991231235959'");
  });

  it('refuses an applied migration that was edited since', async () => {
    const migrations = loadMigrations();
    const edited = migrations.map((m, i) => (i === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(t.db, { migrations: edited })).rejects.toThrow(/changed after it was applied/);
  });

  it('applies a new migration exactly once when several processes migrate at the same time', async () => {
    const extra = {
      version: '29990101000000',
      name: 'concurrency_probe',
      sql: 'create table concurrency_probe (id int primary key); insert into concurrency_probe values (1);',
      checksum: 'probe',
    };
    const all = [...loadMigrations(), extra];
    const runs = await Promise.all([migrate(t.db, { migrations: all }), migrate(t.db, { migrations: all }), migrate(t.db, { migrations: all })]);
    expect(runs.flatMap((r) => r.applied)).toEqual(['29990101000000_concurrency_probe']);
    expect(await t.db.query('select * from concurrency_probe')).toEqual([{ id: 1 }]);
    await t.db.exec("drop table concurrency_probe; delete from schema_migrations where version = '29990101000000'");
  });
});
