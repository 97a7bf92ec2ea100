import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);
const flag = (col: string) => sql.raw<boolean>(`${col} in (0, 1)`);

/**
 * Spare parts (issue #15): catalogue, locations, stock levels with an append-only movement ledger,
 * part requests (补件单) with signed approval and shipment, usages on orders, 旧件 returns with
 * inspection, and stocktakes. Stock levels are changed only by conditional updates that keep
 * `0 <= reserved <= on_hand` (the CHECK is the last line of defence, not the mechanism).
 *
 * New permissions `parts:request` (technician, outlet manager) and `parts:approve` (warehouse) join
 * existing databases' default roles here; a fresh database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('part_items')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['part', 'accessory', 'gift'])))
    .addColumn('part_class', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('个'))
    .addColumn('serialized', 'integer', (c) => c.notNull().defaultTo(0).check(flag('serialized')))
    .addColumn('list_price_fen', 'integer', (c) => c.notNull().check(sql`list_price_fen >= 0`))
    .addColumn('cost_price_fen', 'integer', (c) => c.notNull().check(sql`cost_price_fen >= 0`))
    .addColumn('warranty_claimable', 'integer', (c) =>
      c.notNull().defaultTo(1).check(flag('warranty_claimable')),
    )
    .addColumn('universal', 'integer', (c) => c.notNull().defaultTo(0).check(flag('universal')))
    .addColumn('discontinue_on', BUSINESS_DATE)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(flag('active')))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('part_compat')
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id').onDelete('cascade'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('product_models.id'))
    .addPrimaryKeyConstraint('part_compat_pk', ['item_id', 'model_id'])
    .execute();
  await createIndex(db, 'part_compat_model_idx', 'part_compat', ['model_id']);

  await db.schema
    .createTable('stock_locations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['hq', 'outlet', 'van', 'defective'])))
    /** `hq`, `defective`, `outlet:<id>` or `van:<technicianId>`: one location per owner. */
    .addColumn('owner_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(flag('active')))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'stock_locations_outlet_idx', 'stock_locations', ['outlet_id']);
  const now = new Date().toISOString();
  await db
    .insertInto('stock_locations')
    .values([
      { id: 'loc-hq', kind: 'hq', owner_key: 'hq', name: '总部备件库', active: 1, created_at: now },
      {
        id: 'loc-defective',
        kind: 'defective',
        owner_key: 'defective',
        name: '总部旧件库',
        active: 1,
        created_at: now,
      },
    ])
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reorder_point', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`reorder_point >= 0`),
    )
    .addColumn('reorder_qty', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`reorder_qty >= 0`),
    )
    .addColumn('last_movement_at', INSTANT)
    .addPrimaryKeyConstraint('stock_levels_pk', ['location_id', 'item_id'])
    .addCheckConstraint('stock_levels_bounds', sql`reserved >= 0 and on_hand >= reserved`)
    .execute();
  await createIndex(db, 'stock_levels_item_idx', 'stock_levels', ['item_id']);

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', INSTANT, (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('kind', [
            'receive',
            'transfer_out',
            'transfer_in',
            'reserve',
            'release',
            'issue',
            'consume',
            'return_good',
            'return_defective',
            'adjust',
            'stocktake',
          ]),
        ),
    )
    .addColumn('on_hand_delta', 'integer', (c) => c.notNull())
    .addColumn('reserved_delta', 'integer', (c) => c.notNull())
    .addColumn('on_hand_after', 'integer', (c) => c.notNull())
    .addColumn('reserved_after', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('note', 'text')
    .execute();
  await createIndex(db, 'stock_movements_level_idx', 'stock_movements', ['location_id', 'item_id', 'at']);
  await createIndex(db, 'stock_movements_at_idx', 'stock_movements', ['at', 'id']);
  await createIndex(db, 'stock_movements_item_idx', 'stock_movements', ['item_id', 'at']);

  await db.schema
    .createTable('part_requests')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('requested_by', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          inList('status', ['pending_approval', 'approved', 'rejected', 'shipped', 'received', 'cancelled']),
        ),
    )
    .addColumn('deliver_to', 'text', (c) => c.notNull().check(inList('deliver_to', ['van', 'outlet'])))
    .addColumn('source_location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('dest_location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('value_fen', 'integer', (c) => c.notNull())
    .addColumn('approval_reason', 'text', (c) =>
      c.notNull().check(inList('approval_reason', ['auto', 'value', 'kind', 'customer_paid'])),
    )
    .addColumn('approver_id', 'text')
    .addColumn('approver_name', 'text')
    /** The approver's drawn signature (PNG data URL): 补件单签字出库. */
    .addColumn('signature', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('approved_at', INSTANT)
    .addColumn('shipped_at', INSTANT)
    .addColumn('received_at', INSTANT)
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'part_requests_status_idx', 'part_requests', ['status', 'created_at']);
  await createIndex(db, 'part_requests_order_idx', 'part_requests', ['order_id']);
  await createIndex(db, 'part_requests_outlet_idx', 'part_requests', ['outlet_id', 'created_at']);

  await db.schema
    .createTable('part_request_lines')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('part_requests.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('paid_by', 'text', (c) => c.notNull().check(inList('paid_by', ['warranty', 'customer'])))
    .addColumn('unit_list_fen', 'integer', (c) => c.notNull())
    .addColumn('unit_cost_fen', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'part_request_lines_request_idx', 'part_request_lines', ['request_id']);

  await db.schema
    .createTable('part_usages')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('paid_by', 'text', (c) => c.notNull().check(inList('paid_by', ['warranty', 'customer'])))
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['reserved', 'consumed', 'released'])),
    )
    .addColumn('new_serial', 'text')
    .addColumn('old_serial', 'text')
    .addColumn('request_line_id', 'text', (c) => c.references('part_request_lines.id'))
    .addColumn('technician_id', 'text')
    .addColumn('reserved_at', INSTANT, (c) => c.notNull())
    .addColumn('consumed_at', INSTANT)
    .addColumn('released_at', INSTANT)
    .addColumn('release_reason', 'text')
    .execute();
  await createIndex(db, 'part_usages_order_idx', 'part_usages', ['order_id']);
  await createIndex(db, 'part_usages_consumed_idx', 'part_usages', ['location_id', 'item_id', 'consumed_at']);

  await db.schema
    .createTable('old_part_returns')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('usage_id', 'text', (c) => c.notNull().unique().references('part_usages.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('old_serial', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(inList('status', ['awaiting_return', 'in_transit', 'received', 'passed', 'rejected'])),
    )
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('shipped_at', INSTANT)
    .addColumn('received_at', INSTANT)
    .addColumn('inspected_at', INSTANT)
    .addColumn('inspector_id', 'text')
    .addColumn('inspector_name', 'text')
    .addColumn('inspection_note', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'old_part_returns_status_idx', 'old_part_returns', ['status', 'created_at']);
  // Settlement reads passed claims of an outlet by inspection instant.
  await createIndex(db, 'old_part_returns_claim_idx', 'old_part_returns', [
    'outlet_id',
    'status',
    'inspected_at',
  ]);

  await db.schema
    .createTable('stocktakes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['counting', 'submitted', 'approved', 'rejected'])),
    )
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('submitted_at', INSTANT)
    .addColumn('decided_at', INSTANT)
    .addColumn('decider_id', 'text')
    .addColumn('decider_name', 'text')
    .addColumn('variance_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One open stocktake per location at a time.
  await createIndex(db, 'stocktakes_open_idx', 'stocktakes', ['location_id'], {
    unique: true,
    where: "status in ('counting', 'submitted')",
  });

  await db.schema
    .createTable('stocktake_lines')
    .addColumn('stocktake_id', 'text', (c) => c.notNull().references('stocktakes.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('part_items.id'))
    .addColumn('book_qty', 'integer', (c) => c.notNull())
    .addColumn('counted_qty', 'integer')
    .addColumn('unit_cost_fen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stocktake_lines_pk', ['stocktake_id', 'item_id'])
    .execute();

  await sql`insert into role_permissions (role, permission)
    select name, p.permission from roles,
      (select 'parts:request' as permission union all select 'parts:read') p
    where name in ('technician', 'outlet_manager')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, 'parts:approve' from roles where name in ('warehouse', 'admin')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, p.permission from roles,
      (select 'outlet:read' as permission union all select 'technician:read') p
    where name = 'warehouse'
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, 'parts:request' from roles where name = 'admin'
    on conflict do nothing`.execute(db);
}
