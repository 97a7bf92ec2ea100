import type { Appeal, StatementLine, StatementSummary } from '@anxin/contracts';
import type { AppealRecord, LineRow, StatementListRow } from './settlement.repository.ts';

export function summaryView(s: StatementListRow): StatementSummary {
  return {
    id: s.id,
    number: s.number,
    outlet: { id: s.outlet_id, code: s.outlet_code, name: s.outlet_name },
    month: s.month,
    status: s.status,
    feeFen: s.fee_fen,
    deductionFen: s.deduction_fen,
    bonusFen: s.bonus_fen,
    adjustmentFen: s.adjustment_fen,
    totalFen: s.total_fen,
    orderCount: s.order_count,
    disputedCount: s.disputed_count,
    generatedAt: s.generated_at,
    paymentReference: s.payment_reference,
    version: s.version,
  };
}

export function lineView(l: LineRow): StatementLine {
  return {
    id: l.id,
    seq: l.seq,
    kind: l.kind,
    lineKey: l.line_key,
    targetKey: l.target_key,
    orderId: l.order_id,
    orderNumber: l.order_number,
    classification: l.classification,
    complaintId: l.complaint_id,
    appealId: l.appeal_id,
    description: l.description,
    rule: JSON.parse(l.rule) as Record<string, unknown>,
    amountFen: l.amount_fen,
    disputed: l.disputed === 1,
    disputeComment: l.dispute_comment,
    reason: l.reason,
    createdAt: l.created_at,
  };
}

export function appealView(a: AppealRecord): Appeal {
  return {
    id: a.id,
    orderId: a.orderId,
    orderNumber: a.orderNumber,
    outlet: a.outletId ? { id: a.outletId, name: a.outletName ?? '' } : null,
    subject: a.subject,
    class: a.class,
    complaintId: a.complaintId,
    lineId: a.lineId,
    reason: a.reason,
    evidenceText: a.evidenceText,
    attachmentIds: a.attachmentIds,
    status: a.status,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt,
    restoredFen: a.restoredFen,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    version: a.version,
  };
}
