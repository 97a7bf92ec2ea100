import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

export interface ClockRow {
  orderId: string;
  orderNumber: string;
  metric: string;
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
}

/**
 * Read-only counts for the KPI panel from tables other modules own (work orders, callback tasks,
 * SLA clocks), in the reports manner: no writes, period filters on instants [from, to).
 */
export class KpiRepository {
  readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  /** Service orders created in the period (complaint-type orders are complaints, not service). */
  async serviceOrders(from: string, to: string): Promise<number> {
    const r = await this.db
      .selectFrom('work_orders')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('type', '<>', 'complaint')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Callback verdicts (satisfied / unsatisfied) closed in the period. */
  async callbackVerdicts(from: string, to: string): Promise<{ satisfied: number; verdicts: number }> {
    const rows = await this.db
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

  /**
   * SLA clocks started in the period (one metric, or all), with their order's number, oldest
   * first: the facts of the clock KPIs and the orders they drill down to.
   */
  async clocks(metric: string | null, from: string, to: string): Promise<ClockRow[]> {
    let q = this.db
      .selectFrom('sla_clocks as c')
      .innerJoin('work_orders as wo', 'wo.id', 'c.order_id')
      .select(['c.order_id', 'wo.number', 'c.metric', 'c.started_at', 'c.due_at', 'c.stopped_at'])
      .where('c.started_at', '>=', from)
      .where('c.started_at', '<', to);
    if (metric) q = q.where('c.metric', '=', metric as never);
    const rows = await q.orderBy('c.started_at').orderBy('c.order_id').orderBy('c.metric').execute();
    return rows.map((r) => ({
      orderId: r.order_id,
      orderNumber: r.number,
      metric: r.metric,
      startedAt: r.started_at,
      dueAt: r.due_at,
      stoppedAt: r.stopped_at,
    }));
  }

  /** Response clocks started in the period. */
  async responseClocks(from: string, to: string) {
    const rows = await this.db
      .selectFrom('sla_clocks')
      .select(['started_at', 'stopped_at'])
      .where('metric', '=', 'response')
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .execute();
    return rows.map((r) => ({ startedAt: r.started_at, stoppedAt: r.stopped_at }));
  }
}
