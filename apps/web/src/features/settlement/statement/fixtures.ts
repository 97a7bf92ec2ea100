// Test data for the statement page's parts (used by tests only).
import type { StatementDetail, StatementLine } from '@anxin/contracts';

let seq = 0;
export function line(over: Partial<StatementLine> = {}): StatementLine {
  seq += 1;
  return {
    id: `line-${seq}`,
    seq,
    kind: 'fee',
    lineKey: `fee:o${seq}`,
    targetKey: null,
    orderId: `o${seq}`,
    orderNumber: `WX20261101-${String(seq).padStart(4, '0')}`,
    classification: null,
    complaintId: null,
    appealId: null,
    description: 'fee',
    rule: { orderType: 'repair' },
    amountFen: 12_000,
    disputed: false,
    disputeComment: null,
    reason: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

export function statement(lines: StatementLine[], over: Partial<StatementDetail> = {}): StatementDetail {
  const sum = (k: StatementLine['kind'][]) =>
    lines.filter((l) => k.includes(l.kind)).reduce((n, l) => n + l.amountFen, 0);
  return {
    id: 'st-1',
    number: 'JS-GD001-202611',
    outlet: { id: 'out-1', code: 'GD001', name: '广州天河服务中心' },
    month: '2026-11',
    status: 'draft',
    feeFen: sum(['fee']),
    deductionFen: sum(['deduction']),
    bonusFen: sum(['bonus']),
    adjustmentFen: sum(['adjustment', 'reversal']),
    totalFen: lines.reduce((n, l) => n + l.amountFen, 0),
    orderCount: new Set(lines.map((l) => l.orderId).filter(Boolean)).size,
    disputedCount: lines.filter((l) => l.disputed).length,
    generatedAt: '2026-12-01T00:00:00.000Z',
    paymentReference: null,
    version: 1,
    grade: 'B',
    coefficient: 1,
    scheduleVersion: 1,
    lines,
    allowed: [],
    canAdjust: false,
    history: [],
    ...over,
  };
}
