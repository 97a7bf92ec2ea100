import type { KeyCount } from './pareto.ts';

export interface MonthCounts {
  /** `YYYY-MM` (Beijing). */
  month: string;
  rows: readonly KeyCount[];
}

/** Monthly counts of the given keys (the Pareto's top N), zero where a month had none. */
export function trend(
  months: readonly MonthCounts[],
  keys: readonly string[],
): { months: string[]; series: { key: string; counts: number[] }[] } {
  const byMonth = months.map((m) => {
    const map = new Map<string, number>();
    for (const r of m.rows) map.set(r.key, (map.get(r.key) ?? 0) + r.count);
    return map;
  });
  return {
    months: months.map((m) => m.month),
    series: keys.map((key) => ({ key, counts: byMonth.map((m) => m.get(key) ?? 0) })),
  };
}
