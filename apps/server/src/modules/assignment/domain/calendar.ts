/**
 * Business-local time helpers (Asia/Shanghai has no daylight saving: a fixed +08:00) and the
 * interval arithmetic the appointment checks need. Pure.
 */
export interface Interval {
  start: string;
  end: string;
}

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The business date (YYYY-MM-DD, Shanghai) of an instant. */
export const localDate = (iso: string | Date): string =>
  new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The UTC instant of a local wall-clock minute on a business date. */
export const localMinute = (date: string, minute: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minute * 60_000).toISOString();

/** The local day [00:00, 24:00) of an instant, as UTC instants. */
export function localDay(iso: string | Date): Interval {
  const d = localDate(iso);
  return { start: localMinute(d, 0), end: localMinute(d, 24 * 60) };
}

/** Business dates from the one of `from` to the one of `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const last = localDate(to);
  for (let t = Date.parse(`${localDate(from)}T00:00:00Z`); ; t += DAY_MS) {
    const d = new Date(t).toISOString().slice(0, 10);
    out.push(d);
    if (d >= last || out.length > 62) break;
  }
  return out;
}

/** ISO weekday (Mon = 1 … Sun = 7) of a business date. */
export const isoWeekday = (date: string): number => {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
};

const ms = (iso: string) => Date.parse(iso);

export const overlaps = (a: Interval, b: Interval): boolean =>
  ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);

/** The window lies entirely inside one working interval. */
export const within = (w: Interval, working: readonly Interval[]): boolean =>
  working.some((iv) => ms(iv.start) <= ms(w.start) && ms(w.end) <= ms(iv.end));

/** Removes the parts of `base` covered by `cut` (leave from working hours). */
export function subtract(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  let out = [...base];
  for (const c of cut) {
    const next: Interval[] = [];
    for (const iv of out) {
      if (!overlaps(iv, c)) {
        next.push(iv);
        continue;
      }
      if (ms(iv.start) < ms(c.start)) next.push({ start: iv.start, end: c.start });
      if (ms(c.end) < ms(iv.end)) next.push({ start: c.end, end: iv.end });
    }
    out = next;
  }
  return out;
}

/** Great-circle distance: the one geo helper, re-exported for the assignment service. */
export { distanceKm } from '../../../platform/geo/index.ts';
