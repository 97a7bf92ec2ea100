import { sql, type Kysely } from 'kysely';
import { createIndex, BUSINESS_DATE, INSTANT } from '../platform/db/columns.ts';

/**
 * Fault analysis (故障分析, issue #19 item 3).
 * - `fault_analysis_runs`: one row per report period (unique), so the half-yearly report runs
 *   exactly once per period even when two runs overlap; its counts for the page's list.
 *
 * The new permission `fault_analysis:read` joins existing databases' admin, quality and manager
 * roles here; a fresh database gets it from `ensureRoles`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fault_analysis_runs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('period_from', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('period_to', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(
    db,
    'fault_analysis_runs_period_idx',
    'fault_analysis_runs',
    ['period_from', 'period_to'],
    {
      unique: true,
    },
  );

  await sql`insert into role_permissions (role, permission)
    select name, 'fault_analysis:read' from roles where name in ('admin', 'quality', 'manager')
    on conflict do nothing`.execute(db);
}
