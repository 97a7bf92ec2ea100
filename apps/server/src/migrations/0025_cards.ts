import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Electronic warranty cards (电子保修卡) with their transfers (过户), and workshop receipts
 * (带回修理收据), issue #14. One card per installed product (unique `product_id`); the card table is
 * the source of truth for activation, the customers module keeps the product and its owner.
 *
 * New permissions `card:activate`, `card:transfer` and `workshop:receipt` join existing databases'
 * default roles here; a fresh database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('warranty_cards')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('card_no', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().unique().references('installed_products.id'))
    .addColumn('holder_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', ['portal', 'store', 'hotline'])))
    .addColumn('activated_at', INSTANT, (c) => c.notNull())
    .addColumn('activated_by', 'text')
    /** Random, unguessable: the QR code opens /cards/verify/<token>. */
    .addColumn('verify_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'warranty_cards_holder_idx', 'warranty_cards', ['holder_id']);

  await db.schema
    .createTable('warranty_card_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('card_id', 'text', (c) => c.notNull().references('warranty_cards.id'))
    .addColumn('from_customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('to_customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'warranty_card_transfers_card_idx', 'warranty_card_transfers', ['card_id', 'at']);

  await db.schema
    .createTable('workshop_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('installed_products.id'))
    .addColumn('accessories', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('promised_return_date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('taken_by_id', 'text')
    .addColumn('taken_by_name', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'closed'])))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('closed_at', INSTANT)
    .addColumn('closed_by_id', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'workshop_receipts_order_idx', 'workshop_receipts', ['order_id']);
  // At most one open receipt per order: a second one waits until the first is closed at pick-up.
  await createIndex(db, 'workshop_receipts_open_idx', 'workshop_receipts', ['order_id'], {
    unique: true,
    where: "status = 'open'",
  });

  await sql`insert into role_permissions (role, permission)
    select name, p.permission from roles,
      (select 'card:activate' as permission union all select 'card:transfer') p
    where name in ('agent', 'outlet_manager', 'admin')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, 'workshop:receipt' from roles where name in ('technician', 'outlet_manager', 'admin')
    on conflict do nothing`.execute(db);
}
