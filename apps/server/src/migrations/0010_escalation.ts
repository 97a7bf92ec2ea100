import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT } from '../platform/db/columns.ts';

/**
 * Escalation (issue #6 part 4): one row per tier step of an order, and the people an escalation
 * brought in (`work_order_participants`), who gain access to the order through the data scope.
 * `trigger_ref` makes automatic escalations idempotent: one escalation per SLA breach event or
 * failed-repair request, however often the trigger is delivered.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('from_tier', 'integer', (c) => c.notNull().check(sql`from_tier between 1 and 4`))
    .addColumn('to_tier', 'integer', (c) => c.notNull().check(sql`to_tier between 1 and 4`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('auto', 'text', (c) =>
      c.notNull().check(sql`auto in ('manual', 'sla_breach', 'failed_repair')`),
    )
    .addColumn('trigger_ref', 'text')
    .addColumn('escalated_by', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'escalations_order_idx', 'escalations', ['order_id', 'created_at']);
  await createIndex(db, 'escalations_trigger_uq', 'escalations', ['trigger_ref'], { unique: true });

  await db.schema
    .createTable('work_order_participants')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('outlet_senior', 'dealer', 'field_engineer', 'expert')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('added_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_participants_pk', ['order_id', 'user_id'])
    .execute();
  // The scope filter asks "is this user a participant of this order" and "which orders is this
  // user a participant of": the primary key serves the first, this index the second.
  await createIndex(db, 'work_order_participants_user_idx', 'work_order_participants', [
    'user_id',
    'order_id',
  ]);
}
