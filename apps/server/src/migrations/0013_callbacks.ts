import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Callbacks (回访, issue #7): one task per entry of an order into 待回访, the customer's expiring
 * rating links (only a hash of the token is stored), the derived order classifications and the
 * classification job's high-water mark.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('callback_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'satisfied', 'unsatisfied', 'unreachable', 'superseded')`),
    )
    .addColumn('due_at', INSTANT, (c) => c.notNull())
    .addColumn('next_attempt_at', INSTANT)
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome is null or outcome in ('satisfied', 'unsatisfied', 'unreachable')`),
    )
    .addColumn('follow_up', 'text', (c) =>
      c.check(sql`follow_up is null or follow_up in ('redo', 'complaint', 'close_with_note')`),
    )
    .addColumn('answers', JSON_TEXT)
    .addColumn('comment', 'text')
    .addColumn('note', 'text')
    .addColumn('portal_rated', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('closed_at', INSTANT)
    .addColumn('closed_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // At most one open task per order: a second entry into 待回访 while one is open adds nothing.
  await createIndex(db, 'callback_tasks_open_order_uq', 'callback_tasks', ['order_id'], {
    unique: true,
    where: "status = 'open'",
  });
  await createIndex(db, 'callback_tasks_status_due_idx', 'callback_tasks', ['status', 'due_at']);
  await createIndex(db, 'callback_tasks_order_idx', 'callback_tasks', ['order_id']);

  await db.schema
    .createTable('callback_portal_links')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('callback_tasks.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', INSTANT, (c) => c.notNull())
    .addColumn('used_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'callback_portal_links_task_idx', 'callback_portal_links', ['task_id']);

  await db.schema
    .createTable('order_classifications')
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('class', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`class in ('satisfied', 'callback_unsatisfied', 'complaint_call', 'first_fix_failed', 'repeat_failed', 'attitude')`,
        ),
    )
    .addColumn('source_event_id', 'text')
    .addColumn('computed_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('order_classifications_pk', ['order_id', 'class'])
    .execute();
  await createIndex(db, 'order_classifications_class_idx', 'order_classifications', ['class', 'order_id']);

  await db.schema
    .createTable('callback_marks')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
}
