import { describe, expect, it } from 'vitest';
import { CalendarNoDataError, createBusinessCalendar, HOLIDAY_CN } from '../../../platform/calendar/index.ts';
import { workingIntervals, type AvailabilityFacts, type ShiftRule } from './availability.ts';

const calendar = createBusinessCalendar({ data: HOLIDAY_CN });
// Mon–Sat 08:30–17:30 Shanghai with lunch 12:00–13:00 = 00:30–09:30Z, break 04:00–05:00Z.
const shift = (weekday: number, over: Partial<ShiftRule> = {}): ShiftRule => ({
  weekday,
  startMinute: 510,
  endMinute: 1050,
  breakStartMinute: 720,
  breakEndMinute: 780,
  ...over,
});
const facts = (over: Partial<AvailabilityFacts> = {}): AvailabilityFacts => ({
  shifts: [1, 2, 3, 4, 5, 6].map((d) => shift(d)),
  leave: [],
  rota: new Map(),
  outletDays: new Map(),
  ...over,
});
const day = (date: string) => [`${date}T00:00:00.000Z`, `${date}T15:00:00.000Z`] as const;
const fullDay = (date: string) => [
  { start: `${date}T00:30:00.000Z`, end: `${date}T04:00:00.000Z` },
  { start: `${date}T05:00:00.000Z`, end: `${date}T09:30:00.000Z` },
];

describe('workingIntervals', () => {
  it('gives the weekly shift minus the break on a working day (Monday 2026-06-15)', () => {
    expect(workingIntervals(facts(), calendar, ...day('2026-06-15'))).toEqual(fullDay('2026-06-15'));
  });

  it('follows the weekly shift at weekends: Saturday worked, Sunday not', () => {
    expect(workingIntervals(facts(), calendar, ...day('2026-06-13'))).toEqual(fullDay('2026-06-13'));
    expect(workingIntervals(facts(), calendar, ...day('2026-06-14'))).toEqual([]);
  });

  it('a shift without a break is one interval', () => {
    const f = facts({ shifts: [shift(1, { breakStartMinute: null, breakEndMinute: null })] });
    expect(workingIntervals(f, calendar, ...day('2026-06-15'))).toEqual([
      { start: '2026-06-15T00:30:00.000Z', end: '2026-06-15T09:30:00.000Z' },
    ]);
  });

  it('statutory holidays are off (端午 Friday 2026-06-19) unless the rota puts the person on duty', () => {
    expect(workingIntervals(facts(), calendar, ...day('2026-06-19'))).toEqual([]);
    const duty = facts({ rota: new Map([['2026-06-19', 'duty']]) });
    expect(workingIntervals(duty, calendar, ...day('2026-06-19'))).toEqual(fullDay('2026-06-19'));
  });

  it('a rota day off removes a working day; duty on a day without a shift uses the first shift', () => {
    const off = facts({ rota: new Map([['2026-06-15', 'off']]) });
    expect(workingIntervals(off, calendar, ...day('2026-06-15'))).toEqual([]);
    const sunday = facts({ rota: new Map([['2026-06-14', 'duty']]) });
    expect(workingIntervals(sunday, calendar, ...day('2026-06-14'))).toEqual(fullDay('2026-06-14'));
  });

  it('a make-up working day (调休 Sunday 2026-09-20) is worked even without a Sunday shift', () => {
    expect(workingIntervals(facts(), calendar, ...day('2026-09-20'))).toEqual(fullDay('2026-09-20'));
  });

  it("applies the outlet's own calendar: closed on a working day, open on a holiday", () => {
    const closed = facts({ outletDays: new Map([['2026-06-15', false]]) });
    expect(workingIntervals(closed, calendar, ...day('2026-06-15'))).toEqual([]);
    const open = facts({ outletDays: new Map([['2026-10-01', true]]) });
    expect(workingIntervals(open, calendar, ...day('2026-10-01'))).toEqual(fullDay('2026-10-01'));
  });

  it('takes leave out, including leave spanning days', () => {
    const f = facts({
      leave: [
        { start: '2026-06-15T02:00:00.000Z', end: '2026-06-15T06:00:00.000Z' },
        { start: '2026-06-16T08:00:00.000Z', end: '2026-06-17T03:00:00.000Z' },
      ],
    });
    expect(workingIntervals(f, calendar, '2026-06-15T00:00:00.000Z', '2026-06-17T15:00:00.000Z')).toEqual([
      { start: '2026-06-15T00:30:00.000Z', end: '2026-06-15T02:00:00.000Z' },
      { start: '2026-06-15T06:00:00.000Z', end: '2026-06-15T09:30:00.000Z' },
      { start: '2026-06-16T00:30:00.000Z', end: '2026-06-16T04:00:00.000Z' },
      { start: '2026-06-16T05:00:00.000Z', end: '2026-06-16T08:00:00.000Z' },
      { start: '2026-06-17T03:00:00.000Z', end: '2026-06-17T04:00:00.000Z' },
      { start: '2026-06-17T05:00:00.000Z', end: '2026-06-17T09:30:00.000Z' },
    ]);
  });

  it('clips to the requested window and handles a window that starts the local day before', () => {
    expect(workingIntervals(facts(), calendar, '2026-06-15T03:00:00Z', '2026-06-15T06:00:00Z')).toEqual([
      { start: '2026-06-15T03:00:00.000Z', end: '2026-06-15T04:00:00.000Z' },
      { start: '2026-06-15T05:00:00.000Z', end: '2026-06-15T06:00:00.000Z' },
    ]);
    // 2026-06-14T20:00Z is already Monday 04:00 in Shanghai.
    expect(workingIntervals(facts(), calendar, '2026-06-14T20:00:00Z', '2026-06-15T01:00:00Z')).toEqual([
      { start: '2026-06-15T00:30:00.000Z', end: '2026-06-15T01:00:00.000Z' },
    ]);
    expect(workingIntervals(facts(), calendar, '2026-06-15T06:00:00Z', '2026-06-15T06:00:00Z')).toEqual([]);
  });

  it('no shifts means no working time', () => {
    expect(workingIntervals(facts({ shifts: [] }), calendar, ...day('2026-06-15'))).toEqual([]);
  });

  it('fails closed for a year without calendar data', () => {
    expect(() => workingIntervals(facts(), calendar, ...day('2031-01-06'))).toThrow(CalendarNoDataError);
  });
});
