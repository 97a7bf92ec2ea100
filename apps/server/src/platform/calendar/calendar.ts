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
import {
  DEFAULT_BUSINESS_HOURS,
  resolveWeeklyHours,
  type BusinessHours,
  type MinuteInterval,
} from './business-hours.ts';
import { computeCoverage, type CalendarCoverage } from './coverage.ts';
import { CalendarConfigError, CalendarNoDataError } from './errors.ts';
import { publishedYears, type HolidayData } from './holiday-data.ts';
import { activeSegments, pauseSpans, type PauseInterval } from './pauses.ts';
import { configFingerprint } from './fingerprint.ts';
import {
  addWorkingDaysTo,
  addWorkingMsLocal,
  nextWorkingLocal,
  workingMsBetween,
  type TableLookup,
} from './working-time.ts';
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
    if (o.kind !== 'workday' && o.kind !== 'offday')
      throw new CalendarConfigError(`override ${o.date}: bad kind ${String(o.kind)}`);
    if (seen.has(o.date)) throw new CalendarConfigError(`override ${o.date} given twice`);
    seen.add(o.date);
  }
}

/** Which years exist and whether each is provisional; tables are built on first use. */
function yearSpecs(opts: BusinessCalendarOptions): Map<number, boolean> {
  const specs = new Map<number, boolean>(publishedYears(opts.data).map((y) => [y, false]));
  for (const y of opts.provisionalYears ?? []) {
    if (!Number.isInteger(y)) throw new CalendarConfigError(`bad provisional year ${y}`);
    if (!specs.has(y)) specs.set(y, true);
  }
  return specs;
}

/**
 * Year tables, built lazily: a calendar is cheap to create, and the SLA job that uses it pays for
 * the two or three years it touches. The last table is kept for day-by-day loops.
 */
function tableLookup(
  opts: BusinessCalendarOptions,
  week: MinuteInterval[][],
  specs: Map<number, boolean>,
): TableLookup {
  const overrides = opts.overrides ?? [];
  validateOverrides(overrides);
  const statutory = statutoryMarks(opts.data);
  const tenant = overrideMarks(overrides);
  const built = new Map<number, YearTable>();
  let last: YearTable | undefined;
  return (day) => {
    if (last && day >= last.firstDay && day < last.firstDay + last.workday.length) return last;
    const year = yearOfDay(day);
    let t = built.get(year);
    if (!t) {
      const provisional = specs.get(year);
      if (provisional === undefined) throw new CalendarNoDataError(year);
      const base = provisional ? provisionalMarks(year) : statutory;
      t = buildYearTable(year, provisional, [base, tenant], week);
      built.set(year, t);
    }
    last = t;
    return t;
  };
}

export function createBusinessCalendar(opts: BusinessCalendarOptions): BusinessCalendar {
  const week = resolveWeeklyHours(opts.businessHours ?? DEFAULT_BUSINESS_HOURS);
  const specs = yearSpecs(opts);
  const lookup = tableLookup(opts, week, specs);
  const toDay = (d: BusinessDate | Date): DayNumber =>
    typeof d === 'string' ? dayFromDate(d) : dayOfLocalMs(toLocalMs(assertInstant(d)));
  const published = publishedYears(opts.data);
  const provisional = [...specs].filter(([, p]) => p).map(([y]) => y);

  const addWorkingMs = (instant: Date, ms: number): Date => {
    const a = toLocalMs(assertInstant(instant));
    assertCount(ms, 'working ms');
    const whole = Math.round(ms);
    return whole === 0 ? new Date(instant.getTime()) : new Date(toUtcMs(addWorkingMsLocal(lookup, a, whole)));
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
    nextWorkingInstant: (instant) =>
      new Date(toUtcMs(nextWorkingLocal(lookup, toLocalMs(assertInstant(instant))))),
    workingTimeBetween: (start, end, pauses = []) => {
      const a = assertInstant(start);
      const b = assertInstant(end);
      if (b < a) throw new RangeError('workingTimeBetween: end is before start');
      return activeSegments(a, b, pauseSpans(pauses)).reduce(
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
