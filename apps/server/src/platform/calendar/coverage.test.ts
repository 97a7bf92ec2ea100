import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './calendar.ts';
import { calendar, sh } from './test-helpers.ts';
import { HOLIDAY_CN } from './vendored.ts';

const cal = calendar();

describe('coverage', () => {
  it('lists the published years', () => {
    const c = cal.coverage(sh('2026-06-01 09:00'));
    expect(c.years[0]).toBe(2007);
    expect(c.years.at(-1)).toBe(2026);
    expect(c.warning).toBeNull();
  });

  it('warns from 1 November (Shanghai) when next year is missing', () => {
    expect(cal.coverage(sh('2026-10-31 23:59')).warning).toBeNull();
    expect(cal.coverage(sh('2026-11-01 00:00')).warning).toEqual({
      code: 'calendar.next_year_missing',
      year: 2027,
    });
    expect(cal.coverage(sh('2026-12-31 23:59')).warning).toEqual({
      code: 'calendar.next_year_missing',
      year: 2027,
    });
  });

  it('does not warn in November when next year is loaded', () => {
    expect(cal.coverage(sh('2025-11-15 09:00')).warning).toBeNull();
  });

  it('reports a missing current year', () => {
    expect(cal.coverage(sh('2027-01-05 09:00')).warning).toEqual({
      code: 'calendar.current_year_missing',
      year: 2027,
    });
  });

  it('uses the injected clock when no argument is given, and never the system clock', () => {
    const withClock = createBusinessCalendar({ data: HOLIDAY_CN, now: () => sh('2026-11-02 09:00') });
    expect(withClock.coverage().warning?.code).toBe('calendar.next_year_missing');
    expect(() => cal.coverage()).toThrow(TypeError);
  });
});
