import { describe, expect, it } from 'vitest';
import { findAlerts } from './alerts.ts';
import { isLastTimeBuy } from './catalog.ts';
import { suggestReplenishment } from './replenishment.ts';
import { stocktakeVariance } from './stocktake.ts';

const policy = { consumptionWindowDays: 90, coverDays: 30 };

describe('suggestReplenishment', () => {
  it('is silent without a reorder point or above it', () => {
    expect(
      suggestReplenishment({ available: 0, reorderPoint: 0, reorderQty: 5, consumed: 9 }, policy),
    ).toBeNull();
    expect(
      suggestReplenishment({ available: 6, reorderPoint: 5, reorderQty: 5, consumed: 9 }, policy),
    ).toBeNull();
  });
  it('refills to the reorder point plus cover days of use', () => {
    // 180 used over 90 days = 2/day; 30 days cover = 60; + 5 − 3 = 62.
    expect(
      suggestReplenishment({ available: 3, reorderPoint: 5, reorderQty: 10, consumed: 180 }, policy),
    ).toEqual({
      dailyUse: 2,
      suggestedQty: 62,
    });
  });
  it('orders at least the reorder quantity, rounding use up', () => {
    expect(
      suggestReplenishment({ available: 5, reorderPoint: 5, reorderQty: 20, consumed: 0 }, policy),
    ).toEqual({
      dailyUse: 0,
      suggestedQty: 20,
    });
    // 10/90 per day × 30 = 3.33 → 4; + 2 − 0 = 6.
    expect(
      suggestReplenishment({ available: 0, reorderPoint: 2, reorderQty: 1, consumed: 10 }, policy)
        ?.suggestedQty,
    ).toBe(6);
  });
  it('does not order one more for a float just over a whole number', () => {
    // 3 × 30 / 90 per day × 30 days = 3 exactly, whatever the float error.
    expect(
      suggestReplenishment(
        { available: 1, reorderPoint: 1, reorderQty: 0, consumed: 9 },
        { consumptionWindowDays: 90, coverDays: 30 },
      )?.suggestedQty,
    ).toBe(3);
  });
});

describe('isLastTimeBuy', () => {
  it('warns from warningDays before the date on', () => {
    expect(isLastTimeBuy(null, '2026-01-01', 90)).toBe(false);
    expect(isLastTimeBuy('2026-04-02', '2026-01-01', 90)).toBe(false);
    expect(isLastTimeBuy('2026-04-01', '2026-01-01', 90)).toBe(true);
    expect(isLastTimeBuy('2025-12-01', '2026-01-01', 90)).toBe(true);
  });
});

describe('stocktakeVariance', () => {
  it('values the variance at cost and compares it with the share of book value', () => {
    const lines = [
      { bookQty: 10, countedQty: 9, unitCostFen: 1000 },
      { bookQty: 100, countedQty: 100, unitCostFen: 100 },
      { bookQty: 5, countedQty: null, unitCostFen: 50 },
    ];
    // book 10000 + 10000 + 250 = 20250; variance −1000 (4.9 %).
    expect(stocktakeVariance(lines, 5)).toEqual({ varianceFen: -1000, bookFen: 20250, needsApproval: false });
    expect(stocktakeVariance(lines, 4).needsApproval).toBe(true);
  });
  it('needs approval for any variance where nothing was on the books', () => {
    expect(stocktakeVariance([{ bookQty: 0, countedQty: 1, unitCostFen: 10 }], 5).needsApproval).toBe(true);
    expect(stocktakeVariance([{ bookQty: 0, countedQty: 0, unitCostFen: 10 }], 5).needsApproval).toBe(false);
  });
});

describe('findAlerts', () => {
  const p = { ageingDays: 180, discontinuationWarningDays: 90 };
  it('finds low, ageing and discontinuing', () => {
    const found = findAlerts(
      [
        {
          locationId: 'L',
          itemId: 'a',
          onHand: 2,
          available: 1,
          reorderPoint: 1,
          lastMovementOn: '2026-06-01',
        },
        {
          locationId: 'L',
          itemId: 'b',
          onHand: 3,
          available: 3,
          reorderPoint: 0,
          lastMovementOn: '2025-06-01',
        },
        {
          locationId: 'L',
          itemId: 'c',
          onHand: 0,
          available: 0,
          reorderPoint: 0,
          lastMovementOn: '2025-01-01',
        },
      ],
      [
        { itemId: 'd', active: true, discontinueOn: '2026-07-01' },
        { itemId: 'e', active: false, discontinueOn: '2026-07-01' },
        { itemId: 'f', active: true, discontinueOn: '2027-07-01' },
      ],
      '2026-06-15',
      p,
    );
    expect(found).toEqual([
      { kind: 'low_stock', locationId: 'L', itemId: 'a', value: 1 },
      { kind: 'ageing', locationId: 'L', itemId: 'b', value: 379 },
      { kind: 'discontinuation', locationId: null, itemId: 'd', value: 16 },
    ]);
  });
});
