import type { StatementDetail, StatementLine } from '@anxin/contracts';

/** What the viewer may do with one line of a statement (pure: the page's buttons follow it). */
export interface LineActions {
  dispute: boolean;
  adjust: boolean;
  appeal: boolean;
}

/** Corrections (adjustments, reversals) are finance's own lines: they are not disputed. */
const DISPUTABLE = (l: StatementLine) => l.kind !== 'adjustment' && l.kind !== 'reversal';
const ADJUSTABLE = new Set<StatementLine['kind']>(['fee', 'deduction', 'bonus', 'credit']);

export function lineActions(
  s: Pick<StatementDetail, 'allowed' | 'canAdjust'>,
  l: StatementLine,
  canAppeal: boolean,
): LineActions {
  return {
    dispute: s.allowed.includes('disputed') && DISPUTABLE(l),
    adjust: s.canAdjust && ADJUSTABLE.has(l.kind),
    appeal: canAppeal && l.kind === 'deduction' && !!l.orderId,
  };
}

/** A line's amount after the adjustments and reversals that target it, in fen. */
export function effectiveAmountFen(lines: readonly StatementLine[], line: StatementLine): number {
  return (
    line.amountFen +
    lines
      .filter((l) => l.targetKey === line.lineKey && (l.kind === 'adjustment' || l.kind === 'reversal'))
      .reduce((n, l) => n + l.amountFen, 0)
  );
}

/** Disputes being drafted: line id → comment. Toggling a line adds it (empty) or drops it. */
export type DisputeDraft = Record<string, string>;

export function toggleDispute(draft: DisputeDraft, lineId: string): DisputeDraft {
  const next = { ...draft };
  if (lineId in next) delete next[lineId];
  else next[lineId] = '';
  return next;
}

/** Every chosen line has a non-blank comment: the dispute may be sent. */
export function disputeReady(lines: readonly StatementLine[], draft: DisputeDraft): boolean {
  return lines.length > 0 && lines.every((l) => (draft[l.id] ?? '').trim().length > 0);
}
