import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Offers of work orders to outlets (派单). One row per offer; its outcome is written in the same
 * transaction as the order's status change. At most one pending offer per order (partial unique
 * index): a second concurrent dispatch cannot leave two outlets holding the same order.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('dispatch_offers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('manual','auto','pool')`))
    .addColumn('offered_at', INSTANT, (c) => c.notNull())
    .addColumn('offered_by', 'text')
    .addColumn('due_at', INSTANT, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','accepted','rejected','expired','withdrawn')`),
    )
    .addColumn('responded_at', INSTANT)
    .addColumn('responded_by', 'text')
    .addColumn('reason_code', 'text', (c) =>
      c.check(
        sql`reason_code is null or reason_code in ('out_of_area','no_capacity','no_skill','no_technician_available','customer_unreachable','other')`,
      ),
    )
    .addColumn('note', 'text')
    // The ranking as the dispatcher (or the system) saw it when the offer was made.
    .addColumn('ranking', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .execute();
  await createIndex(db, 'dispatch_offers_pending_order_uq', 'dispatch_offers', ['order_id'], {
    unique: true,
    where: "status = 'pending'",
  });
  await createIndex(db, 'dispatch_offers_order_idx', 'dispatch_offers', ['order_id', 'offered_at']);
  await createIndex(db, 'dispatch_offers_status_due_idx', 'dispatch_offers', ['status', 'due_at']);
  await createIndex(db, 'dispatch_offers_outlet_status_idx', 'dispatch_offers', [
    'outlet_id',
    'status',
    'due_at',
  ]);
}
