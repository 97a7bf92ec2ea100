import type { RoutePlanCheckResponse, RoutePlanViolation } from '@anxin/contracts';
import { checkPlan } from '../checker/check-plan.ts';
import { lateMinutesAgainst } from '../domain/lateness.ts';
import { travelModelFor } from '../domain/travel.ts';
import type {
  Job,
  Location,
  Plan,
  PlannedBreak,
  PlannedRoute,
  RoutingInstance,
  Technician,
} from '../domain/types.ts';
import { toIso, type PlanJobMeta } from './plan-model.ts';
import type { PlanningSettings } from './settings.ts';

// Hand edits and the stored proposal are both described through here: schedule a given order of
// visits (earliest feasible times), let the independent checker judge it, and translate its
// findings into per-order violations the dispatcher can act on.

export interface EditedRoute {
  technicianId: string;
  orderIds: string[];
}

const leg = (travel: ReturnType<typeof travelModelFor>, a: Location, b: Location) => {
  const m = travel.matrix([a, b]);
  return { distance: m.distance[1]!, duration: m.duration[1]! };
};

/** Earliest start for an arrival: the first window still open, else on arrival (a violation). */
function startFor(job: Job, arrival: number): number {
  const open = (job.windows ?? []).filter((w) => w.end >= arrival).sort((a, b) => a.start - b.start);
  if (!job.windows?.length || !open.length) return arrival;
  return Math.max(arrival, open[0]!.start);
}

function scheduleRoute(instance: RoutingInstance, tech: Technician, jobs: Job[]): PlannedRoute {
  const travel = travelModelFor(instance.travel);
  let place = tech.start;
  let t = tech.shift.start;
  let distance = 0;
  let pause: PlannedBreak | undefined;
  const stops: PlannedRoute['stops'] = [];
  const firstLeg = jobs[0] ? leg(travel, tech.start, jobs[0].location) : null;
  // The break is taken before the first visit that would otherwise run into it.
  const takeBreak = (afterStops: number) => {
    const bs = Math.max(t, tech.break!.window.start);
    pause = { start: bs, end: bs + tech.break!.duration, afterStops };
    t = pause.end;
  };
  for (const [k, job] of jobs.entries()) {
    const l = leg(travel, place, job.location);
    if (tech.break && !pause && startFor(job, t + l.duration) + job.serviceDuration > tech.break.window.start)
      takeBreak(k);
    const arrival = t + l.duration;
    const start = startFor(job, arrival);
    const lateness = job.deadline?.kind === 'soft' ? Math.max(0, start - job.deadline.at) : 0;
    stops.push({ jobId: job.id, arrival, start, end: start + job.serviceDuration, lateness });
    distance += l.distance;
    place = job.location;
    t = start + job.serviceDuration;
  }
  if (tech.break && !pause && stops.length) takeBreak(stops.length);
  const home = leg(travel, place, tech.end ?? tech.start);
  distance += home.distance;
  // Leave home just in time for the first visit rather than at the shift start.
  let departure = tech.shift.start;
  if (firstLeg && stops[0] && pause?.afterStops !== 0) {
    departure = Math.max(tech.shift.start, stops[0].start - firstLeg.duration);
    stops[0].arrival = departure + firstLeg.duration;
  }
  const arrival = stops.length ? t + home.duration : departure;
  return {
    technicianId: tech.id,
    departure,
    arrival,
    stops,
    ...(pause ? { break: pause } : {}),
    distance: stops.length ? distance : 0,
    duration: arrival - departure,
    load: 0,
  };
}

