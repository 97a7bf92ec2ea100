import {
  dateFromDay,
  dayOfLocalMs,
  isoWeekday,
  MS_PER_DAY,
  MS_PER_MINUTE,
  toLocalMs,
  toUtcMs,
} from '../../../platform/calendar/dates.ts';

/**
 * A technician's working time as pure arithmetic: the weekly shift (minus its break) on each
 * Shanghai day, adjusted by the business calendar, the outlet's own calendar and the person's duty
 * rota, minus leave. Weekends are not special here: the weekly shift says who works Saturdays.
 * The calendar only takes away statutory holidays (and tenant off-days) and adds make-up working
 * days (调休). A year the calendar has no data for throws, as the calendar does (fail closed).
 */
export interface ShiftRule {
  weekday: number;
  startMinute: number;
  endMinute: number;
  breakStartMinute: number | null;
  breakEndMinute: number | null;
}

export interface Interval {
  start: string;
  end: string;
}

export interface AvailabilityFacts {
  shifts: readonly ShiftRule[];
  leave: readonly Interval[];
  /** Business date → duty (works even on a holiday) or off (does not work). */
  rota: ReadonlyMap<string, 'duty' | 'off'>;
  /** Business date → whether the technician's outlet is open (its calendar overrides). */
  outletDays: ReadonlyMap<string, boolean>;
}

/** What the calculation needs from the business calendar (platform/calendar `BusinessCalendar`). */
export interface DayCalendar {
  dayInfo(date: string): { workday: boolean; source: string };
}

type Span = [number, number];

export function workingIntervals(
  facts: AvailabilityFacts,
  calendar: DayCalendar,
  fromIso: string,
  toIso: string,
): Interval[] {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('from/to must be ISO instants');
  if (to <= from) return [];
  const byWeekday = new Map(facts.shifts.map((s) => [s.weekday, s]));
  // A duty or make-up day on a weekday without a shift uses the first shift of the week.
  const reference = [...facts.shifts].sort((a, b) => a.weekday - b.weekday)[0];
  const spans: Span[] = [];
  const firstDay = dayOfLocalMs(toLocalMs(from));
  const lastDay = dayOfLocalMs(toLocalMs(to - 1));
  for (let day = firstDay; day <= lastDay; day++) {
    const date = dateFromDay(day);
    const shift = shiftFor(day, date, facts, calendar, byWeekday, reference);
    if (!shift) continue;
    const base = toUtcMs(day * MS_PER_DAY);
    const at = (m: number) => base + m * MS_PER_MINUTE;
    if (shift.breakStartMinute !== null && shift.breakEndMinute !== null) {
      spans.push([at(shift.startMinute), at(shift.breakStartMinute)]);
      spans.push([at(shift.breakEndMinute), at(shift.endMinute)]);
    } else spans.push([at(shift.startMinute), at(shift.endMinute)]);
  }
  const leave: Span[] = facts.leave.map((l) => [Date.parse(l.start), Date.parse(l.end)]);
  return merge(subtract(clip(spans, from, to), leave)).map(([s, e]) => ({
    start: new Date(s).toISOString(),
    end: new Date(e).toISOString(),
  }));
}

function shiftFor(
  day: number,
  date: string,
  facts: AvailabilityFacts,
  calendar: DayCalendar,
  byWeekday: Map<number, ShiftRule>,
  reference: ShiftRule | undefined,
): ShiftRule | undefined {
  const rota = facts.rota.get(date);
  if (rota === 'off') return undefined;
  const outletOpen = facts.outletDays.get(date);
  if (outletOpen === false) return undefined;
  const own = byWeekday.get(isoWeekday(day));
  if (rota === 'duty' || outletOpen === true) return own ?? reference;
  const info = calendar.dayInfo(date);
  if (!info.workday) return info.source === 'weekend' ? own : undefined;
  if (info.source === 'weekday' || info.source === 'weekend') return own;
  // A make-up working day (调休) or a tenant working-day override: work even without a shift that day.
  return own ?? reference;
}

function clip(spans: Span[], from: number, to: number): Span[] {
  return spans.map(([s, e]): Span => [Math.max(s, from), Math.min(e, to)]).filter(([s, e]) => e > s);
}

function subtract(spans: Span[], holes: Span[]): Span[] {
  let out = spans;
  for (const [hs, he] of holes) {
    if (!(he > hs)) continue;
    const next: Span[] = [];
    for (const [s, e] of out) {
      if (he <= s || hs >= e) next.push([s, e]);
      else {
        if (hs > s) next.push([s, hs]);
        if (he < e) next.push([he, e]);
      }
    }
    out = next;
  }
  return out;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const sp of sorted) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push([sp[0], sp[1]]);
  }
  return out;
}
