import type { ReportCadence } from '@anxin/contracts';

/**
 * When a subscription is due and which period it reports. Beijing time is UTC+8 all year (China
 * has no daylight saving), so wall-clock times convert with a fixed offset.
 */
export interface Cadence {
  cadence: ReportCadence;
  /** 1 = Monday … 7 = Sunday (weekly). */
  weekday: number | null;
  /** 1…31; past a month's end means its last day (monthly). */
  monthDay: number | null;
  /** Beijing HH:MM. */
  timeOfDay: string;
}

/** A report period: first and last business date, inclusive. */
export interface Period {
  from: string;
  to: string;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export const beijingDate = (at: Date): string =>
  new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** The instant of a Beijing wall-clock time on a date. */
export const beijingInstant = (date: string, timeOfDay: string): Date =>
  new Date(`${date}T${timeOfDay}:00+08:00`);

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date of `day` in a month, clamped to its last day (31 → 30 April, 28/29 February). */
function monthDate(year: number, month: number, day: number): string {
  const d = Math.min(day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first due instant strictly after `after`. */
export function nextDue(c: Cadence, after: Date): Date {
  const today = beijingDate(after);
  if (c.cadence === 'weekly') {
    for (let i = 0; i <= 7; i++) {
      const date = addDays(today, i);
      const at = beijingInstant(date, c.timeOfDay);
      if (isoWeekday(date) === c.weekday && at > after) return at;
    }
  } else {
    const [y, m] = today.split('-').map(Number) as [number, number];
    for (let i = 0; i <= 2; i++) {
      const year = y + Math.floor((m - 1 + i) / 12);
      const month = ((m - 1 + i) % 12) + 1;
      const at = beijingInstant(monthDate(year, month, c.monthDay ?? 1), c.timeOfDay);
      if (at > after) return at;
    }
  }
  throw new RangeError(`no due time for ${JSON.stringify(c)}`);
}

/**
 * The finished period a report due at `due` covers: weekly, the last whole Monday–Sunday week
 * before the due date's week; monthly, the calendar month before the due date's month.
 */
export function periodBefore(cadence: ReportCadence, due: Date): Period {
  const date = beijingDate(due);
  if (cadence === 'weekly') {
    const monday = addDays(date, 1 - isoWeekday(date));
    return { from: addDays(monday, -7), to: addDays(monday, -1) };
  }
  const [y, m] = date.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return { from: monthDate(year, month, 1), to: monthDate(year, month, 31) };
}

/** The unique slot of a scheduled run: its period. */
export const periodSlot = (p: Period): string => `${p.from}..${p.to}`;
