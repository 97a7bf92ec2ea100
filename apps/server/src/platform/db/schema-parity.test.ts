import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDb, ownTables, type TestDb } from '../../../test/harness.ts';
import { usePostgres } from '../../../test/pg.ts';

/** Logical column types: what our portable vocabulary promises to be the same on both sides. */
function logical(type: string): string {
  const t = type.toLowerCase();
  if (/^(int|integer|int4|int8|bigint|smallint|int2)$/.test(t)) return 'integer';
  if (/^(real|float4|float8|double precision|double)$/.test(t)) return 'real';
  if (/^(text|varchar|character varying)/.test(t)) return 'text';
  return t;
}

async function describeSchema(db: Kysely<any>) {
  const tables = await ownTables(db);
  return Object.fromEntries(
    tables
      .filter((t) => !t.isView)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [
        t.name,
        t.columns.map((c) => `${c.name}:${logical(c.dataType)}:${c.isNullable ? 'null' : 'not null'}`).sort(),
      ]),
  );
}

// Needs both databases, so it runs in the PostgreSQL suite (which CI requires).
describe.runIf(usePostgres())('schema parity', () => {
  let lite: TestDb;
  let pg: TestDb;
  beforeAll(async () => {
    lite = await createTestDb({ dialect: 'sqlite' });
    pg = await createTestDb({ dialect: 'postgres' });
  });
  afterAll(async () => {
    await lite?.drop();
    await pg?.drop();
  });

  it('SQLite and PostgreSQL have the same tables, columns, logical types and nullability', async () => {
    const a = await describeSchema(lite.db);
    const b = await describeSchema(pg.db);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });
});
