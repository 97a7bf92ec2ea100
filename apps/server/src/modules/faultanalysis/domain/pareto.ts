/** A key (model, fault code or part) and how many failures it had. */
export interface KeyCount {
  key: string;
  count: number;
}

export interface ParetoRow extends KeyCount {
  /** Share of all failures, 0..1. */
  share: number;
  cumulative: number;
  /** In the vital few: its cumulative share is within `vitalPercent` (or it is the first key). */
  vital: boolean;
}

/**
 * The Pareto of failures: keys by count, most first (ties by key, so the order is stable), each
 * with its share and the cumulative share. The vital few are the keys up to `vitalPercent` of the
 * total; the first key is always one (a single dominant fault above the line is still the first).
 */
export function pareto(rows: readonly KeyCount[], vitalPercent: number): ParetoRow[] {
  const merged = new Map<string, number>();
  for (const r of rows) if (r.count > 0) merged.set(r.key, (merged.get(r.key) ?? 0) + r.count);
  const sorted = [...merged]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total = sorted.reduce((s, r) => s + r.count, 0);
  const limit = vitalPercent / 100;
  let run = 0;
  return sorted.map((r, i) => {
    run += r.count;
    const cumulative = run / total;
    // A tolerance so 4/5 = 0.8 counts as within 80 %.
    return { ...r, share: r.count / total, cumulative, vital: i === 0 || cumulative <= limit + 1e-9 };
  });
}
