import type { Refusal } from '../../../platform/http/errors.ts';

/** The part of the business calendar the booking rule needs (platform/calendar). */
export interface WorkingDays {
  addWorkingDays(date: string, n: number): string;
}

/**
 * The last day a delivery may be booked for: `n` working days after the contract's batch day (the
 * seed's "agreed with the customer within about three days"). A batch day is itself a working day
 * (the sales module moves contracts received after the cut-off or on a holiday to the next one).
 */
export const latestBookingDate = (cal: WorkingDays, batchDate: string, n: number): string =>
  cal.addWorkingDays(batchDate, n);

export interface BookingFacts {
  date: string;
  today: string;
  latest: string;
  /** When every item is in the warehouse (reserved or the factory's date); null: not known yet. */
  availableDate: string | null;
  /** The customer's own wish on the contract: a later date they asked for is not a late booking. */
  requestedDate: string;
}

/**
 * Whether a delivery may be booked for `date`, as a refusal naming the limit it breaks. The goods
 * must be there first; then the date must lie in the booking window, unless the customer asked for
 * that day or later on the contract.
 */
export function bookingRefusal(f: BookingFacts): { refusal: Refusal; path: string } | null {
  if (f.date < f.today)
    return { refusal: { code: 'delivery.date_in_past', params: { today: f.today } }, path: 'date' };
  if (f.availableDate === null)
    return { refusal: { code: 'delivery.goods_not_available', params: {} }, path: 'contractId' };
  if (f.date < f.availableDate)
    return {
      refusal: { code: 'delivery.goods_not_available', params: { availableDate: f.availableDate } },
      path: 'date',
    };
  const latest = f.latest > f.availableDate ? f.latest : f.availableDate;
  if (f.date > latest && f.date > f.requestedDate)
    return { refusal: { code: 'delivery.booking_outside_window', params: { latest } }, path: 'date' };
  return null;
}
