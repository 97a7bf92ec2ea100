import {
  IN_SERVICE_STATUSES,
  WORK_DONE_STATUSES,
  type FieldFlagView,
  type FieldJob,
  type FieldPhotoView,
  type FieldVisitView,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { computeWarranty, maskPhone } from '../customers/index.ts';
import type { FieldFlag, FieldPhoto, FieldVisit, JobRow, ProductFacts } from './fieldwork.repository.ts';

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

export function visitView(v: FieldVisit): FieldVisitView {
  return {
    id: v.id,
    departedAt: v.departedAt,
    arrivedAt: v.arrivedAt,
    arrival:
      v.arrivalLat !== null && v.arrivalLng !== null
        ? {
            lat: v.arrivalLat,
            lng: v.arrivalLng,
            accuracyM: v.arrivalAccuracyM,
            distanceM: v.arrivalDistanceM,
          }
        : null,
    startedAt: v.startedAt,
    diagnosis:
      v.findings !== null && v.diagnosedAt
        ? {
            faultCodeId: v.faultCodeId,
            symptomCodes: v.symptomCodes,
            findings: v.findings,
            at: v.diagnosedAt,
          }
        : null,
    work: v.workDone !== null && v.workedAt ? { workDone: v.workDone, parts: v.parts, at: v.workedAt } : null,
    result:
      v.outcome && v.outcomeAt ? { outcome: v.outcome, note: v.outcomeNote ?? '', at: v.outcomeAt } : null,
    completedAt: v.completedAt,
    completionMethod: v.completionMethod,
  };
}

export function photoView(p: FieldPhoto, urlBase: string): FieldPhotoView {
  return {
    id: p.id,
    kind: p.kind,
    contentType: p.contentType,
    sizeBytes: p.sizeBytes,
    sha256: p.sha256,
    stamp: p.stamp,
    url: `${urlBase}/${p.id}`,
    verifiedAt: p.verifiedAt,
    verifiedOk: p.verifiedOk,
    createdAt: p.createdAt,
  };
}

export const flagView = (f: FieldFlag): FieldFlagView => ({
  flag: f.flag,
  detail: f.detail,
  createdAt: f.createdAt,
});
