import { sql, type Kysely } from 'kysely';
import type { DialectName } from './types.ts';

export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export interface MigrateResult {
  applied: string[];
}

const TABLE = 'anxin_migrations';
// Arbitrary constant: one advisory lock key so only one node migrates a PostgreSQL database at a time.
const PG_LOCK_KEY = 727_272_001;

/**
 * Forward-only runner. Each migration and its bookkeeping row commit together in one transaction,
 * so a failing migration leaves the schema exactly as it was (SQLite and PostgreSQL both have
 * transactional DDL). On PostgreSQL a session advisory lock serialises concurrent starters.
 */
export async function migrate(
  db: Kysely<any>,
  dialect: DialectName,
  migrations: readonly Migration[],
): Promise<MigrateResult> {
  assertOrdered(migrations);
  return db.connection().execute(async (conn) => {
    await conn.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    if (dialect === 'postgres') await sql`select pg_advisory_lock(${PG_LOCK_KEY})`.execute(conn);
    try {
      const done = new Set(
        (await conn.selectFrom(TABLE).select('name').execute()).map((r: { name: string }) => r.name),
      );
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        await conn.transaction().execute(async (trx) => {
          await m.up(trx, dialect);
          await trx
            .insertInto(TABLE)
            .values({ name: m.name, applied_at: new Date().toISOString() })
            .execute();
        });
        applied.push(m.name);
      }
      return { applied };
    } finally {
      if (dialect === 'postgres') await sql`select pg_advisory_unlock(${PG_LOCK_KEY})`.execute(conn);
    }
  });
}

function assertOrdered(migrations: readonly Migration[]): void {
  const names = migrations.map((m) => m.name);
  const sorted = [...names].sort();
  if (names.join() !== sorted.join() || new Set(names).size !== names.length) {
    throw new Error(`migrations must be uniquely named and listed in order: ${names.join(', ')}`);
  }
}
