import type {
  EntitlementReason,
  ServiceContractKind,
  ServiceContractStatus,
  ServiceCoverage,
  ServiceSlaTier,
} from '@anxin/contracts';
import { inTerm } from './term.ts';

/** A contract as the entitlement sees it. */
export interface ContractFacts {
  id: string;
  number: string;
  customerId: string;
  kind: ServiceContractKind;
  status: ServiceContractStatus;
  coverage: ServiceCoverage;
  startsOn: string;
  endsOn: string;
  slaTier: ServiceSlaTier;
  visitQuota: number | null;
  visitsUsed: number;
  partsCovered: boolean;
  labourCovered: boolean;
}

/** The product asked about: its owner, model, serial and the site it stands at. */
export interface EntitledProduct {
  customerId: string;
  modelId: string;
  serial: string;
  addressId: string | null;
}

export interface EntitlementResult {
  covered: boolean;
  reason: EntitlementReason | null;
  contract: (ContractFacts & { visitsRemaining: number | null }) | null;
}

/** Empty coverage covers every product of the customer; otherwise any listed model, serial or site. */
export function covers(c: ServiceCoverage, p: EntitledProduct): boolean {
  if (!c.modelIds.length && !c.serials.length && !c.addressIds.length) return true;
  const serial = p.serial.trim().toUpperCase();
  return (
    c.modelIds.includes(p.modelId) ||
    c.serials.some((s) => s.trim().toUpperCase() === serial) ||
    (p.addressId !== null && c.addressIds.includes(p.addressId))
  );
}

const remaining = (c: ContractFacts) =>
  c.visitQuota === null ? null : Math.max(0, c.visitQuota - c.visitsUsed);

const result = (covered: boolean, reason: EntitlementReason | null, c: ContractFacts | null) => ({
  covered,
  reason,
  contract: c ? { ...c, visitsRemaining: remaining(c) } : null,
});

/** Latest end first, then the number: the contract a person would look at first. */
const byEnd = (a: ContractFacts, b: ContractFacts) =>
  b.endsOn.localeCompare(a.endsOn) || a.number.localeCompare(b.number);

/**
 * Which contract covers the product on `date` (a business date), or why none does. Drafts and
 * cancelled contracts never count. Among contracts that cover the product: one in its term with
 * visits left wins; in its term but out of visits → `quota_used`; starting later → `not_started`;
 * ended → `expired`. A customer with contracts none of which covers it → `not_covered`.
 */
export function entitlement(
  contracts: readonly ContractFacts[],
  product: EntitledProduct,
  date: string,
): EntitlementResult {
  const live = contracts
    .filter((c) => c.customerId === product.customerId)
    .filter((c) => c.status === 'active' || c.status === 'expired')
    .sort(byEnd);
  if (!live.length) return result(false, 'no_contract', null);
  const mine = live.filter((c) => covers(c.coverage, product));
  if (!mine.length) return result(false, 'not_covered', null);
  const current = mine.filter((c) => c.status === 'active' && inTerm(date, c.startsOn, c.endsOn));
  const withVisits = current.find((c) => remaining(c) !== 0);
  if (withVisits) return result(true, null, withVisits);
  if (current[0]) return result(false, 'quota_used', current[0]);
  const later = mine
    .filter((c) => c.status === 'active' && c.startsOn > date)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (later[0]) return result(false, 'not_started', later[0]);
  return result(false, 'expired', mine[0]!);
}
