import { firstStart, type Model } from './model.ts';

/** Times of one route's earliest schedule, filled by `simulate` when asked. */
export interface ScheduleRecord {
  arrival: number[];
  start: number[];
  lateness: number[];
  breakStart: number;
  breakAfterStops: number;
  endArrival: number;
}

/**
 * The break is taken on the leg whose choice gives the earliest feasible schedule: a small dynamic
 * programme over "break not yet taken" / "break taken" earliest times, exact for feasibility.
 * Returns the leg index (0 = before the first stop), -1 when there is no break, -2 when infeasible.
 */
function breakLeg(model: Model, v: number, seq: Int32Array, len: number): number {
  if (!model.hasBreak[v]) return -1;
  const { N, time } = model;
  const bo = model.breakOpen[v]!;
  const bc = model.breakClose[v]!;
  const bd = model.breakDur[v]!;
  let t0 = model.shiftStart[v]!;
  let t1 = Infinity;
  let leg = -2;
  for (let k = 0; k <= len; k++) {
    const tr = time[seq[k]! * N + seq[k + 1]!]!;
    let a1 = t1 + tr;
    if (Math.max(t0, bo) <= bc) {
      // Driving can be split around the break, so the break only delays arrival past its opening.
      const viaBreak = Math.max(t0 + tr, bo) + bd;
      if (viaBreak < a1) {
        a1 = viaBreak;
        leg = k;
      }
    }
    if (k === len) return a1 <= model.shiftEnd[v]! ? leg : -2;
    const j = seq[k + 1]!;
    t0 = firstStart(model, j, t0 + tr) + model.service[j]!;
    t1 = firstStart(model, j, a1) + model.service[j]!;
  }
  return -2;
}

/**
 * Earliest schedule of the route seq[0..len+1] (start node, jobs, end node) for technician v.
 * Returns the soft-deadline lateness penalty, or Infinity when the route is infeasible.
 */
export function simulate(
  model: Model,
  v: number,
  seq: Int32Array,
  len: number,
  rec?: ScheduleRecord,
): number {
  const leg = breakLeg(model, v, seq, len);
  if (leg === -2) return Infinity;
  const { N, time } = model;
  let t = model.shiftStart[v]!;
  let penalty = 0;
  for (let k = 0; k <= len; k++) {
    const tr = time[seq[k]! * N + seq[k + 1]!]!;
    let a = t + tr;
    if (k === leg) {
      const bs = Math.max(t, model.breakOpen[v]!);
      a = Math.max(t + tr, model.breakOpen[v]!) + model.breakDur[v]!;
      if (rec) [rec.breakStart, rec.breakAfterStops] = [bs, k];
    }
    if (k === len) {
      if (rec) rec.endArrival = a;
      return a <= model.shiftEnd[v]! ? penalty : Infinity;
    }
    const j = seq[k + 1]!;
    const start = firstStart(model, j, a);
    if (start === Infinity) return Infinity;
    const late = Math.max(0, start - model.softDeadline[j]!);
    penalty += late * model.lateWeight[j]!;
    if (rec) [rec.arrival[k], rec.start[k], rec.lateness[k]] = [a, start, late];
    t = start + model.service[j]!;
  }
  return Infinity;
}
