import type { Kysely } from 'kysely';
import type { SlaMetric, SlaState } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ClockMode, SlaClocksTable } from './sla.schema.ts';
import type { Pause } from './domain/clock.ts';

export interface ClockRecord {
  orderId: string;
  metric: SlaMetric;
  policyId: string;
  mode: ClockMode;
  budget: number;
  atRiskPercent: number;
  notifyRole: string;
  startedAt: string;
  stoppedAt: string | null;
  pauses: Pause[];
  dueAt: string | null;
  atRiskAt: string | null;
  state: SlaState;
  nextCheckAt: string | null;
  atRiskRaisedAt: string | null;
  breachedRaisedAt: string | null;
  calendarVersion: string | null;
  error: string | null;
}

const toRecord = (r: SlaClocksTable): ClockRecord => ({
  orderId: r.order_id,
  metric: r.metric,
  policyId: r.policy_id,
  mode: r.mode,
  budget: r.budget,
  atRiskPercent: r.at_risk_percent,
  notifyRole: r.notify_role,
  startedAt: r.started_at,
  stoppedAt: r.stopped_at,
  pauses: JSON.parse(r.pauses) as Pause[],
  dueAt: r.due_at,
  atRiskAt: r.at_risk_at,
  state: r.state,
  nextCheckAt: r.next_check_at,
  atRiskRaisedAt: r.at_risk_raised_at,
  breachedRaisedAt: r.breached_raised_at,
  calendarVersion: r.calendar_version,
  error: r.error,
});

/** A clock as its `sla_clocks` row (the seed writes clocks in bulk with the same encoding). */
export const clockRow = (c: ClockRecord, now: string): SlaClocksTable => ({
  order_id: c.orderId,
  metric: c.metric,
  policy_id: c.policyId,
  mode: c.mode,
  budget: c.budget,
  at_risk_percent: c.atRiskPercent,
  notify_role: c.notifyRole,
  started_at: c.startedAt,
  stopped_at: c.stoppedAt,
  pauses: JSON.stringify(c.pauses),
  due_at: c.dueAt,
  at_risk_at: c.atRiskAt,
  state: c.state,
  next_check_at: c.nextCheckAt,
  at_risk_raised_at: c.atRiskRaisedAt,
  breached_raised_at: c.breachedRaisedAt,
  calendar_version: c.calendarVersion,
  error: c.error,
  updated_at: now,
});

