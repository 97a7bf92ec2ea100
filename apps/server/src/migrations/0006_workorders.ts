import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/**
 * Work-order lifecycle and SLA clocks. `technician_user_id` denormalises the assigned technician's
 * user so the `own` data scope is a plain indexed column compare; the extra indexes serve the
 * keyset lists (outlet-scoped, technician-scoped and by SLA due time) without a sort step.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('technician_user_id', 'text').execute();
  await createIndex(db, 'work_orders_outlet_created_idx', 'work_orders', ['outlet_id', 'created_at', 'id']);
  await createIndex(db, 'work_orders_tech_user_created_idx', 'work_orders', [
    'technician_user_id',
    'created_at',
    'id',
  ]);
  await createIndex(db, 'work_orders_sla_due_id_idx', 'work_orders', ['sla_due_at', 'id']);
  await createIndex(db, 'work_orders_outlet_sla_idx', 'work_orders', ['outlet_id', 'sla_due_at', 'id']);
  await createIndex(db, 'work_orders_type_created_idx', 'work_orders', ['type', 'created_at', 'id']);

  // One row per order and metric. Budget and mode are copied from the policy at registration, so
  // editing a policy never moves the deadlines of orders already running.
  await db.schema
    .createTable('sla_clocks')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('metric', 'text', (c) =>
      c.notNull().check(sql`metric in ('first_contact','response','arrival','resolution')`),
    )
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) =>
      c.notNull().check(sql`mode in ('business_hours','working_days','calendar')`),
    )
    .addColumn('budget', 'integer', (c) => c.notNull().check(sql`budget > 0`))
    .addColumn('at_risk_percent', 'integer', (c) => c.notNull().check(sql`at_risk_percent between 1 and 99`))
    .addColumn('notify_role', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'text')
    // JSON array of { start, end|null }: time in awaiting_parts does not count.
    .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_at', 'text')
    .addColumn('at_risk_at', 'text')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('on_track')
        .check(sql`state in ('on_track','at_risk','breached')`),
    )
    // When the job must look next (null: stopped, paused or both events raised); indexed for the job.
    .addColumn('next_check_at', 'text')
    .addColumn('at_risk_raised_at', 'text')
    .addColumn('breached_raised_at', 'text')
    .addColumn('calendar_version', 'text')
    // Fail closed: a year without calendar data is recorded here, never guessed.
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_clocks_pk', ['order_id', 'metric'])
    .execute();
  await createIndex(db, 'sla_clocks_next_check_idx', 'sla_clocks', ['next_check_at']);
  await createIndex(db, 'sla_clocks_error_idx', 'sla_clocks', ['error']);
}
