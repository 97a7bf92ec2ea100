/**
 * Working-time arithmetic over precomputed year tables. Everything runs in Shanghai wall-clock
 * milliseconds ("local ms"); callers convert at the edges. Spans cost one step per year (prefix
 * sums, binary search), never a walk per minute; only "n working days" walks day by day.
 */
import { dayOfLocalMs, MS_PER_DAY, MS_PER_MINUTE, type DayNumber } from './dates.ts';
import type { MinuteInterval } from './business-hours.ts';
import type { YearTable } from './year-table.ts';

/** Returns the table holding `day`, or throws CalendarNoDataError. */
export type TableLookup = (day: DayNumber) => YearTable;

const intervalsOf = (t: YearTable, day: DayNumber): MinuteInterval[] => t.intervals[day - t.firstDay] ?? [];

/** Working ms of `day` within the wall-clock offsets [from, to) of that day. */
function workingMsInDay(ivs: readonly MinuteInterval[], from: number, to: number): number {
  let sum = 0;
  for (const iv of ivs) {
    const a = Math.max(from, iv.start * MS_PER_MINUTE);
    const b = Math.min(to, iv.end * MS_PER_MINUTE);
    if (b > a) sum += b - a;
  }
  return sum;
}

/** Working ms of whole days [from, to), a year at a time through the prefix sums. */
function workingMsOfDays(lookup: TableLookup, from: DayNumber, to: DayNumber): number {
  let sum = 0;
  for (let d = from; d < to;) {
    const t = lookup(d);
    const end = Math.min(to, t.firstDay + t.workday.length);
    sum += t.cumMs[end - t.firstDay]! - t.cumMs[d - t.firstDay]!;
    d = end;
  }
  return sum;
}

/** Working ms in the local-time span [a, b), a <= b. */
export function workingMsBetween(lookup: TableLookup, a: number, b: number): number {
  if (b <= a) return 0;
  const da = dayOfLocalMs(a);
  // b is exclusive: an end at midnight must not touch the next day (or the next, unknown, year).
  const db = dayOfLocalMs(b - 1);
  const offA = a - da * MS_PER_DAY;
  const offB = b - db * MS_PER_DAY;
  if (da === db) return workingMsInDay(intervalsOf(lookup(da), da), offA, offB);
  return (
    workingMsInDay(intervalsOf(lookup(da), da), offA, MS_PER_DAY) +
    workingMsOfDays(lookup, da + 1, db) +
    workingMsInDay(intervalsOf(lookup(db), db), 0, offB)
  );
}

/** Finds, inside one day, the instant where `ms` working ms after `from` are used up, or the leftover. */
function consumeInDay(
  ivs: readonly MinuteInterval[],
  from: number,
  ms: number,
): { at: number } | { left: number } {
  let left = ms;
  for (const iv of ivs) {
    const start = Math.max(from, iv.start * MS_PER_MINUTE);
    const avail = iv.end * MS_PER_MINUTE - start;
    if (avail <= 0) continue;
    // `<=` gives the earliest instant: 1 hour from 17:00 ends at 18:00, not at the next opening.
    if (left <= avail) return { at: start + left };
    left -= avail;
  }
  return { left };
}

/** The earliest local instant u with workingMsBetween(a, u) === ms (ms > 0). */
export function addWorkingMsLocal(lookup: TableLookup, a: number, ms: number): number {
  let day = dayOfLocalMs(a);
  let from = a - day * MS_PER_DAY;
  let left = ms;
  for (;;) {
    const t = lookup(day);
    const i = day - t.firstDay;
    const restOfYear = t.cumMs[t.workday.length]! - t.cumMs[i + 1]!;
    const r = consumeInDay(t.intervals[i] ?? [], from, left);
    if ('at' in r) return day * MS_PER_DAY + r.at;
    left = r.left;
    from = 0;
    if (left > restOfYear) {
      // Skip the rest of the year in one step; the next lookup fails closed if it is unknown.
      left -= restOfYear;
      day = t.firstDay + t.workday.length;
    } else {
      // The time runs out this year: binary-search the day, whose intervals the next turn walks.
      const j = firstIndexAtLeast(t.cumMs, t.cumMs[i + 1]! + left, i + 2) - 1;
      left -= t.cumMs[j]! - t.cumMs[i + 1]!;
      day = t.firstDay + j;
    }
  }
}

/** The smallest k >= lo with sorted[k] >= target (sorted is non-decreasing; such k exists). */
function firstIndexAtLeast(sorted: Float64Array, target: number, lo: number): number {
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first local instant >= a that lies inside business hours. */
export function nextWorkingLocal(lookup: TableLookup, a: number): number {
  let day = dayOfLocalMs(a);
  let from = a - day * MS_PER_DAY;
  for (;;) {
    for (const iv of intervalsOf(lookup(day), day)) {
      if (iv.end * MS_PER_MINUTE > from) return day * MS_PER_DAY + Math.max(from, iv.start * MS_PER_MINUTE);
    }
    day += 1;
    from = 0;
  }
}

/** The `n`-th working day after `day` (n >= 1), or `day` itself / the next working day for n = 0. */
export function addWorkingDaysTo(lookup: TableLookup, day: DayNumber, n: number): DayNumber {
  const isWork = (d: DayNumber): boolean => {
    const t = lookup(d);
    return t.workday[d - t.firstDay] === 1;
  };
  let d = day;
  if (n === 0) {
    while (!isWork(d)) d += 1;
    return d;
  }
  for (let left = n; left > 0;) {
    d += 1;
    if (isWork(d)) left -= 1;
  }
  return d;
}
