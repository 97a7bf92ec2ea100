/** Great-circle distance in metres (haversine; plenty for a check-in radius of a few hundred metres). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

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
