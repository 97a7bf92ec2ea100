import { withTransaction } from '../../platform/db/transaction.ts';
import type { AnalyticsContext } from './context.ts';
import { addDays, businessDate, startOfDay } from './domain/days.ts';
import {
  CLOCKS,
  MEASURES,
  rollupDay,
  type DayFacts,
  type RollupRow,
  type RolledClock,
} from './domain/rollup.ts';

/** What the owners know of a day's orders, read through the ports. */
async function factsOf(ctx: AnalyticsContext, ids: string[]): Promise<DayFacts> {
  const p = ctx.ports;
  const metrics = Object.keys(CLOCKS) as RolledClock[];
  const [classes, verdicts, complaints, parts, ...clocks] = await Promise.all([
    p.classesOf(ids),
    p.verdictsOf(ids),
    p.complaintsOf(ids),
    p.partsOf(ids),
    ...metrics.map((m) => p.clocksOf(ids, m)),
  ]);
  const notFirstFix = new Set<string>();
  const repeat = new Set<string>();
  for (const [id, cs] of classes) {
    if (cs.includes('first_fix_failed') || cs.includes('repeat_failed')) notFirstFix.add(id);
    if (cs.includes('repeat_failed')) repeat.add(id);
  }
  return {
    notFirstFix,
    repeat,
    verdicts,
    complaints,
    parts,
    clocks: Object.fromEntries(metrics.map((m, i) => [m, clocks[i]!])) as DayFacts['clocks'],
  };
}

const columns = (r: RollupRow, day: string, at: string) => ({
  day,
  outlet_id: r.outletId,
  category_code: r.categoryCode,
  district_code: r.districtCode,
  channel: r.channel,
  ...Object.fromEntries(MEASURES.map((m) => [m, r.m[m]])),
  computed_at: at,
});

/**
 * Recomputes one business day from source: the orders created that day and what the owners know
 * of them now, replacing the day's rows in one transaction (idempotent; the events' follow-up, the
 * nightly job and the rebuild all come here, so they cannot disagree).
 */
export async function recomputeDay(ctx: AnalyticsContext, day: string): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const orders = await ctx.ports.ordersCreatedIn(startOfDay(day), startOfDay(addDays(day, 1)));
  const facts = await factsOf(
    ctx,
    orders.map((o) => o.id),
  );
  const rows = rollupDay(orders, facts, now, false);
  const techRows = rollupDay(orders, facts, now, true);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await trx.deleteFrom('analytics_daily').where('day', '=', day).execute();
    await trx.deleteFrom('analytics_daily_technicians').where('day', '=', day).execute();
    // 40 columns a row: chunks of 200 stay under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('analytics_daily')
        .values(rows.slice(i, i + 200).map((r) => columns(r, day, now)) as never)
        .execute();
    for (let i = 0; i < techRows.length; i += 200)
      await trx
        .insertInto('analytics_daily_technicians')
        .values(
          techRows
            .slice(i, i + 200)
            .map((r) => ({ ...columns(r, day, now), technician_id: r.technicianId })) as never,
        )
        .execute();
  });
  return orders.length;
}

/**
 * The events' follow-up: the days of the orders marked since the last pass are recomputed, then
 * their marks removed — only marks not renewed meanwhile, so an event during the pass is kept.
 */
export async function refreshDirty(ctx: AnalyticsContext, batch = 500): Promise<{ days: number }> {
  let days = 0;
  for (;;) {
    const marks = await ctx.db
      .selectFrom('analytics_dirty')
      .select(['ref', 'marked_at'])
      .orderBy('marked_at')
      .limit(batch)
      .execute();
    if (marks.length === 0) return { days };
    const orderIds = marks.filter((m) => m.ref.startsWith('o:')).map((m) => m.ref.slice(2));
    const complaintIds = marks.filter((m) => m.ref.startsWith('c:')).map((m) => m.ref.slice(2));
    if (complaintIds.length) orderIds.push(...(await ctx.ports.complaintOrders(complaintIds)));
    const created = await ctx.ports.createdAtOf(orderIds);
    const todo = [...new Set([...created.values()].map((at) => businessDate(at)))].sort();
    for (const day of todo) await recomputeDay(ctx, day);
    days += todo.length;
    for (const m of marks)
      await ctx.db
        .deleteFrom('analytics_dirty')
        .where('ref', '=', m.ref)
        .where('marked_at', '=', m.marked_at)
        .execute();
    if (marks.length < batch) return { days };
  }
}

/** The nightly pass: the last `days` business days (today included) from source. */
export async function recomputeRecent(ctx: AnalyticsContext, days: number): Promise<{ days: number }> {
  const today = businessDate(ctx.clock.now());
  for (let i = days - 1; i >= 0; i--) await recomputeDay(ctx, addDays(today, -i));
  return { days };
}

/** Every day from the first order to today (the rebuild CLI and the bench's dataset build). */
export async function rebuildAll(ctx: AnalyticsContext): Promise<{ days: number; orders: number }> {
  const span = await ctx.ports.creationSpan();
  await ctx.db.deleteFrom('analytics_daily').execute();
  await ctx.db.deleteFrom('analytics_daily_technicians').execute();
  if (!span) return { days: 0, orders: 0 };
  const last = [businessDate(span.last), businessDate(ctx.clock.now())].sort()[1]!;
  let days = 0;
  let orders = 0;
  for (let d = businessDate(span.first); d <= last; d = addDays(d, 1)) {
    orders += await recomputeDay(ctx, d);
    days++;
  }
  await ctx.db.deleteFrom('analytics_dirty').execute();
  return { days, orders };
}
