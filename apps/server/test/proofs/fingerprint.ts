import { sql, type Kysely } from 'kysely';
import { ownTables } from '../harness.ts';

const COUNTERS = 'proof_row_writes';

/**
 * A fingerprint of the whole database: how many rows of every table were ever inserted, updated or
 * deleted. Row triggers (test databases only) count them into one small table, so reading the
 * fingerprint is one query however many tables there are; a write rolled back with its
 * transaction rolls its count back too. Two equal fingerprints around a refused request mean it
 * wrote no row, not even one it wrote back unchanged.
 */
export async function fingerprinter(
  db: Kysely<any>,
  dialect: 'sqlite' | 'postgres',
  exclude: readonly string[] = [],
) {
  const tables = (await ownTables(db))
    .filter((t) => !t.isView)
    .map((t) => t.name)
    .filter((name) => !exclude.includes(name) && !name.startsWith('kysely_') && name !== COUNTERS)
    .sort();
  await sql`create table ${sql.table(COUNTERS)} (t text primary key, n integer not null)`.execute(db);
  for (const name of tables)
    await sql`insert into ${sql.table(COUNTERS)} (t, n) values (${name}, 0)`.execute(db);
  if (dialect === 'postgres') await installPg(db, tables);
  else await installSqlite(db, tables);
  return async (): Promise<string> => {
    const r = await sql<{ t: string; n: number | string }>`
      select t, n from ${sql.table(COUNTERS)} order by t`.execute(db);
    return r.rows.map((x) => `${x.t}:${Number(x.n)}`).join('|');
  };
}

async function installSqlite(db: Kysely<any>, tables: string[]): Promise<void> {
  for (const name of tables)
    for (const op of ['insert', 'update', 'delete'])
      await sql
        .raw(
          `create trigger "proof_${op}_${name}" after ${op} on "${name}" begin ` +
            `update ${COUNTERS} set n = n + 1 where t = '${name}'; end`,
        )
        .execute(db);
}

async function installPg(db: Kysely<any>, tables: string[]): Promise<void> {
  // Qualified by the trigger's own schema: each test file works in a schema of its own.
  await sql
    .raw(
      `create function proof_count_write() returns trigger language plpgsql as $$ begin ` +
        `execute format('update %I.${COUNTERS} set n = n + 1 where t = %L', TG_TABLE_SCHEMA, TG_TABLE_NAME); ` +
        `return null; end $$`,
    )
    .execute(db);
  for (const name of tables)
    await sql
      .raw(
        `create trigger proof_count_write after insert or update or delete on "${name}" ` +
          `for each row execute function proof_count_write()`,
      )
      .execute(db);
}

/** The tables whose entries differ between two fingerprints. */
export function changedTables(before: string, after: string): string[] {
  const a = new Set(before.split('|'));
  return after
    .split('|')
    .filter((x) => !a.has(x))
    .map((x) => x.split(':')[0]!);
}
