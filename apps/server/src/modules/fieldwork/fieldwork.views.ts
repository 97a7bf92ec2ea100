import {
  IN_SERVICE_STATUSES,
  WORK_DONE_STATUSES,
  type FieldFlagView,
  type FieldJob,
  type FieldPhotoView,
  type FieldVisitView,
  type PartUsed,
  type PhotoStamp,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { computeWarranty, maskPhone } from '../customers/index.ts';
import type { FieldFlagsTable, FieldPhotosTable, FieldVisitsTable } from './fieldwork.schema.ts';
import type { JobRow, ProductFacts } from './fieldwork.repository.ts';

const UNDER_WAY = new Set<string>(IN_SERVICE_STATUSES);
const DONE = new Set<string>(WORK_DONE_STATUSES);

export function bucketOf(r: JobRow, today: string): FieldJob['bucket'] {
  if (DONE.has(r.status)) return 'done';
  if (UNDER_WAY.has(r.status) || !r.appointment_start) return 'today';
  return businessDateOf(new Date(r.appointment_start)) <= today ? 'today' : 'upcoming';
}

export function jobView(
  actor: Actor,
  r: JobRow,
  products: Map<string, ProductFacts>,
  today: string,
): FieldJob {
  const p = r.product_id ? products.get(r.product_id) : undefined;
  const warranty = p
    ? computeWarranty(
        p.unit_warranty_months === null
          ? null
          : {
              unitWarrantyMonths: p.unit_warranty_months,
              mainPartsWarrantyMonths: p.main_parts_warranty_months ?? p.unit_warranty_months,
            },
        { purchaseDate: p.purchase_date, installDate: p.install_date },
        today,
      ).status
    : 'unknown';
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    urgency: r.urgency,
    bucket: bucketOf(r, today),
    appointment:
      r.appointment_start && r.appointment_end
        ? { start: r.appointment_start, end: r.appointment_end }
        : null,
    customerName: r.customer_name ?? r.contact_name,
    contactName: r.contact_name,
    contactPhone: actor.permissions.has('customer:phone_unmasked')
      ? r.contact_phone
      : maskPhone(r.contact_phone),
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    product: p
      ? {
          id: p.id,
          brand: p.brand,
          modelName: p.model_name,
          serial: p.serial,
          categoryCode: p.category_code,
          warrantyStatus: warranty,
        }
      : null,
    categoryCode: r.category_code,
    faultDescription: r.fault_description,
    faultCodeId: r.fault_code_id,
    slaState: r.sla_state,
    slaDueAt: r.sla_due_at,
    version: r.version,
  };
}

/** Appointment order; jobs without an appointment last (they still need one). */
export function byAppointment(a: FieldJob, b: FieldJob): number {
  const x = a.appointment?.start ?? '~';
  const y = b.appointment?.start ?? '~';
  return x < y ? -1 : x > y ? 1 : a.number.localeCompare(b.number);
}

export function visitView(v: FieldVisitsTable): FieldVisitView {
  return {
    id: v.id,
    departedAt: v.departed_at,
    arrivedAt: v.arrived_at,
    arrival:
      v.arrival_lat !== null && v.arrival_lng !== null
        ? {
            lat: v.arrival_lat,
            lng: v.arrival_lng,
            accuracyM: v.arrival_accuracy_m,
            distanceM: v.arrival_distance_m,
          }
        : null,
    startedAt: v.started_at,
    diagnosis:
      v.findings !== null && v.diagnosed_at
        ? {
            faultCodeId: v.fault_code_id,
            symptomCodes: JSON.parse(v.symptom_codes) as string[],
            findings: v.findings,
            at: v.diagnosed_at,
          }
        : null,
    work:
      v.work_done !== null && v.worked_at
        ? { workDone: v.work_done, parts: JSON.parse(v.parts) as PartUsed[], at: v.worked_at }
        : null,
    result:
      v.outcome && v.outcome_at ? { outcome: v.outcome, note: v.outcome_note ?? '', at: v.outcome_at } : null,
    completedAt: v.completed_at,
    completionMethod: v.completion_method,
  };
}

export function photoView(p: FieldPhotosTable, urlBase: string): FieldPhotoView {
  return {
    id: p.id,
    kind: p.kind,
    contentType: p.content_type,
    sizeBytes: p.size_bytes,
    sha256: p.sha256,
    stamp: JSON.parse(p.stamp) as PhotoStamp,
    url: `${urlBase}/${p.id}`,
    verifiedAt: p.verified_at,
    verifiedOk: p.verified_ok === null ? null : p.verified_ok === 1,
    createdAt: p.created_at,
  };
}

export const flagView = (f: FieldFlagsTable): FieldFlagView => ({
  flag: f.flag,
  detail: JSON.parse(f.detail) as Record<string, unknown>,
  createdAt: f.created_at,
});
