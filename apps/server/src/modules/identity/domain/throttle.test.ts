import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTH_THROTTLE as P,
  afterFailure,
  crossesAlert,
  delaySeconds,
  waitSeconds,
} from './throttle.ts';

const at = (iso: string) => new Date(iso);

describe('sign-in throttle rules', () => {
  it('no delay for the free failures, then doubling up to the cap', () => {
    expect([1, 4].map((n) => delaySeconds(n, 5, P))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delaySeconds(n, 5, P))).toEqual([30, 60, 120, 240]);
    expect(delaySeconds(100, 5, P)).toBe(P.maxDelayMinutes * 60);
  });

  it('counts on, and starts again after the quiet period', () => {
    let s = afterFailure(undefined, 'pair', at('2026-01-01T00:00:00Z'), P);
    expect(s).toMatchObject({ failures: 1, blockedUntil: null });
    for (let i = 0; i < 4; i++) s = afterFailure(s, 'pair', at('2026-01-01T00:01:00Z'), P);
    expect(s).toMatchObject({ failures: 5, blockedUntil: '2026-01-01T00:01:30.000Z' });
    expect(waitSeconds(s, at('2026-01-01T00:01:10Z'))).toBe(20);
    const later = afterFailure(s, 'pair', at('2026-01-02T00:02:00Z'), P);
    expect(later).toMatchObject({
      failures: 1,
      firstFailureAt: '2026-01-02T00:02:00.000Z',
      blockedUntil: null,
    });
  });

  it('account-wide counts never delay; alerts fire once when a threshold is crossed', () => {
    let s = afterFailure(undefined, 'account', at('2026-01-01T00:00:00Z'), P);
    for (let i = 0; i < 50; i++) s = afterFailure(s, 'account', at('2026-01-01T00:00:01Z'), P);
    expect(s.blockedUntil).toBeNull();
    expect([19, 20, 21].map((n) => crossesAlert('account', n, P))).toEqual([false, true, false]);
    expect([4, 5, 6].map((n) => crossesAlert('pair', n, P))).toEqual([false, true, false]);
    expect(crossesAlert('source', P.sourceFreeFailures, P)).toBe(true);
  });
});

describe('a delay longer than the quiet period', () => {
  it('does not reset the count: quiet time starts when the delay ends', () => {
    const p = { ...P, maxDelayMinutes: 24 * 60, forgetAfterMinutes: 60 };
    const prev = {
      failures: 12,
      firstFailureAt: '2026-01-01T00:00:00.000Z',
      lastFailureAt: '2026-01-01T00:00:00.000Z',
      blockedUntil: '2026-01-01T10:00:00.000Z',
    };
    expect(afterFailure(prev, 'pair', at('2026-01-01T10:00:01Z'), p).failures).toBe(13);
    expect(afterFailure(prev, 'pair', at('2026-01-01T11:00:00Z'), p).failures).toBe(1);
  });
});
