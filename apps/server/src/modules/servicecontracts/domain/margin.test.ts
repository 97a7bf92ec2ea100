import { describe, expect, it } from 'vitest';
import { contractMargin } from './margin.ts';

const base = {
  billedFen: 100_000,
  paidFen: 50_000,
  visits: 2,
  partsCostFen: 10_000,
  labourCostPerVisitFen: 5_000,
  quotaVisits: 12,
  usedVisits: 3,
  activeContracts: 1,
};

describe('contractMargin', () => {
  it('is billed revenue less parts at cost and labour per visit', () => {
    expect(contractMargin(base)).toMatchObject({ labourCostFen: 10_000, marginFen: 80_000, marginPct: 80 });
  });
  it('may be negative; has no percentage with nothing billed', () => {
    expect(contractMargin({ ...base, billedFen: 10_000 }).marginPct).toBe(-100);
    expect(contractMargin({ ...base, billedFen: 0 }).marginPct).toBeNull();
  });
});
