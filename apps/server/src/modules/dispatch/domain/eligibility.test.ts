import { describe, expect, it } from 'vitest';
import { outletEligibility } from './eligibility.ts';
import { rankOutlets, type RankOutlet } from './rank.ts';

const order = {
  provinceCode: '440000',
  cityCode: '440100',
  districtCode: '440106',
  categoryCode: 'WM',
  lat: null,
  lng: null,
};

const outlet = (over: Partial<RankOutlet> = {}): RankOutlet => ({
  id: 'o1',
  code: 'GZ01',
  name: 'GZ01',
  grade: 'B',
  status: 'active',
  dailyCapacity: 10,
  lat: null,
  lng: null,
  regionCodes: ['440100'],
  categoryCodes: ['WM'],
  open: 0,
  ...over,
});

describe('the one outlet-eligibility rule', () => {
  it('takes an active outlet that covers the region and the category, with its reasons', () => {
    expect(outletEligibility(order, outlet())).toEqual({
      ok: true,
      exclusions: [],
      reasons: [
        { code: 'covers_region', value: '440100' },
        { code: 'serves_category', value: 'WM' },
      ],
      refusal: null,
    });
  });

  it('refuses an unknown outlet', () => {
    expect(outletEligibility(order, undefined)).toMatchObject({ ok: false, refusal: 'not_found' });
  });

  it('refuses by region or by category as not covering', () => {
    expect(outletEligibility(order, outlet({ regionCodes: ['440103'] }))).toMatchObject({
      ok: false,
      exclusions: ['region_not_covered'],
      refusal: 'not_covering',
    });
    expect(outletEligibility(order, outlet({ categoryCodes: ['AC'] }))).toMatchObject({
      ok: false,
      exclusions: ['category_not_served'],
      refusal: 'not_covering',
    });
    // An order without a category is not refused for it.
    expect(outletEligibility({ ...order, categoryCode: null }, outlet({ categoryCodes: [] })).ok).toBe(true);
  });

  it('names a suspension first, even when the outlet does not cover the order either', () => {
    const v = outletEligibility(order, outlet({ status: 'suspended', regionCodes: ['450000'] }));
    expect(v).toMatchObject({ ok: false, refusal: 'suspended' });
    expect(v.exclusions).toEqual(['region_not_covered', 'suspended']);
  });

  it('is the rule the ranking applies (eligible exactly when the rule says ok)', () => {
    const outlets = [
      outlet({ id: 'a', code: 'A' }),
      outlet({ id: 'b', code: 'B', status: 'suspended' }),
      outlet({ id: 'c', code: 'C', regionCodes: ['450000'] }),
      outlet({ id: 'd', code: 'D', categoryCodes: ['AC'] }),
    ];
    for (const r of rankOutlets(order, outlets)) {
      const rule = outletEligibility(
        order,
        outlets.find((o) => o.id === r.outletId),
      );
      expect(r.eligible).toBe(rule.ok);
      expect(r.exclusions).toEqual(rule.exclusions);
    }
  });
});
