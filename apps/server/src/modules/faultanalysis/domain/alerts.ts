import type { KeyCount } from './pareto.ts';

export interface NewFailureOptions {
  /** Failures a key needs in the period to raise an alert. */
  minCount: number;
  /** A key seen in the baseline alerts when current / baseline ≥ this ratio. */
  riseRatio: number;
  /**
   * Units each key's rate is per (installed units of a model, per 1,000). Absent: both windows
   * have the same length and population, so the rate is the count per period.
   */
  exposure?: { current: ReadonlyMap<string, number>; baseline: ReadonlyMap<string, number> };
}

export interface NewFailure {
  key: string;
  count: number;
  baseline: number;
  reason: 'new' | 'rising';
  /** Rate now over rate before; null for a new key. */
  ratio: number | null;
}

const sum = (rows: readonly KeyCount[]) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
  return m;
};

/**
 * New-failure alerts: a key with at least `minCount` failures in the period that either did not
 * occur in the baseline window (the same length just before) or whose rate rose by at least
 * `riseRatio`. Largest counts first.
 */
export function newFailures(
  current: readonly KeyCount[],
  baseline: readonly KeyCount[],
  opts: NewFailureOptions,
): NewFailure[] {
  const now = sum(current);
  const before = sum(baseline);
  const out: NewFailure[] = [];
  for (const [key, count] of now) {
    if (count < opts.minCount) continue;
    const prev = before.get(key) ?? 0;
    if (prev === 0) {
      out.push({ key, count, baseline: 0, reason: 'new', ratio: null });
      continue;
    }
    const rate = (n: number, units: number | undefined) => (units ? (n * 1000) / units : n);
    const ratio = rate(count, opts.exposure?.current.get(key)) / rate(prev, opts.exposure?.baseline.get(key));
    if (ratio >= opts.riseRatio - 1e-9) out.push({ key, count, baseline: prev, reason: 'rising', ratio });
  }
  return out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}
