import type { CoverageReason, HolidayMove } from '@anxin/contracts';

/**
 * Civil Code period arithmetic on business dates (`YYYY-MM-DD`, Asia/Shanghai), docs/domain-standards.md §2.1:
 * - 《民法典》第201条: the starting day is not counted (a 7-day period from 03-01 ends on 03-08);
 * - 第202条: a period in months ends on the corresponding day of the final month, or on its last
 *   day when it has none (01-31 + 1 month → 02-28/29);
 * - 第203条: when the last day is a 法定休假日 the period ends on the day after the holiday ends.
 * Pure: the calendar comes in as an argument.
 */

const DAY_MS = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return iso(ms(date) + n * DAY_MS);
}

/** Whole days from `from` to `to` (to − from); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

/** `YYYY-MM-DD` + n months, clamped to the last day of the target month (第202条). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return iso(Date.UTC(ty, tm, Math.min(d, last)));
}

/** Last day (inclusive) of a period of `n` days that starts on `start` (the start day not counted, 第201条). */
export function endOfDays(start: string, n: number): string {
  return addDays(start, n);
}

/** Last day of a period of `n` months from `start`, with the month-end clamp reason when it applied. */
export function endOfMonths(start: string, n: number): { end: string; clamped: boolean } {
  const end = addMonths(start, n);
  return { end, clamped: end.slice(8, 10) !== start.slice(8, 10) };
}

/** What the engine needs from the platform calendar (modules/calendar `service.current()`). */
export interface RestDayCalendar {
  dayInfo(date: string): { workday: boolean; name: string | null; source: string };
}

const isStatutory = (source: string) => source === 'holiday' || source === 'provisional_holiday';

/** The calendar fails closed for years it has no data for (CalendarNoDataError). */
function noDataYear(err: unknown): number | null {
  if (err && typeof err === 'object' && (err as { code?: unknown }).code === 'calendar.no_data_for_year') {
    const year = (err as { year?: unknown }).year;
    return typeof year === 'number' ? year : null;
  }
  return null;
}

/**
 * 第203条: a last day on a rest day moves to the day after the rest ends. With `statutory_holidays`
 * only a 法定节假日 moves it (and the move runs to the end of that holiday block); with `all_rest_days`
 * weekends move it too. When the calendar has no data for a year we do NOT move and say so.
 */
export function moveOffHoliday(
  date: string,
  mode: HolidayMove,
  calendar: RestDayCalendar | null,
  reasons: CoverageReason[],
  what: string,
): string {
  if (mode === 'none') return date;
  if (!calendar) {
    reasons.push({
      rule: 'period.calendar_missing',
      article: '《民法典》第203条',
      params: { what, date, year: null },
    });
    return date;
  }
  try {
    const first = calendar.dayInfo(date);
    const moves = (d: { workday: boolean; source: string }) =>
      !d.workday && (mode === 'all_rest_days' || isStatutory(d.source));
    if (!moves(first)) return date;
    let day = date;
    let info = first;
    // Walk to the end of the rest block; a holiday that runs into a weekend ends with the holiday
    // for `statutory_holidays` (the weekend is not a 法定节假日).
    while (moves(info)) {
      day = addDays(day, 1);
      info = calendar.dayInfo(day);
    }
    reasons.push({
      rule: 'period.holiday_moved',
      article: '《民法典》第203条',
      params: { what, from: date, to: day, holiday: first.name },
    });
    return day;
  } catch (err) {
    const year = noDataYear(err);
    if (year === null) throw err;
    reasons.push({
      rule: 'period.calendar_missing',
      article: '《民法典》第203条',
      params: { what, date, year },
    });
    return date;
  }
}
