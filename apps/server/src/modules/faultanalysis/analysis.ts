import type {
  FaultAlert,
  FaultAnalysis,
  FaultAnalysisPolicy,
  FaultDimension,
  ParetoItem,
} from '@anxin/contracts';
import type { FaultAnalysisContext, Named, Window } from './context.ts';
import { newFailures } from './domain/alerts.ts';
import { pareto, type KeyCount } from './domain/pareto.ts';
import { baselineOf, monthsOf, startOfDay, addDays } from './domain/period.ts';
import { trend } from './domain/trend.ts';

export interface Period {
  from: string;
  to: string;
  category: string | null;
}

const windowOf = (from: string, to: string, categoryCode: string | null): Window => ({
  from: startOfDay(from),
  to: startOfDay(addDays(to, 1)),
  categoryCode,
});

/** Failures of one window in one dimension: keyed counts and the repair orders they came from. */
async function countWindow(
  ctx: FaultAnalysisContext,
  w: Window,
  dimension: FaultDimension,
): Promise<{ orders: number; rows: KeyCount[] }> {
  if (dimension === 'part') {
    const ids = await ctx.ports.repairOrderIds(w);
    const parts = await ctx.ports.partCounts(ids);
    return { orders: ids.length, rows: parts.map((p) => ({ key: p.itemId, count: p.orders })) };
  }
  const counts = await ctx.ports.repairCounts(w, dimension);
  return {
    orders: counts.reduce((s, c) => s + c.count, 0),
    rows: counts.flatMap((c) => (c.key === null ? [] : [{ key: c.key, count: c.count }])),
  };
}

async function namesOf(ctx: FaultAnalysisContext, dimension: FaultDimension, keys: string[]) {
  const { ports } = ctx;
  if (!keys.length) return new Map<string, Named>();
  if (dimension === 'model') return ports.modelNames(keys);
  if (dimension === 'fault_code') return ports.faultNames(keys);
  return ports.partNames(keys);
}

/** A name for every key; a key the owner no longer knows shows as unknown, never as a raw id. */
const nameOr = (names: Map<string, Named>, key: string): Named =>
  names.get(key) ?? { nameZh: '（未知）', nameEn: '(unknown)' };

/**
 * The analysis of one dimension: the Pareto of the period, the monthly trend of its top keys and
 * the new-failure alerts against the window of the same length just before.
 */
export async function analyse(
  ctx: FaultAnalysisContext,
  p: Period,
  dimension: FaultDimension,
  policy: FaultAnalysisPolicy,
): Promise<FaultAnalysis> {
  const months = monthsOf(p.from, p.to);
  const perMonth = [];
  for (const m of months)
    perMonth.push({
      month: m.month,
      ...(await countWindow(ctx, windowOf(m.from, m.to, p.category), dimension)),
    });
  const rows = perMonth.flatMap((m) => m.rows);
  const base = baselineOf(p.from, p.to);
  const before = await countWindow(ctx, windowOf(base.from, base.to, p.category), dimension);
  const ranked = pareto(rows, policy.vitalPercent);
  const alerts = newFailures(rows, before.rows, {
    minCount: policy.alertMinCount,
    riseRatio: policy.alertRiseRatio,
  });
  const top = ranked.slice(0, policy.trendTop).map((r) => r.key);
  const names = await namesOf(ctx, dimension, [
    ...new Set([...ranked.map((r) => r.key), ...alerts.map((a) => a.key)]),
  ]);
  const t = trend(perMonth, top);
  const items: ParetoItem[] = ranked.map((r) => ({ ...r, ...nameOr(names, r.key) }));
  const alerted: FaultAlert[] = alerts.map((a) => ({ ...a, dimension, ...nameOr(names, a.key) }));
  return {
    from: p.from,
    to: p.to,
    baselineFrom: base.from,
    baselineTo: base.to,
    category: p.category,
    dimension,
    orders: perMonth.reduce((s, m) => s + m.orders, 0),
    counted: ranked.reduce((s, r) => s + r.count, 0),
    vitalPercent: policy.vitalPercent,
    pareto: items,
    trend: { months: t.months, series: t.series.map((s) => ({ ...s, ...nameOr(names, s.key) })) },
    alerts: alerted,
  };
}

/** All three dimensions, for the Excel file, the PDF report and the periodic run. */
export async function analyseAll(
  ctx: FaultAnalysisContext,
  p: Period,
  policy: FaultAnalysisPolicy,
): Promise<Record<FaultDimension, FaultAnalysis>> {
  return {
    model: await analyse(ctx, p, 'model', policy),
    fault_code: await analyse(ctx, p, 'fault_code', policy),
    part: await analyse(ctx, p, 'part', policy),
  };
}