/** A plan for hand-ordered routes; orders not routed are unassigned ('manual'). */
export function scheduleEdit(instance: RoutingInstance, routes: EditedRoute[]): Plan {
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const techs = new Map(instance.technicians.map((t) => [t.id, t]));
  const planned: PlannedRoute[] = [];
  const routed = new Set<string>();
  for (const r of routes) {
    const tech = techs.get(r.technicianId);
    if (!tech || !r.orderIds.length) continue;
    const list = r.orderIds.map((id) => jobs.get(id)!).filter(Boolean);
    list.forEach((j) => routed.add(j.id));
    planned.push(scheduleRoute(instance, tech, list));
  }
  const unassigned = instance.jobs
    .filter((j) => !routed.has(j.id))
    .map((j) => ({ jobId: j.id, reason: 'no_feasible_slot' as const }));
  const distance = planned.reduce((s, r) => s + r.distance, 0);
  const duration = planned.reduce((s, r) => s + r.duration, 0);
  const lateness = planned.reduce((s, r) => s + r.stops.reduce((a, x) => a + x.lateness, 0), 0);
  return {
    objective: 'distance',
    routes: planned,
    unassigned,
    cost: {
      total: distance,
      distance,
      duration,
      vehicles: planned.filter((r) => r.stops.length).length,
      vehicleCost: 0,
      lateness,
      latenessPenalty: lateness,
      unassigned: unassigned.length,
      unassignedPenalty: 0,
    },
    stats: { seed: 0, iterations: 0, elapsedMs: 0, stoppedBy: 'iterations' },
  };
}

/** The checker's findings in the dispatcher's words, each tied to an order or a technician. */
export function violationsOf(instance: RoutingInstance, plan: Plan): RoutePlanViolation[] {
  const result = checkPlan(instance, plan);
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const techs = new Map(instance.technicians.map((t) => [t.id, t]));
  const routes = new Map(plan.routes.map((r) => [r.technicianId, r]));
  const out: RoutePlanViolation[] = [];
  for (const v of result.violations) {
    const m = /^routes\.([^.]+)(?:\.(stops|leg)\[(\d+)\])?/.exec(v.path);
    const techId = m?.[1] ?? null;
    const route = techId ? routes.get(techId) : undefined;
    const k = m?.[3] !== undefined ? Number(m[3]) : null;
    const orderId = k !== null ? (route?.stops[k]?.jobId ?? null) : null;
    let rule = v.rule;
    if (rule === 'time_window') rule = 'window_missed';
    else if (rule === 'shift_end' || rule === 'shift_start') rule = 'shift_exceeded';
    else if (rule === 'hard_deadline') rule = 'deadline_missed';
    else if (rule === 'skills' && orderId && techId) {
      const have = new Set(techs.get(techId)?.skills ?? []);
      const missing = (jobs.get(orderId)?.skills ?? []).filter((s) => !have.has(s));
      rule = missing.some((s) => s.startsWith('tech:'))
        ? 'pinned_elsewhere'
        : missing.some((s) => s.startsWith('outlet:'))
          ? 'other_outlet'
          : 'skill_missing';
    } else if (rule === 'job_missing' || rule === 'cost') continue;
    out.push({ rule, orderId, technicianId: techId, message: v.message });
  }
  return out;
}

export interface RouteDescription {
  routes: RoutePlanCheckResponse['routes'];
  cost: RoutePlanCheckResponse['cost'];
}

/**
 * The windows the customers of one route are told: each planned start rounded down, at most
 * `windowMinutes` long, cut at the next visit's window and the shift end so that no two
 * appointments of the technician overlap (the assignment rules refuse double booking). A fixed
 * appointment keeps its own window.
 */
