import { localMonthOf } from './dates.ts';

export interface CalendarCoverage {
  /** Years with published statutory data. */
  years: number[];
  /** Years an admin allowed to run on the provisional rule (no published data). */
  provisionalYears: number[];
  /**
   * `calendar.current_year_missing`: every computation for this year fails closed now.
   * `calendar.next_year_missing`: from 1 November (Shanghai), next year's notice is not loaded yet;
   * the State Council usually publishes it in November (§5.1, §5.3.3).
   */
  warning: { code: 'calendar.current_year_missing' | 'calendar.next_year_missing'; year: number } | null;
}

const WARN_FROM_MONTH = 11;

export function computeCoverage(
  published: readonly number[],
  provisional: readonly number[],
  nowMs: number,
): CalendarCoverage {
  const { year, month } = localMonthOf(nowMs);
  const has = (y: number): boolean => published.includes(y);
  let warning: CalendarCoverage['warning'] = null;
  if (!has(year)) warning = { code: 'calendar.current_year_missing', year };
  else if (month >= WARN_FROM_MONTH && !has(year + 1))
    warning = { code: 'calendar.next_year_missing', year: year + 1 };
  return { years: [...published], provisionalYears: [...provisional], warning };
}
