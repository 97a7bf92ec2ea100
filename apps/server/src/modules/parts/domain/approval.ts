import type { ApprovalReason, PartKind, PartPayer, PartsPolicy } from '@anxin/contracts';

export interface ApprovalLine {
  kind: PartKind;
  qty: number;
  paidBy: PartPayer;
  unitCostFen: number;
}

/** Value of a request at cost, integer fen. */
export const requestValueFen = (lines: readonly ApprovalLine[]): number =>
  lines.reduce((sum, l) => sum + l.qty * l.unitCostFen, 0);

/**
 * Why a request needs a signed approval, first reason wins: its value at cost reaches the
 * threshold; it holds an item of a kind that always needs approval; it holds a customer-paid line
 * and the policy wants those approved. Otherwise 'auto': approved at once by the system.
 */
export function approvalReasonOf(
  policy: PartsPolicy['approval'],
  lines: readonly ApprovalLine[],
): ApprovalReason {
  if (requestValueFen(lines) >= policy.valueThresholdFen) return 'value';
  if (lines.some((l) => policy.kindsRequiringApproval.includes(l.kind))) return 'kind';
  if (policy.customerPaidNeedsApproval && lines.some((l) => l.paidBy === 'customer')) return 'customer_paid';
  return 'auto';
}
