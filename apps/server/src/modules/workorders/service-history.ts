import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { WORKORDER_EVENTS } from './workorders.events.ts';
import type { WorkOrderStatus } from './workorders.schema.ts';

/**
 * A product's repair history for the 三包 engine (modules/warranty): per repair order its fault,
 * dates, days in repair and days waiting for parts (from the order's status events), and whether
 * it was fixed. Read here because this module owns `work_orders` and their event stream.
 */
export interface RepairHistoryRecord {
  orderId: string;
  orderNumber: string;
  status: WorkOrderStatus;
  faultCodeId: string | null;
  createdAt: string;
  /** Business date (Asia/Shanghai) of `createdAt`. */
  createdOn: string;
  /** The last time the work was completed (a redo completes again); null while open. */
  completedAt: string | null;
  completedOn: string | null;
  /** Days the product was occupied, waiting for parts excluded (a started day counts as a day). */
  repairDays: number;
  /** Days in `awaiting_parts` (无零配件待修). */
  partsWaitDays: number;
  /** Times an unsatisfied callback sent the order back out (返修). */
  redoCount: number;
  /** true: closed after a satisfied callback; false: sent back for redo and not closed since; null: open. */
  fixed: boolean | null;
}

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;
const STREAM = 'workorder';

/** Repair orders of an installed product created before `asOf`, oldest first (cancelled ones left out). */
export async function serviceHistory(
  db: Db,
  installedProductId: string,
  asOf: Date,
): Promise<RepairHistoryRecord[]> {
  const orders = await db
    .selectFrom('work_orders')
    .select(['id', 'number', 'status', 'fault_code_id', 'created_at', 'completed_at'])
    .where('product_id', '=', installedProductId)
    .where('type', '=', 'repair')
    .where('status', '<>', 'cancelled')
    .where('created_at', '<=', asOf.toISOString())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (!orders.length) return [];
  const events = await db
    .selectFrom('events')
    .select(['stream_id', 'from_state', 'to_state', 'occurred_at'])
    .where('stream_type', '=', STREAM)
    .where('type', '=', WORKORDER_EVENTS.type.transitioned)
    .where(
      'stream_id',
      'in',
      orders.map((o) => o.id),
    )
    .where('occurred_at', '<=', asOf.toISOString())
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const byOrder = new Map<string, typeof events>();
  for (const e of events) byOrder.set(e.stream_id, [...(byOrder.get(e.stream_id) ?? []), e]);

  return orders.map((o) => {
    const steps = byOrder.get(o.id) ?? [];
    let waitMs = 0;
    let waitingSince: number | null = null;
    let completedAt: string | null = null;
    let redoCount = 0;
    let redoSinceClose = false;
    for (const s of steps) {
      const t = Date.parse(s.occurred_at);
      if (s.to_state === 'awaiting_parts') waitingSince = t;
      else if (s.from_state === 'awaiting_parts' && waitingSince !== null) {
        waitMs += t - waitingSince;
        waitingSince = null;
      }
      if (s.to_state === 'completed') completedAt = s.occurred_at;
      if (s.from_state === 'awaiting_callback' && s.to_state === 'awaiting_dispatch') {
        redoCount += 1;
        redoSinceClose = true;
        completedAt = null;
      }
      if (s.to_state === 'closed') redoSinceClose = false;
    }
    const end = completedAt ? Date.parse(completedAt) : asOf.getTime();
    if (waitingSince !== null) waitMs += end - waitingSince;
    const totalDays = Math.ceil(Math.max(0, end - Date.parse(o.created_at)) / DAY_MS);
    const partsWaitDays = Math.min(totalDays, Math.ceil(waitMs / DAY_MS));
    const status = o.status as WorkOrderStatus;
    return {
      orderId: o.id,
      orderNumber: o.number,
      status,
      faultCodeId: o.fault_code_id,
      createdAt: o.created_at,
      createdOn: businessDateOf(new Date(o.created_at)),
      completedAt,
      completedOn: completedAt ? businessDateOf(new Date(completedAt)) : null,
      repairDays: totalDays - partsWaitDays,
      partsWaitDays,
      redoCount,
      fixed: status === 'closed' ? true : redoSinceClose ? false : null,
    };
  });
}
