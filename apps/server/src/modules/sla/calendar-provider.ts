import { createBusinessCalendar, HOLIDAY_CN, type BusinessCalendar } from '../../platform/calendar/index.ts';

/**
 * The statutory calendar with default business hours, for callers without the tenant calendar
 * (modules/calendar `current()` adds overrides and hours; modules.ts passes that one in).
 */
export function statutoryCalendarProvider(): () => Promise<BusinessCalendar> {
  let cal: BusinessCalendar | undefined;
  return async () => (cal ??= createBusinessCalendar({ data: HOLIDAY_CN }));
}
