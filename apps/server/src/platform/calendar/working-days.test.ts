import { describe, expect, it } from 'vitest';
import { calendar, sh } from './test-helpers.ts';

const cal = calendar();

describe('addWorkingDays', () => {
  it('jumps over National Day + Mid-Autumn 2025 and counts the 调休 days', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28'); // Fri → 调休 Sunday
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-26', 6)).toBe('2025-10-11'); // 调休 Saturday
  });

  it('handles the separate Mid-Autumn and National Day breaks of 2026', () => {
    expect(cal.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20'); // 调休 Sunday
  });

  it('crosses the 2026 Spring Festival', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('n = 0 keeps a working day and rolls an off-day forward', () => {
    expect(cal.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
  });

  it('from an off-day counts working days after it', () => {
    expect(cal.addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-27', 1)).toBe('2025-09-28');
  });

  it('keeps the Shanghai time of day for an instant', () => {
    expect(cal.addWorkingDays(sh('2025-09-30 10:00'), 1)).toEqual(sh('2025-10-09 10:00'));
    // 23:30 in Shanghai is still 09-30 although the UTC date is the same day: the local date counts.
    expect(cal.addWorkingDays(sh('2025-09-30 23:30'), 1)).toEqual(sh('2025-10-09 23:30'));
    expect(cal.addWorkingDays(sh('2025-10-01 07:00'), 0)).toEqual(sh('2025-10-09 07:00'));
  });

  it('rejects negative, fractional and malformed input', () => {
    expect(() => cal.addWorkingDays('2025-09-30', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-09-30', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025/09/30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});
