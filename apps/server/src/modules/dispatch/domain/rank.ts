import type { RankExclusion, RankReason, RankedOutlet } from '@anxin/contracts';
import { distanceKm as greatCircleKm } from '../../../platform/geo/index.ts';
import { outletEligibility } from './eligibility.ts';

/**
 * Ranking of outlets for one order (派单排序), pure. The order of the criteria is the issue's:
 * covers the region and the category → not suspended → grade → load against daily capacity →
 * distance. Outlets that already declined the order (rejected or let the offer lapse) are shown,
 * greyed, with that reason, so the dispatcher sees why the obvious choice is missing.
 */
export interface RankOrder {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  categoryCode: string | null;
  lat: number | null;
  lng: number | null;
}

export interface RankOutlet {
  id: string;
  code: string;
  name: string;
  grade: 'A' | 'B' | 'C' | 'D';
  status: 'active' | 'suspended';
  dailyCapacity: number;
  lat: number | null;
  lng: number | null;
  /** Service areas: province, city or district codes (2/4/6 digits or zero-padded to 6). */
  regionCodes: readonly string[];
  categoryCodes: readonly string[];
  /** Open orders the outlet holds now. */
  open: number;
}

export interface PastOutcome {
  outletId: string;
  status: 'rejected' | 'expired';
}

const GRADE_ORDER = { A: 0, B: 1, C: 2, D: 3 } as const;

/** The significant prefix of a region code: 440000 → 44, 440100 → 4401, 440106 → 440106. */
export function regionPrefix(code: string): string {
  if (code.length === 6 && code.endsWith('0000')) return code.slice(0, 2);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The most specific region code the order has (district, else city, else province). */
export function orderRegion(o: Pick<RankOrder, 'provinceCode' | 'cityCode' | 'districtCode'>): string | null {
  return o.districtCode ?? o.cityCode ?? o.provinceCode;
}

/** The service area that covers `region` (a 6-digit code), or null. */
export function coveringArea(areas: readonly string[], region: string | null): string | null {
  if (!region) return null;
  const target = regionPrefix(region);
  let best: string | null = null;
  for (const a of areas) {
    const p = regionPrefix(a);
    if (target.startsWith(p) && (best === null || p.length > regionPrefix(best).length)) best = a;
  }
  return best;
}

/** open ÷ capacity; an outlet with no capacity is full. */
export const loadRatio = (open: number, capacity: number): number =>
  capacity > 0 ? open / capacity : Number.POSITIVE_INFINITY;

function compare(a: RankedOutlet, b: RankedOutlet): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  const g = GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade];
  if (g) return g;
  const la = loadRatio(a.open, a.capacity);
  const lb = loadRatio(b.open, b.capacity);
  if (la !== lb) return la < lb ? -1 : 1;
  const da = a.distanceKm ?? Number.POSITIVE_INFINITY;
  const db = b.distanceKm ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function rankOutlets(
  order: RankOrder,
  outlets: readonly RankOutlet[],
  past: readonly PastOutcome[] = [],
): RankedOutlet[] {
  const declined = new Map<string, RankExclusion>();
  for (const p of past) {
    // A rejection outweighs a lapse when an outlet did both.
    if (p.status === 'rejected' || !declined.has(p.outletId))
      declined.set(p.outletId, p.status === 'rejected' ? 'rejected_before' : 'expired_before');
  }
  const ranked = outlets.map((o): RankedOutlet => {
    const fit = outletEligibility(order, o);
    const exclusions: RankExclusion[] = [...fit.exclusions];
    const reasons: RankReason[] = [...fit.reasons];
    const past = declined.get(o.id);
    if (past) exclusions.push(past);
    reasons.push({ code: 'grade', value: o.grade });
    const ratio = loadRatio(o.open, o.dailyCapacity);
    const loadPercent = Number.isFinite(ratio) ? Math.round(ratio * 100) : 999;
    reasons.push({ code: 'load', value: loadPercent });
    if (ratio >= 1) reasons.push({ code: 'over_capacity', value: o.open - o.dailyCapacity });
    let distanceKm: number | null = null;
    if (o.lat !== null && o.lng !== null && order.lat !== null && order.lng !== null) {
      distanceKm =
        Math.round(greatCircleKm({ lat: o.lat, lng: o.lng }, { lat: order.lat, lng: order.lng }) * 10) / 10;
      reasons.push({ code: 'distance_km', value: distanceKm });
    } else reasons.push({ code: 'no_coordinates', value: null });
    for (const e of exclusions) reasons.unshift({ code: e, value: null });
    return {
      outletId: o.id,
      code: o.code,
      name: o.name,
      grade: o.grade,
      status: o.status,
      eligible: exclusions.length === 0,
      rank: null,
      open: o.open,
      capacity: o.dailyCapacity,
      loadPercent,
      distanceKm,
      exclusions,
      reasons,
    };
  });
  ranked.sort(compare);
  let place = 0;
  for (const r of ranked) if (r.eligible) r.rank = ++place;
  return ranked;
}

/** The first eligible candidate, if any. */
export const topEligible = (ranked: readonly RankedOutlet[]): RankedOutlet | undefined =>
  ranked.find((r) => r.eligible);