/** The only SQL of the SLA module. It also owns the two denormalised SLA columns of work_orders. */
export class SlaRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async insertClocks(trx: Kysely<Database>, clocks: readonly ClockRecord[], now: string): Promise<void> {
    if (clocks.length)
      await trx
        .insertInto('sla_clocks')
        .values(clocks.map((c) => clockRow(c, now)))
        .execute();
  }

  async clocksOf(trx: Kysely<Database>, orderId: string): Promise<ClockRecord[]> {
    const rows = await trx
      .selectFrom('sla_clocks')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('metric')
      .execute();
    return rows.map(toRecord);
  }

  async clocksOfMany(orderIds: readonly string[]): Promise<Map<string, ClockRecord[]>> {
    const out = new Map<string, ClockRecord[]>();
    if (!orderIds.length) return out;
    const rows = await this.db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('order_id', 'in', orderIds)
      .execute();
    for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), toRecord(r)]);
    return out;
  }

  /**
   * Writes a recomputed clock. The raised-event markers belong to the job (`markRaised`) and are
   * left alone, so a concurrent transition cannot un-raise them; a restart clears them explicitly.
   */
  async updateClock(
    trx: Kysely<Database>,
    c: ClockRecord,
    now: string,
    opts: { resetRaised?: boolean } = {},
  ): Promise<void> {
    const { order_id, metric, at_risk_raised_at, breached_raised_at, ...rest } = clockRow(c, now);
    const set = opts.resetRaised ? { ...rest, at_risk_raised_at, breached_raised_at } : rest;
    await trx
      .updateTable('sla_clocks')
      .set(set)
      .where('order_id', '=', order_id)
      .where('metric', '=', metric)
      .execute();
  }

  /** Clocks the job must look at now, oldest first (index on next_check_at). */
  async due(
    now: string,
    limit: number,
    afterKey?: { at: string; orderId: string; metric: string },
  ): Promise<ClockRecord[]> {
    let q = this.db.selectFrom('sla_clocks').selectAll().where('next_check_at', '<=', now);
    if (afterKey) {
      q = q.where((eb) =>
        eb(
          eb.refTuple('next_check_at', 'order_id', 'metric'),
          '>',
          eb.tuple(afterKey.at as string | null, afterKey.orderId, afterKey.metric as SlaMetric),
        ),
      );
    }
    const rows = await q
      .orderBy('next_check_at')
      .orderBy('order_id')
      .orderBy('metric')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async withErrors(limit: number): Promise<ClockRecord[]> {
    const rows = await this.db
      .selectFrom('sla_clocks')
      .selectAll()
      .where('error', 'is not', null)
      .where('stopped_at', 'is', null)
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Marks an event as raised; true only for the caller that flipped it, which makes the job's
   * event and notification at-most-once per clock even when two runs overlap.
   */
  async markRaised(
    trx: Kysely<Database>,
    c: ClockRecord,
    kind: 'at_risk' | 'breached',
    now: string,
    next: string | null,
  ): Promise<boolean> {
    const col = kind === 'at_risk' ? 'at_risk_raised_at' : 'breached_raised_at';
    const set: Partial<SlaClocksTable> = { [col]: now, state: kind, next_check_at: next, updated_at: now };
    if (kind === 'breached') set.at_risk_raised_at = c.atRiskRaisedAt ?? now;
    const r = await trx
      .updateTable('sla_clocks')
      .set(set)
      .where('order_id', '=', c.orderId)
      .where('metric', '=', c.metric)
      .where(col, 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

/**
 * What the SLA job needs from the work-order module, which owns `work_orders` (sla cannot import
 * it: workorders depends on sla). createWorkOrders binds it with `sla.useOrders(...)`.
 */
export interface SlaOrdersPort {
  /** SLA state only worsens with time, so the job raises the order's state without a version bump. */
  worsenSla(trx: Kysely<Database>, orderId: string, state: 'at_risk' | 'breached'): Promise<void>;
  setSla(trx: Kysely<Database>, orderId: string, state: SlaState, dueAt: string | null): Promise<void>;
  numberOf(trx: Kysely<Database>, orderId: string): Promise<string | undefined>;
}

/** A clock as reports and KPIs read it: when it started, was due and stopped. */
export interface ClockSpan {
  orderId: string;
  metric: SlaMetric;
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
}

/**
 * Clocks started in [from, to) (one metric, or all), oldest first: the read other modules (the
 * KPI panel) use instead of querying `sla_clocks`.
 */
export async function clocksStarted(
  db: Kysely<Database>,
  metric: SlaMetric | null,
  from: string,
  to: string,
): Promise<ClockSpan[]> {
  let q = db
    .selectFrom('sla_clocks')
    .select(['order_id', 'metric', 'started_at', 'due_at', 'stopped_at'])
    .where('started_at', '>=', from)
    .where('started_at', '<', to);
  if (metric) q = q.where('metric', '=', metric);
  const rows = await q.orderBy('started_at').orderBy('order_id').orderBy('metric').execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    metric: r.metric,
    startedAt: r.started_at,
    dueAt: r.due_at,
    stoppedAt: r.stopped_at,
  }));
}

/** One metric's clock of each order (due and stop instants), the read grading uses; in chunks. */
export async function clocksOfOrders(
  db: Kysely<Database>,
  orderIds: readonly string[],
  metric: SlaMetric,
): Promise<Map<string, { dueAt: string | null; stoppedAt: string | null }>> {
  const out = new Map<string, { dueAt: string | null; stoppedAt: string | null }>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('sla_clocks')
      .select(['order_id', 'due_at', 'stopped_at'])
      .where('metric', '=', metric)
      .where('order_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.order_id, { dueAt: r.due_at, stoppedAt: r.stopped_at });
  }
  return out;
}

/**
 * The clock behind each order's SLA alarm: of its clocks that are breached or at risk, a running
 * one before a stopped one (a response deadline missed stays the reason once the clock stops), a
 * breached one before one at risk, then the one due first (one query for all orders).
 */
export async function alarmingClocksOf(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, { metric: SlaMetric; state: SlaState; dueAt: string | null }>> {
  const out = new Map<string, { metric: SlaMetric; state: SlaState; dueAt: string | null }>();
  const ids = [...new Set(orderIds)].slice(0, 500);
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('sla_clocks')
    .select(['order_id', 'metric', 'state', 'due_at', 'stopped_at'])
    .where('order_id', 'in', ids)
    .where('state', 'in', ['breached', 'at_risk'])
    .execute();
  const rank = (r: (typeof rows)[number]) =>
    `${r.stopped_at === null ? 0 : 1}${r.state === 'breached' ? 0 : 1}${r.due_at ?? '9'}`;
  rows.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  for (const r of rows)
    if (!out.has(r.order_id)) out.set(r.order_id, { metric: r.metric, state: r.state, dueAt: r.due_at });
  return out;
}
