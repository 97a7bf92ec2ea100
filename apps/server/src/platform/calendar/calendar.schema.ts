/**
 * Tables owned by the calendar (migration 0002_calendar). Dates are 'YYYY-MM-DD' business dates
 * in Asia/Shanghai; instants are ISO-8601 UTC text.
 */
export interface CalendarOverridesTable {
  date: string;
  kind: 'workday' | 'offday';
  name: string;
  updated_at: string;
  updated_by: string | null;
}

/**
 * Business hours, one row per interval. `weekday` 0 = the standard hours of every working day
 * (including 调休 weekend workdays); 1–7 = ISO Monday–Sunday, replacing the standard hours on that
 * weekday. Minutes are Shanghai wall-clock minutes since midnight, [start_minute, end_minute).
 * No rows at all means DEFAULT_BUSINESS_HOURS; weekday rows without weekday-0 rows keep the default
 * standard hours.
 */
export interface BusinessHoursTable {
  weekday: number;
  start_minute: number;
  end_minute: number;
  updated_at: string;
  updated_by: string | null;
}

export interface CalendarTables {
  calendar_overrides: CalendarOverridesTable;
  business_hours: BusinessHoursTable;
}
