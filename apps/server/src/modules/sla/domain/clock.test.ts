import { describe, expect, it } from 'vitest';
import { CalendarNoDataError, createBusinessCalendar, HOLIDAY_CN } from '../../../platform/calendar/index.ts';
import { computeDeadlines, evaluateClock, type ClockBudget, type Pause } from './clock.ts';
import { resolveMetrics } from './policy.ts';
import { DEFAULT_SLA_POLICIES } from './defaults.ts';

const cal = createBusinessCalendar({ data: HOLIDAY_CN });
/** Shanghai wall-clock literal → instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (local: string) => sh(local).toISOString();
const due = (b: ClockBudget, start: string, pauses: Pause[] = [], now = start) =>
  computeDeadlines(b, sh(start), pauses, sh(now), cal);

const days = (n: number): ClockBudget => ({ mode: 'working_days', budget: n, atRiskPercent: 80 });
const bizMinutes = (n: number): ClockBudget => ({ mode: 'business_hours', budget: n, atRiskPercent: 80 });

describe('SLA deadlines on the China business calendar (2025 National Day: off 10-01..10-08, work Sun 09-28 and Sat 10-11)', () => {
  it('counts the 调休 Sunday 09-28 as a working day', () => {
    // Fri 17:00 + 3 working days: Sun 09-28 (调休), Mon 09-29, Tue 09-30.
    expect(due(days(3), '2025-09-26 17:00').dueAt).toEqual(sh('2025-09-30 17:00'));
  });

  it('skips the eight-day holiday and counts the 调休 Saturday 10-11', () => {
    expect(due(days(3), '2025-09-30 10:00').dueAt).toEqual(sh('2025-10-11 10:00'));
  });

  it('carries business minutes over the holiday into the next opening', () => {
    const d = due(bizMinutes(5), '2025-09-30 17:58');
    expect(d.dueAt).toEqual(sh('2025-10-09 08:33'));
    expect(d.atRiskAt).toEqual(sh('2025-10-09 08:32'));
  });

  it('starts a weekend registration on the 调休 Sunday morning', () => {
    expect(due(bizMinutes(5), '2025-09-27 10:00').dueAt).toEqual(sh('2025-09-28 08:35'));
  });

  it('calendar time ignores holidays', () => {
    expect(due({ mode: 'calendar', budget: 24 * 60, atRiskPercent: 80 }, '2025-09-30 17:58').dueAt).toEqual(
      sh('2025-10-01 17:58'),
    );
  });
});

describe('pauses (awaiting parts) extend the due time', () => {
  const pause = { start: iso('2025-09-29 10:30'), end: iso('2025-09-30 10:30') };

  it('a closed pause pushes a business-hours deadline by the working time it covered', () => {
    expect(due(bizMinutes(480), '2025-09-29 08:30').dueAt).toEqual(sh('2025-09-29 18:00'));
    expect(due(bizMinutes(480), '2025-09-29 08:30', [pause]).dueAt).toEqual(sh('2025-09-30 18:00'));
  });

  it('an open pause counts up to now, so the deadline keeps moving while paused', () => {
    const open = [{ start: iso('2025-09-29 10:30'), end: null }];
    expect(due(bizMinutes(480), '2025-09-29 08:30', open, '2025-09-29 15:00').dueAt).toEqual(
      sh('2025-09-30 11:30'),
    );
  });

  it('a pause pushes a working-days deadline across the holiday', () => {
    const fullDay = { start: iso('2025-09-29 08:30'), end: iso('2025-09-29 18:00') };
    expect(due(days(3), '2025-09-26 17:00', [fullDay]).dueAt).toEqual(sh('2025-10-09 17:00'));
  });

  it('a pause after the deadline changes nothing', () => {
    const late = { start: iso('2025-10-09 09:00'), end: iso('2025-10-09 10:00') };
    expect(due(days(3), '2025-09-26 17:00', [late]).dueAt).toEqual(sh('2025-09-30 17:00'));
  });
});

describe('evaluator and policies', () => {
  const c = { dueAt: sh('2025-09-30 17:00'), atRiskAt: sh('2025-09-30 12:00'), stoppedAt: null };
  it('returns on_track / at_risk / breached at an instant', () => {
    expect(evaluateClock(c, sh('2025-09-30 11:59'))).toBe('on_track');
    expect(evaluateClock(c, sh('2025-09-30 12:00'))).toBe('at_risk');
    expect(evaluateClock(c, sh('2025-09-30 17:00'))).toBe('at_risk');
    expect(evaluateClock(c, sh('2025-09-30 17:01'))).toBe('breached');
    expect(evaluateClock({ ...c, stoppedAt: sh('2025-09-30 16:00') }, sh('2025-10-20 00:00'))).toBe(
      'on_track',
    );
    expect(evaluateClock({ ...c, stoppedAt: sh('2025-10-09 09:00') }, sh('2025-10-20 00:00'))).toBe(
      'breached',
    );
  });

  it('fails closed for a year without calendar data', () => {
    expect(() => due(days(3), '2030-03-01 10:00')).toThrow(CalendarNoDataError);
  });

  it('picks the most specific policy per metric', () => {
    const r = resolveMetrics(DEFAULT_SLA_POLICIES.policies, {
      type: 'consult',
      urgency: 'critical',
      customerTier: 'standard',
    });
    expect(Object.fromEntries(r.map((m) => [m.metric, m.policyId]))).toEqual({
      first_contact: 'default',
      response: 'critical',
      resolution: 'consult',
    });
    const plain = resolveMetrics(DEFAULT_SLA_POLICIES.policies, {
      type: 'repair',
      urgency: 'normal',
      customerTier: 'vip',
    });
    expect(plain.map((m) => m.policyId)).toEqual(['default', 'default', 'default', 'default']);
  });
});
