import { sql, type Kysely } from 'kysely';
import type { OrderClass } from '@anxin/contracts';
import type { Database } from '../../database.ts';

/**
 * Read functions other modules use instead of querying this module's tables (table ownership:
 * test/ownership/foreign-reads.ts). Each returns camelCase values, never rows.
 */
type Db = Kysely<Database>;

/**
 * Callback verdicts (satisfied / unsatisfied) of tasks closed in [from, to): the read other
 * modules (the KPI panel) use instead of querying `callback_tasks`.
 */
export async function callbackVerdicts(
  db: Db,
  from: string,
  to: string,
): Promise<{ satisfied: number; verdicts: number }> {
  const rows = await db
    .selectFrom('callback_tasks')
    .select(['outcome'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('outcome', 'in', ['satisfied', 'unsatisfied'])
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .groupBy('outcome')
    .execute();
  let satisfied = 0;
  let verdicts = 0;
  for (const r of rows) {
    verdicts += Number(r.n);
    if (r.outcome === 'satisfied') satisfied += Number(r.n);
  }
  return { satisfied, verdicts };
}

/** Each order's stored classes (orders without any are left out); in chunks. */
export async function classesOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, OrderClass[]>> {
  const out = new Map<string, OrderClass[]>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('order_classifications')
      .select(['order_id', 'class'])
      .where('order_id', 'in', ids.slice(i, i + 500))
      .orderBy('order_id')
      .orderBy('class')
      .execute();
    for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), r.class]);
  }
  return out;
}

/** A satisfied / unsatisfied callback verdict with the order's outlet. */
export interface OutletVerdict {
  taskId: string;
  orderId: string;
  outletId: string;
  outcome: 'satisfied' | 'unsatisfied';
  /** When the verdict was recorded (the task's close, else its last update). */
  at: string;
}

/** Verdicts recorded in [from, to) on orders with an outlet (grading's callback facts). */
export async function outletVerdicts(db: Db, from: string, to: string): Promise<OutletVerdict[]> {
  const at = sql<string>`coalesce(t.closed_at, t.updated_at)`;
  const rows = await db
    .selectFrom('callback_tasks as t')
    .innerJoin('work_orders as wo', 'wo.id', 't.order_id')
    .select(['t.id', 't.order_id', 'wo.outlet_id', 't.outcome', at.as('at')])
    .where('t.outcome', 'in', ['satisfied', 'unsatisfied'])
    .where('wo.outlet_id', 'is not', null)
    .where(at, '>=', from)
    .where(at, '<', to)
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    taskId: r.id,
    orderId: r.order_id,
    outletId: r.outlet_id!,
    outcome: r.outcome as OutletVerdict['outcome'],
    at: r.at,
  }));
}

/** A class of an order of the outlet, with when it was established and when the order closed. */
export interface SettlingClass {
  orderId: string;
  orderNumber: string;
  class: OrderClass;
  sourceEventId: string | null;
  /** The source event's instant, else when the class was computed. */
  establishedAt: string;
  closedAt: string | null;
}

/**
 * Classes of the outlet's orders that may settle in [from, to) (settlement's read): the order
 * closed before `to`, and it closed or the class was (re)computed since `from` (a class is
 * established before it is computed, so this is a superset the caller narrows).
 */
export async function outletClassesSettling(
  db: Db,
  outletId: string,
  from: string,
  to: string,
): Promise<SettlingClass[]> {
  const rows = await db
    .selectFrom('order_classifications as oc')
    .innerJoin('work_orders as wo', 'wo.id', 'oc.order_id')
    .leftJoin('events as e', 'e.id', 'oc.source_event_id')
    .select([
      'oc.order_id',
      'oc.class',
      'oc.source_event_id',
      'oc.computed_at',
      'e.occurred_at',
      'wo.number',
      'wo.closed_at',
    ])
    .where('wo.outlet_id', '=', outletId)
    .where('wo.closed_at', 'is not', null)
    .where('wo.closed_at', '<', to)
    .where((eb) => eb.or([eb('wo.closed_at', '>=', from), eb('oc.computed_at', '>=', from)]))
    .orderBy('wo.closed_at')
    .orderBy('oc.order_id')
    .orderBy('oc.class')
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    orderNumber: r.number,
    class: r.class,
    sourceEventId: r.source_event_id,
    establishedAt: r.occurred_at ?? r.computed_at,
    closedAt: r.closed_at,
  }));
}

/** Callback verdicts (satisfied / unsatisfied) recorded on each order (modules/analytics); in chunks. */
export async function verdictsOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, { satisfied: number; total: number }>> {
  const out = new Map<string, { satisfied: number; total: number }>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('callback_tasks')
      .select(['order_id', 'outcome'])
      .where('outcome', 'in', ['satisfied', 'unsatisfied'])
      .where('order_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const cur = out.get(r.order_id) ?? { satisfied: 0, total: 0 };
      cur.total++;
      if (r.outcome === 'satisfied') cur.satisfied++;
      out.set(r.order_id, cur);
    }
  }
  return out;
}
