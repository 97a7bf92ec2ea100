import { sql, type Kysely } from 'kysely';
import { INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Brand inbox, forwarding and webhooks (issue #21 item 6): the outbox also carries the visit's
 * steps (departed … completed), so `brand_actions.kind` allows them; and each connection may keep
 * the `whsec_` secret of the brand's webhook endpoint (sealed like the token), in a table of its
 * own with what the receiver last saw.
 *
 * PostgreSQL swaps the CHECK; SQLite rebuilds the table from its stored definition with the wider
 * check (as 0018 does), its indexes recreated from theirs.
 */
const OLD = `kind in ('accept', 'reject', 'schedule')`;
const KINDS = [
  'accept',
  'reject',
  'schedule',
  'depart',
  'arrive',
  'start',
  'await_parts',
  'resume',
  'complete',
];
const NEW = `kind in (${KINDS.map((k) => `'${k}'`).join(', ')})`;

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await widenPostgres(db);
  else await widenSqlite(db);
  await db.schema
    .createTable('brand_connection_hooks')
    .addColumn('connection_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('secret_sealed', 'text')
    .addColumn('secret_hint', 'text')
    .addColumn('last_received_at', INSTANT)
    .addColumn('last_refusal', 'text')
    .addColumn('last_refused_at', INSTANT)
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
}

async function widenPostgres(db: Kysely<any>): Promise<void> {
  const found = await sql<{ name: string }>`
    select conname as name from pg_constraint
    where conrelid = 'brand_actions'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%kind%schedule%'`
    .execute(db)
    .then((r) => r.rows);
  for (const c of found) await sql`alter table brand_actions drop constraint ${sql.ref(c.name)}`.execute(db);
  await sql`alter table brand_actions add constraint brand_actions_kind_check check (${sql.raw(NEW)})`.execute(
    db,
  );
}

async function widenSqlite(db: Kysely<any>): Promise<void> {
  const def = await sql<{ sql: string }>`
    select sql from sqlite_schema where type = 'table' and name = 'brand_actions'`
    .execute(db)
    .then((r) => r.rows[0]?.sql);
  if (!def?.includes(OLD)) throw new Error(`0051: brand_actions has no check "${OLD}"`);
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_schema where type = 'index' and tbl_name = 'brand_actions' and sql is not null`
    .execute(db)
    .then((r) => r.rows.map((x) => x.sql));
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create table brand_actions__copy_0051 as select * from brand_actions`.execute(db);
  await sql`drop table brand_actions`.execute(db);
  await sql.raw(def.replace(OLD, NEW)).execute(db);
  await sql`insert into brand_actions select * from brand_actions__copy_0051`.execute(db);
  await sql`drop table brand_actions__copy_0051`.execute(db);
  for (const ix of indexes) await sql.raw(ix).execute(db);
}
