import type { SlaState } from '@anxin/contracts';
import type { ClockMode } from '../sla.schema.ts';

/** The part of the business calendar the clock arithmetic needs (platform/calendar implements it). */
export interface WorkingTime {
  workingTimeBetween(start: Date, end: Date): number;
  addWorkingMs(instant: Date, ms: number): Date;
  addWorkingDays(instant: Date, n: number): Date;
}

export interface ClockBudget {
  mode: ClockMode;
  /** Minutes (business_hours, calendar) or working days (working_days). */
  budget: number;
  atRiskPercent: number;
}

export interface Pause {
  start: string;
  end: string | null;
}

export interface Deadlines {
  dueAt: Date;
  atRiskAt: Date;
}

const MIN = 60_000;

interface Measure {
  between(a: number, b: number): number;
  advance(a: number, ms: number): number;
}

const calendarMeasure: Measure = { between: (a, b) => b - a, advance: (a, ms) => a + ms };
const businessMeasure = (cal: WorkingTime): Measure => ({
  between: (a, b) => cal.workingTimeBetween(new Date(a), new Date(b)),
  advance: (a, ms) => (ms <= 0 ? a : cal.addWorkingMs(new Date(a), ms).getTime()),
});

/** Pauses as closed [start, end) ms spans; a pause still open is taken to end `now`. */
function closedSpans(pauses: readonly Pause[], now: number, stop: number | null): [number, number][] {
  return pauses
    .map((p): [number, number] => {
      const s = Date.parse(p.start);
      const e = p.end ? Date.parse(p.end) : Math.max(s, stop ?? now);
      return [s, e];
    })
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
}

/**
 * The instant at which `budgetMs` of active time has elapsed from `start`, skipping the pauses.
 * Each active stretch between pauses is measured; the budget runs out in the first stretch that
 * holds the rest of it, or after the last pause.
 */
function consume(m: Measure, start: number, spans: [number, number][], budgetMs: number): number {
  let cursor = start;
  let left = budgetMs;
  for (const [ps, pe] of spans) {
    if (pe <= cursor) continue;
    if (ps > cursor) {
      const active = m.between(cursor, ps);
      if (active >= left) return m.advance(cursor, left);
      left -= active;
    }
    cursor = Math.max(cursor, pe);
  }
  return m.advance(cursor, left);
}

/** Active working time in [a, b) outside the spans. */
function activeBetween(m: Measure, a: number, b: number, spans: [number, number][]): number {
  let sum = 0;
  let cursor = a;
  for (const [ps, pe] of spans) {
    if (pe <= cursor) continue;
    if (ps >= b) break;
    if (ps > cursor) sum += m.between(cursor, ps);
    cursor = Math.max(cursor, pe);
  }
  if (cursor < b) sum += m.between(cursor, b);
  return sum;
}

/**
 * Due and at-risk instants of one clock. Pauses push both out by the time they cover; a pause still
 * open counts up to `now` (or the stop), so a paused clock's due time keeps moving, never passing.
 * Throws CalendarNoDataError (fail closed) when the span touches a year without calendar data.
 */
export function computeDeadlines(
  b: ClockBudget,
  startedAt: Date,
  pauses: readonly Pause[],
  now: Date,
  cal: WorkingTime,
  stoppedAt: Date | null = null,
): Deadlines {
  const start = startedAt.getTime();
  const spans = closedSpans(pauses, now.getTime(), stoppedAt?.getTime() ?? null);
  const ratio = b.atRiskPercent / 100;
  if (b.mode === 'calendar' || b.mode === 'business_hours') {
    const m = b.mode === 'calendar' ? calendarMeasure : businessMeasure(cal);
    const budgetMs = b.budget * MIN;
    return {
      dueAt: new Date(consume(m, start, spans, budgetMs)),
      atRiskAt: new Date(consume(m, start, spans, Math.round(budgetMs * ratio))),
    };
  }
  // Working days: the n-th working day at the same time of day, then pushed out by the working
  // time each pause took before that moment (a pause after the deadline changes nothing).
  const m = businessMeasure(cal);
  let due = cal.addWorkingDays(startedAt, b.budget).getTime();
  for (const [ps, pe] of spans) {
    if (ps >= due) break;
    if (pe <= start) continue;
    due = m.advance(due, m.between(Math.max(ps, start), pe));
  }
  const total = activeBetween(m, start, due, spans);
  return { dueAt: new Date(due), atRiskAt: new Date(consume(m, start, spans, Math.round(total * ratio))) };
}

export interface ClockSnapshot {
  dueAt: Date | null;
  atRiskAt: Date | null;
  stoppedAt: Date | null;
}

/**
 * The state of a clock at an instant. A stopped clock is judged at its stop: met in time stays
 * on_track, met late stays breached. Without deadlines (calendar error) nothing can be claimed.
 */
export function evaluateClock(c: ClockSnapshot, now: Date): SlaState {
  if (!c.dueAt || !c.atRiskAt) return 'on_track';
  const at = (c.stoppedAt ?? now).getTime();
  if (at > c.dueAt.getTime()) return 'breached';
  if (c.stoppedAt) return 'on_track';
  return at >= c.atRiskAt.getTime() ? 'at_risk' : 'on_track';
}

// An unknown clock may already be late: it outranks at_risk so it is never hidden behind it.
const RANK: Record<SlaState, number> = { on_track: 0, at_risk: 1, unknown: 2, breached: 3 };
export const worstState = (states: readonly SlaState[]): SlaState =>
  states.reduce<SlaState>((w, s) => (RANK[s] > RANK[w] ? s : w), 'on_track');
