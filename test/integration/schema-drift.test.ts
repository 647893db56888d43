import { eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pg-proxy';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/permissions.ts';
import type { Tx } from '../../src/server/db/transaction.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import { systemActor } from '../../src/server/domain/actor.ts';
import { createToken } from '../../src/server/domain/tokens/create-token.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { buildOrganisation, buildUser } from '../harness/factories.ts';

/**
 * DESIGN §2: the SQL migrations are the source of truth and the Drizzle schema only types queries, so the
 * two must never drift. Every table exported by src/server/db/schema is compared with the migrated
 * database's information_schema: same tables, columns, types, nullability and primary keys, both ways.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** information_schema's element type names (udt_name without the leading `_`) for array columns. */
const UDT_OF: Record<string, string> = {
  text: 'text', uuid: 'uuid', integer: 'int4', bigint: 'int8', smallint: 'int2', boolean: 'bool', date: 'date',
  'timestamp with time zone': 'timestamptz', jsonb: 'jsonb', numeric: 'numeric', 'character varying': 'varchar',
};
/** Drizzle SQL type names that information_schema spells differently. */
const DATA_TYPE_OF: Record<string, string> = {
  timestamp: 'timestamp without time zone', varchar: 'character varying', char: 'character', time: 'time without time zone',
};
const KNOWN_TYPES = new Set([...Object.keys(UDT_OF), ...Object.keys(DATA_TYPE_OF), 'bytea', 'json', 'double precision', 'real', 'interval', 'inet']);

/** A Drizzle column's type in information_schema terms, e.g. `timestamp with time zone` or `ARRAY<text>`. */
function expectedDataType(sqlType: string): string {
  const array = sqlType.endsWith('[]');
  const base = sqlType.replace(/\[\d*\]$/, '').replace(/\s*\(.*\)$/, '').trim();
  const named = DATA_TYPE_OF[base] ?? base;
  if (!KNOWN_TYPES.has(base)) throw new Error(`schema-drift: teach the test the Drizzle type "${sqlType}"`);
  if (!array) return named;
  const udt = UDT_OF[named];
  if (!udt) throw new Error(`schema-drift: teach the test the array element type "${named}"`);
  return `ARRAY<${udt}>`;
}

interface ColumnShape {
  type: string;
  nullable: boolean;
}
type TableShape = { columns: Record<string, ColumnShape>; primaryKey: string[] };

function drizzleShapes(): Record<string, TableShape> {
  const shapes: Record<string, TableShape> = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    if (config.schema && config.schema !== 'public') continue;
    const columns: Record<string, ColumnShape> = {};
    for (const column of config.columns) {
      columns[column.name] = { type: expectedDataType(column.getSQLType()), nullable: !column.notNull };
    }
    const primaryKey = [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ].sort();
    expect(shapes[config.name], `table ${config.name} is exported twice`).toBeUndefined();
    shapes[config.name] = { columns, primaryKey };
  }
  return shapes;
}

async function databaseShapes(): Promise<Record<string, TableShape>> {
  const columns = await t.db.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
    `select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
     from information_schema.columns c
     join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`,
  );
  const keys = await t.db.query<{ table_name: string; column_name: string }>(
    `select k.table_name, k.column_name
     from information_schema.table_constraints tc
     join information_schema.key_column_usage k
       on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
     where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'`,
  );
  const shapes: Record<string, TableShape> = {};
  for (const c of columns) {
    const shape = (shapes[c.table_name] ??= { columns: {}, primaryKey: [] });
    shape.columns[c.column_name] = {
      type: c.data_type === 'ARRAY' ? `ARRAY<${c.udt_name.replace(/^_/, '')}>` : c.data_type,
      nullable: c.is_nullable === 'YES',
    };
  }
  for (const k of keys) shapes[k.table_name]?.primaryKey.push(k.column_name);
  for (const shape of Object.values(shapes)) shape.primaryKey.sort();
  return shapes;
}

describe('Drizzle schema versus the migrated database', () => {
  it('has exactly the same tables', async () => {
    const fromDrizzle = Object.keys(drizzleShapes()).sort();
    const fromDatabase = Object.keys(await databaseShapes()).sort();
    expect(fromDrizzle.length).toBeGreaterThan(10);
    expect(fromDrizzle, 'tables in src/server/db/schema versus the migrations').toEqual(fromDatabase);
  });

  it('has the same columns, data types, nullability and primary key in every table', async () => {
    const fromDrizzle = drizzleShapes();
    const fromDatabase = await databaseShapes();
    for (const [table, shape] of Object.entries(fromDatabase)) {
      const typed = fromDrizzle[table];
      if (!typed) continue; // reported by the test above
      expect(typed.columns, `columns of ${table}`).toEqual(shape.columns);
      expect(typed.primaryKey, `primary key of ${table}`).toEqual(shape.primaryKey);
    }
  });

  it('maps Drizzle types the way information_schema names them', () => {
    expect(expectedDataType('timestamp with time zone')).toBe('timestamp with time zone');
    expect(expectedDataType('timestamp(3)')).toBe('timestamp without time zone');
    expect(expectedDataType('text[]')).toBe('ARRAY<text>');
    expect(expectedDataType('varchar(20)')).toBe('character varying');
    expect(() => expectedDataType('geometry(point)')).toThrow(/teach the test/);
  });
});

/**
 * Drizzle over a unit's handle: the pg-proxy driver sends Drizzle's SQL through `tx.query`, so typed
 * queries run as sanad_app inside the unit with row-level security, like hand-written SQL.
 */
function drizzleOn(tx: Tx) {
  return drizzle(async (sql, params, method) => {
    const rows = await tx.query(sql, params);
    // pg-proxy wants positional rows for selects; Drizzle names every selected column, so order holds.
    return { rows: method === 'all' ? rows.map((r) => Object.values(r)) : rows };
  });
}

describe('typed Drizzle queries on a transaction handle', () => {
  it('returns typed rows, scoped to the unit organisation by RLS', async () => {
    const organisations = [await buildOrganisation(), await buildOrganisation()];
    for (const [index, organisation] of organisations.entries()) {
      const user = await buildUser({ organisationId: organisation.id });
      const actor = { ...systemActor(organisation.id, PERMISSIONS), accountId: user.id, instanceAdmin: false };
      await createToken({ actor, input: { name: `token ${index}` } });
    }
    const [a] = organisations;
    const actorA = { ...systemActor(a!.id, PERMISSIONS), instanceAdmin: false };

    const rows = await withTransaction(actorA, (tx) =>
      drizzleOn(tx)
        .select({ id: schema.apiTokens.id, name: schema.apiTokens.name, createdAt: schema.apiTokens.createdAt })
        .from(schema.apiTokens),
    );
    expectTypeOf(rows).toEqualTypeOf<Array<{ id: string; name: string; createdAt: Date }>>();
    // No WHERE clause: RLS alone keeps organisation B's token out.
    expect(rows.map((r) => r.name)).toEqual(['token 0']);
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);

    const [me] = await withTransaction(actorA, (tx) =>
      drizzleOn(tx).select({ kind: schema.organisations.kind }).from(schema.organisations).where(eq(schema.organisations.id, a!.id)),
    );
    expect(me?.kind).toBe('member');
  });
});
