import type { SlaPolicySet } from '@anxin/contracts';
import type { Database } from '../database.ts';
import { DEFAULT_CALLBACK_POLICY } from '../modules/callbacks/index.ts';
import {
  DEFAULT_SLA_POLICIES,
  applyStatus,
  clockRow,
  newClocks,
  orderSla,
  refreshClock,
  resolveMetrics,
  type Calendar,
} from '../modules/sla/index.ts';
import { PAUSED_STATES } from '../modules/workorders/index.ts';
import { createBusinessCalendar, HOLIDAY_CN } from '../platform/calendar/index.ts';
import type { Step } from './lifecycle.ts';
import type { SeedRng } from './rng.ts';
import { iso } from './time.ts';
import { CALLBACK_EVENTS } from '../modules/callbacks/callbacks.events.ts';

type Row<T extends keyof Database> = Database[T];

/** The product rules the generator replays: the statutory calendar and the default settings. */
export interface Rules {
  calendar: Calendar;
  policies: SlaPolicySet['policies'];
  callbackDueMs: number;
  retryAfterMs: number;
  /** resolveMetrics per policy subject (a handful of distinct subjects). */
  metrics: Map<string, ReturnType<typeof resolveMetrics>>;
}

/** A fresh installation's rules: the seed writes no settings, so the defaults are in force. */
export function seedRules(): Rules {
  return {
    calendar: createBusinessCalendar({ data: HOLIDAY_CN }),
    policies: DEFAULT_SLA_POLICIES.policies,
    callbackDueMs: DEFAULT_CALLBACK_POLICY.dueBusinessHours * 3_600_000,
    retryAfterMs: DEFAULT_CALLBACK_POLICY.retryAfterMinutes * 60_000,
    metrics: new Map(),
  };
}

const OUTCOME_EVENT = CALLBACK_EVENTS.type.outcome_recorded;

/**
 * The order's SLA clocks as the work-order service leaves them: planned at creation
 * (`newClocks`), moved by every status change (`applyStatus`, with the paused states), then
 * evaluated at the anchor as the `sla.evaluate` job would. Clocks that stopped in the past count
 * as already notified (the job ran back then), so starting the app raises nothing old.
 */
export function replaySla(
  rules: Rules,
  orderId: string,
  subject: { type: Row<'work_orders'>['type']; urgency: Row<'work_orders'>['urgency']; customerTier: string },
  steps: readonly Step[],
  created: number,
  anchor: number,
): { rows: Row<'sla_clocks'>[]; state: Row<'sla_clocks'>['state']; dueAt: string | null } {
  const key = `${subject.type}|${subject.urgency}|${subject.customerTier}`;
  let metrics = rules.metrics.get(key);
  if (!metrics) {
    metrics = resolveMetrics(rules.policies, subject);
    rules.metrics.set(key, metrics);
  }
  const cal = rules.calendar;
  let clocks = newClocks(orderId, metrics, new Date(created), cal);
  for (let i = 1; i < steps.length; i++) {
    const at = new Date(steps[i]!.at);
    const from = steps[i - 1]!.to;
    const to = steps[i]!.to;
    clocks = clocks.map((c) => applyStatus(c, from, to, PAUSED_STATES, at, cal) ?? c);
  }
  const now = new Date(anchor);
  clocks = clocks.map((c) => {
    if (!c.stoppedAt) return refreshClock(c, now, cal);
    // Stopped clocks were evaluated when they stopped; with their events raised there is nothing
    // left for the job to check (refreshClock's nextCheck), so no recomputation is needed.
    return {
      ...c,
      atRiskRaisedAt: c.atRiskAt && c.atRiskAt < c.stoppedAt ? c.atRiskAt : null,
      breachedRaisedAt: c.state === 'breached' ? (c.dueAt ?? c.stoppedAt) : null,
      nextCheckAt: null,
    };
  });
  const sla = orderSla(clocks);
  const at = iso(steps[steps.length - 1]!.at);
  return { rows: clocks.map((c) => clockRow(c, at)), state: sla.state, dueAt: sla.dueAt };
}

