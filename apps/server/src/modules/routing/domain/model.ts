import { travelModelFor, type TravelModel } from './travel.ts';
import type { Location, Objective, RoutingInstance } from './types.ts';

/**
 * The instance compiled to flat typed arrays for the search. Nodes: jobs are 0..n-1, technician v
 * starts at node n+v and ends at node n+m+v, so one N x N matrix serves every leg.
 */
export interface Model {
  n: number;
  m: number;
  N: number;
  dist: Float64Array;
  time: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  /** Windows of job j are winOpen/winClose[winOffset[j] .. winOffset[j+1]), sorted and disjoint. */
  winOffset: Int32Array;
  winOpen: Float64Array;
  winClose: Float64Array;
  softDeadline: Float64Array;
  lateWeight: Float64Array;
  penalty: Float64Array;
  /** compat[j * m + v] = 1 when technician v has the skills and capacity for job j. */
  compat: Uint8Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  capacity: Float64Array;
  breakOpen: Float64Array;
  breakClose: Float64Array;
  breakDur: Float64Array;
  hasBreak: Uint8Array;
  vehicleCost: number;
  /** Exceeds any possible travel saving; construction uses it as the price of opening a route. */
  bigM: number;
  /** Technicians with identical attributes share a class: one empty route per class is enough. */
  vehClass: Int32Array;
  /** neighbours[j * n ..] lists all jobs by increasing distance from j (j itself first). */
  neighbours: Int32Array;
  objective: Objective;
}

function nodeLocations(instance: RoutingInstance): Location[] {
  const techs = instance.technicians;
  return [
    ...instance.jobs.map((j) => j.location),
    ...techs.map((t) => t.start),
    ...techs.map((t) => t.end ?? t.start),
  ];
}

function compileWindows(instance: RoutingInstance) {
  const offsets = new Int32Array(instance.jobs.length + 1);
  const open: number[] = [];
  const close: number[] = [];
  instance.jobs.forEach((job, j) => {
    const hard = job.deadline?.kind === 'hard' ? job.deadline.at : Infinity;
    const windows = job.windows?.length ? [...job.windows] : [{ start: -Infinity, end: Infinity }];
    windows.sort((a, b) => a.start - b.start);
    for (const w of windows) {
      const end = Math.min(w.end, hard);
      if (end < w.start) continue;
      // Overlapping windows merge so "first window whose end is not past the arrival" stays exact.
      if (open.length > offsets[j]! && w.start <= close[close.length - 1]!) {
        close[close.length - 1] = Math.max(close[close.length - 1]!, end);
      } else {
        open.push(w.start);
        close.push(end);
      }
    }
    offsets[j + 1] = open.length;
  });
  return { offsets, open: Float64Array.from(open), close: Float64Array.from(close) };
}

function compileCompat(instance: RoutingInstance): Uint8Array {
  const { jobs, technicians } = instance;
  const compat = new Uint8Array(jobs.length * technicians.length);
  const skillSets = technicians.map((t) => new Set(t.skills ?? []));
  jobs.forEach((job, j) => {
    technicians.forEach((tech, v) => {
      const skilled = (job.skills ?? []).every((s) => skillSets[v]!.has(s));
      const fits = (job.demand ?? 0) <= (tech.capacity ?? Infinity);
      compat[j * technicians.length + v] = skilled && fits ? 1 : 0;
    });
  });
  return compat;
}

function vehicleClasses(instance: RoutingInstance): Int32Array {
  const keys = new Map<string, number>();
  return Int32Array.from(
    instance.technicians.map((t) => {
      const key = JSON.stringify([
        t.start,
        t.end ?? t.start,
        t.shift,
        t.break,
        t.capacity,
        [...(t.skills ?? [])].sort(),
      ]);
      if (!keys.has(key)) keys.set(key, keys.size);
      return keys.get(key)!;
    }),
  );
}

function sortedNeighbours(n: number, N: number, dist: Float64Array): Int32Array {
  const out = new Int32Array(n * n);
  const order = Array.from({ length: n }, (_, k) => k);
  for (let j = 0; j < n; j++) {
    order.sort((a, b) => (a === j ? -1 : b === j ? 1 : dist[j * N + a]! - dist[j * N + b]! || a - b));
    out.set(order, j * n);
  }
  return out;
}

/** Upper bound on any route-distance difference, so one vehicle or one job outweighs all travel. */
function bigM(dist: Float64Array, n: number, m: number): number {
  let maxLeg = 0;
  for (let k = 0; k < dist.length; k++) if (dist[k]! > maxLeg) maxLeg = dist[k]!;
  return (n + m) * maxLeg * 2 + 1;
}

export function compileModel(instance: RoutingInstance, objective: Objective, travel?: TravelModel): Model {
  const { jobs, technicians: techs } = instance;
  const n = jobs.length;
  const m = techs.length;
  const N = n + 2 * m;
  const matrix = (travel ?? travelModelFor(instance.travel)).matrix(nodeLocations(instance));
  const windows = compileWindows(instance);
  const M = bigM(matrix.distance, n, m);
  const soft = (k: number) => (jobs[k]!.deadline?.kind === 'soft' ? jobs[k]!.deadline! : undefined);
  return {
    n,
    m,
    N,
    dist: matrix.distance,
    time: matrix.duration,
    service: Float64Array.from(jobs, (j) => j.serviceDuration),
    demand: Float64Array.from(jobs, (j) => j.demand ?? 0),
    winOffset: windows.offsets,
    winOpen: windows.open,
    winClose: windows.close,
    softDeadline: Float64Array.from(jobs, (_, k) => soft(k)?.at ?? Infinity),
    lateWeight: Float64Array.from(jobs, (_, k) => (soft(k) ? (soft(k)!.penaltyPerTimeUnit ?? 1) : 0)),
    penalty: Float64Array.from(jobs, (j) => j.unassignedPenalty ?? M * (m + 1) * (j.priority ?? 1)),
    compat: compileCompat(instance),
    shiftStart: Float64Array.from(techs, (t) => t.shift.start),
    shiftEnd: Float64Array.from(techs, (t) => t.shift.end),
    capacity: Float64Array.from(techs, (t) => t.capacity ?? Infinity),
    breakOpen: Float64Array.from(techs, (t) => t.break?.window.start ?? 0),
    breakClose: Float64Array.from(techs, (t) => t.break?.window.end ?? 0),
    breakDur: Float64Array.from(techs, (t) => t.break?.duration ?? 0),
    hasBreak: Uint8Array.from(techs, (t) => (t.break ? 1 : 0)),
    vehicleCost: objective === 'hierarchical' ? M : 0,
    bigM: M,
    vehClass: vehicleClasses(instance),
    neighbours: sortedNeighbours(n, N, matrix.distance),
    objective,
  };
}

/** Earliest service start at job j when arriving at time a, or Infinity when every window has closed. */
export function firstStart(model: Model, j: number, a: number): number {
  const end = model.winOffset[j + 1]!;
  for (let w = model.winOffset[j]!; w < end; w++) {
    if (a <= model.winClose[w]!) return a > model.winOpen[w]! ? a : model.winOpen[w]!;
  }
  return Infinity;
}

/** Latest arrival at job j that still allows service to start by `latestStart`, or -Infinity. */
export function latestArrival(model: Model, j: number, latestStart: number): number {
  for (let w = model.winOffset[j + 1]! - 1; w >= model.winOffset[j]!; w--) {
    if (model.winOpen[w]! <= latestStart) return Math.min(model.winClose[w]!, latestStart);
  }
  return -Infinity;
}
