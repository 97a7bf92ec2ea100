import { distanceMeters } from '../../../platform/geo/index.ts';

export { distanceMeters };

export type CheckInFlag = 'far_check_in' | 'no_location';

/**
 * What a check-in proves: without a position it is flagged `no_location`; with one, the distance
 * to the customer's address is recorded and flagged `far_check_in` beyond the radius. When the
 * address has no coordinates the distance is unknown and nothing is flagged for it.
 */
export function assessCheckIn(
  at: { lat: number; lng: number } | null,
  customer: { lat: number | null; lng: number | null },
  radiusMeters: number,
): { distanceM: number | null; flags: CheckInFlag[] } {
  if (!at) return { distanceM: null, flags: ['no_location'] };
  if (customer.lat === null || customer.lng === null) return { distanceM: null, flags: [] };
  const distanceM = Math.round(distanceMeters(at, { lat: customer.lat, lng: customer.lng }));
  return { distanceM, flags: distanceM > radiusMeters ? ['far_check_in'] : [] };
}
