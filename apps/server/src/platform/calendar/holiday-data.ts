import { isBusinessDate, type BusinessDate } from './dates.ts';
import { CalendarConfigError } from './errors.ts';

/** One year's State Council schedule, compacted from a holiday-cn `{year}.json`. */
export interface HolidayYear {
  /** URLs of the 国务院办公厅 notices: the provenance of this year's dates. */
  papers: string[];
  /** Statutory off-days (holidays falling on weekdays and the bridged days), date → holiday name. */
  off: Record<BusinessDate, string>;
  /** 调休 make-up workdays (weekend days that are working days), date → holiday name. */
  work: Record<BusinessDate, string>;
}

export interface HolidayData {
  /** Recorded with every SLA computation so a later data update can be audited (§5.3.4). */
  version: string;
  source: string;
  license: string;
  /** Upstream snapshot date and, when known, commit. */
  snapshot: string;
  commit: string | null;
  /** sha256 of each upstream file, so the vendored copy can be checked against upstream. */
  rawSha256?: Record<string, string>;
  /**
   * Published years only, keyed by the year of the notice. A notice may list dates of the previous
   * year (the last days of December around 元旦); they are applied by their own date.
   */
  years: Record<string, HolidayYear>;
}

/** The upstream file shape (NateScarlet/holiday-cn). */
export interface HolidayCnYearFile {
  year: number;
  papers: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
}

/**
 * Compacts one holiday-cn year file. Returns null for a year whose notice is not yet published
 * (upstream ships it with `days: []`), so such a year stays unknown and the calendar fails closed.
 * Also used at run time when an admin loads a newly published year.
 */
export function compactHolidayCnYear(file: HolidayCnYearFile): HolidayYear | null {
  if (!Number.isInteger(file.year) || !Array.isArray(file.days)) {
    throw new CalendarConfigError('not a holiday-cn year file');
  }
  if (file.days.length === 0) return null;
  const year: HolidayYear = { papers: [...(file.papers ?? [])], off: {}, work: {} };
  for (const d of file.days) {
    if (!isBusinessDate(d.date)) throw new CalendarConfigError(`holiday-cn ${file.year}: bad date ${d.date}`);
    const y = Number(d.date.slice(0, 4));
    if (y !== file.year && y !== file.year - 1) {
      throw new CalendarConfigError(`holiday-cn ${file.year}: date ${d.date} outside the notice's range`);
    }
    (d.isOffDay ? year.off : year.work)[d.date] = d.name;
  }
  return year;
}

/** Returns a copy of `data` with one year added or replaced (e.g. the next year's notice). */
export function withHolidayYear(
  data: HolidayData,
  year: number,
  entry: HolidayYear,
  version: string,
): HolidayData {
  return { ...data, version, years: { ...data.years, [String(year)]: entry } };
}

export function publishedYears(data: HolidayData): number[] {
  return Object.keys(data.years)
    .map(Number)
    .sort((a, b) => a - b);
}
