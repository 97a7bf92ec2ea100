import type { CallbackTask } from '@anxin/contracts';
import type { QueuedTask } from './callbacks.repository.ts';

export function taskView(t: QueuedTask, now: Date, maxAttempts: number): CallbackTask {
  return {
    id: t.id,
    orderId: t.orderId,
    orderNumber: t.orderNumber,
    status: t.status,
    dueAt: t.dueAt,
    overdue: t.status === 'open' && Date.parse(t.dueAt) < now.getTime(),
    nextAttemptAt: t.nextAttemptAt,
    attempts: t.attempts,
    maxAttempts,
    outcome: t.outcome,
    followUp: t.followUp,
    answers: t.answers,
    comment: t.comment,
    note: t.note,
    portalRated: t.portalRated,
    customerName: t.customerName,
    outlet: t.outletId && t.outletName ? { id: t.outletId, name: t.outletName } : null,
    technician: t.technicianId && t.technicianName ? { id: t.technicianId, name: t.technicianName } : null,
    createdAt: t.createdAt,
    closedAt: t.closedAt,
    version: t.version,
  };
}
