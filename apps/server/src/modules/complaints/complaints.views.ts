import type { Capa, Complaint } from '@anxin/contracts';
import type { CapaRecord, ComplaintWithNames } from './domain/types.ts';
import { OPEN_STATUSES } from './domain/lifecycle.ts';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
const past = (due: string | null, now: Date) => !!due && Date.parse(due) < now.getTime();

export function complaintView(r: ComplaintWithNames, now: Date): Complaint {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    severity: r.severity,
    status: r.status,
    summary: r.summary,
    description: r.description,
    order: r.orderId ? { id: r.orderId, number: r.orderNumber ?? r.orderId } : null,
    customer: ref(r.customerId, r.customerName),
    outlet: ref(r.outletId, r.outletName),
    technician: ref(r.technicianId, r.technicianName),
    rootCause: r.rootCause,
    responsibility: r.responsibility,
    responsibleDepartment: r.responsibleDepartment,
    responsibleOutlet: ref(r.responsibleOutletId, r.responsibleOutletName),
    responsibleTechnician: ref(r.responsibleTechnicianId, r.responsibleTechnicianName),
    responsiblePerson: r.responsiblePerson,
    causeIsAttitude: r.causeIsAttitude,
    findings: r.findings,
    remedy: r.remedy,
    verdict: r.verdict,
    verdictNote: r.verdictNote,
    reopenCount: r.reopenCount,
    openedAt: r.openedAt,
    acknowledgeDueAt: r.acknowledgeDueAt,
    acknowledgedAt: r.acknowledgedAt,
    resolveDueAt: r.resolveDueAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    acknowledgeOverdue: r.status === 'registered' && past(r.acknowledgeDueAt, now),
    resolveOverdue: OPEN_STATUSES.includes(r.status) && past(r.resolveDueAt, now),
    capaOverdue: r.capaOverdue,
    version: r.version,
  };
}

/** `today` is the Shanghai business date: an open action due before it is overdue. */
export function capaView(r: CapaRecord, today: string): Capa {
  return {
    id: r.id,
    kind: r.kind,
    action: r.action,
    owner: r.owner,
    dueOn: r.dueOn,
    status: r.status,
    overdue: r.status === 'open' && r.dueOn < today,
    note: r.note,
    doneAt: r.doneAt,
    verifiedAt: r.verifiedAt,
    createdAt: r.createdAt,
    version: r.version,
  };
}
