import type { Kysely } from 'kysely';
import type { SlaMetric } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { callbackVerdicts } from '../callbacks/index.ts';
import { clocksStarted } from '../sla/index.ts';
import { countServiceOrdersCreated, orderNumbersOf } from '../workorders/index.ts';

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
 * Read-only facts for the KPI panel from data other modules own (work orders, callback tasks, SLA
 * clocks), each read through its owner's exported read function; period filters on instants
 * [from, to).
 */
export class KpiRepository {
  readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  /** Service orders created in the period (complaint-type orders are complaints, not service). */
  serviceOrders(from: string, to: string): Promise<number> {
    return countServiceOrdersCreated(this.db, from, to);
  }

  /** Callback verdicts (satisfied / unsatisfied) closed in the period. */
  callbackVerdicts(from: string, to: string): Promise<{ satisfied: number; verdicts: number }> {
    return callbackVerdicts(this.db, from, to);
  }

  /**
   * SLA clocks started in the period (one metric, or all), with their order's number, oldest
   * first: the facts of the clock KPIs and the orders they drill down to.
   */
  async clocks(metric: SlaMetric | null, from: string, to: string): Promise<ClockRow[]> {
    const clocks = await clocksStarted(this.db, metric, from, to);
    const numbers = await orderNumbersOf(
      this.db,
      clocks.map((c) => c.orderId),
    );
    return clocks.flatMap((c) => {
      const orderNumber = numbers.get(c.orderId);
      return orderNumber === undefined ? [] : [{ ...c, orderNumber }];
    });
  }

  /** Response clocks started in the period. */
  async responseClocks(from: string, to: string): Promise<{ startedAt: string; stoppedAt: string | null }[]> {
    const clocks = await clocksStarted(this.db, 'response', from, to);
    return clocks.map((c) => ({ startedAt: c.startedAt, stoppedAt: c.stoppedAt }));
  }
}
