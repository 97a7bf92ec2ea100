import type { SlaMetric, SlaState, WorkOrderStatusName } from '@anxin/contracts';
import { CalendarNoDataError } from '../../platform/calendar/index.ts';
import { computeDeadlines, evaluateClock, worstState, type WorkingTime } from './domain/clock.ts';
import { budgetOf, type ResolvedMetric } from './domain/policy.ts';
import { restartsClock, stopsClock } from './domain/stops.ts';
import type { ClockRecord } from './sla.repository.ts';

export interface Calendar extends WorkingTime {
  readonly version: string;
}

const isPaused = (c: ClockRecord): boolean => c.pauses.some((p) => p.end === null);

/** When the job must look at this clock next (null: nothing can happen until a transition). */
function nextCheck(c: ClockRecord): string | null {
  if (c.stoppedAt) return c.state === 'breached' && !c.breachedRaisedAt ? c.stoppedAt : null;
  if (isPaused(c) || !c.dueAt) return null;
  if (!c.atRiskRaisedAt) return c.atRiskAt;
  if (!c.breachedRaisedAt) return c.dueAt;
  return null;
}

/**
 * Recomputes deadlines and state. A year without calendar data is recorded on the clock (fail
 * closed: no guessed deadline, state `unknown`, never `on_track`) instead of failing the order
 * change or the job.
 */
export function refreshClock(c: ClockRecord, now: Date, cal: Calendar): ClockRecord {
  let next: ClockRecord;
  try {
    const d = computeDeadlines(
      { mode: c.mode, budget: c.budget, atRiskPercent: c.atRiskPercent },
      new Date(c.startedAt),
      c.pauses,
      now,
      cal,
      c.stoppedAt ? new Date(c.stoppedAt) : null,
    );
    const snapshot = {
      dueAt: d.dueAt,
      atRiskAt: d.atRiskAt,
      stoppedAt: c.stoppedAt ? new Date(c.stoppedAt) : null,
    };
    next = {
      ...c,
      dueAt: d.dueAt.toISOString(),
      atRiskAt: d.atRiskAt.toISOString(),
      state: evaluateClock(snapshot, now),
      calendarVersion: cal.version,
      error: null,
    };
  } catch (err) {
    if (!(err instanceof CalendarNoDataError)) throw err;
    next = { ...c, dueAt: null, atRiskAt: null, state: 'unknown', error: err.message };
  }
  return { ...next, nextCheckAt: nextCheck(next) };
}

export function newClocks(
  orderId: string,
  resolved: readonly ResolvedMetric[],
  startedAt: Date,
  cal: Calendar,
): ClockRecord[] {
  return resolved.map((r) =>
    refreshClock(
      {
        orderId,
        metric: r.metric,
        policyId: r.policyId,
        mode: r.policy.mode,
        budget: budgetOf(r.policy),
        atRiskPercent: r.policy.atRiskPercent,
        notifyRole: r.policy.notifyRole,
        startedAt: startedAt.toISOString(),
        stoppedAt: null,
        pauses: [],
        dueAt: null,
        atRiskAt: null,
        state: 'on_track',
        nextCheckAt: null,
        atRiskRaisedAt: null,
        breachedRaisedAt: null,
        calendarVersion: null,
        error: null,
      },
      startedAt,
      cal,
    ),
  );
}

/** Applies a status change to one clock: stop it, pause it or resume it. Null when untouched. */
export function applyStatus(
  c: ClockRecord,
  from: WorkOrderStatusName,
  to: WorkOrderStatusName,
  pausedIn: readonly WorkOrderStatusName[],
  now: Date,
  cal: Calendar,
): ClockRecord | null {
  const at = now.toISOString();
  if (restartsClock(c.metric, from, to)) {
    const fresh = {
      startedAt: at,
      stoppedAt: null,
      pauses: [],
      state: 'on_track' as const,
      atRiskRaisedAt: null,
      breachedRaisedAt: null,
    };
    return refreshClock({ ...c, ...fresh }, now, cal);
  }
  if (c.stoppedAt) return null;
  let pauses = c.pauses;
  const entersPause = pausedIn.includes(to) && !pausedIn.includes(from);
  const leavesPause = pausedIn.includes(from) && !pausedIn.includes(to);
  if (entersPause) pauses = [...pauses, { start: at, end: null }];
  if (leavesPause) pauses = pauses.map((p) => (p.end === null ? { ...p, end: at } : p));
  const stop = stopsClock(c.metric as SlaMetric, to);
  if (!stop && !entersPause && !leavesPause) return null;
  return refreshClock({ ...c, pauses, stoppedAt: stop ? at : null }, now, cal);
}

/** The order's denormalised SLA columns: worst state of all clocks, earliest running deadline. */
export function orderSla(clocks: readonly ClockRecord[]): { state: SlaState; dueAt: string | null } {
  const running = clocks
    .filter((c) => !c.stoppedAt && !isPaused(c) && c.dueAt)
    .map((c) => c.dueAt!)
    .sort();
  return { state: worstState(clocks.map((c) => c.state)), dueAt: running[0] ?? null };
}

export const clockPaused = isPaused;
