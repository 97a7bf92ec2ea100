import { createBusinessCalendar, HOLIDAY_CN } from '../../platform/calendar/index.ts';
import type { DayCalendar } from './domain/availability.ts';

/** The statutory calendar, for callers that do not pass the tenant calendar in. */
export function statutoryDayCalendar(): () => Promise<DayCalendar> {
  let cal: DayCalendar | undefined;
  return async () => (cal ??= createBusinessCalendar({ data: HOLIDAY_CN }));
}
