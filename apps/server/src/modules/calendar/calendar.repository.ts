import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { BusinessHoursTable, CalendarOverridesTable } from '../../platform/calendar/index.ts';

export class CalendarRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  listOverrides(): Promise<CalendarOverridesTable[]> {
    return this.db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  }

  findOverride(date: string) {
    return this.db.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst();
  }

  async upsertOverride(trx: Kysely<Database>, row: CalendarOverridesTable): Promise<void> {
    await trx
      .insertInto('calendar_overrides')
      .values(row)
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({
          kind: row.kind,
          name: row.name,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  }

  async deleteOverride(trx: Kysely<Database>, date: string): Promise<boolean> {
    const r = await trx.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  listHours(): Promise<BusinessHoursTable[]> {
    return this.db
      .selectFrom('business_hours')
      .selectAll()
      .orderBy('weekday')
      .orderBy('start_minute')
      .execute();
  }

  async replaceHours(trx: Kysely<Database>, rows: BusinessHoursTable[]): Promise<void> {
    await trx.deleteFrom('business_hours').execute();
    if (rows.length) await trx.insertInto('business_hours').values(rows).execute();
  }
}
