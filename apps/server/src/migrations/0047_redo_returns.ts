import { sql, type Kysely } from 'kysely';
import { INSTANT } from '../platform/db/columns.ts';

/**
 * 返修 back to the same outlet and technician (issue #22 item 4): one row per time a redo or reopen
 * put an order in 待派单, saying whether the system sent it back (`returned`) or left it for the
 * dispatcher (`held`, with the reason the board shows). The key is the order and its version on
 * entering 待派单, so a retried outbox message finds the decision already made and does nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dispatch_redo_returns')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('order_version', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('returned', 'held')`))
    .addColumn('reason', 'text')
    .addColumn('outlet_id', 'text', (c) => c.notNull())
    .addColumn('technician_id', 'text')
    .addColumn('decided_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('dispatch_redo_returns_pk', ['order_id', 'order_version'])
    .execute();
}
