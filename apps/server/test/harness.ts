import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openSqlite } from '../src/platform/db/dialect/sqlite.ts';
import { openPostgres } from '../src/platform/db/dialect/postgres.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { migrations } from '../src/migrations/index.ts';
import type { DbHandle } from '../src/platform/db/types.ts';
import { TEST_PG_URL, usePostgres, withPgClient } from './pg.ts';

export interface TestDb extends DbHandle {
  /** PostgreSQL schema or SQLite file backing this test database. */
  location: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new SQLite file in a temp dir, or a new
 * PostgreSQL schema (selected by ANXIN_TEST_DB=postgres). Call `drop()` in afterAll.
 */
export async function createTestDb(
  opts: { migrate?: boolean; dialect?: 'sqlite' | 'postgres' } = {},
): Promise<TestDb> {
  const dialect = opts.dialect ?? (usePostgres() ? 'postgres' : 'sqlite');
  const handle = dialect === 'postgres' ? await freshPg() : freshSqlite();
  if (opts.migrate !== false) await migrate(handle.db, handle.dialect, migrations);
  return handle;
}

function freshSqlite(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-test-'));
  const file = path.join(dir, 'test.sqlite');
  const h = openSqlite(file);
  return {
    ...h,
    location: file,
    drop: async () => {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPg(): Promise<TestDb> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withPgClient((c) => c.query(`create schema ${schema}`));
  const h = openPostgres({ connectionString: TEST_PG_URL, schema, max: 4 });
  return {
    ...h,
    location: schema,
    drop: async () => {
      await h.close();
      await withPgClient((c) => c.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/**
 * Kysely's PostgreSQL introspection reads every schema of the database; another test file dropping
 * its schema in the middle of that read fails it (3F000 / 42P01). Such a read is simply repeated.
 */
async function allTables(db: Kysely<any>, attempts = 5) {
  for (let i = 1; ; i++) {
    try {
      return await db.introspection.getTables();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || (code !== '3F000' && code !== '42P01')) throw err;
    }
  }
}

/** Tables of this test database only (PostgreSQL introspection sees every schema of the database). */
export async function ownTables(db: Kysely<any>) {
  const tables = await allTables(db);
  const row = await sql<{ s: string | null }>`select current_schema() as s`.execute(db).catch(() => null);
  const schema = row?.rows[0]?.s ?? null;
  return tables.filter((t) => !t.schema || !schema || t.schema === schema);
}
