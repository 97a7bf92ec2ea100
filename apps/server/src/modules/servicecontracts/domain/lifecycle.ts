import type { ServiceContractStatus } from '@anxin/contracts';

/** Who takes a step: a person with `servicecontract:manage`, or the system's expiry job. */
export type ContractStepBy = 'manager' | 'system';

export interface ContractStep {
  from: ServiceContractStatus;
  to: ServiceContractStatus;
  by: ContractStepBy;
  /** The event type appended with the step. */
  event: 'activated' | 'cancelled' | 'expired';
  requiresReason?: boolean;
}

/**
 * The contract's state machine as one table: draft → active → expired (the job, after the last
 * day) or cancelled (a manager, with a reason once active). Expired and cancelled are final.
 */
export const CONTRACT_STEPS: readonly ContractStep[] = [
  { from: 'draft', to: 'active', by: 'manager', event: 'activated' },
  { from: 'draft', to: 'cancelled', by: 'manager', event: 'cancelled' },
  { from: 'active', to: 'cancelled', by: 'manager', event: 'cancelled', requiresReason: true },
  { from: 'active', to: 'expired', by: 'system', event: 'expired' },
];

export function stepOf(
  from: ServiceContractStatus,
  to: ServiceContractStatus,
  by: ContractStepBy,
): ContractStep | undefined {
  return CONTRACT_STEPS.find((s) => s.from === from && s.to === to && s.by === by);
}

/** Terms (customer, coverage, dates, price, schedule) change only while a draft. */
export const isEditable = (s: ServiceContractStatus) => s === 'draft';
