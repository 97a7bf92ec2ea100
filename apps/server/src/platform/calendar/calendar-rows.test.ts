import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import { up } from '../../migrations/0002_calendar.ts';
import type { CalendarTables } from './calendar.schema.ts';
import { CalendarConfigError } from './errors.ts';
import { businessHoursFromRows, calendarFromRows } from './from-rows.ts';
import { DEFAULT_BUSINESS_HOURS } from './business-hours.ts';
import { HOUR, sh } from './test-helpers.ts';
import { HOLIDAY_CN } from './vendored.ts';

/** Migration 0002 on the test dialect (SQLite, or PostgreSQL with ANXIN_TEST_DB=postgres). */
let t: TestDb;
let db: Kysely<CalendarTables>;
const meta = { updated_at: '2025-09-01T00:00:00.000Z', updated_by: null };

beforeAll(async () => {
  t = await createTestDb({ migrate: false });
  db = t.db as unknown as Kysely<CalendarTables>;
  await up(t.db);
});
afterAll(async () => t?.drop());

describe('0002_calendar tables', () => {
  it('store overrides and hours and build the tenant calendar from the rows', async () => {
    await db
      .insertInto('calendar_overrides')
      .values([
        { date: '2025-09-29', kind: 'offday', name: '公司停工', ...meta },
        { date: '2025-09-20', kind: 'workday', name: '周六加班', ...meta },
      ])
      .execute();
    await db
      .insertInto('business_hours')
      .values([
        { weekday: 0, start_minute: 540, end_minute: 720, ...meta },
        { weekday: 0, start_minute: 780, end_minute: 1020, ...meta },
        { weekday: 5, start_minute: 540, end_minute: 720, ...meta },
      ])
      .execute();
    const overrides = await db.selectFrom('calendar_overrides').selectAll().execute();
    const hours = await db.selectFrom('business_hours').selectAll().execute();
    const cal = calendarFromRows(HOLIDAY_CN, overrides, hours);
    expect(cal.isWorkday('2025-09-29')).toBe(false);
    expect(cal.isWorkday('2025-09-20')).toBe(true);
    expect(cal.workingTimeBetween(sh('2025-09-22 00:00'), sh('2025-09-23 00:00'))).toBe(7 * HOUR);
    expect(cal.workingTimeBetween(sh('2025-09-26 00:00'), sh('2025-09-27 00:00'))).toBe(3 * HOUR);
  });

  it.each([
    ['calendar_overrides', { date: '2025-10-01', kind: 'holiday', name: 'x', ...meta }],
    ['calendar_overrides', { date: 'tomorrow', kind: 'offday', name: 'x', ...meta }],
    ['calendar_overrides', { date: '2025-10-02', kind: 'offday', name: '', ...meta }],
    ['business_hours', { weekday: 8, start_minute: 0, end_minute: 60, ...meta }],
    ['business_hours', { weekday: 1, start_minute: 600, end_minute: 600, ...meta }],
    ['business_hours', { weekday: 1, start_minute: 600, end_minute: 1441, ...meta }],
  ] as const)('CHECK constraints reject a bad %s row %j', async (table, row) => {
    await expect(
      db
        .insertInto(table)
        .values(row as never)
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});

describe('businessHoursFromRows', () => {
  it('no rows means the default hours', () => {
    expect(businessHoursFromRows([])).toBe(DEFAULT_BUSINESS_HOURS);
  });

  it('weekday rows alone keep the default standard hours', () => {
    const h = businessHoursFromRows([{ weekday: 5, start_minute: 540, end_minute: 720 }]);
    expect(h.standard).toBe(DEFAULT_BUSINESS_HOURS.standard);
    expect(h.byWeekday?.[5]).toEqual([{ start: 540, end: 720 }]);
  });

  it('rejects weekdays outside 0–7 and overlapping rows', () => {
    expect(() => businessHoursFromRows([{ weekday: 9, start_minute: 0, end_minute: 60 }])).toThrow(
      CalendarConfigError,
    );
    const overlap = [
      { weekday: 0, start_minute: 540, end_minute: 720 },
      { weekday: 0, start_minute: 600, end_minute: 800 },
    ];
    expect(() => calendarFromRows(HOLIDAY_CN, [], overlap)).toThrow(CalendarConfigError);
  });
});
