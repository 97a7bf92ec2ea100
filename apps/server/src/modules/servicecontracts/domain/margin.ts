import type { ContractFigures } from '@anxin/contracts';

/** What the contract figures are made of (amounts in fen). */
export interface ContractFacts {
  billedFen: number;
  paidFen: number;
  visits: number;
  partsCostFen: number;
  labourCostPerVisitFen: number;
  quotaVisits: number;
  usedVisits: number;
  activeContracts: number;
}

/**
 * Contract revenue and margin (合同收入与毛利): revenue is the instalments billed (falling due) in the
 * period; cost is the parts consumed on the orders counted as visits in the period at cost price
 * plus a labour cost per visit (a setting: the product keeps no labour cost); margin = revenue − cost.
 */
export function contractMargin(f: ContractFacts): ContractFigures {
  const labourCostFen = f.visits * f.labourCostPerVisitFen;
  const marginFen = f.billedFen - f.partsCostFen - labourCostFen;
  return {
    ...f,
    labourCostFen,
    marginFen,
    marginPct: f.billedFen ? Math.round((marginFen / f.billedFen) * 1000) / 10 : null,
  };
}
