import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);
const flag = (col: string) => sql.raw<boolean>(`${col} in (0, 1)`);

const PARTIES = ['producer', 'supplier', 'seller', 'outlet', 'logistics', 'customer'];

/**
 * RMA cases (issue #14): returns, exchanges and replacement parts with the 三包 evaluation stored
 * as requested (JSON), inspection photos (files on the platform storage, rows here) and the
 * charge-back lines recorded at closing. Statuses, kinds, causes and parties are CHECK-constrained.
 *
 * The new `rma:*` permissions join existing databases' default roles here; a fresh database gets
 * them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('rma_cases')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['return', 'exchange', 'part_replacement'])),
    )
    .addColumn('remedy', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('remedy', [
            'refund',
            'exchange',
            'free_repair',
            'paid_repair',
            'no_reason_return',
            'part_replacement',
          ]),
        ),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('status', [
            'requested',
            'override_pending',
            'eligible',
            'inspecting',
            'approved',
            'rejected',
            'in_logistics',
            'refunded',
            'exchanged',
            'closed',
          ]),
        ),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(inList('source', ['hotline', 'store', 'portal'])))
    .addColumn('installed_product_id', 'text', (c) => c.notNull().references('installed_products.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('order_id', 'text', (c) => c.references('work_orders.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('requested_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('performance_fault', 'integer', (c) =>
      c.notNull().defaultTo(0).check(flag('performance_fault')),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    /** The engine's WarrantyEvaluation as it was at request time (shown, never recomputed). */
    .addColumn('evaluation', JSON_TEXT, (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_decided_by', 'text')
    .addColumn('override_note', 'text')
    .addColumn('findings', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('pickup_carrier', 'text')
    .addColumn('pickup_tracking_no', 'text')
    .addColumn('picked_up_on', BUSINESS_DATE)
    .addColumn('dispatch_carrier', 'text')
    .addColumn('dispatch_tracking_no', 'text')
    .addColumn('dispatched_on', BUSINESS_DATE)
    .addColumn('refund_fen', 'integer', (c) => c.check(sql`refund_fen >= 0`))
    .addColumn('depreciation_fen', 'integer', (c) => c.check(sql`depreciation_fen >= 0`))
    .addColumn('refunded_on', BUSINESS_DATE)
    .addColumn('new_serial', 'text')
    .addColumn('exchanged_on', BUSINESS_DATE)
    .addColumn('cause', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('cause', [
            'quality_defect',
            'repeated_repair_failure',
            'transport_damage',
            'installation_fault',
            'wrong_or_missing_item',
            'customer_misuse',
            'no_reason',
            'other',
          ]),
        ),
    )
    .addColumn('responsible_party', 'text', (c) => c.check(inList('responsible_party', PARTIES)))
    .addColumn('closed_at', INSTANT)
    /** Business month (YYYY-MM) of closing: what settlement reads charge-backs by. */
    .addColumn('closed_month', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'rma_cases_status_idx', 'rma_cases', ['status', 'id']);
  await createIndex(db, 'rma_cases_product_idx', 'rma_cases', ['installed_product_id']);
  await createIndex(db, 'rma_cases_order_idx', 'rma_cases', ['order_id']);
  await createIndex(db, 'rma_cases_outlet_month_idx', 'rma_cases', ['outlet_id', 'closed_month']);

  await db.schema
    .createTable('rma_photos')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('rma_cases.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'rma_photos_case_idx', 'rma_photos', ['case_id']);

  await db.schema
    .createTable('rma_chargebacks')
    .addColumn('case_id', 'text', (c) => c.notNull().references('rma_cases.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull().check(inList('party', PARTIES)))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('rma_chargebacks_pk', ['case_id', 'line_no'])
    .execute();

  const grant = async (roles: string[], perms: string[]) => {
    for (const role of roles)
      for (const p of perms)
        await sql`insert into role_permissions (role, permission)
          select name, ${p} from roles where name = ${role}
          on conflict do nothing`.execute(db);
  };
  await grant(['agent'], ['rma:read', 'rma:request']);
  await grant(['outlet_manager'], ['rma:read', 'rma:request', 'rma:manage']);
  await grant(['warehouse'], ['rma:read', 'rma:manage']);
  await grant(['quality'], ['rma:read', 'rma:approve']);
  await grant(['manager'], ['rma:read']);
  await grant(['admin'], ['rma:read', 'rma:request', 'rma:manage', 'rma:approve']);
}
