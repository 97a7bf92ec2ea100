import { fieldError, refuse } from '../../platform/http/errors.ts';
import { outletEligibility } from './domain/eligibility.ts';
import type { RankOrder, RankOutlet } from './domain/rank.ts';

/**
 * Refuses an outlet that may not take the order, by the one rule (domain/eligibility.ts), with one
 * error per refusal. `path` names the field in the caller's request (`outletId` on the dispatch
 * endpoint, `data.outletId` on the generic transition).
 */
export function assertOutletMayTake(
  order: RankOrder,
  outlet: RankOutlet | undefined,
  outletId: string,
  path: string,
): void {
  const { refusal } = outletEligibility(order, outlet);
  if (refusal === 'not_found') throw fieldError(path, 'not_found', `Outlet ${outletId} does not exist`);
  if (refusal === 'suspended')
    throw refuse(
      'dispatch.outlet_suspended',
      { outletCode: outlet!.code },
      { path, detail: `Outlet ${outlet!.code} is suspended` },
    );
  if (refusal === 'not_covering')
    throw refuse(
      'dispatch.outlet_not_covering',
      { outletCode: outlet!.code },
      { path, detail: `Outlet ${outlet!.code} does not serve this order's region and category` },
    );
}