/**
 * The callback tasks of one order as modules/callbacks writes them: a task per entry into 待回访
 * (due a business day later), unreachable attempts, and the outcome that moved the order on, each
 * recorded on the task's and the order's streams. `steps` is the whole plan; only the part up to
 * `cut` (and attempts up to the anchor) has happened.
 */
export function replayCallbacks(
  r: SeedRng,
  rules: Rules,
  orderId: string,
  steps: readonly Step[],
  cut: number,
  anchor: number,
  quality: string | null,
): { tasks: Row<'callback_tasks'>[]; events: Row<'events'>[] } {
  const tasks: Row<'callback_tasks'>[] = [];
  const events: Row<'events'>[] = [];
  const event = (
    stream: 'callback_task' | 'work_order',
    streamId: string,
    type: string,
    at: number,
    data: object,
  ) =>
    events.push({
      id: r.idAt(at),
      stream_type: stream,
      stream_id: streamId,
      type,
      actor_id: quality,
      actor_kind: 'user',
      occurred_at: iso(at),
      from_state: null,
      to_state: null,
      reason: null,
      data: JSON.stringify(data),
      request_id: null,
    });
  for (let i = 0; i <= cut; i++) {
    if (steps[i]!.to !== 'awaiting_callback') continue;
    const entry = steps[i]!.at;
    const taskId = r.idAt(entry);
    const dueAt = iso(dueAfter(rules, entry));
    event('callback_task', taskId, CALLBACK_EVENTS.type.task_created, entry, { orderId, dueAt });
    const leave = i + 1 <= cut ? steps[i + 1]! : null;
    const plan = steps[i + 1]?.callback;
    const tries = plan ? plan.attempts.filter((a) => a <= anchor) : [];
    const record = (at: number, outcome: string, attempt: number, final: boolean) => {
      const data = {
        taskId,
        outcome,
        answers: final ? plan!.answers : {},
        comment: final ? plan!.comment : null,
        followUp: final ? plan!.followUp : null,
        note: final ? plan!.note : null,
        attempt,
        viaPortal: false,
        ...(final ? {} : { nextAttemptAt: iso(at + rules.retryAfterMs) }),
      };
      event('callback_task', taskId, OUTCOME_EVENT, at, { orderId, ...data });
      event('work_order', orderId, OUTCOME_EVENT, at, data);
    };
    tries.forEach((at, k) => record(at, 'unreachable', k + 1, false));
    const closed = leave && plan ? leave : null;
    const attempts = tries.length + (closed && plan!.outcome === 'unreachable' ? 1 : 0);
    if (closed) record(closed.at, plan!.outcome, attempts, true);
    const lastTry = tries[tries.length - 1];
    tasks.push({
      id: taskId,
      order_id: orderId,
      status: closed ? plan!.outcome : leave ? 'superseded' : 'open',
      due_at: dueAt,
      next_attempt_at: !leave && lastTry !== undefined ? iso(lastTry + rules.retryAfterMs) : null,
      attempts,
      outcome: closed ? plan!.outcome : tries.length ? 'unreachable' : null,
      follow_up: closed ? plan!.followUp : null,
      answers: closed && Object.keys(plan!.answers).length ? JSON.stringify(plan!.answers) : null,
      comment: closed ? plan!.comment : null,
      note: closed ? plan!.note : null,
      portal_rated: 0,
      created_at: iso(entry),
      updated_at: iso(leave ? leave.at : (lastTry ?? entry)),
      closed_at: leave ? iso(leave.at) : null,
      closed_by: leave ? quality : null,
      version: 1 + tries.length + (leave ? 1 : 0),
    });
  }
  return { tasks, events };
}

/** The task's due time: a business day's working hours later, wall-clock when the year has no calendar. */
function dueAfter(rules: Rules, entry: number): number {
  try {
    return rules.calendar.addWorkingMs(new Date(entry), rules.callbackDueMs).getTime();
  } catch {
    return entry + rules.callbackDueMs;
  }
}
