/**
 * Great-circle distance (haversine on a sphere of the IUGG mean Earth radius), the one geo helper
 * dispatch ranking, technician assignment, check-in, settlement distance fees and route planning
 * share. Accurate to about 0.5 % against the ellipsoid: plenty for ranking, fee bands and a
 * check-in radius; road distance is a travel model's business (routing's road factor or matrix).
 */
export interface LatLng {
  lat: number;
  lng: number;
}

export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min(1, …) guards the rounding that can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const distanceMeters = (a: LatLng, b: LatLng): number => distanceKm(a, b) * 1000;
