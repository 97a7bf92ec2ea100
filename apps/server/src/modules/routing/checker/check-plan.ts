// Independent plan checker: shares only the public types and the travel model with the solver, and
// recomputes every time, load and cost from the instance so a solver bug cannot hide itself.
import { travelModelFor, type TravelModel } from '../domain/travel.ts';
import type { Job, Location, Plan, PlannedRoute, RoutingInstance, Technician } from '../domain/types.ts';

export interface Violation {
  rule: string;
  path: string;
  message: string;
}

export interface CheckedCost {
  distance: number;
  duration: number;
  vehicles: number;
  lateness: number;
  unassigned: number;
}

export interface CheckResult {
  ok: boolean;
  violations: Violation[];
  cost: CheckedCost;
}

const EPS = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const atMost = (a: number, b: number) => a <= b + EPS * Math.max(1, Math.abs(b));

interface Ctx {
  instance: RoutingInstance;
  jobs: Map<string, Job>;
  leg: (a: Location, b: Location) => { distance: number; duration: number };
  add: (rule: string, path: string, message: string) => void;
}

function legFunction(travel: TravelModel) {
  return (a: Location, b: Location) => {
    const m = travel.matrix([a, b]);
    return { distance: m.distance[1]!, duration: m.duration[1]! };
  };
}

function checkStopTiming(ctx: Ctx, job: Job, stop: PlannedRoute['stops'][number], path: string): number {
  if (!atMost(stop.arrival, stop.start))
    ctx.add('start_before_arrival', path, 'service starts before arrival');
  const inWindow =
    (job.windows ?? []).length === 0 ||
    job.windows!.some((w) => atMost(w.start, stop.start) && atMost(stop.start, w.end));
  if (!inWindow) ctx.add('time_window', path, `start ${stop.start} is outside every window`);
  if (!near(stop.end - stop.start, job.serviceDuration))
    ctx.add('service_duration', path, 'end - start != service duration');
  const deadline = job.deadline;
  if (deadline?.kind === 'hard' && !atMost(stop.start, deadline.at))
    ctx.add('hard_deadline', path, 'starts after the deadline');
  const late = deadline?.kind === 'soft' ? Math.max(0, stop.start - deadline.at) : 0;
  if (!near(late, stop.lateness))
    ctx.add('lateness', path, `reported lateness ${stop.lateness}, recomputed ${late}`);
  return late;
}

/** Checks the gap between leaving one place and arriving at the next, including a break taken in it. */
function checkLeg(
  ctx: Ctx,
  tech: Technician,
  route: PlannedRoute,
  k: number,
  gap: [number, number],
  travel: number,
) {
  const path = `routes.${tech.id}.leg[${k}]`;
  const [leave, arrive] = gap;
  // A break on a technician without one is reported by checkRoute; here it is simply not a break.
  const br = tech.break && route.break?.afterStops === k ? route.break : undefined;
  const needed = travel + (br ? tech.break!.duration : 0);
  if (!atMost(leave + needed, arrive)) ctx.add('travel_time', path, 'not enough time for travel (and break)');
  if (!br) return;
  const w = tech.break!.window;
  if (!atMost(leave, br.start) || !atMost(br.end, arrive))
    ctx.add('break_placement', path, 'break overlaps work');
  if (!atMost(w.start, br.start) || !atMost(br.start, w.end))
    ctx.add('break_window', path, 'break starts outside its window');
  if (!atMost(tech.break!.duration, br.end - br.start)) ctx.add('break_duration', path, 'break too short');
}

