import type {
  InstalledProduct,
  PortalOrderDetail,
  PortalOrderSummary,
  PortalProduct,
  PortalTimelineEntry,
  TimeWindow,
  WorkOrderDetail,
  WorkOrderStatusName,
  WorkOrderSummary,
} from '@anxin/contracts';
import { APPOINTABLE_STATUSES, PORTAL_CANCELLABLE_STATUSES } from '@anxin/contracts';
import { WORKORDER_EVENTS } from '../workorders/workorders.events.ts';

/**
 * Customer-safe views. Built by allow-list: only the fields named here leave the server, so a new
 * internal field on the staff view (notes, outlet, staff phones, SLA) never leaks by default.
 */
export function productView(p: InstalledProduct): PortalProduct {
  return {
    id: p.id,
    modelId: p.modelId,
    modelCode: p.modelCode,
    modelName: p.modelName,
    brand: p.brand,
    categoryCode: p.categoryCode,
    serial: p.serial,
    purchaseDate: p.purchaseDate,
    invoiceNo: p.invoiceNo,
    warranty: p.warranty,
  };
}

export function summaryView(o: WorkOrderSummary): PortalOrderSummary {
  return {
    id: o.id,
    number: o.number,
    type: o.type,
    status: o.status,
    product: o.product,
    appointment: o.appointment,
    createdAt: o.createdAt,
    version: o.version,
  };
}

const asWindow = (v: unknown): TimeWindow | null => {
  const w = v as { start?: unknown; end?: unknown } | null | undefined;
  return w && typeof w.start === 'string' && typeof w.end === 'string'
    ? { start: w.start, end: w.end }
    : null;
};

export const APPOINTMENT_CONFIRMED = WORKORDER_EVENTS.type.appointment_confirmed;

/** Staff-side events become a short customer timeline; everything else is left out. */
export function timelineView(events: WorkOrderDetail['timeline']): PortalTimelineEntry[] {
  const out: PortalTimelineEntry[] = [];
  for (const e of events) {
    const byCustomer = e.actorKind === 'customer';
    const base = { id: e.id, at: e.at, byCustomer, to: null, window: null, reason: null } as const;
    switch (e.type) {
      case WORKORDER_EVENTS.type.created:
        out.push({ ...base, kind: 'created', to: 'new' });
        break;
      case WORKORDER_EVENTS.type.transitioned:
        out.push({
          ...base,
          kind: 'status',
          to: (e.to as WorkOrderStatusName | null) ?? null,
          window: e.to === 'scheduled' ? asWindow(e.data.appointment) : null,
          reason: byCustomer ? e.reason : null,
        });
        break;
      case WORKORDER_EVENTS.type.appointment_set:
        out.push({ ...base, kind: 'appointment_set', window: asWindow(e.data.after) });
        break;
      case WORKORDER_EVENTS.type.rescheduled:
        out.push({
          ...base,
          kind: 'rescheduled',
          window: asWindow(e.data.after),
          reason: byCustomer ? e.reason : null,
        });
        break;
      case APPOINTMENT_CONFIRMED:
        out.push({ ...base, kind: 'appointment_confirmed', window: asWindow(e.data.window) });
        break;
      case WORKORDER_EVENTS.type.attachment_added:
        // One entry per upload batch, not per photo.
        if (byCustomer && out.at(-1)?.kind !== 'photo_added') out.push({ ...base, kind: 'photo_added' });
        break;
    }
  }
  return out;
}

/** The agreed window is confirmed when the customer's latest confirmation names that very window. */
export function isConfirmed(
  timeline: readonly PortalTimelineEntry[],
  appointment: TimeWindow | null,
): boolean {
  if (!appointment) return false;
  const last = timeline.filter((t) => t.window).at(-1);
  return (
    last?.kind === 'appointment_confirmed' &&
    last.window!.start === appointment.start &&
    last.window!.end === appointment.end
  );
}

const inList = (list: readonly string[], s: string) => list.includes(s);

export function detailView(o: WorkOrderDetail): PortalOrderDetail {
  const timeline = timelineView(o.timeline);
  const confirmed = isConfirmed(timeline, o.appointment);
  const appointable = inList(APPOINTABLE_STATUSES, o.status) && !!o.appointment;
  const cancelledByCustomer = timeline.some(
    (t) => t.kind === 'status' && t.to === 'cancelled' && t.byCustomer,
  );
  return {
    ...summaryView(o),
    faultDescription: o.faultDescription,
    preferredWindows: o.preferredWindows,
    technicianName: o.technician?.name ?? null,
    cancelReason: cancelledByCustomer ? o.cancelReason : null,
    appointmentConfirmed: confirmed,
    photoCount: customerPhotoIds(o).length,
    photos: o.attachments
      .filter((a) => customerPhotoIds(o).includes(a.id))
      .map((a) => ({ id: a.id, filename: a.filename })),
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    address: o.address,
    actions: {
      confirm: appointable && !confirmed,
      reschedule: appointable,
      cancel: inList(PORTAL_CANCELLABLE_STATUSES, o.status),
    },
    timeline,
  };
}

/** The attachments the customer added (staff photos and documents are not shown in the portal). */
export function customerPhotoIds(o: WorkOrderDetail): string[] {
  return o.timeline
    .filter((e) => e.type === WORKORDER_EVENTS.type.attachment_added && e.actorKind === 'customer')
    .map((e) => String((e.data as { attachmentId?: unknown }).attachmentId ?? ''))
    .filter(Boolean);
}
