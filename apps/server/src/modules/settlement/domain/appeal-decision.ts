import type { StatementStatus } from '@anxin/contracts';
import { CLASS_ZH } from './labels.ts';
import { isLocked } from './lifecycle.ts';

/**
 * The money rules of an appeal decision, pure: the use case (appeals.ts) loads the appeal and the
 * statement lines that carry the appealed key, calls `decideAppealMoney`, then writes the plan —
 * exclusion, reversal lines, carry-overs and credit lines — with the decision in one transaction.
 *
 * Upheld: the grade input is excluded and the money comes back, per statement that still holds
 * some of it: a reversal line on that statement while it is unlocked, or a credit carried to the
 * outlet's next open statement when it is approved or paid. Rejected: nothing moves.
 */

export type AppealDecisionKind = 'upheld' | 'rejected';

/** What is decided, from the appeal. */
export interface AppealUnderDecision {
  orderId: string;
  outletId: string | null;
  /** The appealed order class; ignored when a complaint is appealed. */
  class: string | null;
  complaintId: string | null;
}

/** A statement line carrying the appealed key (its own line_key or the target_key it corrects). */
export interface KeyedLine {
  statementId: string;
  statementStatus: StatementStatus;
  statementMonth: string;
  /** The generated line's key; null on adjustments and reversals (which set target_key). */
  lineKey: string | null;
  /** Signed integer fen: deductions negative, corrections in the outlet's favour positive. */
  amountFen: number;
}

export type MoneyMove =
  | {
      kind: 'reversal';
      /** The unlocked statement the reversal line goes on. */
      statementId: string;
      amountFen: number;
      description: string;
    }
  | {
      kind: 'credit';
      /** The locked statement the money was deducted on; the credit goes to a later open one. */
      sourceStatementId: string;
      sourceMonth: string;
      amountFen: number;
      description: string;
    };

export interface AppealMoneyPlan {
  /** The grade input removed by an upheld appeal (grading_exclusions), or null. */
  exclusion: { orderId: string; class: string; complaintId: string } | null;
  /** The line key the money is tracked under: `complaint:<id>` or `class:<orderId>:<class>`. */
  targetKey: string;
  /** The order class of the lines written ('complaint' for a complaint). */
  class: string;
  moves: MoneyMove[];
  /** Sum of the moves' amounts, integer fen, never negative. */
  restoredFen: number;
}

/** The key the generator gives the deduction of an order class or of a complaint. */
export function appealTargetKey(a: AppealUnderDecision): { key: string; cls: string } {
  if (a.complaintId) return { key: `complaint:${a.complaintId}`, cls: 'complaint' };
  const cls = a.class ?? '';
  return { key: `class:${a.orderId}:${cls}`, cls };
}

/**
 * What money moves for a decision. Per statement the amount restored is what is still deducted
 * there (the deduction plus whatever already corrected it, e.g. finance's adjustment or an earlier
 * reversal), capped at the original deduction of that statement: a partly corrected deduction
 * returns only the rest, a fully corrected one nothing, and an appeal never pays back more than was
 * deducted. Statement order follows the input (month, then line order).
 */
export function decideAppealMoney(
  decision: AppealDecisionKind,
  appeal: AppealUnderDecision,
  lines: readonly KeyedLine[],
): AppealMoneyPlan {
  const { key, cls } = appealTargetKey(appeal);
  if (decision === 'rejected')
    return { exclusion: null, targetKey: key, class: cls, moves: [], restoredFen: 0 };
  const exclusion = { orderId: appeal.orderId, class: cls, complaintId: appeal.complaintId ?? '' };
  // Without an outlet nothing was ever deducted from anyone.
  if (!appeal.outletId) return { exclusion, targetKey: key, class: cls, moves: [], restoredFen: 0 };

  const byStatement = new Map<
    string,
    { net: number; deducted: number; status: StatementStatus; month: string }
  >();
  for (const l of lines) {
    const e = byStatement.get(l.statementId) ?? {
      net: 0,
      deducted: 0,
      status: l.statementStatus,
      month: l.statementMonth,
    };
    e.net += l.amountFen;
    if (l.lineKey === key) e.deducted += l.amountFen;
    byStatement.set(l.statementId, e);
  }
  const label = CLASS_ZH[cls] ?? cls;
  const moves: MoneyMove[] = [];
  for (const [statementId, e] of byStatement) {
    const amountFen = Math.min(-e.net, -e.deducted);
    if (amountFen <= 0) continue;
    moves.push(
      isLocked(e.status)
        ? {
            kind: 'credit',
            sourceStatementId: statementId,
            sourceMonth: e.month,
            amountFen,
            description: `申诉补发：${label}（${e.month}）`,
          }
        : { kind: 'reversal', statementId, amountFen, description: `申诉冲回：${label}` },
    );
  }
  return {
    exclusion,
    targetKey: key,
    class: cls,
    moves,
    restoredFen: moves.reduce((s, m) => s + m.amountFen, 0),
  };
}
