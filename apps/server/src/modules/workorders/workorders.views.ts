import { redoOf } from './domain/redo.ts';
import type { WorkOrderDetail, WorkOrderSummary } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { listStream } from '../../platform/events/append.ts';
import { userNames } from '../identity/index.ts';
import { maskPhone } from '../../platform/notify/sms.ts';
import type { ClockView, SlaService } from '../sla/index.ts';
import { allowedNext, type ActorRelation } from './domain/lifecycle.ts';
import type { WorkOrdersRepository } from './workorders.repository.ts';
import type { WorkOrder } from './domain/work-order.ts';

type Customers = Awaited<ReturnType<WorkOrdersRepository['customersByIds']>>;
type Products = Awaited<ReturnType<WorkOrdersRepository['productsByIds']>>;

export function relationOf(actor: Actor, o: Pick<WorkOrder, 'outletId' | 'technicianUserId'>): ActorRelation {
  return {
    roles: actor.roles,
    managesOrderOutlet:
      actor.roles.includes('outlet_manager') && !!o.outletId && actor.scope.outletId === o.outletId,
    isAssignedTechnician: !!o.technicianUserId && o.technicianUserId === actor.userId,
  };
}

export function toSummary(r: WorkOrder, customers: Customers, products: Products): WorkOrderSummary {
  const c = customers.get(r.customerId);
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    channel: r.channel,
    urgency: r.urgency,
    customer: c ? { id: c.id, name: c.name, tier: c.tier } : null,
    product: (r.productId && products.get(r.productId)) || null,
    districtCode: r.districtCode,
    outletId: r.outletId,
    technicianId: r.technicianId,
    appointment:
      r.appointmentStart && r.appointmentEnd ? { start: r.appointmentStart, end: r.appointmentEnd } : null,
    slaState: r.slaState,
    slaDueAt: r.slaDueAt,
    escalationTier: r.escalationTier,
    createdAt: r.createdAt,
    version: r.version,
  };
}

/** Summaries for a page: one query per related table, however long the page. */
export async function summaries(
  repo: WorkOrdersRepository,
  rows: readonly WorkOrder[],
): Promise<WorkOrderSummary[]> {
  const [customers, products] = await Promise.all([
    repo.customersByIds(rows.map((r) => r.customerId)),
    repo.productsByIds(rows.map((r) => r.productId)),
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

/** What the detail names beside the order, when already read with it (findDetailInScope). */
export interface DetailNames {
  customer: { id: string; name: string; tier: string } | null;
  product: { id: string; serial: string; brand: string; categoryCode: string } | null;
  outlet: { id: string; name: string } | null;
  technician: { id: string; name: string } | null;
}

export async function detailOf(
  repo: WorkOrdersRepository,
  sla: SlaService,
  actor: Actor,
  r: WorkOrder,
  names?: DetailNames,
): Promise<WorkOrderDetail> {
  const [customers, products, outlets, tech, clocks, events, attachments] = await Promise.all([
    names
      ? new Map(names.customer ? [[names.customer.id, names.customer]] : [])
      : repo.customersByIds([r.customerId]),
    names
      ? new Map(names.product ? [[names.product.id, names.product]] : [])
      : repo.productsByIds([r.productId]),
    names ? new Map(names.outlet ? [[names.outlet.id, names.outlet]] : []) : repo.outletsByIds([r.outletId]),
    names ? (names.technician ?? undefined) : r.technicianId ? repo.technician(r.technicianId) : undefined,
    sla.clocksOf(r.id),
    listStream(repo.db, 'work_order', r.id),
    repo.attachmentsOf(r.id),
  ]);
  // Whoever may see the order sees who acted on it by name (not "员工 …4abec7").
  const staff = await userNames(
    repo.db,
    events.filter((e) => e.actorKind === 'user' && e.actorId).map((e) => e.actorId!),
  );
  return buildDetail(actor, r, {
    customers,
    products,
    outlet: (r.outletId && outlets.get(r.outletId)) || null,
    technician: tech ? { id: tech.id, name: tech.name } : null,
    clocks,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      actorId: e.actorId,
      actorKind: e.actorKind,
      actorName: (e.actorKind === 'user' && e.actorId && staff.get(e.actorId)) || null,
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

/** 返修 / 重新打开 of one order from its own stream (the field job card shows it too). */
export async function redoInfoOf(repo: WorkOrdersRepository, orderId: string) {
  const events = await listStream(repo.db, 'work_order', orderId);
  const completions = events.filter((e) => e.to === 'completed' && e.actorKind === 'user' && e.actorId);
  const names = await userNames(
    repo.db,
    completions.map((e) => e.actorId!),
  );
  return redoOf(
    events.map((e) => ({
      from: e.from,
      to: e.to,
      reason: e.reason,
      at: e.occurredAt,
      actorName: (e.actorKind === 'user' && e.actorId && names.get(e.actorId)) || null,
      data: e.data,
    })),
  );
}

/** The detail view from parts already at hand (create builds it without reading back). */
export function buildDetail(actor: Actor, r: WorkOrder, p: DetailParts): WorkOrderDetail {
  const phone = actor.permissions.has('customer:phone_unmasked') ? r.contactPhone : maskPhone(r.contactPhone);
  return {
    ...toSummary(r, p.customers, p.products),
    faultDescription: r.faultDescription,
    faultCodeId: r.faultCodeId,
    symptomCodes: r.symptomCodes,
    contactName: r.contactName,
    contactPhone: phone,
    address: r.address,
    preferredWindows: r.preferredWindows,
    remoteGuidance: r.remoteGuidance,
    knowledgeArticleId: r.knowledgeArticleId,
    cancelReason: r.cancelReason,
    linkedRef: r.linkedRef,
    completedAt: r.completedAt,
    closedAt: r.closedAt,
    outlet: p.outlet,
    technician: p.technician,
    allowedTransitions: allowedNext(r.status, relationOf(actor, r)),
    sla: p.clocks,
    timeline: p.timeline,
    attachments: p.attachments,
    redo: redoOf(p.timeline),
  };
}
