import { describe, expect, it } from 'vitest';
import type { FeeSchedule } from '@anxin/contracts';
import { FeeScheduleSchema } from '@anxin/contracts';
import { baseFee, distanceBand, feeOf, regionCovers, remoteSurcharge, roundHalfUpDiv, yuan } from './fees.ts';
import { allowedNext, ruleFor } from './lifecycle.ts';
import { DEFAULT_FEE_SCHEDULE } from './schedule.ts';
import { totalsOf } from './totals.ts';

const S: FeeSchedule = {
  ...DEFAULT_FEE_SCHEDULE,
  baseFees: [
    { orderType: 'repair', categoryCode: 'WM', feeFen: 6005 },
    { orderType: 'repair', categoryCode: '*', feeFen: 5000 },
  ],
  distanceBands: [
    { upToKm: 10, surchargeFen: 0 },
    { upToKm: 30, surchargeFen: 2000 },
    { upToKm: null, surchargeFen: 5000 },
  ],
  remoteRegionCodes: ['650000', '440111'],
  remoteSurchargeFen: 3000,
  partsPerLineFen: 1000,
};
const order = {
  type: 'repair',
  categoryCode: 'WM',
  regionCode: '440106',
  lat: null,
  lng: null,
};
const outlet = { lat: 23.1291, lng: 113.2644 };

describe('fee rules', () => {
  it('base fee: exact type × category first, then the type wildcard, else none', () => {
    expect(baseFee(S, 'repair', 'WM')).toEqual({ feeFen: 6005, matched: 'repair/WM' });
    expect(baseFee(S, 'repair', 'AC')).toEqual({ feeFen: 5000, matched: 'repair/*' });
    expect(baseFee(S, 'repair', null)).toEqual({ feeFen: 5000, matched: 'repair/*' });
    expect(baseFee(S, 'consult', 'WM')).toEqual({ feeFen: 0, matched: null });
  });

  it('distance bands: upper bounds inclusive, the open band catches the rest, no coordinates no surcharge', () => {
    expect(distanceBand(S, 0)).toMatchObject({ band: 0, surchargeFen: 0 });
    expect(distanceBand(S, 10)).toMatchObject({ band: 0, surchargeFen: 0 });
    expect(distanceBand(S, 10.01)).toMatchObject({ band: 1, surchargeFen: 2000, upToKm: 30 });
    expect(distanceBand(S, 30)).toMatchObject({ band: 1 });
    expect(distanceBand(S, 500)).toMatchObject({ band: 2, surchargeFen: 5000, upToKm: null });
    expect(distanceBand(S, null)).toEqual({ km: null, band: null, upToKm: null, surchargeFen: 0 });
  });

  it('remote surcharge: a province code covers its districts, a district code only itself', () => {
    expect(regionCovers('650000', '650102')).toBe(true);
    expect(regionCovers('440100', '440106')).toBe(true);
    expect(regionCovers('440100', '440206')).toBe(false);
    expect(regionCovers('440111', '440110')).toBe(false);
    expect(remoteSurcharge(S, '650102')).toEqual({ regionCode: '650000', surchargeFen: 3000 });
    expect(remoteSurcharge(S, '440106')).toEqual({ regionCode: null, surchargeFen: 0 });
  });

  it('coefficient applies to the service fee and rounds half up once per line; no parts in the fee', () => {
    // 6005 × 0.9 = 5404.5 → 5405; × 1.1 = 6605.5 → 6606; × 0.8 = 4804 exactly.
    expect(feeOf(S, order, outlet, { grade: 'C', source: 'outlet' }).amountFen).toBe(5405);
    expect(feeOf(S, order, outlet, { grade: 'A', source: 'scorecard' }).amountFen).toBe(6606);
    expect(feeOf(S, order, outlet, { grade: 'D', source: 'outlet' }).amountFen).toBe(4804);
    // Parts are paid only through passed 旧件 claims (lines.ts), never in the order fee.
    expect(feeOf(S, order, outlet, { grade: 'C', source: 'outlet' }).rule).not.toHaveProperty('parts');
  });

  it('spells out the rule: base, band, remote, coefficient', () => {
    const far = { ...order, regionCode: '440111', lat: outlet.lat + 0.18, lng: outlet.lng };
    const r = feeOf(S, far, outlet, { grade: 'B', source: 'outlet' });
    expect(r.rule).toMatchObject({
      base: { feeFen: 6005, matched: 'repair/WM' },
      distance: { band: 1, upToKm: 30, surchargeFen: 2000 },
      remote: { regionCode: '440111', surchargeFen: 3000 },
      serviceFen: 11005,
      grade: 'B',
      coefficient: 1,
      coefficientPermille: 1000,
      rounding: 'half_up_per_line',
    });
    expect(r.rule.distance.km).toBeCloseTo(20.0, 0);
    expect(r.amountFen).toBe(11005);
  });

  it('integer helpers: round half up, yuan text without float drift', () => {
    expect(roundHalfUpDiv(5, 2)).toBe(3);
    expect(roundHalfUpDiv(4, 3)).toBe(1);
    expect(roundHalfUpDiv(6_605_500, 1000)).toBe(6606);
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(123456)).toBe('1234.56');
    expect(yuan(-1000)).toBe('-10.00');
  });

  it('totals are sums of the lines', () => {
    const t = totalsOf([
      { kind: 'fee', amountFen: 6600, disputed: true },
      { kind: 'fee', amountFen: 5500, disputed: false },
      { kind: 'deduction', amountFen: -3000, disputed: false },
      { kind: 'bonus', amountFen: 500, disputed: false },
      { kind: 'adjustment', amountFen: 900, disputed: false },
      // A parts claim is paid as a fee but is no order.
      { kind: 'fee', lineKey: 'part_claim:r1', amountFen: 2000, disputed: false },
    ]);
    expect(t).toEqual({
      feeFen: 14100,
      deductionFen: -3000,
      bonusFen: 500,
      adjustmentFen: 900,
      totalFen: 12500,
      orderCount: 2,
      disputedCount: 1,
    });
  });

  it('the schedule rejects decreasing bands and an open band before the last', () => {
    const bad = FeeScheduleSchema.safeParse({
      ...DEFAULT_FEE_SCHEDULE,
      distanceBands: [
        { upToKm: 30, surchargeFen: 0 },
        { upToKm: null, surchargeFen: 1 },
        { upToKm: 10, surchargeFen: 2 },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['distanceBands.1.upToKm', 'distanceBands.2.upToKm']),
    );
    expect(FeeScheduleSchema.safeParse(DEFAULT_FEE_SCHEDULE).success).toBe(true);
  });
});

describe('statement transitions', () => {
  const outletManager = (p: string) => p === 'settlement:respond';
  const finance = (p: string) => p === 'settlement:manage';
  it('outlets confirm or dispute drafts; finance returns, approves and pays', () => {
    expect(allowedNext('draft', outletManager)).toEqual(['confirmed', 'disputed']);
    expect(allowedNext('draft', finance)).toEqual([]);
    expect(allowedNext('disputed', finance)).toEqual(['draft', 'approved']);
    expect(allowedNext('confirmed', finance)).toEqual(['approved', 'draft']);
    expect(allowedNext('approved', finance)).toEqual(['paid']);
    expect(allowedNext('paid', finance)).toEqual([]);
    expect(ruleFor('draft', 'approved')).toBeUndefined();
    expect(ruleFor('approved', 'paid')?.requires).toEqual(['paymentReference']);
  });
});
