import type { Appeal, StatementLine, StatementSummary } from '@anxin/contracts';
import type { AppealRecord, StatementLineRecord, StatementWithOutlet } from './settlement.repository.ts';

export function summaryView(s: StatementWithOutlet): StatementSummary {
  return {
    id: s.id,
    number: s.number,
    outlet: { id: s.outletId, code: s.outletCode, name: s.outletName },
    month: s.month,
    status: s.status,
    feeFen: s.feeFen,
    deductionFen: s.deductionFen,
    bonusFen: s.bonusFen,
    adjustmentFen: s.adjustmentFen,
    totalFen: s.totalFen,
    orderCount: s.orderCount,
    disputedCount: s.disputedCount,
    generatedAt: s.generatedAt,
    paymentReference: s.paymentReference,
    version: s.version,
  };
}

export function lineView(l: StatementLineRecord): StatementLine {
  return {
    id: l.id,
    seq: l.seq,
    kind: l.kind,
    lineKey: l.lineKey,
    targetKey: l.targetKey,
    orderId: l.orderId,
    orderNumber: l.orderNumber,
    classification: l.classification,
    complaintId: l.complaintId,
    appealId: l.appealId,
    description: l.description,
    rule: l.rule,
    amountFen: l.amountFen,
    disputed: l.disputed,
    disputeComment: l.disputeComment,
    reason: l.reason,
    createdAt: l.createdAt,
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
