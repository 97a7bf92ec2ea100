import { describe, expect, it } from 'vitest';
import { CalendarConfigError } from './errors.ts';
import { calendar, HOUR, sh } from './test-helpers.ts';

describe('tenant overrides win over the statutory data', () => {
  const cal = calendar({
    overrides: [
      { date: '2025-09-29', kind: 'offday', name: '公司停工' },
      { date: '2025-10-08', kind: 'workday', name: '节日值班' },
      { date: '2025-09-20', kind: 'workday', name: '周六加班' },
      { date: '2025-10-11', kind: 'offday', name: '调休日不上班' },
    ],
  });

  it('turns a workday off and a holiday or weekend into a workday', () => {
    expect(cal.isWorkday('2025-09-29')).toBe(false);
    expect(cal.isWorkday('2025-10-08')).toBe(true);
    expect(cal.isWorkday('2025-09-20')).toBe(true);
    expect(cal.isWorkday('2025-10-11')).toBe(false);
    expect(cal.dayInfo('2025-09-29')).toMatchObject({ source: 'override', name: '公司停工' });
  });

  it('changes the arithmetic', () => {
    expect(cal.addWorkingDays('2025-09-28', 1)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08');
    // An extra Saturday works standard hours.
    expect(cal.addWorkingHours(sh('2025-09-19 17:00'), 2)).toEqual(sh('2025-09-20 09:30'));
    expect(cal.workingTimeBetween(sh('2025-09-28 00:00'), sh('2025-09-30 00:00'))).toBe(8 * HOUR);
  });

  it('changes the version recorded with SLA results', () => {
    expect(cal.version).not.toBe(calendar().version);
    expect(calendar().version).toBe(calendar().version);
    expect(cal.version.startsWith('holiday-cn@2026-08-07+')).toBe(true);
  });

  it('rejects duplicate, malformed or unknown-kind overrides', () => {
    const dup = { date: '2025-09-29', kind: 'offday' as const, name: 'x' };
    expect(() => calendar({ overrides: [dup, dup] })).toThrow(CalendarConfigError);
    expect(() => calendar({ overrides: [{ ...dup, date: '2025-9-29' }] })).toThrow(RangeError);
    expect(() => calendar({ overrides: [{ ...dup, kind: 'holiday' as 'offday' }] })).toThrow(
      CalendarConfigError,
    );
  });
});

describe('business hours configuration', () => {
  it('supports a shorter weekday and several intervals', () => {
    const cal = calendar({
      businessHours: {
        standard: [
          { start: 9 * 60, end: 12 * 60 },
          { start: 13 * 60, end: 17 * 60 },
        ],
        byWeekday: { 5: [{ start: 9 * 60, end: 12 * 60 }] },
      },
    });
    // Friday 11:00: 1 h left on Friday, Sunday 09-28 is a 调休 day and works standard hours.
    expect(cal.addWorkingHours(sh('2025-09-26 11:00'), 2)).toEqual(sh('2025-09-28 10:00'));
    expect(cal.workingTimeBetween(sh('2025-09-29 00:00'), sh('2025-09-30 00:00'))).toBe(7 * HOUR);
  });

  it('supports a round-the-clock desk', () => {
    const cal = calendar({ businessHours: { standard: [{ start: 0, end: 1440 }] } });
    expect(cal.addWorkingHours(sh('2025-09-30 23:00'), 2)).toEqual(sh('2025-10-09 01:00'));
  });

  it('rejects overlapping, out-of-day, empty or fractional intervals', () => {
    const bad = [
      [
        { start: 540, end: 720 },
        { start: 700, end: 800 },
      ],
      [{ start: 540, end: 1500 }],
      [{ start: 600, end: 600 }],
      [{ start: 540.5, end: 600 }],
      [],
    ];
    for (const standard of bad)
      expect(() => calendar({ businessHours: { standard } })).toThrow(CalendarConfigError);
  });
});
