import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Maintenance plans (保养计划, issue #18 item 1): a plan per product model or category, every N
 * months (running hours reserved), with a checklist and a parts kit as JSON. One run row per
 * (plan, installed product, due date); that unique key is what makes generation exactly-once even
 * when two nodes run the job at the same moment: a run is claimed before its order is created.
 *
 * The new permissions `maintenance:*` join existing databases' default roles here; a fresh database
 * gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('maintenance_plans')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('category_code', 'text')
    .addColumn('interval_months', 'integer', (c) =>
      c.check(sql`interval_months is null or interval_months > 0`),
    )
    .addColumn('interval_hours', 'integer', (c) => c.check(sql`interval_hours is null or interval_hours > 0`))
    .addColumn('lead_days', 'integer', (c) => c.check(sql`lead_days is null or lead_days >= 0`))
    .addColumn('checklist', JSON_TEXT, (c) => c.notNull())
    .addColumn('parts_kit', JSON_TEXT, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
    .addColumn('starts_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addCheckConstraint('maintenance_plans_target_ck', sql`(model_id is null) <> (category_code is null)`)
    .addCheckConstraint(
      'maintenance_plans_interval_ck',
      sql`interval_months is not null or interval_hours is not null`,
    )
    .execute();
  await createIndex(db, 'maintenance_plans_model_idx', 'maintenance_plans', ['model_id']);
  await createIndex(db, 'maintenance_plans_category_idx', 'maintenance_plans', ['category_code']);
  await db.schema
    .createTable('maintenance_runs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('maintenance_plans.id'))
    .addColumn('installed_product_id', 'text', (c) => c.notNull())
    .addColumn('due_on', BUSINESS_DATE, (c) => c.notNull())
    /** Null only between the claim and the order's creation (a crashed claim is released later). */
    .addColumn('work_order_id', 'text')
    .addColumn('work_order_number', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(
    db,
    'maintenance_runs_plan_product_due_uq',
    'maintenance_runs',
    ['plan_id', 'installed_product_id', 'due_on'],
    { unique: true },
  );
  await createIndex(db, 'maintenance_runs_created_idx', 'maintenance_runs', ['created_at', 'id']);

  for (const [permission, roles] of [
    ['maintenance:read', ['admin', 'manager', 'agent', 'dispatcher']],
    ['maintenance:manage', ['admin', 'manager']],
  ] as const)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join([...roles])})
      on conflict do nothing`.execute(db);
}
