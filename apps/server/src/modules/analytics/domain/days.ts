/** Business dates are Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The business date of an instant. */
export const businessDate = (at: string | Date): string =>
  new Date(new Date(at).getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/** 00:00 Shanghai of a business date, as a UTC instant. */
export const startOfDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS).toISOString();

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Every date of [from, to]. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The first day of the bucket a date falls in (weeks start on Monday). */
export function bucketOf(day: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}
