import type { ComplaintPolicy, ComplaintSeverity, ComplaintSource, FieldError } from '@anxin/contracts';
import { CalendarNoDataError } from '../../../platform/calendar/errors.ts';
import { dueTimes, type DueCalendar } from './policy.ts';
import type { ComplaintRecord, OrderLinks } from './types.ts';

/**
 * Opening a complaint, as pure rules: which customer, outlet and technician it links to, what makes
 * the request invalid, when it is a repeat of an intake already registered, its due times on the
 * business calendar, the new record and the notice to the quality desk. The use case
 * (open-complaint.ts) loads the facts, calls these and writes the result in one transaction.
 */

export interface OpenRequest {
  source: ComplaintSource;
  severity: ComplaintSeverity;
  summary: string;
  description?: string | undefined;
  orderId?: string | undefined;
  customerId?: string | undefined;
  outletId?: string | undefined;
  technicianId?: string | undefined;
  /** Idempotency key of intake from another module: a second open with it changes nothing. */
  sourceRef?: string | undefined;
}

export interface Links {
  customerId: string | null;
  outletId: string | null;
  technicianId: string | null;
}

/** Given links win; the order supplies the rest (its customer, outlet and technician). */
export function linksOf(req: OpenRequest, order: OrderLinks | undefined): Links {
  return {
    customerId: req.customerId ?? order?.customerId ?? null,
    outletId: req.outletId ?? order?.outletId ?? null,
    technicianId: req.technicianId ?? order?.technicianId ?? null,
  };
}

/** What the use case found for the request's links (undefined: looked for and not found, or not asked). */
export interface OpenFacts {
  order: OrderLinks | undefined;
  customer: { id: string; districtCode: string | null } | undefined;
  outletFound: boolean;
  technician: { id: string; outletId: string | null } | undefined;
  /** The complaint already registered with the request's source ref. */
  existing: { id: string; orderId: string | null } | undefined;
}

export type OpenDecision =
  | { kind: 'refused'; errors: FieldError[] }
  | { kind: 'duplicate'; id: string; orderId: string | null }
  | { kind: 'open'; links: Links; regionCode: string | null };

/**
 * Every link named must exist (the order within the actor's scope); a given customer must be the
 * order's; the technician must belong to the outlet. A valid repeat of an intake (same source ref)
 * is the complaint already registered. The region (data scope) is the order's district, else the
 * customer's.
 */
export function decideOpen(req: OpenRequest, f: OpenFacts): OpenDecision {
  const links = linksOf(req, f.order);
  const errors: FieldError[] = [];
  if (req.orderId && !f.order)
    errors.push({ path: 'orderId', rule: 'not_found', message: 'no such work order' });
  if (f.order && req.customerId && req.customerId !== f.order.customerId)
    errors.push({
      path: 'customerId',
      rule: 'matches_order',
      message: "the customer must be the order's customer",
    });
  if (links.customerId && !f.customer)
    errors.push({ path: 'customerId', rule: 'not_found', message: 'no such customer' });
  if (links.outletId && !f.outletFound)
    errors.push({ path: 'outletId', rule: 'not_found', message: 'no such outlet' });
  if (links.technicianId && !f.technician)
    errors.push({ path: 'technicianId', rule: 'not_found', message: 'no such technician' });
  if (f.technician?.outletId && links.outletId && f.technician.outletId !== links.outletId)
    errors.push({
      path: 'technicianId',
      rule: 'not_in_outlet',
      message: 'the technician does not belong to the outlet',
    });
  if (errors.length) return { kind: 'refused', errors };
  if (req.sourceRef && f.existing) return { kind: 'duplicate', ...f.existing };
  return { kind: 'open', links, regionCode: f.order?.districtCode ?? f.customer?.districtCode ?? null };
}

export interface OpeningDue {
  acknowledgeDueAt: string | null;
  resolveDueAt: string | null;
  /** Set when the calendar has no data for the period: no deadline is guessed (fail closed). */
  noCalendar: CalendarNoDataError | null;
}

/** The SLA due times of the severity on the business calendar; none when the calendar lacks the year. */
export function openingDue(
  policy: ComplaintPolicy,
  severity: ComplaintSeverity,
  openedAt: Date,
  calendar: DueCalendar,
): OpeningDue {
  try {
    const due = dueTimes(policy, severity, openedAt, calendar);
    return {
      acknowledgeDueAt: due.acknowledgeDueAt.toISOString(),
      resolveDueAt: due.resolveDueAt.toISOString(),
      noCalendar: null,
    };
  } catch (err) {
    if (!(err instanceof CalendarNoDataError)) throw err;
    return { acknowledgeDueAt: null, resolveDueAt: null, noCalendar: err };
  }
}

/** A newly registered complaint: nothing investigated yet, version 1. */
export function newComplaint(a: {
  id: string;
  number: string;
  req: OpenRequest;
  decision: Extract<OpenDecision, { kind: 'open' }>;
  orderId: string | null;
  due: OpeningDue;
  openedAt: Date;
  createdBy: string | null;
}): ComplaintRecord {
  const at = a.openedAt.toISOString();
  return {
    id: a.id,
    number: a.number,
    source: a.req.source,
    sourceRef: a.req.sourceRef ?? null,
    severity: a.req.severity,
    status: 'registered',
    summary: a.req.summary,
    description: a.req.description ?? null,
    orderId: a.orderId,
    customerId: a.decision.links.customerId,
    outletId: a.decision.links.outletId,
    technicianId: a.decision.links.technicianId,
    regionCode: a.decision.regionCode,
    rootCause: null,
    responsibility: null,
    responsibleDepartment: null,
    responsibleOutletId: null,
    responsibleTechnicianId: null,
    responsiblePerson: null,
    causeIsAttitude: false,
    findings: null,
    remedy: null,
    verdict: null,
    verdictNote: null,
    reopenCount: 0,
    openedAt: at,
    acknowledgeDueAt: a.due.acknowledgeDueAt,
    acknowledgedAt: null,
    resolveDueAt: a.due.resolveDueAt,
    resolvedAt: null,
    closedAt: null,
    createdBy: a.createdBy,
    updatedAt: at,
    version: 1,
  };
}

/** The `complaint.registered` event payload. */
export function registeredData(c: ComplaintRecord): Record<string, unknown> {
  return {
    number: c.number,
    source: c.source,
    severity: c.severity,
    orderId: c.orderId,
    outletId: c.outletId,
    technicianId: c.technicianId,
    acknowledgeDueAt: c.acknowledgeDueAt,
    resolveDueAt: c.resolveDueAt,
    ...(c.sourceRef ? { sourceRef: c.sourceRef } : {}),
  };
}

/** Every new complaint goes to the quality desk, once per complaint (the outbox dedupes on the key). */
export function registrationNotice(c: ComplaintRecord) {
  return {
    notice: {
      role: 'quality',
      title: `新投诉 ${c.number}`,
      body: c.summary,
      event: 'complaints.opened' as const,
      params: { number: c.number, summary: c.summary },
      ref: `complaint:${c.id}`,
    },
    dedupeKey: `complaints.registered:${c.id}`,
  };
}
