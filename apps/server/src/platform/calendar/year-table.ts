import {
  dateFromDay,
  dayFromDate,
  firstDayOfYear,
  isoWeekday,
  MS_PER_MINUTE,
  type BusinessDate,
  type DayNumber,
} from './dates.ts';
import type { MinuteInterval } from './business-hours.ts';
import type { HolidayData } from './holiday-data.ts';

/** A tenant's exception to the statutory calendar; it wins over the data. */
export interface DayOverride {
  date: BusinessDate;
  kind: 'workday' | 'offday';
  /** Shown to users, e.g. 公司年会停工 or 周六加班. */
  name: string;
}

/** Why a day is (not) a working day, for UIs and audits. */
export type DaySource =
  'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override' | 'provisional_holiday';

interface DayMark {
  workday: boolean;
  name: string;
  source: DaySource;
}

/** One calendar year precomputed: SLA jobs ask the same years thousands of times. */
export interface YearTable {
  year: number;
  firstDay: DayNumber;
  provisional: boolean;
  workday: Uint8Array;
  /** Business intervals of each day (empty on off-days). */
  intervals: MinuteInterval[][];
  /** Prefix sums of working milliseconds: cumMs[i] = working ms of days 0..i-1 of the year. */
  cumMs: Float64Array;
  marks: Map<DayNumber, DayMark>;
}

/**
 * Fixed-date days of 《全国年节及纪念日放假办法》 第2条 (2024 revision) used by a provisional year:
 * 元旦 Jan 1, 劳动节 May 1–2, 国庆 Oct 1–3. The lunar holidays and 调休 cannot be predicted.
 */
const PROVISIONAL_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['01-01', '元旦'],
  ['05-01', '劳动节'],
  ['05-02', '劳动节'],
  ['10-01', '国庆节'],
  ['10-02', '国庆节'],
  ['10-03', '国庆节'],
];

const statutoryCache = new WeakMap<HolidayData, Map<DayNumber, DayMark>>();

/**
 * Statutory marks from every notice, keyed by their own date (a notice may reach into December).
 * Cached per data object (treated as immutable), so creating a tenant calendar stays cheap.
 */
export function statutoryMarks(data: HolidayData): Map<DayNumber, DayMark> {
  const cached = statutoryCache.get(data);
  if (cached) return cached;
  const marks = new Map<DayNumber, DayMark>();
  for (const y of Object.values(data.years)) {
    for (const [date, name] of Object.entries(y.off))
      marks.set(dayFromDate(date), { workday: false, name, source: 'holiday' });
    for (const [date, name] of Object.entries(y.work)) {
      marks.set(dayFromDate(date), { workday: true, name, source: 'makeup_workday' });
    }
  }
  statutoryCache.set(data, marks);
  return marks;
}

export function provisionalMarks(year: number): Map<DayNumber, DayMark> {
  return new Map(
    PROVISIONAL_HOLIDAYS.map(([md, name]) => [
      dayFromDate(`${year}-${md}`),
      { workday: false, name, source: 'provisional_holiday' as const },
    ]),
  );
}

export function overrideMarks(overrides: readonly DayOverride[]): Map<DayNumber, DayMark> {
  const marks = new Map<DayNumber, DayMark>();
  for (const o of overrides)
    marks.set(dayFromDate(o.date), { workday: o.kind === 'workday', name: o.name, source: 'override' });
  return marks;
}

export function buildYearTable(
  year: number,
  provisional: boolean,
  layers: readonly Map<DayNumber, DayMark>[],
  week: readonly MinuteInterval[][],
): YearTable {
  const firstDay = firstDayOfYear(year);
  const length = firstDayOfYear(year + 1) - firstDay;
  const table: YearTable = {
    year,
    firstDay,
    provisional,
    workday: new Uint8Array(length),
    intervals: [],
    cumMs: new Float64Array(length + 1),
    marks: new Map(),
  };
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const wd = isoWeekday(day);
    // Later layers win: statutory (or provisional) data first, tenant overrides last.
    let mark: DayMark | undefined;
    for (const layer of layers) mark = layer.get(day) ?? mark;
    if (mark) table.marks.set(day, mark);
    const works = mark ? mark.workday : wd <= 5;
    const ivs = works ? (week[wd] ?? []) : [];
    table.workday[i] = works ? 1 : 0;
    table.intervals.push(ivs);
    table.cumMs[i + 1] = table.cumMs[i]! + ivs.reduce((s, iv) => s + (iv.end - iv.start) * MS_PER_MINUTE, 0);
  }
  return table;
}

export function describeMark(
  table: YearTable,
  day: DayNumber,
): { date: BusinessDate; workday: boolean; name: string | null; source: DaySource } {
  const mark = table.marks.get(day);
  const workday = table.workday[day - table.firstDay] === 1;
  const source: DaySource = mark?.source ?? (isoWeekday(day) <= 5 ? 'weekday' : 'weekend');
  return { date: dateFromDay(day), workday, name: mark?.name ?? null, source };
}
