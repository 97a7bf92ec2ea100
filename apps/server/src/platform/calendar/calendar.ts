import {
  assertInstant,
  dateFromDay,
  dayFromDate,
  dayOfLocalMs,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  toLocalMs,
  toUtcMs,
  yearOfDay,
  type BusinessDate,
  type DayNumber,
} from './dates.ts';
import { DEFAULT_BUSINESS_HOURS, resolveWeeklyHours, type BusinessHours, type MinuteInterval } from './business-hours.ts';
import { computeCoverage, type CalendarCoverage } from './coverage.ts';
import { CalendarConfigError, CalendarNoDataError } from './errors.ts';
import { publishedYears, type HolidayData } from './holiday-data.ts';
import { activeSegments, type PauseInterval } from './pauses.ts';
import { configFingerprint } from './fingerprint.ts';
import { addWorkingDaysTo, addWorkingMsLocal, nextWorkingLocal, workingMsBetween, type TableLookup } from './working-time.ts';
import {
  buildYearTable,
  describeMark,
  overrideMarks,
  provisionalMarks,
  statutoryMarks,
  type DayOverride,
  type DaySource,
  type YearTable,
} from './year-table.ts';

export interface BusinessCalendarOptions {
  data: HolidayData;
  overrides?: readonly DayOverride[];
  businessHours?: BusinessHours;
  /**
   * Years without a published notice that an admin explicitly allowed to run provisionally
   * (weekends plus the fixed-date holidays, §5.3.2). Years with data ignore this.
   */
  provisionalYears?: readonly number[];
  /** Default time source for `coverage()`; the calendar never reads the system clock itself. */
  now?: () => Date;
}

export interface DayInfo {
  date: BusinessDate;
  workday: boolean;
  name: string | null;
  source: DaySource;
  provisional: boolean;
}

export interface BusinessCalendar {
  /** Data version plus a fingerprint of the tenant configuration; store it with each SLA result. */
  readonly version: string;
  isWorkday(date: BusinessDate | Date): boolean;
  dayInfo(date: BusinessDate | Date): DayInfo;
  isWithinBusinessHours(instant: Date): boolean;
  /** n >= 1: the n-th working day after the date; n = 0: the date if working, else the next working day. Instants keep their Shanghai time of day. */
  addWorkingDays(date: BusinessDate, n: number): BusinessDate;
  addWorkingDays(instant: Date, n: number): Date;
  /** The earliest instant by which `hours` working hours have elapsed; 0 returns the input. */
  addWorkingHours(instant: Date, hours: number): Date;
  addWorkingMs(instant: Date, ms: number): Date;
  /** The instant itself when inside business hours, else the next opening. */
  nextWorkingInstant(instant: Date): Date;
  /** Working milliseconds in [start, end) outside every pause. */
  workingTimeBetween(start: Date, end: Date, pauses?: readonly PauseInterval[]): number;
  coverage(now?: Date): CalendarCoverage;
}

