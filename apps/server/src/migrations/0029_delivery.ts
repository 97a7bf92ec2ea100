import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

const STATUSES = [
  'booked',
  'departed',
  'delivered',
  'exception',
  'handed_to_rma',
  'voucher_returned',
  'closed',
];

/**
 * Delivery and installation of sales contracts (送货安装, issue #16): crews of network technicians,
 * bookings (one active per contract) with the crew's checklist, signature, exceptions, the returned
 * voucher and the installation callback, and the crews' photos. Contracts belong to the sales module
 * (0028); a booking keeps the contract id and a snapshot of what the crew needs at the door.
 *
 * New permissions `delivery:*` join existing databases' default roles here; a fresh database gets
 * them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('delivery_crews')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('leader_technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    /** The other technicians of the crew, a JSON array of ids. */
    .addColumn('member_ids', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0, 1)`),
    )
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('delivery_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    /** What the crew needs at the door, as the contract stood at booking (JSON). */
    .addColumn('contract', JSON_TEXT, (c) => c.notNull())
    .addColumn('store_outlet_id', 'text')
    .addColumn('batch_date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('latest_date', BUSINESS_DATE, (c) => c.notNull())
    /** The first date agreed with the customer: on-time delivery is measured against it. */
    .addColumn('promised_date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('slot_end', 'text', (c) => c.notNull())
    .addColumn('agreed_by', 'text', (c) => c.notNull().check(inList('agreed_by', ['salesperson', 'center'])))
    .addColumn('note', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('crew_id', 'text', (c) => c.references('delivery_crews.id'))
    .addColumn('route_seq', 'integer')
    .addColumn('planned_start', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', STATUSES)))
    .addColumn('checklist', JSON_TEXT, (c) => c.notNull().defaultTo('{}'))
    .addColumn('goods_intact', 'integer', (c) => c.check(sql`goods_intact in (0, 1)`))
    .addColumn('signed_by', 'text')
    .addColumn('signature', 'text')
    .addColumn('delivered_at', INSTANT)
    .addColumn('delivered_on', BUSINESS_DATE)
    .addColumn('serials', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('exception_kind', 'text', (c) =>
      c.check(
        sql.raw(
          "exception_kind is null or exception_kind in ('does_not_fit', 'damaged', 'wrong_colour', 'other')",
        ),
      ),
    )
    .addColumn('exception_note', 'text')
    .addColumn('problem_opened_at', INSTANT)
    .addColumn('problem_solved_at', INSTANT)
    .addColumn('rma_request', JSON_TEXT)
    .addColumn('rma_case_id', 'text')
    .addColumn('installed_product_ids', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('voucher_returned_at', INSTANT)
    .addColumn('voucher_returned_by', 'text')
    .addColumn('satisfaction', 'integer', (c) =>
      c.check(sql`satisfaction is null or satisfaction between 1 and 5`),
    )
    .addColumn('callback_note', 'text')
    .addColumn('callback_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One live booking per contract; a delivery handed to RMA frees the contract for a new one.
  await createIndex(db, 'delivery_bookings_contract_idx', 'delivery_bookings', ['contract_id'], {
    unique: true,
    where: "status <> 'handed_to_rma'",
  });
  await createIndex(db, 'delivery_bookings_date_idx', 'delivery_bookings', ['date', 'crew_id']);
  await createIndex(db, 'delivery_bookings_promised_idx', 'delivery_bookings', ['promised_date']);

  await db.schema
    .createTable('delivery_photos')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('delivery_bookings.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'delivery_photos_booking_idx', 'delivery_photos', ['booking_id']);

  const grant = async (permissions: string[], roles: string[]) => {
    for (const p of permissions)
      await sql`insert into role_permissions (role, permission)
        select name, ${p} from roles where name in (${sql.join(roles)})
        on conflict do nothing`.execute(db);
  };
  await grant(
    ['delivery:read'],
    ['admin', 'agent', 'dispatcher', 'outlet_manager', 'technician', 'quality', 'manager'],
  );
  await grant(['delivery:book'], ['admin', 'agent', 'dispatcher', 'outlet_manager']);
  await grant(['delivery:plan'], ['admin', 'dispatcher', 'outlet_manager']);
  await grant(['delivery:work'], ['admin', 'technician']);
  await grant(['delivery:manage'], ['admin', 'agent', 'quality']);
}
