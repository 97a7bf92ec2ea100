import { CANCELLABLE_STATUSES, OPEN_STATUSES } from '@anxin/contracts';
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
 * Each stay in awaiting_callback ends with a callback outcome (`Step.callback`): satisfied, unsatisfied
 * (closed with a note, or for repairs a redo: awaiting_dispatch → … → completed → awaiting_callback
 * again, at most twice) or unreachable after three attempts.
 */
export type Who = 'creator' | 'agent' | 'system' | 'dispatcher' | 'outlet' | 'technician' | 'quality';
export interface Step {
  to: WorkOrderStatus;
  at: number;
  who: Who;
  reason?: string;
  data?: Record<string, unknown>;
  /** On the step that leaves 待回访: the callback that moved the order (modules/callbacks outcomes). */
  callback?: CallbackPlan;
}
export type Answers = Record<string, number | boolean>;
/** One callback task's history: unreachable attempts first, then the outcome that moved the order. */
export interface CallbackPlan {
  attempts: number[];
  outcome: 'satisfied' | 'unsatisfied' | 'unreachable';
  followUp: 'redo' | 'close_with_note' | null;
  answers: Answers;
  comment: string | null;
  note: string | null;
}
export interface PathPlan {
  steps: Step[];
  appointment: { start: number; end: number } | null;
  /** Index in `steps` of the first dispatch that the outlet rejected, when there is one. */
  rejected: boolean;
  /** Visits after an unsatisfied callback (返修): 0, 1 or 2. */
  redos: number;
}
export interface PathOptions {
  remote: boolean;
  reject: boolean;
  parts: boolean;
  /** Cancel after this many steps (≥ 1), or never. */
  cancelAfter: number | null;
  serviceMinutes: number;
  urgent: boolean;
  /** Repair-like orders: an unsatisfied callback may send them out again. */
  redoable: boolean;
}

/** Every open status (derived from the transition table in contracts). */
export const OPEN_STATES: readonly WorkOrderStatus[] = OPEN_STATUSES;
/** States the desk may still cancel from (before the technician sets off). */
export const CANCELLABLE: ReadonlySet<WorkOrderStatus> = new Set(CANCELLABLE_STATUSES);
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
  let redos = 0;
  const add = (to: WorkOrderStatus, gapMinutes: number, who: Who, extra: Partial<Step> = {}) => {
    t = Math.max(t + 1000, t + Math.round(gapMinutes * MINUTE));
    steps.push({ to, at: t, who, ...extra });
  };
  /**
   * The callback of the task just opened: most customers are satisfied, some are not (the order is
   * closed with a note, or sent out again when `canRedo`), some cannot be reached in three tries.
   * Adds the step that leaves 待回访 and returns whether it was a redo.
   */
  const callbackRound = (canRedo: boolean): boolean => {
    const attempts: number[] = [];
    const kind = r.weighted([86, 6, canRedo ? 4 : 0, 4]);
    const tries = kind === 3 ? 3 : r.weighted([88, 10, 2]) + 1;
    let gap = between(r, 60, 20 * 60);
    for (let i = 1; i < tries; i++) {
      t += Math.round(gap * MINUTE);
      attempts.push(t);
      gap = between(r, 120, 6 * 60);
    }
    if (kind === 0) {
      const cb = plannedCallback(r, 'satisfied', null, attempts);
      add('closed', gap, 'quality', { reason: 'callback_satisfied', callback: cb });
      return false;
    }
    if (kind === 3) {
      const cb = plannedCallback(r, 'unreachable', null, attempts);
      add('closed', gap, 'quality', { reason: 'callback_unreachable', callback: cb });
      return false;
    }
    const redo = kind === 2;
    const cb = plannedCallback(r, 'unsatisfied', redo ? 'redo' : 'close_with_note', attempts);
    const code = redo ? 'callback_unsatisfied_redo' : 'callback_unsatisfied';
    add(redo ? 'awaiting_dispatch' : 'closed', gap, 'quality', {
      reason: `${code}: ${cb.note ?? cb.comment ?? ''}`.slice(0, 500),
      callback: cb,
    });
    return redo;
  };
  steps.push({ to: 'new', at: created, who: 'creator' });
  // Most calls are answered within the 5-minute first-contact target; some wait in the queue.
  add('accepted', r.chance(0.85) ? between(r, 1, 4) : between(r, 5, o.urgent ? 15 : 60), 'agent');
  if (o.remote) {
    add('remote_resolved', between(r, 5, 90), 'agent');
    add('awaiting_callback', between(r, 30, 8 * 60), 'quality');
    callbackRound(false);
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
    // An unsatisfied callback with "redo" sends the order out again (返修), at most twice.
    while (callbackRound(o.redoable && redos < 2)) {
      redos++;
      add('dispatched_outlet', between(r, 10, 120), 'dispatcher');
      add('outlet_accepted', between(r, 5, 120), 'outlet');
      add('assigned', between(r, 5, 120), 'outlet');
      add('scheduled', between(r, 10, 120), 'technician');
      const again = localInstant(businessDay(t) + 1 + r.int(2), r.pick(SLOTS) * 60);
      appointment = { start: again, end: again + 2 * HOUR };
      steps[steps.length - 1]!.data = {
        appointment: { start: new Date(again).toISOString(), end: new Date(again + 2 * HOUR).toISOString() },
      };
      add('departed', (again - t) / MINUTE - between(r, 25, 55), 'technician');
      add('arrived', between(r, 15, 60), 'technician');
      add('in_progress', between(r, 2, 10), 'technician');
      add('completed', o.serviceMinutes * (0.6 + r.next()), 'technician');
      add('awaiting_callback', between(r, 30, 24 * 60), 'quality');
    }
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
  return { steps, appointment, rejected: o.reject, redos };
}

