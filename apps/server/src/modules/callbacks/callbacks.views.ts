import type { CallbackAnswers, CallbackTask } from '@anxin/contracts';
import type { QueueRow } from './callbacks.repository.ts';

export function taskView(r: QueueRow, now: Date, maxAttempts: number): CallbackTask {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    status: r.status,
    dueAt: r.due_at,
    overdue: r.status === 'open' && Date.parse(r.due_at) < now.getTime(),
    nextAttemptAt: r.next_attempt_at,
    attempts: r.attempts,
    maxAttempts,
    outcome: r.outcome,
    followUp: r.follow_up,
    answers: r.answers ? (JSON.parse(r.answers) as CallbackAnswers) : null,
    comment: r.comment,
    note: r.note,
    portalRated: r.portal_rated === 1,
    customerName: r.customer_name,
    outlet: r.outlet_id && r.outlet_name ? { id: r.outlet_id, name: r.outlet_name } : null,
    technician:
      r.technician_id && r.technician_name ? { id: r.technician_id, name: r.technician_name } : null,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    version: r.version,
  };
}
