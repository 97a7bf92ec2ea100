import { CalendarConfigError } from './errors.ts';

/** A working interval in Shanghai wall-clock minutes since midnight, half-open [start, end). */
export interface MinuteInterval {
  start: number;
  end: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (so there is no "is 0 Sunday or Monday?" question). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessHours {
  /** Hours of every working day, including 调休 weekend workdays and override workdays. */
  standard: readonly MinuteInterval[];
  /**
   * Per-weekday replacement of `standard` (e.g. a shorter Friday). Only consulted on working days:
   * Saturday hours do nothing on an ordinary weekend, and a 调休 Saturday without its own entry
   * works standard hours, as the State Council notices treat it as a normal working day.
   */
  byWeekday?: Partial<Record<IsoWeekday, readonly MinuteInterval[]>>;
}

/**
 * Default: 08:30–12:00 and 13:30–18:00, an 8-hour day with a lunch break (劳动法 第36条 8 hours a
 * day), the usual staffed hours of a Chinese after-sales desk. Tenants change it in settings.
 */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  standard: [
    { start: 8 * 60 + 30, end: 12 * 60 },
    { start: 13 * 60 + 30, end: 18 * 60 },
  ],
};

const MINUTES_PER_DAY = 1440;

/** Sorts and checks a day's intervals: whole minutes within the day, non-empty, non-overlapping. */
export function normalizeIntervals(intervals: readonly MinuteInterval[], label: string): MinuteInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  sorted.forEach((iv, i) => {
    const ok = Number.isInteger(iv.start) && Number.isInteger(iv.end) && iv.start >= 0;
    if (!ok || iv.end > MINUTES_PER_DAY || iv.end <= iv.start) {
      throw new CalendarConfigError(
        `${label}: bad interval ${iv.start}–${iv.end} (minutes 0–1440, end > start)`,
      );
    }
    const prev = sorted[i - 1];
    if (prev && prev.end > iv.start)
      throw new CalendarConfigError(`${label}: intervals overlap at minute ${iv.start}`);
  });
  return sorted;
}

/** Resolved hours per ISO weekday (index 1–7; index 0 unused), validated once at construction. */
export function resolveWeeklyHours(hours: BusinessHours): MinuteInterval[][] {
  const standard = normalizeIntervals(hours.standard, 'standard hours');
  if (standard.length === 0) {
    // With no standard hours a working-time search would run to the edge of the data and report a
    // misleading "no data" error instead of the real configuration problem.
    throw new CalendarConfigError('standard hours must contain at least one interval');
  }
  const week: MinuteInterval[][] = [[]];
  for (let wd = 1; wd <= 7; wd++) {
    const own = hours.byWeekday?.[wd as IsoWeekday];
    week.push(own ? normalizeIntervals(own, `weekday ${wd} hours`) : standard);
  }
  if (week.every((day) => day.length === 0))
    throw new CalendarConfigError('business hours are empty on every weekday');
  return week;
}
