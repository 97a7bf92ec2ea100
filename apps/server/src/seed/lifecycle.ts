import type { WorkOrderStatus } from '../modules/workorders/workorders.schema.ts';
import type { SeedRng } from './rng.ts';
import { HOUR, MINUTE, businessDay, localInstant } from './time.ts';

/**
 * Status paths the generator walks, step for step along the transition table of
 * modules/workorders/domain/lifecycle.ts (each step taken by a role that table allows):
 * new → accepted → (remote_resolved → awaiting_callback → closed) | awaiting_dispatch →
 * dispatched_outlet (→ outlet_rejected → awaiting_dispatch → dispatched_outlet) → outlet_accepted →
 * assigned → scheduled → departed → arrived → in_progress (→ awaiting_parts → in_progress) →
 * completed → awaiting_callback → closed; cancelled by the desk from any state before departure.
 */
export type Who = 'creator' | 'agent' | 'system' | 'dispatcher' | 'outlet' | 'technician' | 'quality';
export interface Step {
  to: WorkOrderStatus;
  at: number;
  who: Who;
  reason?: string;
  data?: Record<string, unknown>;
}
export interface PathPlan {
  steps: Step[];
  appointment: { start: number; end: number } | null;
  /** Index in `steps` of the first dispatch that the outlet rejected, when there is one. */
  rejected: boolean;
}
export interface PathOptions {
  remote: boolean;
  reject: boolean;
  parts: boolean;
  /** Cancel after this many steps (≥ 1), or never. */
  cancelAfter: number | null;
  serviceMinutes: number;
  urgent: boolean;
}

export const OPEN_STATES: readonly WorkOrderStatus[] = [
  'new',
  'accepted',
  'remote_resolved',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_rejected',
  'outlet_accepted',
  'assigned',
  'scheduled',
  'departed',
  'arrived',
  'in_progress',
  'awaiting_parts',
  'completed',
  'awaiting_callback',
];
/** States a customer may still cancel from (before the technician sets off). */
export const CANCELLABLE: ReadonlySet<WorkOrderStatus> = new Set([
  'new',
  'accepted',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_accepted',
  'assigned',
  'scheduled',
]);
export const CANCEL_REASONS = [
  '客户取消：问题已自行解决',
  '客户取消：重复报单',
  '客户取消：上门时间不合适',
  '无法联系客户，多次致电未接通',
  '客户已办理退货',
  '非本品牌产品',
  '客户改为自行送修',
];
const REJECT_REASONS = [
  '网点当日产能已满',
  '工程师休假，无法按时上门',
  '该地址超出网点实际服务半径',
  '缺少该型号维修资质',
];
const SLOTS = [9, 11, 14, 16, 18];

const between = (r: SeedRng, lo: number, hi: number): number => lo + r.int(hi - lo + 1);

/** The full, uncut timeline of one order created at `created`. Times strictly increase by ≥ 1 s. */
export function planPath(r: SeedRng, created: number, o: PathOptions): PathPlan {
  const steps: Step[] = [];
  let t = created;
  let appointment: PathPlan['appointment'] = null;
  const add = (to: WorkOrderStatus, gapMinutes: number, who: Who, extra: Partial<Step> = {}) => {
    t = Math.max(t + 1000, t + Math.round(gapMinutes * MINUTE));
    steps.push({ to, at: t, who, ...extra });
  };
  steps.push({ to: 'new', at: created, who: 'creator' });
  add('accepted', between(r, 1, o.urgent ? 15 : 60), 'agent');
  if (o.remote) {
    add('remote_resolved', between(r, 5, 90), 'agent');
    add('awaiting_callback', between(r, 30, 8 * 60), 'quality');
    add('closed', between(r, 60, 48 * 60), 'quality', {
      data: { satisfaction: 1 + r.weighted([2, 3, 8, 30, 57]) },
    });
  } else {
    add('awaiting_dispatch', between(r, 1, 20), 'agent');
    add('dispatched_outlet', between(r, 3, o.urgent ? 60 : 240), 'dispatcher');
    if (o.reject) {
      add('outlet_rejected', between(r, 10, 180), 'outlet', { reason: r.pick(REJECT_REASONS) });
      add('awaiting_dispatch', between(r, 1, 10), 'dispatcher');
      add('dispatched_outlet', between(r, 5, 120), 'dispatcher');
    }
    add('outlet_accepted', between(r, 5, 240), 'outlet');
    add('assigned', between(r, 5, 180), 'outlet');
    add('scheduled', between(r, 10, 240), 'technician');
    // The appointment: the first slot at least 2 h after the call, a day or two out when not urgent.
    let day = businessDay(t + 2 * HOUR) + (o.urgent ? 0 : r.weighted([25, 50, 20, 5]));
    let slot = r.pick(SLOTS);
    if (localInstant(day, slot * 60) < t + 2 * HOUR) {
      slot = SLOTS.find((s) => localInstant(day, s * 60) >= t + 2 * HOUR) ?? (day++, 9);
    }
    const start = localInstant(day, slot * 60);
    appointment = { start, end: start + 2 * HOUR };
    steps[steps.length - 1]!.data = {
      appointment: { start: new Date(start).toISOString(), end: new Date(start + 2 * HOUR).toISOString() },
    };
    add('departed', (start - t) / MINUTE - between(r, 25, 55), 'technician');
    add('arrived', between(r, 15, 60), 'technician');
    add('in_progress', between(r, 2, 10), 'technician');
    if (o.parts) {
      add('awaiting_parts', between(r, 15, 50), 'technician', { reason: '需更换配件，已申请备件' });
      const back = localInstant(businessDay(t) + between(r, 2, 7), between(r, 9 * 60, 17 * 60));
      add('in_progress', (back - t) / MINUTE, 'technician', { reason: '备件到货，二次上门' });
    }
    add('completed', o.serviceMinutes * (0.6 + r.next()), 'technician');
    add('awaiting_callback', between(r, 30, 24 * 60), 'quality');
    add('closed', between(r, 60, 72 * 60), 'quality', {
      data: { satisfaction: 1 + r.weighted([2, 3, 8, 30, 57]) },
    });
  }
  if (o.cancelAfter !== null) {
    const k = Math.min(o.cancelAfter, steps.length - 1);
    if (CANCELLABLE.has(steps[k - 1]!.to)) {
      steps.length = k;
      t = steps[k - 1]!.at;
      add('cancelled', between(r, 5, 24 * 60), 'agent', { reason: r.pick(CANCEL_REASONS) });
      if (!steps.some((s) => s.to === 'scheduled')) appointment = null;
    }
  }
  return { steps, appointment, rejected: o.reject };
}

/** Index of the last step at or before `anchor` (the order's status as of the anchor). */
export function cutAt(steps: readonly Step[], anchor: number): number {
  let i = 0;
  while (i + 1 < steps.length && steps[i + 1]!.at <= anchor) i++;
  return i;
}
