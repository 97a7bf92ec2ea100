import dayjs, { type Dayjs } from 'dayjs';
import type { TimeWindow } from '@anxin/contracts';

/** Visit slots offered to customers; the same hours as the agent console's (workorders/vocab.ts SLOTS). */
export const SLOTS = [
  { key: 'morning', from: 9, to: 12 },
  { key: 'afternoon', from: 13, to: 18 },
  { key: 'evening', from: 18, to: 21 },
] as const;
export type SlotKey = (typeof SLOTS)[number]['key'];

export interface SlotChoice {
  day: string; // YYYY-MM-DD
  slot: SlotKey;
}

export const choiceKey = (c: SlotChoice): string => `${c.day}:${c.slot}`;

export function windowOf(c: SlotChoice): TimeWindow {
  const s = SLOTS.find((x) => x.key === c.slot)!;
  const day = dayjs(c.day);
  return { start: day.hour(s.from).toISOString(), end: day.hour(s.to).toISOString() };
}

/** A slot can be chosen only if it has not started yet. */
export const slotOpen = (c: SlotChoice, now: Dayjs = dayjs()): boolean =>
  dayjs(windowOf(c).start).isAfter(now);

export const nextDays = (n: number, from: Dayjs = dayjs()): string[] =>
  Array.from({ length: n }, (_, i) => from.startOf('day').add(i, 'day').format('YYYY-MM-DD'));

export interface Formats {
  day: string;
  time: string;
}

export const formatWindow = (w: TimeWindow, f: Formats): string =>
  `${dayjs(w.start).format(f.day)} ${dayjs(w.start).format(f.time)}–${dayjs(w.end).format(f.time)}`;
