import { describe, expect, it } from 'vitest';
import { referralFigures, rate } from './figures.ts';
import {
  canCheckIn,
  canInvite,
  canRegister,
  canStepEvent,
  canStepReferral,
  inviteText,
} from './lifecycle.ts';

describe('community rules', () => {
  it('lets a referral go draft → contacted → converted or lost, and nowhere after', () => {
    expect(canStepReferral('draft', 'contacted')).toBe(true);
    expect(canStepReferral('draft', 'converted')).toBe(false);
    expect(canStepReferral('contacted', 'converted')).toBe(true);
    expect(canStepReferral('contacted', 'lost')).toBe(true);
    expect(canStepReferral('converted', 'lost')).toBe(false);
    expect(canStepReferral('lost', 'contacted')).toBe(false);
  });

  it('runs events draft → open → closed → done, cancelled until done', () => {
    expect(canStepEvent('draft', 'open')).toBe(true);
    expect(canStepEvent('draft', 'closed')).toBe(false);
    expect(canStepEvent('closed', 'done')).toBe(true);
    expect(canStepEvent('done', 'cancelled')).toBe(false);
    expect(canInvite('draft') && canInvite('open') && !canInvite('closed')).toBe(true);
    expect(canRegister('open') && !canRegister('draft') && !canRegister('closed')).toBe(true);
    expect(canCheckIn('closed') && !canCheckIn('done') && !canCheckIn('draft')).toBe(true);
  });

  it('counts referrals per month and referrer, rates null when nothing to divide', () => {
    const f = referralFigures(
      [
        { referrerId: 'a', converted: true, period: '2026-05' },
        { referrerId: 'a', converted: false, period: '2026-06' },
        { referrerId: 'b', converted: false, period: '2026-06' },
      ],
      1,
    );
    expect(f.referrals).toEqual({ count: 3, converted: 1, conversionRate: 0.3333 });
    expect(f.byPeriod.map((p) => [p.period, p.count, p.converted])).toEqual([
      ['2026-05', 1, 1],
      ['2026-06', 2, 0],
    ]);
    expect(f.byReferrer).toEqual([{ referrerId: 'a', referred: 2, converted: 1, conversionRate: 0.5 }]);
    expect(rate(0, 0)).toBeNull();
  });

  it('fills the invitation text', () => {
    expect(inviteText('{title}@{place} {time}', { title: '讲座', time: '6月1日', place: '门店' })).toBe(
      '讲座@门店 6月1日',
    );
  });
});
