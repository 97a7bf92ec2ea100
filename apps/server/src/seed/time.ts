/** Business dates are Asia/Shanghai (UTC+8, no DST), so plain arithmetic suffices. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** Days since 1970-01-01 of the Shanghai business date containing instant `ms`. */
export const businessDay = (ms: number): number => Math.floor((ms + SHANGHAI) / DAY);
/** `YYYY-MM-DD` of a business day number. */
export const dayString = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
/** The instant at `minute` minutes past local midnight of business day `day`. */
export const localInstant = (day: number, minute: number): number => day * DAY - SHANGHAI + minute * MINUTE;
const dates = new Map<number, string>();
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** `Date#toISOString` without the Date: the generator formats tens of millions of instants. */
export function iso(instant: number): string {
  const ms = Math.floor(instant);
  const day = Math.floor(ms / DAY);
  let d = dates.get(day);
  if (d === undefined) {
    d = new Date(day * DAY).toISOString().slice(0, 10);
    dates.set(day, d);
  }
  let rest = ms - day * DAY;
  const hh = Math.floor(rest / HOUR);
  rest -= hh * HOUR;
  const mm = Math.floor(rest / MINUTE);
  rest -= mm * MINUTE;
  const ss = Math.floor(rest / 1000);
  return `${d}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(rest - ss * 1000, 3)}Z`;
}

export function parseAnchor(s: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Error(`--anchor must be YYYY-MM-DD (got ${s})`);
  // The end of that business day in Shanghai (23:59 local), so the whole day has history.
  return new Date(localInstant(Math.floor(Date.parse(`${s}T00:00:00Z`) / DAY), 23 * 60 + 59));
}
