import type { Model } from './model.ts';
import type { Route } from './route.ts';
import { simulate, type ScheduleRecord } from './schedule.ts';
import type { Solution } from './solution.ts';
import type {
  CostBreakdown,
  Plan,
  PlannedRoute,
  RoutingInstance,
  UnassignedJob,
  UnassignedReason,
} from './types.ts';

function plannedRoute(model: Model, instance: RoutingInstance, route: Route): PlannedRoute {
  const rec: ScheduleRecord = {
    arrival: [],
    start: [],
    lateness: [],
    breakStart: 0,
    breakAfterStops: -1,
    endArrival: 0,
  };
  simulate(model, route.v, route.nodes, route.len, rec);
  const jobs = Array.from(route.nodes.subarray(1, route.len + 1));
  const { N, time } = model;
  const shiftStart = model.shiftStart[route.v]!;
  // Leave as late as the first stop allows: waiting at the depot is not working time.
  const firstLeg = time[route.nodes[0]! * N + route.nodes[1]!]!;
  const departure = rec.breakAfterStops === 0 ? shiftStart : Math.max(shiftStart, rec.start[0]! - firstLeg);
  const stops = jobs.map((j, k) => ({
    jobId: instance.jobs[j]!.id,
    arrival: k === 0 && rec.breakAfterStops !== 0 ? departure + firstLeg : rec.arrival[k]!,
    start: rec.start[k]!,
    end: rec.start[k]! + model.service[j]!,
    lateness: rec.lateness[k]!,
  }));
  const tech = instance.technicians[route.v]!;
  return {
    technicianId: tech.id,
    departure,
    arrival: rec.endArrival,
    stops,
    ...(rec.breakAfterStops >= 0 && tech.break
      ? {
          break: {
            start: rec.breakStart,
            end: rec.breakStart + tech.break.duration,
            afterStops: rec.breakAfterStops,
          },
        }
      : {}),
    distance: route.distance,
    duration: rec.endArrival - departure,
    load: route.load,
  };
}

function costOf(model: Model, routes: PlannedRoute[], sol: Solution, unassigned: number[]): CostBreakdown {
  const sum = (f: (r: PlannedRoute) => number) => routes.reduce((s, r) => s + f(r), 0);
  const latenessPenalty = sol.routes.reduce((s, r) => s + (r.len > 0 ? r.penalty : 0), 0);
  const unassignedPenalty = unassigned.reduce((s, j) => s + model.penalty[j]!, 0);
  const distance = sum((r) => r.distance);
  const vehicleCost = routes.length * model.vehicleCost;
  return {
    total: distance + vehicleCost + latenessPenalty + unassignedPenalty,
    distance,
    duration: sum((r) => r.duration),
    vehicles: routes.length,
    vehicleCost,
    lateness: sum((r) => r.stops.reduce((s, x) => s + x.lateness, 0)),
    latenessPenalty,
    unassigned: unassigned.length,
    unassignedPenalty,
  };
}

export interface PlanInput {
  model: Model;
  instance: RoutingInstance;
  solution: Solution;
  /** Jobs no technician can ever serve, with the reason; null for servable jobs. */
  reasons: (UnassignedReason | null)[];
  stats: Plan['stats'];
}

export function toPlan({ model, instance, solution, reasons, stats }: PlanInput): Plan {
  const routes = solution.routes.filter((r) => r.len > 0).map((r) => plannedRoute(model, instance, r));
  const left = instance.jobs.flatMap((_, j) => (solution.routeOf[j]! >= 0 ? [] : [j]));
  const unassigned: UnassignedJob[] = left.map((j) => ({
    jobId: instance.jobs[j]!.id,
    reason: reasons[j] ?? 'no_feasible_slot',
  }));
  return {
    objective: model.objective,
    routes,
    unassigned,
    cost: costOf(model, routes, solution, left),
    stats,
  };
}
