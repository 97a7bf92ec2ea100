import type { Capa, Complaint } from '@anxin/contracts';
import type { CapaRow, ComplaintRow } from './complaints.repository.ts';
import { OPEN_STATUSES } from './domain/lifecycle.ts';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
const past = (due: string | null, now: Date) => !!due && Date.parse(due) < now.getTime();

export function complaintView(r: ComplaintRow, now: Date): Complaint {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    severity: r.severity,
    status: r.status,
    summary: r.summary,
    description: r.description,
    order: r.order_id ? { id: r.order_id, number: r.order_number ?? r.order_id } : null,
    customer: ref(r.customer_id, r.customer_name),
    outlet: ref(r.outlet_id, r.outlet_name),
    technician: ref(r.technician_id, r.technician_name),
    rootCause: r.root_cause,
    responsibility: r.responsibility,
    responsibleDepartment: r.responsible_department,
    responsibleOutlet: ref(r.responsible_outlet_id, r.responsible_outlet_name),
    responsibleTechnician: ref(r.responsible_technician_id, r.responsible_technician_name),
    responsiblePerson: r.responsible_person,
    causeIsAttitude: r.cause_is_attitude === 1,
    findings: r.findings,
    remedy: r.remedy,
    verdict: r.verdict,
    verdictNote: r.verdict_note,
    reopenCount: r.reopen_count,
    openedAt: r.opened_at,
    acknowledgeDueAt: r.acknowledge_due_at,
    acknowledgedAt: r.acknowledged_at,
    resolveDueAt: r.resolve_due_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    acknowledgeOverdue: r.status === 'registered' && past(r.acknowledge_due_at, now),
    resolveOverdue: OPEN_STATUSES.includes(r.status) && past(r.resolve_due_at, now),
    capaOverdue: r.capa_overdue,
    version: r.version,
  };
}

/** `today` is the Shanghai business date: an open action due before it is overdue. */
export function capaView(r: CapaRow, today: string): Capa {
  return {
    id: r.id,
    kind: r.kind,
    action: r.action,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    overdue: r.status === 'open' && r.due_on < today,
    note: r.note,
    doneAt: r.done_at,
    verifiedAt: r.verified_at,
    createdAt: r.created_at,
    version: r.version,
  };
}
