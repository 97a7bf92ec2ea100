import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTS_POLICY } from '@anxin/contracts';
import { approvalReasonOf, requestValueFen, type ApprovalLine } from './approval.ts';

const P = DEFAULT_PARTS_POLICY.approval; // threshold 200.00, gifts need approval
const line = (over: Partial<ApprovalLine> = {}): ApprovalLine => ({
  kind: 'part',
  qty: 1,
  paidBy: 'warranty',
  unitCostFen: 5000,
  ...over,
});

describe('part request approval', () => {
  it('value at cost in integer fen; at the threshold needs approval', () => {
    expect(requestValueFen([line({ qty: 3 }), line({ unitCostFen: 1 })])).toBe(15001);
    expect(approvalReasonOf(P, [line({ qty: 3, unitCostFen: 6666 })])).toBe('auto'); // 199.98
    expect(approvalReasonOf(P, [line({ qty: 4 })])).toBe('value'); // 200.00
  });

  it('kinds requiring approval, then customer-paid when the policy says so', () => {
    expect(approvalReasonOf(P, [line({ kind: 'gift', unitCostFen: 0 })])).toBe('kind');
    expect(approvalReasonOf(P, [line({ paidBy: 'customer' })])).toBe('auto');
    expect(approvalReasonOf({ ...P, customerPaidNeedsApproval: true }, [line({ paidBy: 'customer' })])).toBe(
      'customer_paid',
    );
    // The first reason wins.
    expect(approvalReasonOf(P, [line({ kind: 'gift', qty: 10 })])).toBe('value');
  });
});
