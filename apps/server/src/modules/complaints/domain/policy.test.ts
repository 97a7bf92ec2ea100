import { describe, expect, it } from 'vitest';
import { ComplaintPolicySchema } from '@anxin/contracts';
import { createBusinessCalendar, HOLIDAY_CN } from '../../../platform/calendar/index.ts';
import { DEFAULT_COMPLAINT_POLICY, dueTimes, ratio } from './policy.ts';

// The statutory calendar with the default hours 08:30–12:00 and 13:30–18:00 (Shanghai).
const cal = createBusinessCalendar({ data: HOLIDAY_CN });
const bj = (local: string) => new Date(`${local}+08:00`);

describe('complaint due times on the business calendar', () => {
  it('the default policy is valid against its own schema', () => {
    expect(ComplaintPolicySchema.safeParse(DEFAULT_COMPLAINT_POLICY).success).toBe(true);
  });

  it('normal: acknowledge within 4 working hours, resolve within 3 working days', () => {
    // Monday 2026-11-23 10:00: 2 h before lunch, then 13:30 + 2 h = 15:30.
    const d = dueTimes(DEFAULT_COMPLAINT_POLICY, 'normal', bj('2026-11-23T10:00:00'), cal);
    expect(d.acknowledgeDueAt.toISOString()).toBe(bj('2026-11-23T15:30:00').toISOString());
    expect(d.resolveDueAt.toISOString()).toBe(bj('2026-11-26T10:00:00').toISOString());
  });

  it('skips the night and the weekend', () => {
    // Friday 2026-11-27 17:00: 1 h on Friday, 3 h on Monday from 08:30 → 12:00 is 3.5 h, so 11:30.
    const d = dueTimes(DEFAULT_COMPLAINT_POLICY, 'normal', bj('2026-11-27T17:00:00'), cal);
    expect(d.acknowledgeDueAt.toISOString()).toBe(bj('2026-11-30T11:30:00').toISOString());
    // Three working days after Friday: Mon, Tue, Wed.
    expect(d.resolveDueAt.toISOString()).toBe(bj('2026-12-02T17:00:00').toISOString());
  });

  it('critical is faster; a complaint on a holiday starts after it', () => {
    const d = dueTimes(DEFAULT_COMPLAINT_POLICY, 'critical', bj('2026-11-23T10:00:00'), cal);
    expect(d.acknowledgeDueAt.toISOString()).toBe(bj('2026-11-23T11:00:00').toISOString());
    expect(d.resolveDueAt.toISOString()).toBe(bj('2026-11-24T10:00:00').toISOString());
    // 2026-10-01 is National Day (holiday through 10-07 at least): the first working hour is later.
    const h = dueTimes(DEFAULT_COMPLAINT_POLICY, 'critical', bj('2026-10-01T10:00:00'), cal);
    expect(cal.isWorkday(bj('2026-10-01T10:00:00'))).toBe(false);
    expect(h.acknowledgeDueAt.getTime()).toBeGreaterThan(bj('2026-10-07T23:59:00').getTime());
  });

  it('follows a changed policy', () => {
    const p = structuredClone(DEFAULT_COMPLAINT_POLICY);
    p.sla.normal = { acknowledgeBusinessHours: 0.5, resolveWorkingDays: 1 };
    const d = dueTimes(p, 'normal', bj('2026-11-23T10:00:00'), cal);
    expect(d.acknowledgeDueAt.toISOString()).toBe(bj('2026-11-23T10:30:00').toISOString());
    expect(d.resolveDueAt.toISOString()).toBe(bj('2026-11-24T10:00:00').toISOString());
  });

  it('ratio is null without a denominator and rounded otherwise', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 4)).toBe(0.5);
  });
});
