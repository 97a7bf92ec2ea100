import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { binaryText, createIndex } from '../platform/db/columns.ts';

/**
 * The core after-sales model: catalogue, customers and their installed base, the service network
 * and work orders. Later modules add their own tables in their own migrations.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await catalog(db);
  await customers(db, dialect);
  await network(db);
  await workOrders(db);
}

async function catalog(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_categories')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // Warranty terms are data per category (三包: whole unit and main parts, in months).
    .addColumn('unit_warranty_months', 'integer', (c) => c.notNull().check(sql`unit_warranty_months >= 0`))
    .addColumn('main_parts_warranty_months', 'integer', (c) =>
      c.notNull().check(sql`main_parts_warranty_months >= 0`),
    )
    .addColumn('service_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0,1)`),
    )
    .execute();
  await db.schema
    .createTable('product_models')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addColumn('model_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0,1)`),
    )
    .addUniqueConstraint('product_models_brand_code_uq', ['brand', 'model_code'])
    .execute();
  // A configurable tree per category: fault categories with symptom codes below them.
  await db.schema
    .createTable('fault_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addColumn('parent_id', 'text', (c) => c.references('fault_codes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('fault','symptom')`))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0,1)`),
    )
    .addUniqueConstraint('fault_codes_category_code_uq', ['category_code', 'code'])
    .execute();
}

async function customers(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // Searched by prefix ranges: see binaryText.
  const searchable = binaryText(dialect);
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('individual','company')`))
    .addColumn('name', searchable, (c) => c.notNull())
    .addColumn('company_name', 'text')
    .addColumn('tier', 'text', (c) =>
      c
        .notNull()
        .defaultTo('standard')
        .check(sql`tier in ('standard','vip','key_account')`),
    )
    .addColumn('province_code', 'text')
    .addColumn('city_code', 'text')
    .addColumn('district_code', 'text')
    .addColumn('address', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('note', 'text')
    .addColumn('merged_into_id', 'text', (c) => c.references('customers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'customers_name_idx', 'customers', ['name']);
  await createIndex(db, 'customers_district_idx', 'customers', ['district_code']);

  // Phones stored normalised (digits only) and reversed, so prefix and suffix search both use an index.
  await db.schema
    .createTable('customer_phones')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('phone', searchable, (c) => c.notNull())
    .addColumn('phone_rev', searchable, (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo('mobile'))
    .addColumn('is_primary', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`is_primary in (0,1)`),
    )
    .execute();
  await createIndex(db, 'customer_phones_phone_idx', 'customer_phones', ['phone']);
  await createIndex(db, 'customer_phones_rev_idx', 'customer_phones', ['phone_rev']);
  await createIndex(db, 'customer_phones_customer_idx', 'customer_phones', ['customer_id']);

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo('home'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('is_default', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`is_default in (0,1)`),
    )
    .execute();
  await createIndex(db, 'customer_addresses_customer_idx', 'customer_addresses', ['customer_id']);

  await db.schema
    .createTable('installed_products')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('product_models.id'))
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('serial', searchable, (c) => c.notNull().unique())
    .addColumn('purchase_date', 'text')
    .addColumn('sales_channel', 'text')
    .addColumn('invoice_no', 'text')
    .addColumn('install_date', 'text')
    .addColumn('warranty_card_no', 'text')
    .addColumn('warranty_activated_at', 'text')
    .addColumn('address_id', 'text', (c) => c.references('customer_addresses.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'installed_products_customer_idx', 'installed_products', ['customer_id']);
}

async function network(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outlets')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('self_built','entrusted')`))
    .addColumn('parent_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('daily_capacity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(20)
        .check(sql`daily_capacity >= 0`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active','suspended')`),
    )
    .addColumn('grade', 'text', (c) =>
      c
        .notNull()
        .defaultTo('B')
        .check(sql`grade in ('A','B','C','D')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('outlet_service_areas')
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outlet_service_areas_pk', ['outlet_id', 'region_code'])
    .execute();
  await createIndex(db, 'outlet_service_areas_region_idx', 'outlet_service_areas', ['region_code']);
  await db.schema
    .createTable('outlet_categories')
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addPrimaryKeyConstraint('outlet_categories_pk', ['outlet_id', 'category_code'])
    .execute();

  await db.schema
    .createTable('technicians')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    // Escalation tiers (seed 002): technician → outlet senior/dealer → provincial HQ → HQ expert.
    .addColumn('tier', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`tier between 1 and 4`),
    )
    .addColumn('province_code', 'text')
    .addColumn('start_lat', 'real')
    .addColumn('start_lng', 'real')
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0,1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'technicians_outlet_idx', 'technicians', ['outlet_id']);
  await db.schema
    .createTable('technician_skills')
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull().references('product_categories.code'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addPrimaryKeyConstraint('technician_skills_pk', ['technician_id', 'category_code'])
    .execute();
}

const ORDER_TYPES = `'install','repair','maintenance','consult','complaint','return'`;
const ORDER_STATUSES = [
  'new',
  'accepted',
  'remote_resolved',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_accepted',
  'outlet_rejected',
  'assigned',
  'scheduled',
  'departed',
  'arrived',
  'in_progress',
  'awaiting_parts',
  'completed',
  'awaiting_callback',
  'closed',
  'cancelled',
]
  .map((s) => `'${s}'`)
  .join(',');
const CHANNELS = `'hotline','store','web','mini_program','api','email','portal'`;

async function workOrders(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(sql.raw(`type in (${ORDER_TYPES})`)))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in (${ORDER_STATUSES})`)))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql.raw(`channel in (${CHANNELS})`)))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('product_id', 'text', (c) => c.references('installed_products.id'))
    .addColumn('category_code', 'text', (c) => c.references('product_categories.code'))
    .addColumn('fault_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fault_code_id', 'text', (c) => c.references('fault_codes.id'))
    .addColumn('symptom_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('urgency', 'text', (c) =>
      c
        .notNull()
        .defaultTo('normal')
        .check(sql`urgency in ('low','normal','high','critical')`),
    )
    .addColumn('customer_tier', 'text', (c) => c.notNull().defaultTo('standard'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('city_code', 'text')
    .addColumn('district_code', 'text')
    .addColumn('address', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('preferred_windows', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('appointment_start', 'text')
    .addColumn('appointment_end', 'text')
    .addColumn('outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('escalation_tier', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`escalation_tier between 1 and 4`),
    )
    .addColumn('remote_guidance', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('linked_ref', 'text')
    .addColumn('parent_order_id', 'text', (c) => c.references('work_orders.id'))
    .addColumn('sla_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('on_track')
        .check(sql`sla_state in ('on_track','at_risk','breached')`),
    )
    .addColumn('sla_due_at', 'text')
    .addColumn('paused_since', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Keyset pagination: every list sorts by (created_at, id) within its filter.
  await createIndex(db, 'work_orders_created_idx', 'work_orders', ['created_at', 'id']);
  await createIndex(db, 'work_orders_status_created_idx', 'work_orders', ['status', 'created_at', 'id']);
  await createIndex(db, 'work_orders_customer_idx', 'work_orders', ['customer_id', 'created_at']);
  await createIndex(db, 'work_orders_product_idx', 'work_orders', ['product_id', 'created_at']);
  await createIndex(db, 'work_orders_outlet_status_idx', 'work_orders', [
    'outlet_id',
    'status',
    'created_at',
    'id',
  ]);
  await createIndex(db, 'work_orders_technician_idx', 'work_orders', ['technician_id', 'appointment_start']);
  await createIndex(db, 'work_orders_sla_idx', 'work_orders', ['sla_state', 'sla_due_at']);
  await createIndex(db, 'work_orders_district_idx', 'work_orders', ['district_code', 'created_at']);

  // Human-readable numbers (WX20261122-0001) from a per-prefix-per-day counter.
  await db.schema
    .createTable('work_order_counters')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('general'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'attachments_owner_idx', 'attachments', ['owner_type', 'owner_id']);
}
