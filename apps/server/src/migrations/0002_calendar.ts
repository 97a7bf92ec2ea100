import { sql, type Kysely } from 'kysely';

/**
 * Tenant calendar settings (platform/calendar). Statutory holidays are not stored here: they ship
 * as vendored data. Overrides win over that data; business hours apply on working days only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    // 'YYYY-MM-DD' Asia/Shanghai business date; LIKE with `_` is portable, a full check is in code.
    .addColumn('date', 'text', (c) =>
      c
        .primaryKey()
        .notNull()
        .check(sql`date like '____-__-__'`),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('workday','offday')`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) > 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // One row per interval, several per day (lunch break). weekday 0 = standard hours of every working
  // day (调休 weekends included); 1–7 = ISO Monday–Sunday replacing them. Minutes since Shanghai
  // midnight, [start, end). Overlaps are rejected in code (a CHECK cannot see other rows).
  await db.schema
    .createTable('business_hours')
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 0 and 7`))
    .addColumn('start_minute', 'integer', (c) =>
      c.notNull().check(sql`start_minute >= 0 and start_minute < 1440`),
    )
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute <= 1440`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('business_hours_pk', ['weekday', 'start_minute'])
    .addCheckConstraint('business_hours_nonempty', sql`end_minute > start_minute`)
    .execute();
}
