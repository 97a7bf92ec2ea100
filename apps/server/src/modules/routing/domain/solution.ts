import type { Model } from './model.ts';
import { Route } from './route.ts';

/** A complete assignment: one route per technician plus the jobs left out. */
export class Solution {
  readonly routes: Route[];
  /** Route index of each job, -1 when unassigned. */
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  readonly unassigned: Int32Array;
  unassignedCount = 0;

  constructor(model: Model) {
    this.routes = Array.from({ length: model.m }, (_, v) => new Route(model, v));
    this.routeOf = new Int32Array(model.n).fill(-1);
    this.pos = new Int32Array(model.n);
    this.unassigned = new Int32Array(model.n);
  }

  copyFrom(other: Solution): void {
    for (let r = 0; r < this.routes.length; r++) this.routes[r]!.copyFrom(other.routes[r]!);
    this.routeOf.set(other.routeOf);
    this.pos.set(other.pos);
    this.unassigned.set(other.unassigned.subarray(0, other.unassignedCount));
    this.unassignedCount = other.unassignedCount;
  }

  addUnassigned(j: number): void {
    this.routeOf[j] = -1;
    this.unassigned[this.unassignedCount++] = j;
  }

  usedRoutes(): number {
    let used = 0;
    for (const r of this.routes) if (r.len > 0) used++;
    return used;
  }

  cost(model: Model): number {
    let total = 0;
    for (const r of this.routes) if (r.len > 0) total += r.distance + r.penalty + model.vehicleCost;
    for (let k = 0; k < this.unassignedCount; k++) total += model.penalty[this.unassigned[k]!]!;
    return total;
  }

  /** Travel and lateness only, with a flat price per unassigned job (a softened objective). */
  softCost(perUnassigned: number): number {
    let total = perUnassigned * this.unassignedCount;
    for (const r of this.routes) if (r.len > 0) total += r.distance + r.penalty;
    return total;
  }

  distance(): number {
    let total = 0;
    for (const r of this.routes) if (r.len > 0) total += r.distance;
    return total;
  }
}
