import type { Dayjs } from 'dayjs';
import { SLOTS, type Slot } from '../workorders/index.ts';

/** A date and a named slot as an ISO window in Beijing time (the business time zone). */
export function slotWindow(date: Dayjs, slot: Slot): { start: string; end: string } {
  const [from, to] = SLOTS[slot];
  const d = date.format('YYYY-MM-DD');
  const hh = (h: number) => String(h).padStart(2, '0');
  return { start: `${d}T${hh(from)}:00:00+08:00`, end: `${d}T${hh(to)}:00:00+08:00` };
}

/** Region codes of a customer address in the 6-digit spelling work orders use (44 → 440000). */
export const sixDigits = (code: string) => code.padEnd(6, '0');
