// The one visit-slot vocabulary of the web: the HH:MM windows of setting `workorders.visit_slots`
// (GET /api/v1/visit-slots) turned into ISO windows on a business date. Pure: no clock, no time
// zone of the browser; Beijing time is a fixed +08:00 (China has no daylight saving).
import type { TimeWindow, VisitSlot } from '@anxin/contracts';

export type { VisitSlot };

/** Part of the day a slot starts in; the label's word (上午/下午/晚上) comes from i18n. */
export type SlotPeriod = 'morning' | 'afternoon' | 'evening';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_MINUTES = 8 * 60;

const minutesOf = (hhmm: string): number => {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

const checkDay = (day: string): void => {
  const m = DAY.exec(day);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (
    !m ||
    !d ||
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  )
    throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
};

/** A stable string for a slot, used as a form value and a React key: `09:00-12:00`. */
export const slotKey = (s: VisitSlot): string => `${s.start}-${s.end}`;

/** The slot a key names; throws a RangeError for anything but `HH:MM-HH:MM` ending after it starts. */
export function parseSlotKey(key: string): VisitSlot {
  const [start = '', end = '', ...rest] = key.split('-');
  if (rest.length || minutesOf(end) <= minutesOf(start)) throw new RangeError(`not a visit slot: ${key}`);
  return { start, end };
}

export function slotPeriod(s: VisitSlot): SlotPeriod {
  const m = minutesOf(s.start);
  return m < 12 * 60 ? 'morning' : m < 18 * 60 ? 'afternoon' : 'evening';
}

/**
 * A slot on a business date (YYYY-MM-DD, Asia/Shanghai) as an ISO window with the +08:00 offset.
 * Throws a RangeError for an invalid date or slot.
 */
export function slotWindow(day: string, slot: VisitSlot | string): TimeWindow {
  const s = typeof slot === 'string' ? parseSlotKey(slot) : slot;
  checkDay(day);
  if (minutesOf(s.end) <= minutesOf(s.start)) throw new RangeError(`not a visit slot: ${slotKey(s)}`);
  return { start: `${day}T${s.start}:00+08:00`, end: `${day}T${s.end}:00+08:00` };
}

/** An instant as a Beijing business date and minute of the day. */
export function businessTimeOf(iso: string | Date): { day: string; minutes: number } {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(iso)}`);
  const bj = new Date(ms + OFFSET_MINUTES * 60_000);
  return {
    day: bj.toISOString().slice(0, 10),
    minutes: bj.getUTCHours() * 60 + bj.getUTCMinutes(),
  };
}

/** The slot an instant falls in, else the one starting nearest to it (to preselect a booked visit). */
export function slotAt(slots: readonly VisitSlot[], iso: string): VisitSlot | undefined {
  const { minutes } = businessTimeOf(iso);
  const inside = slots.find((s) => minutesOf(s.start) <= minutes && minutes < minutesOf(s.end));
  if (inside) return inside;
  return slots.reduce<VisitSlot | undefined>(
    (best, s) =>
      !best || Math.abs(minutesOf(s.start) - minutes) < Math.abs(minutesOf(best.start) - minutes) ? s : best,
    undefined,
  );
}

/** A slot can still be offered on a day only if it has not started yet at `now`. */
export const slotOpen = (day: string, slot: VisitSlot, now: Date): boolean =>
  Date.parse(slotWindow(day, slot).start) > now.getTime();

/** `n` business dates from the one `now` falls on. */
export function nextBusinessDays(n: number, now: Date): string[] {
  const { day } = businessTimeOf(now);
  const base = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10));
}
