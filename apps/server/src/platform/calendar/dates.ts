/**
 * Business dates and Asia/Shanghai local time as plain integer arithmetic.
 *
 * Asia/Shanghai has been UTC+8 without daylight saving since 1991, and the holiday data starts in
 * 2007, so a fixed offset is exact and avoids Intl (slow, and host-dependent ICU data).
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * MS_PER_HOUR;

/** A business date: 'YYYY-MM-DD' in Asia/Shanghai. */
export type BusinessDate = string;

/** Days since 1970-01-01 (a Thursday) in Shanghai local time; the calendar's internal day key. */
export type DayNumber = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls 02-30 over to 03-02; a round trip catches that.
  return new Date(t).toISOString().slice(0, 10) === value;
}

export function dayFromDate(date: BusinessDate): DayNumber {
  if (!isBusinessDate(date)) throw new RangeError(`not a YYYY-MM-DD business date: ${JSON.stringify(date)}`);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

export function dateFromDay(day: DayNumber): BusinessDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function assertInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError('expected a valid Date instant');
  return t;
}

/** Milliseconds since the epoch, shifted to Shanghai wall-clock time. */
export const toLocalMs = (utcMs: number): number => utcMs + SHANGHAI_OFFSET_MS;
export const toUtcMs = (localMs: number): number => localMs - SHANGHAI_OFFSET_MS;

export const dayOfLocalMs = (localMs: number): DayNumber => Math.floor(localMs / MS_PER_DAY);

/** The Shanghai business date of an instant. */
export function businessDateOf(instant: Date): BusinessDate {
  return dateFromDay(dayOfLocalMs(toLocalMs(assertInstant(instant))));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDay(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Month (1–12) of an instant in Shanghai. */
export function localMonthOf(utcMs: number): { year: number; month: number } {
  const d = new Date(toLocalMs(utcMs));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}
