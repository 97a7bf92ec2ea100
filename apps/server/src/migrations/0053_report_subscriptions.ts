import { sql, type Kysely } from 'kysely';
import { createIndex, BUSINESS_DATE, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Scheduled reports (订阅报表, issue #19 item 6).
 * - `report_subscriptions`: who gets which report, when (Beijing time) and on which channels.
 * - `report_runs`: each run with its status, failure reason and stored file; unique per
 *   subscription and slot (the period), so a period is made and delivered exactly once.
 *
 * The new permission `reports:subscribe` joins existing databases' admin, quality, finance and
 * manager roles here; a fresh database gets it from `ensureRoles`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer')
    .addColumn('month_day', 'integer')
    .addColumn('time_of_day', 'text', (c) => c.notNull())
    .addColumn('scope', JSON_TEXT, (c) => c.notNull())
    .addColumn('channels', JSON_TEXT, (c) => c.notNull())
    .addColumn('roles', JSON_TEXT, (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'report_subscriptions_owner_idx', 'report_subscriptions', ['owner_id', 'created_at']);
  await createIndex(db, 'report_subscriptions_due_idx', 'report_subscriptions', ['paused', 'next_run_at']);

  await db.schema
    .createTable('report_runs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('report_subscriptions.id'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('period_from', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('period_to', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('file_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('finished_at', INSTANT)
    .execute();
  await createIndex(db, 'report_runs_slot_idx', 'report_runs', ['subscription_id', 'slot'], { unique: true });
  await createIndex(db, 'report_runs_list_idx', 'report_runs', ['subscription_id', 'created_at']);

  await sql`insert into role_permissions (role, permission)
    select name, 'reports:subscribe' from roles where name in ('admin', 'quality', 'finance', 'manager')
    on conflict do nothing`.execute(db);
}
