import { describe, expect, it } from 'vitest';
import { entitlement, type ContractFacts } from './entitlement.ts';
import { instalments } from './billing.ts';
import { addMonths, termMonths } from './term.ts';
import { stepOf } from './lifecycle.ts';

const product = { customerId: 'cu1', modelId: 'm1', serial: 'SN-1', addressId: 'a1' };
const contract = (over: Partial<ContractFacts> = {}): ContractFacts => ({
  id: 'c1',
  number: 'HT1',
  customerId: 'cu1',
  kind: 'all_inclusive',
  status: 'active',
  coverage: { modelIds: [], serials: [], addressIds: [] },
  startsOn: '2026-07-01',
  endsOn: '2027-06-30',
  slaTier: 'priority',
  visitQuota: 6,
  visitsUsed: 2,
  partsCovered: true,
  labourCovered: true,
  ...over,
});

describe('entitlement', () => {
  it('covers on the first and the last day, both inclusive, and not a day outside', () => {
    const c = [contract()];
    expect(entitlement(c, product, '2026-07-01')).toMatchObject({ covered: true, reason: null });
    expect(entitlement(c, product, '2027-06-30').contract).toMatchObject({ id: 'c1', visitsRemaining: 4 });
    expect(entitlement(c, product, '2027-07-01')).toMatchObject({ covered: false, reason: 'expired' });
    expect(entitlement(c, product, '2026-06-30')).toMatchObject({ covered: false, reason: 'not_started' });
  });

  it('says the quota is used up, and unlimited quota never runs out', () => {
    expect(entitlement([contract({ visitsUsed: 6 })], product, '2026-08-01')).toMatchObject({
      covered: false,
      reason: 'quota_used',
      contract: { visitsRemaining: 0 },
    });
    expect(
      entitlement([contract({ visitQuota: null, visitsUsed: 99 })], product, '2026-08-01'),
    ).toMatchObject({ covered: true, contract: { visitsRemaining: null } });
    // A second contract in its term with visits left wins over the exhausted one.
    const two = [contract({ visitsUsed: 6 }), contract({ id: 'c2', number: 'HT2', visitsUsed: 0 })];
    expect(entitlement(two, product, '2026-08-01').contract?.id).toBe('c2');
  });

  it('covers by model, serial (any case) or site, and says when the product is not covered', () => {
    const by = (coverage: Partial<ContractFacts['coverage']>) => [
      contract({ coverage: { modelIds: [], serials: [], addressIds: [], ...coverage } }),
    ];
    expect(entitlement(by({ modelIds: ['m1'] }), product, '2026-08-01').covered).toBe(true);
    expect(entitlement(by({ serials: ['sn-1'] }), product, '2026-08-01').covered).toBe(true);
    expect(entitlement(by({ addressIds: ['a1'] }), product, '2026-08-01').covered).toBe(true);
    expect(entitlement(by({ modelIds: ['m2'], serials: ['SN-2'] }), product, '2026-08-01')).toMatchObject({
      covered: false,
      reason: 'not_covered',
      contract: null,
    });
    expect(
      entitlement(by({ addressIds: ['a1'] }), { ...product, addressId: null }, '2026-08-01').reason,
    ).toBe('not_covered');
  });

  it('ignores drafts, cancelled contracts and other customers', () => {
    for (const c of [
      contract({ status: 'draft' }),
      contract({ status: 'cancelled' }),
      contract({ customerId: 'x' }),
    ])
      expect(entitlement([c], product, '2026-08-01')).toMatchObject({
        covered: false,
        reason: 'no_contract',
      });
    expect(entitlement([contract({ status: 'expired' })], product, '2026-08-01').reason).toBe('expired');
  });
});

describe('billing and term', () => {
  it('counts the inclusive term in months and clamps month ends', () => {
    expect(termMonths('2026-07-01', '2027-06-30')).toBe(12);
    expect(termMonths('2026-07-01', '2027-07-01')).toBe(13);
    expect(termMonths('2026-07-01', '2026-07-01')).toBe(1);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('splits the price into instalments that add up to it', () => {
    expect(instalments(100000, 'one_off', '2026-07-01', '2027-06-30')).toEqual([
      { seq: 1, dueOn: '2026-07-01', amountFen: 100000 },
    ]);
    const q = instalments(100001, 'quarterly', '2026-07-01', '2027-06-30');
    expect(q.map((l) => l.dueOn)).toEqual(['2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01']);
    expect(q.map((l) => l.amountFen)).toEqual([25001, 25000, 25000, 25000]);
    expect(instalments(120000, 'monthly', '2026-01-31', '2027-01-30')).toHaveLength(12);
    expect(instalments(120000, 'monthly', '2026-01-31', '2027-01-30')[1]!.dueOn).toBe('2026-02-28');
    expect(instalments(50000, 'annual', '2026-07-01', '2028-06-30').map((l) => l.amountFen)).toEqual([
      25000, 25000,
    ]);
  });

  it('lets managers activate and cancel and only the system expire', () => {
    expect(stepOf('draft', 'active', 'manager')).toBeDefined();
    expect(stepOf('active', 'cancelled', 'manager')?.requiresReason).toBe(true);
    expect(stepOf('active', 'expired', 'manager')).toBeUndefined();
    expect(stepOf('active', 'expired', 'system')).toBeDefined();
    expect(stepOf('expired', 'active', 'manager')).toBeUndefined();
  });
});
