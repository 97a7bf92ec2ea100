export {
  createBusinessCalendar,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type DayInfo,
} from './calendar.ts';
export { calendarFromRows, overridesFromRows, businessHoursFromRows } from './from-rows.ts';
export type { BusinessHoursTable, CalendarOverridesTable, CalendarTables } from './calendar.schema.ts';
export {
  DEFAULT_BUSINESS_HOURS,
  normalizeIntervals,
  type BusinessHours,
  type IsoWeekday,
  type MinuteInterval,
} from './business-hours.ts';
export type { CalendarCoverage } from './coverage.ts';
export { businessDateOf, isBusinessDate, type BusinessDate } from './dates.ts';
export { CalendarConfigError, CalendarNoDataError } from './errors.ts';
export {
  compactHolidayCnYear,
  publishedYears,
  withHolidayYear,
  type HolidayCnYearFile,
  type HolidayData,
  type HolidayYear,
} from './holiday-data.ts';
export type { PauseInterval } from './pauses.ts';
export { HOLIDAY_CN } from './vendored.ts';
export type { DayOverride, DaySource } from './year-table.ts';
