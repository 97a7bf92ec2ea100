import type { RoutePlanView } from '@anxin/contracts';
import { describeRoutes, violationsOf } from './evaluate.ts';
import type { PlanDoc } from './plan-codec.ts';
import type { PlanningSettings } from './settings.ts';

export { dayStartOf, type PlanDoc } from './plan-codec.ts';

/** Why an order is left out, in the dispatcher's terms. */
export function unassignedOf(doc: Pick<PlanDoc, 'plan' | 'jobs' | 'instance'>) {
  const working = new Set(doc.instance.technicians.map((t) => t.id));
  const meta = new Map(doc.jobs.map((j) => [j.orderId, j]));
  return doc.plan.unassigned.map((u) => {
    const pin = meta.get(u.jobId)?.pinnedTechnicianId;
    const reason = pin && !working.has(pin) ? 'technician_unavailable' : u.reason;
    return { orderId: u.jobId, reason };
  });
}

export function toView(doc: PlanDoc, settings: PlanningSettings): RoutePlanView {
  const { row } = doc;
  const meta = new Map(doc.jobs.map((j) => [j.orderId, j]));
  const described = describeRoutes(doc.instance, doc.plan, doc.dayStartMs, settings, meta);
  const violations = violationsOf(doc.instance, doc.plan);
  const geo = (l: unknown) =>
    l && typeof l === 'object' && 'lat' in l && 'lng' in l ? (l as { lat: number; lng: number }) : null;
  const places = new Map(doc.instance.jobs.map((j) => [j.id, geo(j.location)]));
  const starts = new Map(doc.instance.technicians.map((t) => [t.id, geo(t.start)]));
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    outletId: row.outletId,
    regionCode: row.regionCode,
    date: row.planDate,
    parentId: row.parentId,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
    dayStart: new Date(doc.dayStartMs).toISOString(),
    technicians: doc.technicians.map((t) => ({ ...t, start: starts.get(t.id) ?? null })),
    jobs: doc.jobs.map((j) => ({
      orderId: j.orderId,
      number: j.number,
      status: j.status,
      type: j.type,
      categoryCode: j.categoryCode,
      urgency: j.urgency,
      address: j.address,
      customer: j.customer ?? null,
      lat: places.get(j.orderId)?.lat ?? null,
      lng: places.get(j.orderId)?.lng ?? null,
      fixed: j.fixed,
      pinnedTechnicianId: j.pinnedTechnicianId,
      windows: j.windows,
      serviceMinutes: j.serviceMinutes,
      slaDueAt: j.slaDueAt,
      approximateLocation: j.approximateLocation,
    })),
    routes: described.routes,
    unassigned: unassignedOf(doc),
    cost: described.cost,
    check: { ok: violations.length === 0, violations },
    diff: doc.diff,
    result: doc.result,
  };
}

/** Which orders moved between technicians and whose customer window changed, parent → child. */
export function diffPlans(before: RoutePlanView, after: RoutePlanView): NonNullable<RoutePlanView['diff']> {
  const where = (v: RoutePlanView) => {
    const m = new Map<string, { tech: string | null; window: { start: string; end: string } | null }>();
    for (const j of v.jobs) m.set(j.orderId, { tech: null, window: null });
    for (const r of v.routes)
      for (const s of r.stops) m.set(s.orderId, { tech: r.technicianId, window: s.proposedWindow });
    return m;
  };
  const a = where(before);
  const b = where(after);
  const moved: NonNullable<RoutePlanView['diff']>['moved'] = [];
  const windowChanged: NonNullable<RoutePlanView['diff']>['windowChanged'] = [];
  const added: string[] = [];
  for (const [id, now] of b) {
    const was = a.get(id);
    if (!was) {
      added.push(id);
      continue;
    }
    if (was.tech !== now.tech) moved.push({ orderId: id, from: was.tech, to: now.tech });
    if (was.window?.start !== now.window?.start || was.window?.end !== now.window?.end)
      windowChanged.push({ orderId: id, before: was.window, after: now.window });
  }
  return { moved, windowChanged, added };
}
