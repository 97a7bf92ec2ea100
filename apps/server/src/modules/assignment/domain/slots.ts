import type { SlotState } from '@anxin/contracts';
import { localMinute, overlaps, within, type Interval } from './calendar.ts';

export interface SlotCell {
  state: SlotState;
  orderNo: string | null;
}

export interface Booking extends Interval {
  number: string;
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The window of one offered slot (HH:MM, Beijing time) on a business date. */
export const slotInterval = (date: string, slot: { start: string; end: string }): Interval => ({
  start: localMinute(date, minuteOf(slot.start)),
  end: localMinute(date, minuteOf(slot.end)),
});

/**
 * One technician's slot grid, by the same rules the booking checks apply: a slot is `busy` when
 * another open order's appointment overlaps it, `off` when it is not wholly inside working time
 * (shift, leave, holidays), `past` when it has already ended, else `free`.
 */
export function slotGrid(
  dates: readonly string[],
  slots: readonly { start: string; end: string }[],
  working: readonly Interval[],
  bookings: readonly Booking[],
  now: Date,
): SlotCell[][] {
  return dates.map((date) =>
    slots.map((slot): SlotCell => {
      const w = slotInterval(date, slot);
      const clash = bookings.find((b) => overlaps(w, b));
      if (Date.parse(w.end) <= now.getTime()) return { state: 'past', orderNo: null };
      if (clash) return { state: 'busy', orderNo: clash.number };
      if (!within(w, working)) return { state: 'off', orderNo: null };
      return { state: 'free', orderNo: null };
    }),
  );
}
