import type { WorkOrderDetail, WorkOrderSummary } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { listStream } from '../../platform/events/append.ts';
import { maskPhone } from '../../platform/notify/sms.ts';
import type { ClockView, SlaService } from '../sla/index.ts';
import { allowedNext, type ActorRelation } from './domain/lifecycle.ts';
import type { WorkOrderRow, WorkOrdersRepository } from './workorders.repository.ts';

type Customers = Awaited<ReturnType<WorkOrdersRepository['customersByIds']>>;
type Products = Awaited<ReturnType<WorkOrdersRepository['productsByIds']>>;

export function relationOf(
  actor: Actor,
  o: Pick<WorkOrderRow, 'outlet_id' | 'technician_user_id'>,
): ActorRelation {
  return {
    roles: actor.roles,
    managesOrderOutlet:
      actor.roles.includes('outlet_manager') && !!o.outlet_id && actor.scope.outletId === o.outlet_id,
    isAssignedTechnician: !!o.technician_user_id && o.technician_user_id === actor.userId,
  };
}

export function toSummary(r: WorkOrderRow, customers: Customers, products: Products): WorkOrderSummary {
  const c = customers.get(r.customer_id);
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    channel: r.channel,
    urgency: r.urgency,
    customer: c ? { id: c.id, name: c.name, tier: c.tier } : null,
    product: (r.product_id && products.get(r.product_id)) || null,
    districtCode: r.district_code,
    outletId: r.outlet_id,
    technicianId: r.technician_id,
    appointment:
      r.appointment_start && r.appointment_end
        ? { start: r.appointment_start, end: r.appointment_end }
        : null,
    slaState: r.sla_state,
    slaDueAt: r.sla_due_at,
    escalationTier: r.escalation_tier,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** Summaries for a page: one query per related table, however long the page. */
export async function summaries(
  repo: WorkOrdersRepository,
  rows: readonly WorkOrderRow[],
): Promise<WorkOrderSummary[]> {
  const [customers, products] = await Promise.all([
    repo.customersByIds(rows.map((r) => r.customer_id)),
    repo.productsByIds(rows.map((r) => r.product_id)),
  ]);
  return rows.map((r) => toSummary(r, customers, products));
}

export interface DetailParts {
  customers: Customers;
  products: Products;
  outlet: { id: string; name: string } | null;
  technician: { id: string; name: string } | null;
  clocks: ClockView[];
  timeline: WorkOrderDetail['timeline'];
  attachments: WorkOrderDetail['attachments'];
}

export async function detailOf(
  repo: WorkOrdersRepository,
  sla: SlaService,
  actor: Actor,
  r: WorkOrderRow,
): Promise<WorkOrderDetail> {
  const [customers, products, outlets, tech, clocks, events, attachments] = await Promise.all([
    repo.customersByIds([r.customer_id]),
    repo.productsByIds([r.product_id]),
    repo.outletsByIds([r.outlet_id]),
    r.technician_id ? repo.technician(r.technician_id) : Promise.resolve(undefined),
    sla.clocksOf(r.id),
    listStream(repo.db, 'work_order', r.id),
    repo.attachmentsOf(r.id),
  ]);
  return buildDetail(actor, r, {
    customers,
    products,
    outlet: (r.outlet_id && outlets.get(r.outlet_id)) || null,
    technician: tech ? { id: tech.id, name: tech.name } : null,
    clocks,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      actorId: e.actorId,
      actorKind: e.actorKind,
      at: e.occurredAt,
      from: e.from,
      to: e.to,
      reason: e.reason,
      data: e.data,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      createdAt: a.created_at,
    })),
  });
}

/** The detail view from parts already at hand (create builds it without reading back). */
export function buildDetail(actor: Actor, r: WorkOrderRow, p: DetailParts): WorkOrderDetail {
  const phone = actor.permissions.has('customer:phone_unmasked')
    ? r.contact_phone
    : maskPhone(r.contact_phone);
  return {
    ...toSummary(r, p.customers, p.products),
    faultDescription: r.fault_description,
    faultCodeId: r.fault_code_id,
    symptomCodes: JSON.parse(r.symptom_codes) as string[],
    contactName: r.contact_name,
    contactPhone: phone,
    address: r.address,
    preferredWindows: JSON.parse(r.preferred_windows) as WorkOrderDetail['preferredWindows'],
    remoteGuidance: r.remote_guidance,
    cancelReason: r.cancel_reason,
    linkedRef: r.linked_ref,
    completedAt: r.completed_at,
    closedAt: r.closed_at,
    outlet: p.outlet,
    technician: p.technician,
    allowedTransitions: allowedNext(r.status, relationOf(actor, r)),
    sla: p.clocks,
    timeline: p.timeline,
    attachments: p.attachments,
  };
}
