import type { RankExclusion, RankReason } from '@anxin/contracts';
import { coveringArea, orderRegion, type RankOrder, type RankOutlet } from './rank.ts';

/** Why an outlet may not take an order at all (declining it earlier is the ranking's matter). */
export type OutletRefusal = 'not_found' | 'suspended' | 'not_covering';

export interface OutletEligibility {
  ok: boolean;
  /** The facts against the outlet, in the order the ranking shows them. */
  exclusions: Extract<RankExclusion, 'region_not_covered' | 'category_not_served' | 'suspended'>[];
  /** The facts for it (the area that covers the order, the category it serves). */
  reasons: RankReason[];
  /** The one refusal a request gets: suspension first, then coverage (null when ok). */
  refusal: OutletRefusal | null;
}

/**
 * The one outlet-eligibility rule (pure): an outlet may take an order when it exists, is not
 * suspended and covers the order's region and category. Used by the ranking, the dispatch
 * endpoint, the pool and the transition hook, so all of them refuse the same outlets alike.
 */
export function outletEligibility(order: RankOrder, outlet: RankOutlet | undefined): OutletEligibility {
  if (!outlet) return { ok: false, exclusions: [], reasons: [], refusal: 'not_found' };
  const exclusions: OutletEligibility['exclusions'] = [];
  const reasons: RankReason[] = [];
  const area = coveringArea(outlet.regionCodes, orderRegion(order));
  if (area) reasons.push({ code: 'covers_region', value: area });
  else exclusions.push('region_not_covered');
  if (order.categoryCode) {
    if (outlet.categoryCodes.includes(order.categoryCode))
      reasons.push({ code: 'serves_category', value: order.categoryCode });
    else exclusions.push('category_not_served');
  }
  if (outlet.status === 'suspended') exclusions.push('suspended');
  const refusal: OutletRefusal | null = exclusions.includes('suspended')
    ? 'suspended'
    : exclusions.length
      ? 'not_covering'
      : null;
  return { ok: refusal === null, exclusions, reasons, refusal };
}
