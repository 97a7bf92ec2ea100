import type { SalesContractAction, SalesContractStatus, SampleStatus } from '@anxin/contracts';

/**
 * The sales contract as one table. `check_stock` is the warehouse's step; `booked`, `delivered` and
 * `exception` are recorded by modules/delivery (a failed delivery is booked again); a contract is
 * cancelled only before it is booked (its reservations go back to stock).
 */
export const CONTRACT_RULES: readonly {
  action: SalesContractAction;
  from: readonly SalesContractStatus[];
  to: SalesContractStatus;
}[] = [
  { action: 'check_stock', from: ['entered'], to: 'stock_checked' },
  { action: 'booked', from: ['stock_checked', 'exception'], to: 'booked' },
  { action: 'delivered', from: ['booked'], to: 'delivered' },
  { action: 'exception', from: ['booked'], to: 'exception' },
  { action: 'cancel', from: ['entered', 'stock_checked'], to: 'cancelled' },
];

export type ContractMove =
  | { ok: true; to: SalesContractStatus }
  | { ok: false; from: SalesContractStatus; allowed: SalesContractAction[] };

export function contractMove(from: SalesContractStatus, action: SalesContractAction): ContractMove {
  const rule = CONTRACT_RULES.find((r) => r.action === action && r.from.includes(from));
  if (rule) return { ok: true, to: rule.to };
  return { ok: false, from, allowed: contractActionsFrom(from) };
}

export const contractActionsFrom = (status: SalesContractStatus): SalesContractAction[] =>
  CONTRACT_RULES.filter((r) => r.from.includes(status)).map((r) => r.action);

/** Contracts modules/delivery may book: stock checked, or back after a failed delivery. */
export const BOOKABLE_STATUSES: readonly SalesContractStatus[] = ['stock_checked', 'exception'];

/**
 * Showroom samples: a proposal to display (or to take off display) waits for the store manager;
 * approving a display makes the sample an installed product, approving a removal ends it.
 */
export const SAMPLE_RULES: readonly {
  action: 'approve' | 'reject' | 'request_removal';
  from: SampleStatus;
  to: SampleStatus;
}[] = [
  { action: 'approve', from: 'pending_display', to: 'on_display' },
  { action: 'reject', from: 'pending_display', to: 'rejected' },
  { action: 'request_removal', from: 'on_display', to: 'pending_removal' },
  { action: 'approve', from: 'pending_removal', to: 'removed' },
  { action: 'reject', from: 'pending_removal', to: 'on_display' },
];

export const sampleMove = (from: SampleStatus, action: string): SampleStatus | null =>
  SAMPLE_RULES.find((r) => r.from === from && r.action === action)?.to ?? null;
