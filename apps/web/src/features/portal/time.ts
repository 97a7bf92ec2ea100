import type { TimeWindow } from '@anxin/contracts';
import { bj, slotWindow } from '../workorders/index.ts';

/** A customer's pick: a business date and the key of one of the offered visit slots (`09:00-12:00`). */
export interface SlotChoice {
  day: string; // YYYY-MM-DD
  slot: string;
}

export const choiceKey = (c: SlotChoice): string => `${c.day}:${c.slot}`;

export const windowOf = (c: SlotChoice): TimeWindow => slotWindow(c.day, c.slot);

export interface Formats {
  day: string;
  time: string;
}

/** A window in Beijing time, whatever the phone's time zone: the slots are offered in it. */
export const formatWindow = (w: TimeWindow, f: Formats): string =>
  `${bj(w.start).format(f.day)} ${bj(w.start).format(f.time)}–${bj(w.end).format(f.time)}`;
