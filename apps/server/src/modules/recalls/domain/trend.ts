import { dateFromDay, dayFromDate } from '../../../platform/calendar/dates.ts';

/** The Monday (ISO date) of the week of a business date. */
export function weekOf(date: string): string {
  const day = dayFromDate(date);
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday is (day + 3) mod 7.
  return dateFromDay(day - ((day + 3) % 7));
}

/**
 * Recall completion trend (召回完成趋势): products completed per week over the weeks touching
 * [from, to], empty weeks included; completions outside the period are left out.
 */
export function weeklyCompletions(
  completedOn: readonly string[],
  from: string,
  to: string,
): { week: string; completed: number }[] {
  const weeks = new Map<string, number>();
  for (let d = dayFromDate(weekOf(from)); d <= dayFromDate(to); d += 7) weeks.set(dateFromDay(d), 0);
  for (const c of completedOn)
    if (c >= from && c <= to) weeks.set(weekOf(c), (weeks.get(weekOf(c)) ?? 0) + 1);
  return [...weeks].map(([week, completed]) => ({ week, completed }));
}
