import type { DeliveryBooking } from '@anxin/contracts';

export type CrewTab = 'today' | 'upcoming' | 'done';
const DONE = ['delivered', 'handed_to_rma', 'voucher_returned', 'closed'];

/** Which tab of the crew's phone list a delivery sits in (a late one stays under today). */
export const crewTabOf = (b: Pick<DeliveryBooking, 'status' | 'date'>, today: string): CrewTab =>
  DONE.includes(b.status) ? 'done' : b.date <= today ? 'today' : 'upcoming';

/** The crew's order: by day, then the route plan's place, then the slot. */
export const byRoute = (
  a: Pick<DeliveryBooking, 'date' | 'routeSeq' | 'slot'>,
  b: Pick<DeliveryBooking, 'date' | 'routeSeq' | 'slot'>,
): number =>
  a.date.localeCompare(b.date) ||
  (a.routeSeq ?? Number.MAX_SAFE_INTEGER) - (b.routeSeq ?? Number.MAX_SAFE_INTEGER) ||
  a.slot.start.localeCompare(b.slot.start);
