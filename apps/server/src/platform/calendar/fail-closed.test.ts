import { describe, expect, it } from 'vitest';
import { CalendarNoDataError } from './errors.ts';
import { compactHolidayCnYear, withHolidayYear } from './holiday-data.ts';
import { calendar, HOUR, sh } from './test-helpers.ts';
import { HOLIDAY_CN } from './vendored.ts';

const cal = calendar();

function noData(fn: () => unknown): CalendarNoDataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarNoDataError) return e;
    throw e;
  }
  throw new Error('expected CalendarNoDataError');
}

describe('fail closed on years without data', () => {
  it('throws a typed error carrying the year for 2028 and 2006', () => {
    const e = noData(() => cal.isWorkday('2028-03-01'));
    expect([e.year, e.code]).toEqual([2028, 'calendar.no_data_for_year']);
    // The 2007 notice lists 2006-12-30/31, but 2006 itself has no notice.
    expect(noData(() => cal.isWorkday('2006-12-31')).year).toBe(2006);
    expect(cal.isWorkday('2007-01-04')).toBe(true);
  });

  it('treats the published-but-empty 2027 file as unknown', () => {
    expect(noData(() => cal.isWorkday('2027-01-04')).year).toBe(2027);
  });

  it('throws when arithmetic runs into a missing year', () => {
    expect(noData(() => cal.addWorkingDays('2026-12-31', 1)).year).toBe(2027);
    expect(noData(() => cal.addWorkingHours(sh('2026-12-31 17:00'), 2)).year).toBe(2027);
    expect(noData(() => cal.nextWorkingInstant(sh('2026-12-31 19:00'))).year).toBe(2027);
    expect(noData(() => cal.workingTimeBetween(sh('2026-12-31 09:00'), sh('2027-01-04 09:00'))).year).toBe(
      2027,
    );
    expect(noData(() => cal.workingTimeBetween(sh('2006-12-29 09:00'), sh('2007-01-04 09:00'))).year).toBe(
      2006,
    );
  });

  it('does not touch the next year for work that ends inside the data', () => {
    expect(cal.addWorkingHours(sh('2026-12-31 17:00'), 1)).toEqual(sh('2026-12-31 18:00'));
    // An end at Shanghai midnight is exclusive: it does not touch 2027-01-01.
    expect(cal.workingTimeBetween(sh('2026-12-31 00:00'), sh('2027-01-01 00:00'))).toBe(8 * HOUR);
    expect(cal.isWithinBusinessHours(sh('2026-12-31 19:00'))).toBe(false);
  });

  it('a pause reaching into an unknown year is clipped, not evaluated', () => {
    const pause = { start: sh('2026-12-31 17:00'), end: sh('2027-02-01 00:00') };
    expect(cal.workingTimeBetween(sh('2026-12-31 09:00'), sh('2026-12-31 18:00'), [pause])).toBe(6.5 * HOUR);
  });
});

describe('loading a newly published year at run time', () => {
  it('makes the year computable once its notice is added', () => {
    const y2027 = compactHolidayCnYear({
      year: 2027,
      papers: ['https://www.gov.cn/example'],
      days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
    });
    expect(y2027).not.toBeNull();
    const data = withHolidayYear(HOLIDAY_CN, 2027, y2027!, 'holiday-cn@2026-11-05');
    const next = calendar({ data });
    expect(next.isWorkday('2027-01-01')).toBe(false);
    expect(next.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(next.version).not.toBe(cal.version);
  });

  it('an unpublished upstream file compacts to nothing', () => {
    expect(compactHolidayCnYear({ year: 2027, papers: [], days: [] })).toBeNull();
  });
});

describe('provisional years (opt-in, §5.3.2)', () => {
  const prov = calendar({ provisionalYears: [2027] });

  it('uses weekends and the fixed-date holidays, flagged as provisional', () => {
    expect(prov.isWorkday('2027-01-01')).toBe(false);
    expect(prov.isWorkday('2027-01-04')).toBe(true);
    expect(prov.isWorkday('2027-10-01')).toBe(false);
    expect(prov.isWorkday('2027-01-09')).toBe(false); // Saturday
    expect(prov.dayInfo('2027-05-01')).toMatchObject({ source: 'provisional_holiday', provisional: true });
    expect(prov.coverage(sh('2027-01-05 09:00')).provisionalYears).toEqual([2027]);
  });

  it('leaves other years closed and never overrides published data', () => {
    expect(noData(() => prov.isWorkday('2028-01-03')).year).toBe(2028);
    expect(calendar({ provisionalYears: [2025] }).isWorkday('2025-10-08')).toBe(false);
    expect(calendar({ provisionalYears: [2025] }).dayInfo('2025-10-08').provisional).toBe(false);
  });
});
