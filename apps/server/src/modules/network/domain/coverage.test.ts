import { describe, expect, it } from 'vitest';
import { computeCoverage, selfBuiltShare } from './coverage.ts';
import { certificationStatus, checkStageMove, checkTierPlacement } from './rules.ts';

describe('computeCoverage', () => {
  const demand = [
    { districtCode: '440106', categoryCode: 'aircon', installedProducts: 3 },
    { districtCode: '440106', categoryCode: 'washer', installedProducts: 1 },
    { districtCode: '440111', categoryCode: 'aircon', installedProducts: 2 },
    { districtCode: '330106', categoryCode: 'aircon', installedProducts: 5 },
  ];
  it('matches service areas by prefix and categories exactly', () => {
    const outlets = [
      { areas: ['4401'], categories: ['aircon'] }, // city-wide, aircon only
      { areas: ['440106'], categories: ['fridge'] },
    ];
    const prospects = [
      { id: 'p1', name: 'Hangzhou', stage: 'negotiating' as const, regionCode: '3301', categories: [] },
      { id: 'p2', name: 'Washers', stage: 'prospect' as const, regionCode: '440106', categories: ['washer'] },
      { id: 'p3', name: 'Done', stage: 'active' as const, regionCode: '33', categories: [] },
    ];
    const r = computeCoverage(demand, outlets, prospects);
    expect(r.covered).toBe(2);
    expect(r.total).toBe(4);
    expect(r.ratio).toBe(0.5);
    expect(r.byCategory).toEqual([
      { categoryCode: 'aircon', covered: 2, total: 3, ratio: 2 / 3 },
      { categoryCode: 'washer', covered: 0, total: 1, ratio: 0 },
    ]);
    expect(r.uncovered.map((u) => [u.districtCode, u.categoryCode, u.prospects.map((p) => p.id)])).toEqual([
      ['330106', 'aircon', ['p1']],
      ['440106', 'washer', ['p2']],
    ]);
  });
  it('has no ratio without demand or outlets', () => {
    expect(computeCoverage([], [], []).ratio).toBeNull();
    expect(selfBuiltShare(0, 0).ratio).toBeNull();
    expect(selfBuiltShare(4, 1).ratio).toBe(0.25);
  });
});

describe('rules', () => {
  it('flags certifications expired or expiring within the window', () => {
    expect(certificationStatus(null, '2026-06-15', 30)).toBe('valid');
    expect(certificationStatus('2026-06-14', '2026-06-15', 30)).toBe('expired');
    expect(certificationStatus('2026-06-15', '2026-06-15', 30)).toBe('expiring');
    expect(certificationStatus('2026-07-15', '2026-06-15', 30)).toBe('expiring');
    expect(certificationStatus('2026-07-16', '2026-06-15', 30)).toBe('valid');
  });
  it('moves the pipeline one stage forward, or back with a reason', () => {
    expect(checkStageMove('prospect', 'negotiating', null)).toEqual({ ok: true, direction: 'forward' });
    expect(checkStageMove('prospect', 'signed', null)).toMatchObject({
      ok: false,
      code: 'prospect.one_step_forward',
      params: { from: 'prospect', next: 'negotiating' },
    });
    expect(checkStageMove('signed', 'prospect', null)).toMatchObject({
      ok: false,
      code: 'prospect.back_needs_reason',
    });
    expect(checkStageMove('signed', 'prospect', 'deal fell through')).toEqual({
      ok: true,
      direction: 'back',
    });
    expect(checkStageMove('signed', 'signed', 'x')).toMatchObject({
      ok: false,
      code: 'prospect.stage_unchanged',
      params: { stage: 'signed' },
    });
  });
  it('places tiers: outlet staff in an outlet, HQ staff without one, provincial engineers with a province', () => {
    expect(checkTierPlacement(1, 'o1', null)).toBeNull();
    expect(checkTierPlacement(2, null, null)?.code).toBe('technician.tier_needs_outlet');
    expect(checkTierPlacement(3, null, '44')).toBeNull();
    expect(checkTierPlacement(3, null, null)).toMatchObject({
      path: 'provinceCode',
      code: 'technician.tier_needs_province',
    });
    expect(checkTierPlacement(4, 'o1', null)?.code).toBe('technician.hq_has_no_outlet');
  });
});
