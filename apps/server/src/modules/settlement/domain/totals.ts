import type { StatementLineKind } from '@anxin/contracts';

export interface TotalsInput {
  kind: StatementLineKind;
  amountFen: number;
  disputed: boolean;
}

export interface StatementTotals {
  fee_fen: number;
  deduction_fen: number;
  bonus_fen: number;
  adjustment_fen: number;
  total_fen: number;
  order_count: number;
  disputed_count: number;
}

/** Kinds the generator writes (and rewrites on regeneration); the rest are finance's or appeals'. */
export const GENERATED_KINDS: readonly StatementLineKind[] = ['fee', 'deduction', 'bonus', 'credit'];
export const isGenerated = (k: StatementLineKind): boolean => GENERATED_KINDS.includes(k);

/** Totals are plain integer sums of the lines (rounding happened once, per line). */
export function totalsOf(lines: readonly TotalsInput[]): StatementTotals {
  const t: StatementTotals = {
    fee_fen: 0,
    deduction_fen: 0,
    bonus_fen: 0,
    adjustment_fen: 0,
    total_fen: 0,
    order_count: 0,
    disputed_count: 0,
  };
  for (const l of lines) {
    if (l.kind === 'fee') {
      t.fee_fen += l.amountFen;
      t.order_count++;
    } else if (l.kind === 'deduction') t.deduction_fen += l.amountFen;
    else if (l.kind === 'bonus') t.bonus_fen += l.amountFen;
    else t.adjustment_fen += l.amountFen;
    t.total_fen += l.amountFen;
    if (l.disputed) t.disputed_count++;
  }
  return t;
}
