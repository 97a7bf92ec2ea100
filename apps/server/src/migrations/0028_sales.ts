import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);
const flag = (col: string) => sql.raw<boolean>(`${col} in (0, 1)`);

/**
 * Sales contracts (issue #16): contracts and their lines with the batch day and each line's stock
 * state, the product stock (成品库存: on hand and reserved per model, never negative, reserved never
 * above on hand) with its append-only ledger, and showroom samples (卖场样品).
 *
 * The new `sales:*` permissions join existing databases' default roles here; a fresh database gets
 * them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('sales_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('contract_no', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull().check(inList('source', ['form', 'excel', 'api'])))
    .addColumn('store_outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('salesperson', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('phones', JSON_TEXT, (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('address_detail', 'text', (c) => c.notNull())
    .addColumn('order_date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('requested_date', BUSINESS_DATE, (c) => c.notNull())
    /** The daily batch (the entry time against the cut-off, moved to the next working day). */
    .addColumn('batch_date', BUSINESS_DATE, (c) => c.notNull())
    /** When every line is reserved or has a factory date: the latest of those days. */
    .addColumn('available_date', BUSINESS_DATE)
    .addColumn('special_requests', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('status', ['entered', 'stock_checked', 'booked', 'delivered', 'exception', 'cancelled']),
        ),
    )
    .addColumn('total_fen', 'integer', (c) => c.notNull().check(sql`total_fen >= 0`))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'sales_contracts_status_idx', 'sales_contracts', ['status', 'batch_date']);
  await createIndex(db, 'sales_contracts_batch_idx', 'sales_contracts', ['batch_date', 'id']);
  await createIndex(db, 'sales_contracts_store_idx', 'sales_contracts', ['store_outlet_id', 'batch_date']);

  await db.schema
    .createTable('sales_contract_lines')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('sales_contracts.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull().check(sql`unit_price_fen >= 0`))
    .addColumn('needs_installation', 'integer', (c) => c.notNull().check(flag('needs_installation')))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(inList('state', ['pending', 'reserved', 'factory_order', 'released'])),
    )
    .addColumn('factory_order_date', BUSINESS_DATE)
    .addColumn('expected_date', BUSINESS_DATE)
    .addColumn('reserved_on', BUSINESS_DATE)
    .addUniqueConstraint('sales_contract_lines_no_uq', ['contract_id', 'line_no'])
    .execute();
  await createIndex(db, 'sales_lines_factory_idx', 'sales_contract_lines', ['state', 'factory_order_date']);
  await createIndex(db, 'sales_lines_model_idx', 'sales_contract_lines', ['model', 'state']);

  await db.schema
    .createTable('sales_stock')
    .addColumn('model', 'text', (c) => c.primaryKey().notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull().check(sql`on_hand >= 0`))
    .addColumn('reserved', 'integer', (c) => c.notNull().check(sql`reserved >= 0`))
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('sales_stock_reserved_le_on_hand', sql`reserved <= on_hand`)
    .execute();

  await db.schema
    .createTable('sales_stock_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('model', 'text', (c) => c.notNull().references('sales_stock.model'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['receipt', 'reserve', 'release', 'issue'])),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('on_hand_after', 'integer', (c) => c.notNull())
    .addColumn('reserved_after', 'integer', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.references('sales_contracts.id'))
    .addColumn('line_id', 'text', (c) => c.references('sales_contract_lines.id'))
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'sales_ledger_model_idx', 'sales_stock_ledger', ['model', 'at']);

  await db.schema
    .createTable('sales_samples')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('store_outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('serial_no', 'text', (c) => c.notNull().unique())
    /** The store's phone: the sample is an installed product of the store, a customer reached there. */
    .addColumn('store_phone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(inList('status', ['pending_display', 'on_display', 'pending_removal', 'removed', 'rejected'])),
    )
    .addColumn('display_from', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('display_until', BUSINESS_DATE)
    .addColumn('reason', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('installed_product_id', 'text', (c) => c.references('installed_products.id'))
    .addColumn('requested_by', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'sales_samples_store_idx', 'sales_samples', ['store_outlet_id', 'status']);

  const grant = async (roles: string[], perms: string[]) => {
    for (const role of roles)
      for (const p of perms)
        await sql`insert into role_permissions (role, permission)
          select name, ${p} from roles where name = ${role}
          on conflict do nothing`.execute(db);
  };
  await grant(['agent'], ['sales:read', 'sales:write']);
  await grant(['dispatcher', 'manager'], ['sales:read']);
  await grant(['outlet_manager'], ['sales:read', 'sales:write', 'sales:sample_approve']);
  await grant(['warehouse'], ['sales:read', 'sales:stock']);
  await grant(['admin'], ['sales:read', 'sales:write', 'sales:stock', 'sales:sample_approve']);
}
