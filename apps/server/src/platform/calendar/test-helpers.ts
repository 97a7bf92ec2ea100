/** Test helpers: Shanghai wall-clock literals, so the expectations read like the SLA rules. */
import { createBusinessCalendar, type BusinessCalendarOptions } from './calendar.ts';
import { HOLIDAY_CN } from './vendored.ts';

/** '2025-09-30 17:00' in Asia/Shanghai → instant. */
export const sh = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export const HOUR = 3_600_000;

export const calendar = (opts: Partial<BusinessCalendarOptions> = {}) =>
  createBusinessCalendar({ data: HOLIDAY_CN, ...opts });

/** Every date from `from` to `to` inclusive (same month or not). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
