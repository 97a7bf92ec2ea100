import { dateFromDay, dayFromDate } from '../../../platform/calendar/dates.ts';

/** `date` plus `days` calendar days (business dates). */
export const addDays = (date: string, days: number): string => dateFromDay(dayFromDate(date) + days);

/**
 * `date` plus whole months, the day clamped to the month's end (01-31 + 1 month = 02-28), the way
 * a period counted in months ends on the corresponding day (民法典 第二百零二条).
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Both days inclusive: a term from 07-01 to 06-30 next year is in force on both. */
export const inTerm = (date: string, startsOn: string, endsOn: string) => date >= startsOn && date <= endsOn;

/**
 * Whole months the inclusive term spans, rounded up: 2026-07-01..2027-06-30 is 12, a term of
 * 12 months and a day is 13 (the extra day still has to be billed in some instalment).
 */
export function termMonths(startsOn: string, endsOn: string): number {
  const dayAfter = addDays(endsOn, 1);
  let n = 0;
  while (addMonths(startsOn, n) < dayAfter) n++;
  return Math.max(1, n);
}
