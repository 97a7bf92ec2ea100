import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';

/**
 * SLA state `unknown` (issue #12 item 7): a clock that cannot be computed (no holiday data for
 * the year: the calendar fails closed) is `unknown`, not `on_track`. Widens the CHECK of
 * `work_orders.sla_state` and `sla_clocks.state`; existing rows stay valid.
 *
 * PostgreSQL swaps the constraint. SQLite cannot alter a CHECK, so the table is rebuilt from its
 * own stored definition with the wider check (https://www.sqlite.org/lang_altertable.html §7),
 * inside the migration's transaction, where `foreign_keys = off` is not available: see below.
 * The indexes are recreated from their stored definitions.
 */
const OLD = `in ('on_track','at_risk','breached')`;
const NEW = `in ('on_track','at_risk','breached','unknown')`;

const TARGETS = [
  { table: 'work_orders', column: 'sla_state' },
  { table: 'sla_clocks', column: 'state' },
] as const;

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  for (const t of TARGETS) {
    if (dialect === 'postgres') await widenPostgres(db, t.table, t.column);
    else await widenSqlite(db, t.table, t.column);
  }
}

async function widenPostgres(db: Kysely<any>, table: string, column: string): Promise<void> {
  const found = await sql<{ name: string }>`
    select conname as name from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like ${`%${column}%on_track%`}`
    .execute(db)
    .then((r) => r.rows);
  for (const c of found)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(c.name)}`.execute(db);
  await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_${column}_check`)}
    check (${sql.ref(column)} ${sql.raw(NEW)})`.execute(db);
}

async function widenSqlite(db: Kysely<any>, table: string, column: string): Promise<void> {
  const def = await sql<{
    sql: string;
  }>`select sql from sqlite_schema where type = 'table' and name = ${table}`
    .execute(db)
    .then((r) => r.rows[0]?.sql);
  if (!def) throw new Error(`0018: table ${table} not found`);
  const check = `${column} ${OLD}`;
  if (!def.includes(check)) throw new Error(`0018: ${table} has no check "${check}"`);
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_schema where type = 'index' and tbl_name = ${table} and sql is not null`
    .execute(db)
    .then((r) => r.rows.map((x) => x.sql));
  // The rows wait in a plain copy; the foreign keys of the tables pointing at this one are
  // deferred, so dropping it counts their rows as orphans and re-inserting adopts them again
  // (the count is back at zero by commit, which checks it).
  const copy = `${table}__copy_0018`;
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create table ${sql.table(copy)} as select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql.raw(def.replace(check, `${column} ${NEW}`)).execute(db);
  await sql`insert into ${sql.table(table)} select * from ${sql.table(copy)}`.execute(db);
  await sql`drop table ${sql.table(copy)}`.execute(db);
  for (const ix of indexes) await sql.raw(ix).execute(db);
}