export function customerWindows(
  instance: RoutingInstance,
  route: PlannedRoute,
  dayStartMs: number,
  settings: PlanningSettings,
  meta: Map<string, PlanJobMeta>,
): Map<string, { start: string; end: string }> {
  const tech = instance.technicians.find((t) => t.id === route.technicianId);
  const shiftStart = tech?.shift.start ?? -Infinity;
  const shiftEnd = tech?.shift.end ?? Infinity;
  const round = settings.windowRoundMinutes;
  const floor = (m: number) => Math.floor(m / round) * round;
  const fixedOf = (jobId: string) => {
    const j = meta.get(jobId);
    return j?.fixed && j.appointment ? j.appointment : null;
  };
  const toMin = (iso: string) => (Date.parse(iso) - dayStartMs) / 60_000;
  const out = new Map<string, { start: string; end: string }>();
  let prevEnd = -Infinity;
  route.stops.forEach((s, k) => {
    const fixed = fixedOf(s.jobId);
    if (fixed) {
      out.set(s.jobId, fixed);
      prevEnd = toMin(fixed.end);
      return;
    }
    const next = route.stops[k + 1];
    const nextFixed = next ? fixedOf(next.jobId) : null;
    const bound = next ? (nextFixed ? toMin(nextFixed.start) : floor(next.start)) : Infinity;
    let from = Math.max(floor(s.start), prevEnd, shiftStart);
    const pause = tech?.break?.window;
    // A window never spans the technician's break: the assignment rules check it against working time.
    if (pause && from >= pause.start && from < pause.end) from = pause.end;
    const workEnd = pause && from < pause.start ? pause.start : shiftEnd;
    let to = Math.min(from + settings.windowMinutes, bound, workEnd);
    if (to <= from) to = from + round;
    out.set(s.jobId, { start: toIso(dayStartMs, from), end: toIso(dayStartMs, to) });
    prevEnd = to;
  });
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Wire description of a plan's routes: instants, per-leg travel and the customer windows. */
export function describeRoutes(
  instance: RoutingInstance,
  plan: Plan,
  dayStartMs: number,
  settings: PlanningSettings,
  meta: Map<string, PlanJobMeta>,
): RouteDescription {
  const travel = travelModelFor(instance.travel);
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const techs = new Map(instance.technicians.map((t) => [t.id, t]));
  const minuteOf = (iso: string) => (Date.parse(iso) - dayStartMs) / 60_000;
  let late = 0;
  let lateVisits = 0;
  const routes = plan.routes
    .filter((r) => r.stops.length)
    .map((r) => {
      const tech = techs.get(r.technicianId)!;
      let place = tech.start;
      let travelMinutes = 0;
      const windows = customerWindows(instance, r, dayStartMs, settings, meta);
      const stops = r.stops.map((s) => {
        const job = jobs.get(s.jobId)!;
        const l = leg(travel, place, job.location);
        place = job.location;
        travelMinutes += l.duration;
        const proposedWindow = windows.get(s.jobId)!;
        // The customer's window: the appointment or preference he gave, else the one he will be told.
        const own = meta.get(s.jobId)?.windows ?? [];
        const held = (own.length ? own : [proposedWindow]).map((w) => ({
          start: minuteOf(w.start),
          end: minuteOf(w.end),
        }));
        const lateMinutes = lateMinutesAgainst(s.start, held);
        late += lateMinutes;
        if (lateMinutes > 0) lateVisits++;
        return {
          orderId: s.jobId,
          arrival: toIso(dayStartMs, s.arrival),
          start: toIso(dayStartMs, s.start),
          end: toIso(dayStartMs, s.end),
          travelMinutes: round1(l.duration),
          distanceKm: round1(l.distance),
          lateMinutes,
          proposedWindow,
        };
      });
      travelMinutes += leg(travel, place, tech.end ?? tech.start).duration;
      return {
        technicianId: r.technicianId,
        departure: toIso(dayStartMs, r.departure),
        returnAt: toIso(dayStartMs, r.arrival),
        distanceKm: round1(r.distance),
        // Whole minutes per route, and the total is their sum: the row figures add up to the total.
        travelMinutes: Math.round(travelMinutes),
        stops,
      };
    });
  return {
    routes,
    cost: {
      distanceKm: round1(routes.reduce((s, r) => s + r.distanceKm, 0)),
      travelMinutes: routes.reduce((s, r) => s + r.travelMinutes, 0),
      lateMinutes: late,
      lateVisits,
      unassigned: plan.unassigned.length,
      technicians: routes.length,
    },
  };
}
