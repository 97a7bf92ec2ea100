import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);
const OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'refused', 'booked'];

/**
 * Product recalls (产品召回, issue #18 item 4).
 * - `installed_products.production_batch` (customers module): the batch a product was built in,
 *   the third way a recall names its products; nullable (older products have none).
 * - `recalls`: the recall and its criteria (JSON) in one state machine, draft → active → closed.
 * - `recall_products`: the affected products snapshotted at launch, unique per (recall, product)
 *   so a refresh adds only newcomers; contact progress, the order made for it (claimed first, so
 *   one order per product) and when that order completed.
 * - `recall_calls`: each call to the owner with its outcome and attempt number.
 *
 * The new permissions `recalls:*` join existing databases' default roles here; a fresh database
 * gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('installed_products').addColumn('production_batch', 'text').execute();
  await createIndex(db, 'installed_products_batch_idx', 'installed_products', ['production_batch']);

  await db.schema
    .createTable('recalls')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('order_type', 'text', (c) =>
      c.notNull().check(inList('order_type', ['maintenance', 'repair'])),
    )
    .addColumn('criteria', JSON_TEXT, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['draft', 'active', 'closed'])))
    .addColumn('launched_at', INSTANT)
    .addColumn('closed_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'recalls_status_idx', 'recalls', ['status', 'created_at']);

  await db.schema
    .createTable('recall_products')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('recall_id', 'text', (c) => c.notNull().references('recalls.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('production_batch', 'text')
    .addColumn('contact_status', 'text', (c) =>
      c.notNull().check(inList('contact_status', ['pending', 'notified', ...OUTCOMES])),
    )
    .addColumn('sms_queued_at', INSTANT)
    .addColumn('call_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_call_at', INSTANT)
    .addColumn('last_note', 'text')
    /** Set while one caller creates the product's order, so a second caller makes none. */
    .addColumn('order_claimed_at', INSTANT)
    .addColumn('work_order_id', 'text')
    .addColumn('work_order_number', 'text')
    .addColumn('completed_at', INSTANT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'recall_products_uq', 'recall_products', ['recall_id', 'product_id'], {
    unique: true,
  });
  await createIndex(db, 'recall_products_order_idx', 'recall_products', ['work_order_id']);

  await db.schema
    .createTable('recall_calls')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('recall_id', 'text', (c) => c.notNull().references('recalls.id'))
    .addColumn('recall_product_id', 'text', (c) => c.notNull().references('recall_products.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(inList('outcome', OUTCOMES)))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('called_by', 'text')
    .addColumn('called_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'recall_calls_attempt_uq', 'recall_calls', ['recall_product_id', 'attempt'], {
    unique: true,
  });

  for (const [permission, roles] of [
    ['recalls:read', ['admin', 'manager', 'quality', 'agent']],
    ['recalls:manage', ['admin', 'manager', 'quality']],
    ['recalls:call', ['admin', 'manager', 'quality', 'agent']],
  ] as const)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join([...roles])})
      on conflict do nothing`.execute(db);
}
