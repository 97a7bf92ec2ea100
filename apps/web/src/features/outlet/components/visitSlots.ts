import dayjs, { type Dayjs } from 'dayjs';
import { BUSINESS_TZ, bj } from '../../workorders/index.ts';

/**
 * Two-hour arrival windows (Beijing time) the outlet offers customers. They sit inside the usual
 * shifts (08:30/09:00–17:30/18:00 with lunch 12:00–13:00), so a free technician can take any of them.
 */
export const VISIT_SLOTS = ['09-11', '10-12', '13-15', '14-16', '15-17'] as const;
export type VisitSlot = (typeof VISIT_SLOTS)[number];

const hours = (s: VisitSlot): [number, number] => s.split('-').map(Number) as [number, number];

export const slotLabel = (s: VisitSlot): string => {
  const [a, b] = hours(s);
  return `${String(a).padStart(2, '0')}:00–${b}:00`;
};

/** The slot starting nearest to an instant's Beijing hour. */
export function slotOf(iso: string): VisitSlot {
  const h = bj(iso).hour();
  return VISIT_SLOTS.reduce((best, s) =>
    Math.abs(hours(s)[0] - h) < Math.abs(hours(best)[0] - h) ? s : best,
  );
}

export function windowOf(date: Dayjs | null, slot: VisitSlot | null): { start: string; end: string } | null {
  if (!date || !slot) return null;
  const [from, to] = hours(slot);
  const d = date.format('YYYY-MM-DD');
  const at = (h: number) => dayjs.tz(`${d} ${String(h).padStart(2, '0')}:00`, BUSINESS_TZ).toISOString();
  return { start: at(from), end: at(to) };
}
