import type { Appeal, StatementLine, StatementSummary } from '@anxin/contracts';
import type { AppealListRow, LineRow, StatementListRow } from './settlement.repository.ts';

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

export function appealView(a: AppealListRow): Appeal {
  return {
    id: a.id,
    orderId: a.order_id,
    orderNumber: a.order_number,
    outlet: a.outlet_id ? { id: a.outlet_id, name: a.outlet_name ?? '' } : null,
    subject: a.subject,
    class: a.class,
    complaintId: a.complaint_id,
    lineId: a.line_id,
    reason: a.reason,
    evidenceText: a.evidence_text,
    attachmentIds: JSON.parse(a.attachment_ids) as string[],
    status: a.status,
    decisionReason: a.decision_reason,
    decidedAt: a.decided_at,
    restoredFen: a.restored_fen,
    createdBy: a.created_by,
    createdAt: a.created_at,
    version: a.version,
  };
}
