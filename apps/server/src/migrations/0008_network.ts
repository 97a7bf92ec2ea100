import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { BUSINESS_DATE, INSTANT, JSON_TEXT, createIndex } from '../platform/db/columns.ts';

/**
 * The service network beyond 0004: outlet kind (dealer / regional agent as parents), per-outlet
 * calendar overrides, technicians' weekly shifts, leave, duty rota and certifications, and the
 * development pipeline of prospective outlets for uncovered regions. Additions only: 0004's tables
 * keep their shape.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('outlets')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('outlet')
        .check(sql`kind in ('outlet','dealer','regional_agent')`),
    )
    .execute();

  await db.schema
    .createTable('outlet_calendar_overrides')
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id').onDelete('cascade'))
    .addColumn('date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull().check(sql`open in (0,1)`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('outlet_calendar_overrides_pk', ['outlet_id', 'date'])
    .execute();

  // Minutes after local midnight (Asia/Shanghai); ISO weekday 1 = Monday.
  await db.schema
    .createTable('technician_shifts')
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1440`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute between 0 and 1440`))
    .addColumn('break_start_minute', 'integer')
    .addColumn('break_end_minute', 'integer')
    .addPrimaryKeyConstraint('technician_shifts_pk', ['technician_id', 'weekday'])
    .addCheckConstraint('technician_shifts_order_ck', sql`start_minute < end_minute`)
    .execute();

  await db.schema
    .createTable('technician_leave')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('start_at', INSTANT, (c) => c.notNull())
    .addColumn('end_at', INSTANT, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('leave','sick','training','other')`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addCheckConstraint('technician_leave_order_ck', sql`start_at < end_at`)
    .execute();
  await createIndex(db, 'technician_leave_tech_idx', 'technician_leave', ['technician_id', 'start_at']);

  await db.schema
    .createTable('technician_rota')
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('date', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('duty','off')`))
    .addPrimaryKeyConstraint('technician_rota_pk', ['technician_id', 'date'])
    .execute();

  await db.schema
    .createTable('technician_certifications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('category_code', 'text', (c) => c.references('product_categories.code'))
    .addColumn('issued_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('expires_on', BUSINESS_DATE)
    .execute();
  await createIndex(db, 'technician_certifications_tech_idx', 'technician_certifications', ['technician_id']);
  await createIndex(db, 'technician_certifications_expiry_idx', 'technician_certifications', ['expires_on']);

  await db.schema
    .createTable('outlet_prospects')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    // A province, city or district code (GB/T 2260) the prospect would cover.
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('categories', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('prospect')
        .check(sql`stage in ('prospect','negotiating','signed','active')`),
    )
    .addColumn('notes', 'text')
    .addColumn('linked_outlet_id', 'text', (c) => c.references('outlets.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'outlet_prospects_region_idx', 'outlet_prospects', ['region_code']);
  await createIndex(db, 'outlet_prospects_stage_idx', 'outlet_prospects', ['stage', 'updated_at']);
}
