import type { StatementLineKind } from '@anxin/contracts';

export interface TotalsInput {
  kind: StatementLineKind;
  amountFen: number;
  disputed: boolean;
  /** A fee line keyed `part_claim:…` pays a parts claim, not an order (not in `orderCount`). */
  lineKey?: string | null;
}

export const PART_CLAIM_KEY_PREFIX = 'part_claim:';
/** A fee line that pays a passed 旧件 claim rather than an order's service. */
export const isPartClaimLine = (l: Pick<TotalsInput, 'kind' | 'lineKey'>): boolean =>
  l.kind === 'fee' && !!l.lineKey?.startsWith(PART_CLAIM_KEY_PREFIX);

export interface StatementTotals {
  feeFen: number;
  deductionFen: number;
  bonusFen: number;
  adjustmentFen: number;
  totalFen: number;
  orderCount: number;
  disputedCount: number;
}

/** Kinds the generator writes (and rewrites on regeneration); the rest are finance's or appeals'. */
export const GENERATED_KINDS: readonly StatementLineKind[] = ['fee', 'deduction', 'bonus', 'credit'];
export const isGenerated = (k: StatementLineKind): boolean => GENERATED_KINDS.includes(k);

/** Totals are plain integer sums of the lines (rounding happened once, per line). */
export function totalsOf(lines: readonly TotalsInput[]): StatementTotals {
  const t: StatementTotals = {
    feeFen: 0,
    deductionFen: 0,
    bonusFen: 0,
    adjustmentFen: 0,
    totalFen: 0,
    orderCount: 0,
    disputedCount: 0,
  };
  for (const l of lines) {
    if (l.kind === 'fee') {
      t.feeFen += l.amountFen;
      if (!isPartClaimLine(l)) t.orderCount++;
    } else if (l.kind === 'deduction') t.deductionFen += l.amountFen;
    else if (l.kind === 'bonus') t.bonusFen += l.amountFen;
    else t.adjustmentFen += l.amountFen;
    t.totalFen += l.amountFen;
    if (l.disputed) t.disputedCount++;
  }
  return t;
}
