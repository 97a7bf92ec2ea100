import {
  DEFAULT_BUSINESS_HOURS,
  type BusinessHours,
  type IsoWeekday,
  type MinuteInterval,
} from './business-hours.ts';
import { createBusinessCalendar, type BusinessCalendar, type BusinessCalendarOptions } from './calendar.ts';
import type { BusinessHoursTable, CalendarOverridesTable } from './calendar.schema.ts';
import { CalendarConfigError } from './errors.ts';
import type { HolidayData } from './holiday-data.ts';
import type { DayOverride } from './year-table.ts';

type OverrideRow = Pick<CalendarOverridesTable, 'date' | 'kind' | 'name'>;
type HoursRow = Pick<BusinessHoursTable, 'weekday' | 'start_minute' | 'end_minute'>;

export function overridesFromRows(rows: readonly OverrideRow[]): DayOverride[] {
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

/** Rows → BusinessHours; see BusinessHoursTable for what weekday 0 and missing rows mean. */
export function businessHoursFromRows(rows: readonly HoursRow[]): BusinessHours {
  if (rows.length === 0) return DEFAULT_BUSINESS_HOURS;
  const groups = new Map<number, MinuteInterval[]>();
  for (const r of rows) {
    if (!Number.isInteger(r.weekday) || r.weekday < 0 || r.weekday > 7) {
      throw new CalendarConfigError(`business_hours: bad weekday ${r.weekday}`);
    }
    const list = groups.get(r.weekday) ?? [];
    list.push({ start: r.start_minute, end: r.end_minute });
    groups.set(r.weekday, list);
  }
  const byWeekday: Partial<Record<IsoWeekday, MinuteInterval[]>> = {};
  for (const [wd, ivs] of groups) if (wd !== 0) byWeekday[wd as IsoWeekday] = ivs;
  return { standard: groups.get(0) ?? DEFAULT_BUSINESS_HOURS.standard, byWeekday };
}

/** Builds the tenant calendar from the rows of calendar_overrides and business_hours. */
export function calendarFromRows(
  data: HolidayData,
  overrideRows: readonly OverrideRow[],
  hourRows: readonly HoursRow[],
  extra: Pick<BusinessCalendarOptions, 'provisionalYears' | 'now'> = {},
): BusinessCalendar {
  return createBusinessCalendar({
    ...extra,
    data,
    overrides: overridesFromRows(overrideRows),
    businessHours: businessHoursFromRows(hourRows),
  });
}
