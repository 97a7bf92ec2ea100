import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Paid out-of-warranty service (issue #14 item 3): price-list versions with their labour and
 * call-out lines, quotes (one live revision per order) with priced lines, payments with receipt
 * numbers. `quotes.paid_fen` moves only by a conditional update that keeps it within the total,
 * so two cashiers cannot overpay a quote together.
 *
 * New permissions `charges:*` join existing databases' default roles here; a fresh database gets
 * them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('price_lists')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull().unique())
    .addColumn('effective_from', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await createIndex(db, 'price_lists_effective_idx', 'price_lists', ['effective_from']);

  await db.schema
    .createTable('price_list_lines')
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_lists.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['labour', 'callout'])))
    .addColumn('code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_code', 'text')
    .addColumn('min_km', 'integer')
    .addColumn('max_km', 'integer')
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addPrimaryKeyConstraint('price_list_lines_pk', ['price_list_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['draft', 'sent', 'approved', 'declined', 'expired', 'superseded'])),
    )
    .addColumn('coverage', 'text', (c) =>
      c.notNull().check(inList('coverage', ['in_warranty', 'main_parts_only', 'out_of_warranty', 'unknown'])),
    )
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_lists.id'))
    .addColumn('callout_km', 'integer')
    .addColumn('subtotal_fen', 'integer', (c) => c.notNull().check(sql`subtotal_fen >= 0`))
    .addColumn('discount_fen', 'integer', (c) => c.notNull().check(sql`discount_fen >= 0`))
    .addColumn('discount_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('total_fen', 'integer', (c) => c.notNull().check(sql`total_fen >= 0`))
    .addColumn('paid_fen', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`paid_fen >= 0 and paid_fen <= total_fen`),
    )
    .addColumn('valid_until', BUSINESS_DATE)
    .addColumn('sent_at', INSTANT)
    .addColumn('decided_at', INSTANT)
    .addColumn('consent_channel', 'text', (c) => c.check(inList('consent_channel', ['portal', 'phone'])))
    .addColumn('consent_by', 'text')
    .addColumn('consent_at', INSTANT)
    .addColumn('consent_note', 'text')
    .addColumn('consent_ref', 'text')
    .addColumn('consent_recorded_by', 'text')
    .addColumn('decline_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('quotes_order_revision_uq', ['order_id', 'revision'])
    .execute();
  await createIndex(db, 'quotes_order_idx', 'quotes', ['order_id']);

  await db.schema
    .createTable('quote_lines')
    .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['labour', 'callout', 'part'])))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('unit_fen', 'integer', (c) => c.notNull().check(sql`unit_fen >= 0`))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addPrimaryKeyConstraint('quote_lines_pk', ['quote_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('quote_payments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id'))
    .addColumn('method', 'text', (c) => c.notNull().check(inList('method', ['cash', 'transfer', 'online'])))
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_at', INSTANT, (c) => c.notNull())
    .addColumn('received_by', 'text')
    .execute();
  await createIndex(db, 'quote_payments_quote_idx', 'quote_payments', ['quote_id']);

  const grant = async (roles: string[], perms: string[]) =>
    sql`insert into role_permissions (role, permission)
      select r.name, p.permission from roles r,
        (${sql.raw(perms.map((p) => `select '${p}' as permission`).join(' union all '))}) p
      where r.name in (${sql.join(roles)})
      on conflict do nothing`.execute(db);
  await grant(
    ['admin', 'agent', 'dispatcher', 'outlet_manager', 'technician', 'quality', 'finance', 'manager'],
    ['charges:read'],
  );
  await grant(['admin', 'agent', 'outlet_manager', 'technician'], ['charges:quote']);
  await grant(['admin', 'agent', 'outlet_manager', 'technician', 'finance'], ['charges:collect']);
  await grant(['admin', 'finance'], ['charges:price']);
}