function assertCount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a finite number >= 0, got ${n}`);
}

function validateOverrides(overrides: readonly DayOverride[]): void {
  const seen = new Set<string>();
  for (const o of overrides) {
    dayFromDate(o.date);
    if (o.kind !== 'workday' && o.kind !== 'offday') throw new CalendarConfigError(`override ${o.date}: bad kind ${String(o.kind)}`);
    if (seen.has(o.date)) throw new CalendarConfigError(`override ${o.date} given twice`);
    seen.add(o.date);
  }
}

function buildTables(opts: BusinessCalendarOptions, week: MinuteInterval[][]): Map<number, YearTable> {
  const overrides = opts.overrides ?? [];
  validateOverrides(overrides);
  const statutory = statutoryMarks(opts.data);
  const tenant = overrideMarks(overrides);
  const tables = new Map<number, YearTable>();
  for (const y of publishedYears(opts.data)) tables.set(y, buildYearTable(y, false, [statutory, tenant], week));
  for (const y of opts.provisionalYears ?? []) {
    if (!Number.isInteger(y)) throw new CalendarConfigError(`bad provisional year ${y}`);
    if (!tables.has(y)) tables.set(y, buildYearTable(y, true, [provisionalMarks(y), tenant], week));
  }
  return tables;
}

export function createBusinessCalendar(opts: BusinessCalendarOptions): BusinessCalendar {
  const week = resolveWeeklyHours(opts.businessHours ?? DEFAULT_BUSINESS_HOURS);
  const tables = buildTables(opts, week);
  const lookup: TableLookup = (day) => {
    const year = yearOfDay(day);
    const t = tables.get(year);
    if (!t) throw new CalendarNoDataError(year);
    return t;
  };
  const toDay = (d: BusinessDate | Date): DayNumber =>
    typeof d === 'string' ? dayFromDate(d) : dayOfLocalMs(toLocalMs(assertInstant(d)));
  const published = publishedYears(opts.data);
  const provisional = [...tables.values()].filter((t) => t.provisional).map((t) => t.year);

  const addWorkingMs = (instant: Date, ms: number): Date => {
    const a = toLocalMs(assertInstant(instant));
    assertCount(ms, 'working ms');
    return ms === 0 ? new Date(instant.getTime()) : new Date(toUtcMs(addWorkingMsLocal(lookup, a, Math.round(ms))));
  };

  function addWorkingDays(date: BusinessDate, n: number): BusinessDate;
  function addWorkingDays(instant: Date, n: number): Date;
  function addWorkingDays(input: BusinessDate | Date, n: number): BusinessDate | Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be an integer >= 0, got ${n}`);
    const day = toDay(input);
    const result = addWorkingDaysTo(lookup, day, n);
    if (typeof input === 'string') return dateFromDay(result);
    return new Date(input.getTime() + (result - day) * MS_PER_DAY);
  }

  return {
    version: `${opts.data.version}+${configFingerprint(opts.overrides ?? [], week, provisional)}`,
    isWorkday: (date) => {
      const day = toDay(date);
      const t = lookup(day);
      return t.workday[day - t.firstDay] === 1;
    },
    dayInfo: (date) => {
      const day = toDay(date);
      const t = lookup(day);
      return { ...describeMark(t, day), provisional: t.provisional };
    },
    isWithinBusinessHours: (instant) => {
      const a = toLocalMs(assertInstant(instant));
      const day = dayOfLocalMs(a);
      const t = lookup(day);
      const m = (a - day * MS_PER_DAY) / MS_PER_MINUTE;
      return (t.intervals[day - t.firstDay] ?? []).some((iv) => iv.start <= m && m < iv.end);
    },
    addWorkingDays,
    addWorkingHours: (instant, hours) => {
      assertCount(hours, 'working hours');
      return addWorkingMs(instant, hours * MS_PER_HOUR);
    },
    addWorkingMs,
    nextWorkingInstant: (instant) => new Date(toUtcMs(nextWorkingLocal(lookup, toLocalMs(assertInstant(instant))))),
    workingTimeBetween: (start, end, pauses = []) => {
      const a = assertInstant(start);
      const b = assertInstant(end);
      if (b < a) throw new RangeError('workingTimeBetween: end is before start');
      const ps = pauses.map((p) => {
        const ps = assertInstant(p.start);
        const pe = p.end == null ? Number.POSITIVE_INFINITY : assertInstant(p.end);
        if (pe < ps) throw new RangeError('pause ends before it starts');
        return { start: ps, end: pe };
      });
      return activeSegments(a, b, ps).reduce(
        (sum, [s, e]) => sum + workingMsBetween(lookup, toLocalMs(s), toLocalMs(e)),
        0,
      );
    },
    coverage: (now) => {
      const at = now ?? opts.now?.();
      if (!at) throw new TypeError('coverage() needs `now` (argument or the calendar `now` option)');
      return computeCoverage(published, provisional, assertInstant(at));
    },
  };
}
