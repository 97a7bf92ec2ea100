import { describe, expect, it } from 'vitest';
import { line, statement } from './fixtures.ts';
import { disputeReady, effectiveAmountFen, lineActions, toggleDispute } from './rules.ts';

describe('statement line rules', () => {
  const fee = line({ kind: 'fee' });
  const deduction = line({ kind: 'deduction', amountFen: -5_000 });
  const manualDeduction = line({ kind: 'deduction', amountFen: -1_000, orderId: null, orderNumber: null });
  const adjustment = line({ kind: 'adjustment', targetKey: fee.lineKey, amountFen: 2_000 });
  const reversal = line({ kind: 'reversal', targetKey: fee.lineKey, amountFen: -500 });

  it('lets the outlet dispute its own lines but not finance corrections, only while it may dispute', () => {
    const open = statement([fee, adjustment], { allowed: ['disputed', 'confirmed'] });
    expect(lineActions(open, fee, false).dispute).toBe(true);
    expect(lineActions(open, adjustment, false).dispute).toBe(false);
    expect(lineActions(open, reversal, false).dispute).toBe(false);
    expect(lineActions(statement([fee], { allowed: ['confirmed'] }), fee, false).dispute).toBe(false);
  });

  it('lets finance adjust generated lines only, and only when it may adjust', () => {
    const s = statement([fee, deduction, adjustment], { canAdjust: true });
    expect([fee, deduction, adjustment].map((l) => lineActions(s, l, false).adjust)).toEqual([
      true,
      true,
      false,
    ]);
    expect(lineActions({ ...s, canAdjust: false }, fee, false).adjust).toBe(false);
  });

  it('offers an appeal on a deduction tied to an order, to whoever may appeal', () => {
    const s = statement([fee, deduction, manualDeduction]);
    expect(lineActions(s, deduction, true).appeal).toBe(true);
    expect(lineActions(s, deduction, false).appeal).toBe(false);
    expect(lineActions(s, manualDeduction, true).appeal).toBe(false);
    expect(lineActions(s, fee, true).appeal).toBe(false);
  });

  it('adds the adjustments and reversals that target a line to its amount, in fen', () => {
    const lines = [fee, deduction, adjustment, reversal];
    expect(effectiveAmountFen(lines, fee)).toBe(12_000 + 2_000 - 500);
    expect(effectiveAmountFen(lines, deduction)).toBe(-5_000);
  });

  it('toggles lines in and out of a dispute and is ready only when every chosen line has a comment', () => {
    let draft = toggleDispute({}, fee.id);
    draft = toggleDispute(draft, deduction.id);
    expect(Object.keys(draft)).toEqual([fee.id, deduction.id]);
    expect(disputeReady([fee, deduction], { ...draft, [fee.id]: '远郊' })).toBe(false);
    expect(disputeReady([fee, deduction], { [fee.id]: '远郊', [deduction.id]: '  ' })).toBe(false);
    expect(disputeReady([fee, deduction], { [fee.id]: '远郊', [deduction.id]: '已上门' })).toBe(true);
    expect(disputeReady([], {})).toBe(false);
    expect(Object.keys(toggleDispute(draft, fee.id))).toEqual([deduction.id]);
  });
});