const UNSATISFIED_COMMENTS = [
  '故障没有彻底解决，用了两天又出现同样问题',
  '师傅来得太晚，等了一上午',
  '维修后噪音还是很大',
  '收费和电话里说的不一样',
  '师傅态度不好，不耐烦',
];
const CLOSE_NOTES = [
  '已向客户解释收费标准，客户接受',
  '已致歉并赠送延保券，客户同意结单',
  '客户表示暂不需要再上门',
];
const REDO_NOTES = ['问题未解决，安排二次上门', '同一故障复发，重新派单返修'];

/** Answers to the default questionnaire (callbacks.policy): 1–5 scores and "resolved". */
function plannedCallback(
  r: SeedRng,
  outcome: CallbackPlan['outcome'],
  followUp: CallbackPlan['followUp'],
  attempts: number[],
): CallbackPlan {
  if (outcome === 'unreachable')
    return { attempts, outcome, followUp, answers: {}, comment: null, note: null };
  const score = (lo: number, hi: number) => lo + r.int(hi - lo + 1);
  if (outcome === 'satisfied') {
    const answers: Answers = {
      timeliness: score(4, 5),
      attitude: r.chance(0.015) ? 2 : score(4, 5),
      workmanship: score(4, 5),
      overall: score(4, 5),
      resolved: true,
    };
    return { attempts, outcome, followUp, answers, comment: null, note: null };
  }
  const rude = r.chance(0.25);
  const answers: Answers = {
    timeliness: score(1, 4),
    attitude: rude ? score(1, 2) : score(3, 5),
    workmanship: followUp === 'redo' ? score(1, 2) : score(2, 4),
    overall: score(1, 2),
    resolved: followUp !== 'redo',
  };
  const comment = rude ? UNSATISFIED_COMMENTS[4]! : r.pick(UNSATISFIED_COMMENTS.slice(0, 4));
  const note = followUp === 'redo' ? r.pick(REDO_NOTES) : r.pick(CLOSE_NOTES);
  return { attempts, outcome, followUp, answers, comment, note };
}

/** Index of the last step at or before `anchor` (the order's status as of the anchor). */
export function cutAt(steps: readonly Step[], anchor: number): number {
  let i = 0;
  while (i + 1 < steps.length && steps[i + 1]!.at <= anchor) i++;
  return i;
}
