import { describe, expect, it } from 'vitest';
import { coveringArea, rankOutlets, regionPrefix, topEligible, type RankOutlet } from './rank.ts';
import { DEFAULT_DISPATCH_POLICY, modeFor } from './policy.ts';

const order = {
  provinceCode: '440000',
  cityCode: '440100',
  districtCode: '440106',
  categoryCode: 'WM',
  lat: 23.125,
  lng: 113.36,
};

const outlet = (over: Partial<RankOutlet> & { code: string }): RankOutlet => ({
  id: `id-${over.code}`,
  name: over.code,
  grade: 'B',
  status: 'active',
  dailyCapacity: 10,
  lat: 23.13,
  lng: 113.37,
  regionCodes: ['440106'],
  categoryCodes: ['WM'],
  open: 0,
  ...over,
});

describe('region cover', () => {
  it('reads province, city and district codes in both spellings', () => {
    expect(regionPrefix('440000')).toBe('44');
    expect(regionPrefix('440100')).toBe('4401');
    expect(regionPrefix('440106')).toBe('440106');
    expect(regionPrefix('4401')).toBe('4401');
    expect(coveringArea(['440000'], '440106')).toBe('440000');
    expect(coveringArea(['44'], '440106')).toBe('44');
    expect(coveringArea(['440100', '440106'], '440106')).toBe('440106');
    expect(coveringArea(['440103'], '440106')).toBeNull();
    expect(coveringArea(['450000'], '440106')).toBeNull();
    // 440110 must not cover 440111 (a naive "strip trailing zeros" prefix would).
    expect(coveringArea(['440110'], '440111')).toBeNull();
    expect(coveringArea(['440106'], null)).toBeNull();
  });
});

describe('rankOutlets', () => {
  it('orders by cover, suspension, grade, load and distance, with reasons', () => {
    const ranked = rankOutlets(order, [
      outlet({ code: 'FAR', lat: 23.5, lng: 113.8 }),
      outlet({ code: 'NEAR' }),
      outlet({ code: 'BUSY', open: 5 }),
      outlet({ code: 'GRADEA', grade: 'A', open: 9 }),
      outlet({ code: 'SUSP', grade: 'A', status: 'suspended' }),
      outlet({ code: 'NOAREA', grade: 'A', regionCodes: ['440103'] }),
      outlet({ code: 'NOCAT', grade: 'A', categoryCodes: ['AC'] }),
    ]);
    expect(ranked.map((r) => [r.code, r.eligible, r.rank])).toEqual([
      ['GRADEA', true, 1],
      ['NEAR', true, 2],
      ['FAR', true, 3],
      ['BUSY', true, 4],
      ['NOAREA', false, null],
      ['NOCAT', false, null],
      ['SUSP', false, null],
    ]);
    const near = ranked.find((r) => r.code === 'NEAR')!;
    expect(near.reasons).toEqual([
      { code: 'covers_region', value: '440106' },
      { code: 'serves_category', value: 'WM' },
      { code: 'grade', value: 'B' },
      { code: 'load', value: 0 },
      { code: 'distance_km', value: 1.2 },
    ]);
    expect(ranked.find((r) => r.code === 'BUSY')).toMatchObject({ open: 5, capacity: 10, loadPercent: 50 });
    expect(ranked.find((r) => r.code === 'SUSP')!.exclusions).toEqual(['suspended']);
    expect(ranked.find((r) => r.code === 'NOAREA')!.exclusions).toEqual(['region_not_covered']);
    expect(ranked.find((r) => r.code === 'NOCAT')!.reasons[0]).toEqual({
      code: 'category_not_served',
      value: null,
    });
    expect(topEligible(ranked)!.code).toBe('GRADEA');
  });

  it('puts full outlets after free ones of the same grade and flags them', () => {
    const ranked = rankOutlets(order, [
      outlet({ code: 'FULL', open: 12 }),
      outlet({ code: 'ZERO', dailyCapacity: 0 }),
      outlet({ code: 'FREE', open: 1, lat: 24, lng: 114 }),
    ]);
    expect(ranked.map((r) => r.code)).toEqual(['FREE', 'FULL', 'ZERO']);
    expect(ranked[1]!.reasons).toContainEqual({ code: 'over_capacity', value: 2 });
    expect(ranked[1]!.loadPercent).toBe(120);
  });

  it('ranks outlets without coordinates after those with a distance', () => {
    const ranked = rankOutlets(order, [
      outlet({ code: 'NOGEO', lat: null, lng: null }),
      outlet({ code: 'GEO', lat: 24, lng: 114 }),
    ]);
    expect(ranked.map((r) => r.code)).toEqual(['GEO', 'NOGEO']);
    expect(ranked[1]!.distanceKm).toBeNull();
    expect(ranked[1]!.reasons).toContainEqual({ code: 'no_coordinates', value: null });
  });

  it('excludes outlets that rejected the order or let the offer lapse, saying which', () => {
    const ranked = rankOutlets(
      order,
      [
        outlet({ code: 'R', grade: 'A' }),
        outlet({ code: 'E', grade: 'A' }),
        outlet({ code: 'OK', grade: 'C' }),
      ],
      [
        { outletId: 'id-E', status: 'expired' },
        { outletId: 'id-R', status: 'expired' },
        { outletId: 'id-R', status: 'rejected' },
      ],
    );
    expect(ranked.map((r) => [r.code, r.exclusions])).toEqual([
      ['OK', []],
      ['E', ['expired_before']],
      ['R', ['rejected_before']],
    ]);
  });

  it('accepts any serving outlet for an order without a category', () => {
    const ranked = rankOutlets({ ...order, categoryCode: null }, [outlet({ code: 'X', categoryCodes: [] })]);
    expect(ranked[0]!.eligible).toBe(true);
  });

  it('returns nothing eligible when nobody covers the order', () => {
    expect(topEligible(rankOutlets(order, [outlet({ code: 'X', regionCodes: ['310000'] })]))).toBeUndefined();
  });
});

describe('dispatch mode per region', () => {
  it('takes the most specific configured code, else the default', () => {
    const policy = {
      ...DEFAULT_DISPATCH_POLICY,
      regionModes: { '440000': 'pool', '440106': 'auto', '3101': 'auto' } as const,
    };
    expect(modeFor(policy, '440106')).toBe('auto');
    expect(modeFor(policy, '440103')).toBe('pool');
    expect(modeFor(policy, '310101')).toBe('auto');
    expect(modeFor(policy, '110101')).toBe('manual');
    expect(modeFor(policy, null)).toBe('manual');
  });
});
