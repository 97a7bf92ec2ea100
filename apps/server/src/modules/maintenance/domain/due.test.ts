import { describe, expect, it } from 'vitest';
import { addMonthsClamped, isDueForGeneration, nextDue, nextHoursDue, siteKey } from './due.ts';

const base = { installDate: null, purchaseDate: null, lastDueOn: null, startsOn: '2020-01-01' };

describe('addMonthsClamped', () => {
  it('clamps to the month end: Jan 31 + 1 month is Feb 29 in a leap year, Feb 28 otherwise', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsClamped('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('nextDue', () => {
  it('counts from the install date, else the purchase date', () => {
    expect(
      nextDue({ ...base, installDate: '2025-03-10', purchaseDate: '2025-03-01', intervalMonths: 6 }),
    ).toEqual({
      dueOn: '2025-09-10',
      basis: 'install',
    });
    expect(nextDue({ ...base, purchaseDate: '2025-03-01', intervalMonths: 6 })).toEqual({
      dueOn: '2025-09-01',
      basis: 'purchase',
    });
    expect(nextDue({ ...base, intervalMonths: 6 })).toBeNull();
  });

  it('anchors every due date on the install date, so a month-end clamp does not drift', () => {
    const p = { ...base, installDate: '2024-01-31', intervalMonths: 1 };
    expect(nextDue(p)!.dueOn).toBe('2024-02-29');
    expect(nextDue({ ...p, lastDueOn: '2024-02-29' })!.dueOn).toBe('2024-03-31');
    expect(nextDue({ ...p, installDate: '2023-01-31', lastDueOn: null, startsOn: '2023-02-01' })!.dueOn).toBe(
      '2023-02-28',
    );
  });

  it('goes past the last run, and a leap-day install is due on Feb 28 in common years', () => {
    const p = { ...base, installDate: '2024-02-29', intervalMonths: 12 };
    expect(nextDue(p)!.dueOn).toBe('2025-02-28');
    expect(nextDue({ ...p, lastDueOn: '2025-02-28' })).toEqual({ dueOn: '2026-02-28', basis: 'last_run' });
    expect(nextDue({ ...p, lastDueOn: '2027-02-28' })!.dueOn).toBe('2028-02-29');
  });

  it('never goes before the plan’s first day', () => {
    const p = { ...base, installDate: '2019-05-20', intervalMonths: 6, startsOn: '2026-06-01' };
    expect(nextDue(p)!.dueOn).toBe('2026-11-20');
    expect(nextDue({ ...p, startsOn: '2026-05-20' })!.dueOn).toBe('2026-05-20');
  });
});

describe('isDueForGeneration and siteKey', () => {
  it('generates from lead days before the due date on, overdue included', () => {
    expect(isDueForGeneration('2026-07-01', '2026-06-17', 14)).toBe(true);
    expect(isDueForGeneration('2026-07-01', '2026-06-16', 14)).toBe(false);
    expect(isDueForGeneration('2026-07-01', '2026-07-05', 14)).toBe(true);
  });
  it('one site per customer and address', () => {
    expect(siteKey('c1', null)).not.toBe(siteKey('c1', 'a1'));
    expect(siteKey('c1', 'a1')).toBe(siteKey('c1', 'a1'));
  });
});

describe('nextHoursDue', () => {
  const base = { intervalHours: 500, lastMark: null, leadHours: 50 };
  it('is due within the lead hours of the next mark, counted from the last visit', () => {
    expect(nextHoursDue({ ...base, hours: 449 })).toBeNull();
    expect(nextHoursDue({ ...base, hours: 450 })).toEqual({ mark: 500 });
    expect(nextHoursDue({ ...base, hours: 620, lastMark: 500 })).toBeNull();
    expect(nextHoursDue({ ...base, hours: 950, lastMark: 500 })).toEqual({ mark: 1000 });
    // a visit triggered by the date reset the count at its own reading
    expect(nextHoursDue({ ...base, hours: 1100, lastMark: 730 })).toBeNull();
    expect(nextHoursDue({ ...base, hours: 1180, lastMark: 730 })).toEqual({ mark: 1230 });
  });
  it('gives one visit for the highest mark a late-reporting meter has passed', () => {
    expect(nextHoursDue({ ...base, hours: 1720 })).toEqual({ mark: 1500 });
  });
  it('is never due without a meter reading', () => {
    expect(nextHoursDue({ ...base, hours: null })).toBeNull();
  });
});
