import type { ActorScope } from '../../../platform/auth/actor.ts';

/**
 * Whether a reader of this scope may see a product standing in `districtCode`: everything for
 * `all`, the districts under their regions for `region`; installed products belong to no outlet or
 * technician, so `outlet` and `own` readers see none (equipment alerts are a head-office desk).
 */
export function seesDistrict(scope: ActorScope, districtCode: string | null): boolean {
  if (scope.level === 'all') return true;
  if (scope.level !== 'region' || !districtCode) return false;
  return scope.regionCodes.some((r) => districtCode.startsWith(r));
}