function checkRoute(ctx: Ctx, tech: Technician, route: PlannedRoute, cost: CheckedCost): void {
  const path = `routes.${tech.id}`;
  if (!atMost(tech.shift.start, route.departure))
    ctx.add('shift_start', path, 'departs before the shift starts');
  if (!atMost(route.arrival, tech.shift.end)) ctx.add('shift_end', path, 'returns after the shift ends');
  if (tech.break && route.stops.length > 0 && !route.break)
    ctx.add('break_missing', path, 'technician gets no break');
  if (
    route.break &&
    (!tech.break || route.break.afterStops < 0 || route.break.afterStops > route.stops.length)
  )
    ctx.add('break_placement', path, 'break does not belong to this route');
  const skills = new Set(tech.skills ?? []);
  let place = tech.start;
  let leave = route.departure;
  let distance = 0;
  let load = 0;
  route.stops.forEach((stop, k) => {
    const job = ctx.jobs.get(stop.jobId);
    if (!job)
      return ctx.add('unknown_job', `${path}.stops[${k}]`, `job ${stop.jobId} is not in the instance`);
    if (!(job.skills ?? []).every((s) => skills.has(s)))
      ctx.add('skills', `${path}.stops[${k}]`, 'technician lacks a skill');
    const leg = ctx.leg(place, job.location);
    checkLeg(ctx, tech, route, k, [leave, stop.arrival], leg.duration);
    cost.lateness += checkStopTiming(ctx, job, stop, `${path}.stops[${k}]`);
    distance += leg.distance;
    load += job.demand ?? 0;
    place = job.location;
    leave = stop.end;
  });
  const home = ctx.leg(place, tech.end ?? tech.start);
  checkLeg(ctx, tech, route, route.stops.length, [leave, route.arrival], home.duration);
  distance += home.distance;
  if (load > (tech.capacity ?? Infinity) + EPS)
    ctx.add('capacity', path, `load ${load} exceeds ${tech.capacity}`);
  if (!near(distance, route.distance))
    ctx.add('route_distance', path, `reported ${route.distance}, recomputed ${distance}`);
  cost.distance += distance;
  cost.duration += route.arrival - route.departure;
}

function checkCoverage(ctx: Ctx, plan: Plan): void {
  const seen = new Map<string, string>();
  const mark = (id: string, where: string) => {
    if (seen.has(id)) ctx.add('job_once', where, `job ${id} also appears in ${seen.get(id)}`);
    seen.set(id, where);
  };
  plan.routes.forEach((r) => r.stops.forEach((s) => mark(s.jobId, `routes.${r.technicianId}`)));
  plan.unassigned.forEach((u) => mark(u.jobId, 'unassigned'));
  for (const id of ctx.jobs.keys())
    if (!seen.has(id)) ctx.add('job_missing', 'unassigned', `job ${id} is neither routed nor listed`);
}

function checkTotals(ctx: Ctx, plan: Plan, cost: CheckedCost): void {
  const reported = plan.cost;
  for (const key of ['distance', 'duration', 'vehicles', 'lateness', 'unassigned'] as const) {
    if (!near(reported[key], cost[key]))
      ctx.add('cost', `cost.${key}`, `reported ${reported[key]}, recomputed ${cost[key]}`);
  }
}

export function checkPlan(instance: RoutingInstance, plan: Plan, travel?: TravelModel): CheckResult {
  const violations: Violation[] = [];
  const ctx: Ctx = {
    instance,
    jobs: new Map(instance.jobs.map((j) => [j.id, j])),
    leg: legFunction(travel ?? travelModelFor(instance.travel)),
    add: (rule, path, message) => void violations.push({ rule, path, message }),
  };
  const techs = new Map(instance.technicians.map((t) => [t.id, t]));
  const cost: CheckedCost = {
    distance: 0,
    duration: 0,
    vehicles: 0,
    lateness: 0,
    unassigned: plan.unassigned.length,
  };
  const used = new Set<string>();
  for (const route of plan.routes) {
    const tech = techs.get(route.technicianId);
    if (!tech)
      ctx.add('unknown_technician', `routes.${route.technicianId}`, 'technician is not in the instance');
    else if (used.has(tech.id)) ctx.add('technician_once', `routes.${tech.id}`, 'technician has two routes');
    else if (route.stops.length > 0) checkRoute(ctx, tech, route, cost);
    if (tech && route.stops.length > 0) used.add(tech.id);
  }
  cost.vehicles = used.size;
  checkCoverage(ctx, plan);
  checkTotals(ctx, plan, cost);
  return { ok: violations.length === 0, violations, cost };
}
