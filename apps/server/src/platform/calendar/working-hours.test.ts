import { describe, expect, it } from 'vitest';
import { calendar, HOUR, sh } from './test-helpers.ts';

// Default hours: 08:30–12:00 and 13:30–18:00, 8 working hours a day.
const cal = calendar();

describe('addWorkingHours', () => {
  it('runs through a 调休 Sunday', () => {
    // Fri 16:00: 2 h on Friday, Saturday off, Sunday 09-28 is a make-up workday.
    expect(cal.addWorkingHours(sh('2025-09-26 16:00'), 4)).toEqual(sh('2025-09-28 10:30'));
  });

  it('skips National Day', () => {
    expect(cal.addWorkingHours(sh('2025-09-30 17:00'), 2)).toEqual(sh('2025-10-09 09:30'));
  });

  it('skips the lunch break', () => {
    expect(cal.addWorkingHours(sh('2025-09-29 11:00'), 2)).toEqual(sh('2025-09-29 14:30'));
  });

  it('"due = registered + 24 working hours" is three working days later', () => {
    expect(cal.addWorkingHours(sh('2025-09-22 10:00'), 24)).toEqual(sh('2025-09-25 10:00'));
  });

  it('ends at closing time rather than at the next opening', () => {
    expect(cal.addWorkingHours(sh('2025-09-26 17:00'), 1)).toEqual(sh('2025-09-26 18:00'));
  });

  it('starts the clock at the next opening when registered outside hours', () => {
    expect(cal.addWorkingHours(sh('2025-09-29 07:00'), 1)).toEqual(sh('2025-09-29 09:30'));
    expect(cal.addWorkingHours(sh('2025-09-29 12:30'), 1)).toEqual(sh('2025-09-29 14:30'));
    expect(cal.addWorkingHours(sh('2025-09-29 19:00'), 1)).toEqual(sh('2025-09-30 09:30'));
  });

  it('starts the clock after an off-day', () => {
    expect(cal.addWorkingHours(sh('2025-09-27 10:00'), 1)).toEqual(sh('2025-09-28 09:30'));
    expect(cal.addWorkingHours(sh('2025-10-01 10:00'), 8)).toEqual(sh('2025-10-09 18:00'));
  });

  it('0 hours returns the input, even on an off-day; fractions are allowed', () => {
    expect(cal.addWorkingHours(sh('2025-10-01 10:00'), 0)).toEqual(sh('2025-10-01 10:00'));
    expect(cal.addWorkingHours(sh('2025-09-29 09:00'), 0.5)).toEqual(sh('2025-09-29 09:30'));
  });

  it('rejects negative or non-finite amounts', () => {
    expect(() => cal.addWorkingHours(sh('2025-09-29 09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(sh('2025-09-29 09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingMs(sh('2025-09-29 09:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('spans whole years (prefix sums) and agrees with workingTimeBetween', () => {
    const start = sh('2024-03-15 10:17');
    for (const h of [1, 7.25, 24, 100, 1000, 4000]) {
      const due = cal.addWorkingHours(start, h);
      expect(cal.workingTimeBetween(start, due)).toBe(h * HOUR);
    }
  });
});

describe('nextWorkingInstant and isWithinBusinessHours', () => {
  it('returns the instant itself inside hours, else the next opening', () => {
    expect(cal.nextWorkingInstant(sh('2025-09-29 10:00'))).toEqual(sh('2025-09-29 10:00'));
    expect(cal.nextWorkingInstant(sh('2025-09-29 12:00'))).toEqual(sh('2025-09-29 13:30'));
    expect(cal.nextWorkingInstant(sh('2025-09-30 18:00'))).toEqual(sh('2025-10-09 08:30'));
    expect(cal.nextWorkingInstant(sh('2025-09-27 10:00'))).toEqual(sh('2025-09-28 08:30'));
  });

  it('treats intervals as half-open', () => {
    expect(cal.isWithinBusinessHours(sh('2025-09-29 08:30'))).toBe(true);
    expect(cal.isWithinBusinessHours(sh('2025-09-29 12:00'))).toBe(false);
    expect(cal.isWithinBusinessHours(sh('2025-09-28 09:00'))).toBe(true); // 调休 Sunday
    expect(cal.isWithinBusinessHours(sh('2025-10-02 09:00'))).toBe(false);
  });
});

describe('workingTimeBetween', () => {
  it('counts business hours only', () => {
    expect(cal.workingTimeBetween(sh('2025-09-29 09:00'), sh('2025-09-29 17:00'))).toBe(6.5 * HOUR);
    expect(cal.workingTimeBetween(sh('2025-09-30 17:00'), sh('2025-10-09 09:30'))).toBe(2 * HOUR);
    expect(cal.workingTimeBetween(sh('2025-09-26 17:00'), sh('2025-09-29 09:30'))).toBe(10 * HOUR);
  });

  it('subtracts overlapping and open pauses once', () => {
    const pauses = [
      { start: sh('2025-09-22 10:00'), end: sh('2025-09-22 11:00') },
      { start: sh('2025-09-22 10:30'), end: sh('2025-09-22 14:00') },
      { start: sh('2025-09-22 16:30'), end: null }, // still paused
    ];
    // 6.5 h of hours, minus 10:00–12:00 and 13:30–14:00, minus 16:30–17:00.
    expect(cal.workingTimeBetween(sh('2025-09-22 09:00'), sh('2025-09-22 17:00'), pauses)).toBe(3.5 * HOUR);
  });

  it('clips pauses that reach outside [start, end]', () => {
    const before = { start: sh('2025-09-21 00:00'), end: sh('2025-09-22 10:00') };
    const after = { start: sh('2025-09-22 16:00'), end: sh('2025-09-30 00:00') };
    expect(cal.workingTimeBetween(sh('2025-09-22 09:00'), sh('2025-09-22 17:00'), [before, after])).toBe(
      4.5 * HOUR,
    );
    const all = { start: sh('2025-01-01 00:00'), end: sh('2025-12-31 00:00') };
    expect(cal.workingTimeBetween(sh('2025-09-22 09:00'), sh('2025-09-22 17:00'), [all])).toBe(0);
  });

  it('is zero for an empty span and rejects reversed spans and pauses', () => {
    expect(cal.workingTimeBetween(sh('2025-09-22 09:00'), sh('2025-09-22 09:00'))).toBe(0);
    expect(() => cal.workingTimeBetween(sh('2025-09-22 10:00'), sh('2025-09-22 09:00'))).toThrow(RangeError);
    const bad = { start: sh('2025-09-22 10:00'), end: sh('2025-09-22 09:00') };
    expect(() => cal.workingTimeBetween(sh('2025-09-22 09:00'), sh('2025-09-22 17:00'), [bad])).toThrow(
      RangeError,
    );
  });

  it('counts a whole year', () => {
    // 2025: 261 weekdays − 18 holiday weekdays + 5 调休 days = 248 working days of 8 hours.
    const workdays = 261 - 18 + 5;
    expect(cal.workingTimeBetween(sh('2025-01-01 00:00'), sh('2026-01-01 00:00'))).toBe(workdays * 8 * HOUR);
  });

  it('handles thousands of SLA computations quickly', () => {
    // Generous bound for a loaded CI box; a per-minute walk would take minutes, not milliseconds.
    const t0 = performance.now();
    let base = sh('2024-01-02 09:00').getTime();
    for (let i = 0; i < 5000; i++) {
      base += 97 * 60_000; // ~340 days in all, inside the data
      const start = new Date(base);
      const due = cal.addWorkingHours(start, 24);
      cal.workingTimeBetween(start, due, [{ start: new Date(base + HOUR), end: new Date(base + 3 * HOUR) }]);
    }
    const span = [sh('2007-01-04 09:00'), sh('2026-12-30 17:00')] as const;
    for (let i = 0; i < 1000; i++) cal.addWorkingMs(span[0], cal.workingTimeBetween(span[0], span[1]));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('sub-millisecond amounts', () => {
  it('round to whole milliseconds; below half a millisecond is zero', () => {
    expect(cal.addWorkingMs(sh('2025-10-01 10:00'), 0.4)).toEqual(sh('2025-10-01 10:00'));
    expect(cal.addWorkingMs(sh('2025-09-29 09:00'), 1.6).getTime()).toBe(
      sh('2025-09-29 09:00').getTime() + 2,
    );
  });
});

describe('addWorkingMs is the inverse of workingTimeBetween', () => {
  it('returns the earliest instant with exactly that much working time, for many starts and amounts', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = sh('2023-01-01 00:00').getTime();
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(next() * 3 * 365 * 24) * 15 * 60_000); // any quarter hour
      const ms = Math.floor(next() * 600) * 15 * 60_000 + 1;
      const due = cal.addWorkingMs(start, ms);
      expect(cal.workingTimeBetween(start, due)).toBe(ms);
      expect(cal.workingTimeBetween(start, new Date(due.getTime() - 1))).toBe(ms - 1);
      expect(cal.isWithinBusinessHours(new Date(due.getTime() - 1))).toBe(true);
    }
  });
});
