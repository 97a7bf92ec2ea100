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
import type { FieldFlag, FieldPhoto, FieldVisit, AssignedJob, ProductFacts } from './fieldwork.repository.ts';

const UNDER_WAY = new Set<string>(IN_SERVICE_STATUSES);
const DONE = new Set<string>(WORK_DONE_STATUSES);

export function bucketOf(r: AssignedJob, today: string): FieldJob['bucket'] {
  if (DONE.has(r.status)) return 'done';
  if (UNDER_WAY.has(r.status) || !r.appointmentStart) return 'today';
  return businessDateOf(new Date(r.appointmentStart)) <= today ? 'today' : 'upcoming';
}

export function jobView(
  actor: Actor,
  r: AssignedJob,
  products: Map<string, ProductFacts>,
  today: string,
  statuses: Map<string, string> = new Map(),
): FieldJob {
  const p = r.productId ? products.get(r.productId) : undefined;
  // The 三包 engine's status when modules.ts bound it; the catalogue months otherwise.
  const engine = r.productId ? statuses.get(r.productId) : undefined;
  const warranty = engine
    ? engine
    : p
      ? computeWarranty(
          p.unitWarrantyMonths === null
            ? null
            : {
                unitWarrantyMonths: p.unitWarrantyMonths,
                mainPartsWarrantyMonths: p.mainPartsWarrantyMonths ?? p.unitWarrantyMonths,
              },
          { purchaseDate: p.purchaseDate, installDate: p.installDate },
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
      r.appointmentStart && r.appointmentEnd ? { start: r.appointmentStart, end: r.appointmentEnd } : null,
    customerName: r.customerName ?? r.contactName,
    contactName: r.contactName,
    contactPhone: actor.permissions.has('customer:phone_unmasked')
      ? r.contactPhone
      : maskPhone(r.contactPhone),
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    product: p
      ? {
          id: p.id,
          brand: p.brand,
          modelName: p.modelName,
          serial: p.serial,
          categoryCode: p.categoryCode,
          warrantyStatus: warranty,
        }
      : null,
    categoryCode: r.categoryCode,
    faultDescription: r.faultDescription,
    faultCodeId: r.faultCodeId,
    symptomCodes: r.symptomCodes,
    slaState: r.slaState,
    slaDueAt: r.slaDueAt,
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
