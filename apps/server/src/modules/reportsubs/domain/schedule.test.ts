import { describe, expect, it } from 'vitest';
import { beijingDate, isoWeekday, nextDue, periodBefore, type Cadence } from './schedule.ts';

const weekly = (weekday: number, timeOfDay = '08:00'): Cadence => ({
  cadence: 'weekly',
  weekday,
  monthDay: null,
  timeOfDay,
});
const monthly = (monthDay: number, timeOfDay = '08:00'): Cadence => ({
  cadence: 'monthly',
  weekday: null,
  monthDay,
  timeOfDay,
});
const at = (iso: string) => new Date(iso);

describe('report schedule (Beijing time, UTC+8, no daylight saving)', () => {
  it('reads the Beijing date, not the UTC one', () => {
    expect(beijingDate(at('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(beijingDate(at('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('weekly: the next Monday 08:00 Beijing is Monday 00:00 UTC', () => {
    // Wednesday 2026-03-04 noon Beijing → Monday 2026-03-09 08:00 Beijing.
    expect(nextDue(weekly(1), at('2026-03-04T04:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    // On the due day before the time: today; exactly at it: next week.
    expect(nextDue(weekly(1), at('2026-03-08T23:59:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(nextDue(weekly(1), at('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('weekly: an early-morning Beijing time falls on the previous UTC day', () => {
    // Monday 06:30 Beijing = Sunday 22:30 UTC; asked on Sunday 20:00 UTC (Monday 04:00 Beijing).
    expect(nextDue(weekly(1, '06:30'), at('2026-03-08T20:00:00Z')).toISOString()).toBe(
      '2026-03-08T22:30:00.000Z',
    );
  });

  it('monthly: day 31 is the last day of short months, February of leap years too', () => {
    expect(nextDue(monthly(31), at('2026-02-01T00:00:00Z')).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(nextDue(monthly(31), at('2028-02-01T00:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(nextDue(monthly(31), at('2026-04-30T00:00:00Z')).toISOString()).toBe('2026-05-31T00:00:00.000Z');
    expect(nextDue(monthly(1), at('2026-12-01T00:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('monthly: the 1st at 07:00 Beijing is the last day of the month before in UTC', () => {
    expect(nextDue(monthly(1, '07:00'), at('2026-05-20T00:00:00Z')).toISOString()).toBe(
      '2026-05-31T23:00:00.000Z',
    );
  });

  it('weekly period: the whole Monday–Sunday week before the due date’s week', () => {
    expect(periodBefore('weekly', at('2026-03-09T00:00:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    // Due Sunday evening Beijing: still the week before, not the one ending today.
    expect(periodBefore('weekly', at('2026-03-15T12:00:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    // Monday 06:30 Beijing (Sunday UTC) reports the week that just ended.
    expect(periodBefore('weekly', at('2026-03-08T22:30:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    // Across a year's end.
    expect(periodBefore('weekly', at('2026-01-05T00:00:00Z'))).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
    });
  });

  it('monthly period: the calendar month before, month ends and January included', () => {
    expect(periodBefore('monthly', at('2026-03-01T00:00:00Z'))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodBefore('monthly', at('2028-03-01T00:00:00Z'))).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodBefore('monthly', at('2027-01-01T00:00:00Z'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    // 1 June 07:00 Beijing is 31 May UTC: still May's report.
    expect(periodBefore('monthly', at('2026-05-31T23:00:00Z'))).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
    });
  });
});
