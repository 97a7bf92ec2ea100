import { describe, expect, it } from 'vitest';
import type { SlaMetricPolicy } from '@anxin/contracts';
import { withContract, type ResolvedMetric } from './policy.ts';

const metric = (m: ResolvedMetric['metric'], policy: SlaMetricPolicy): ResolvedMetric => ({
  metric: m,
  policyId: 'p',
  policy,
});
const cal = (minutes: number): SlaMetricPolicy => ({
  mode: 'calendar',
  minutes,
  atRiskPercent: 70,
  notifyRole: 'dispatcher',
});
const promise = { contractNumber: 'HT20260801-0001', responseMinutes: 240 };

describe('withContract', () => {
  it('tightens only the response clock, keeping its alarm settings', () => {
    const out = withContract([metric('response', cal(1440)), metric('arrival', cal(2880))], promise);
    expect(out[0]).toEqual({ metric: 'response', policyId: 'contract:HT20260801-0001', policy: cal(240) });
    expect(out[1]).toEqual(metric('arrival', cal(2880)));
  });
  it('keeps a stricter policy and leaves a switched-off response off', () => {
    expect(withContract([metric('response', cal(120))], promise)).toEqual([metric('response', cal(120))]);
    expect(withContract([metric('arrival', cal(60))], promise)).toEqual([metric('arrival', cal(60))]);
  });
  it('replaces a response counted in working days, since the contract speaks in clock hours', () => {
    const days: SlaMetricPolicy = { mode: 'working_days', days: 1, atRiskPercent: 80, notifyRole: 'agent' };
    expect(withContract([metric('response', days)], promise)[0]?.policy).toEqual({
      mode: 'calendar',
      minutes: 240,
      atRiskPercent: 80,
      notifyRole: 'agent',
    });
  });
  it('changes nothing without a contract', () => {
    const m = [metric('response', cal(1440))];
    expect(withContract(m, null)).toBe(m);
  });
});
