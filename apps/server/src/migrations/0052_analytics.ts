import { sql, type Kysely } from 'kysely';
import { createIndex, BUSINESS_DATE, INSTANT, bigintType } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/** The measures of one rollup row (modules/analytics/domain/rollup.ts names them). */
export const ANALYTICS_MEASURES = [
  'created',
  'closed',
  'cancelled',
  'open',
  'repairs_closed',
  'first_time_fix',
  'repeat_repairs',
  'fc_met',
  'fc_missed',
  'fc_pending',
  'resp_met',
  'resp_missed',
  'resp_pending',
  'res_met',
  'res_missed',
  'res_pending',
  'callbacks_total',
  'callbacks_satisfied',
  'complaints_opened',
  'complaints_resolved',
  'parts_qty',
  'parts_cost_fen',
] as const;

/**
 * Analytics rollups (issue #19 item 2).
 * - `analytics_daily`: per business day (Asia/Shanghai) of the orders' creation × outlet ×
 *   category × district × channel, the figures of those orders ('' stands for "none" so the key
 *   can be the primary key on both databases).
 * - `analytics_daily_technicians`: the same per technician, for the technician ranking.
 * - `analytics_dirty`: orders (or complaints) whose events arrived since the last refresh.
 *
 * The new permission `analytics:read` joins existing databases' admin, manager, dispatcher,
 * quality, outlet_manager and finance roles here; a fresh database gets it from `ensureRoles`.
 */
export async function up(db: Kysely<any>, dialect: DialectName = 'sqlite'): Promise<void> {
  for (const table of ['analytics_daily', 'analytics_daily_technicians']) {
    const tech = table === 'analytics_daily_technicians';
    let t = db.schema.createTable(table).addColumn('day', BUSINESS_DATE, (c) => c.notNull());
    if (tech) t = t.addColumn('technician_id', 'text', (c) => c.notNull());
    t = t
      .addColumn('outlet_id', 'text', (c) => c.notNull())
      .addColumn('category_code', 'text', (c) => c.notNull())
      .addColumn('district_code', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull());
    for (const m of ANALYTICS_MEASURES)
      t = t.addColumn(m, m === 'parts_cost_fen' ? bigintType(dialect) : 'integer', (c) =>
        c.notNull().defaultTo(0),
      );
    const key = [
      'day',
      ...(tech ? ['technician_id'] : []),
      'outlet_id',
      'category_code',
      'district_code',
      'channel',
    ];
    await t
      .addColumn('computed_at', INSTANT, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, key as never)
      .execute();
  }
  await createIndex(db, 'analytics_daily_outlet_idx', 'analytics_daily', ['outlet_id', 'day']);
  await db.schema
    .createTable('analytics_dirty')
    .addColumn('ref', 'text', (c) => c.primaryKey().notNull())
    .addColumn('marked_at', INSTANT, (c) => c.notNull())
    .execute();

  await sql`insert into role_permissions (role, permission)
    select name, 'analytics:read' from roles
    where name in ('admin', 'manager', 'dispatcher', 'quality', 'outlet_manager', 'finance')
    on conflict do nothing`.execute(db);
}
