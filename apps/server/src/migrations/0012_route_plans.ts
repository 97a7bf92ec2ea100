import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Day plans proposed by the optimiser (issue #5 part 4). A plan stores the routing instance it was
 * solved on (so manual edits are checked against exactly the same facts), the solver's plan, the
 * per-job facts needed to apply it (order version at planning time, fixed or not), and once
 * accepted the per-order result list.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('route_plans')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('region_code', 'text')
    .addColumn('plan_date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('proposed', 'accepted', 'superseded')`),
    )
    .addColumn('parent_id', 'text')
    .addColumn('instance', JSON_TEXT, (c) => c.notNull())
    .addColumn('jobs', JSON_TEXT, (c) => c.notNull())
    .addColumn('technicians', JSON_TEXT, (c) => c.notNull())
    .addColumn('plan', JSON_TEXT, (c) => c.notNull())
    .addColumn('diff', JSON_TEXT)
    .addColumn('result', JSON_TEXT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', INSTANT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('route_plans_scope_ck', sql`outlet_id is not null or region_code is not null`)
    .execute();
  await createIndex(db, 'route_plans_outlet_date_idx', 'route_plans', ['outlet_id', 'plan_date']);
  await createIndex(db, 'route_plans_region_date_idx', 'route_plans', ['region_code', 'plan_date']);
}
