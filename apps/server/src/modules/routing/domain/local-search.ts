import { firstStart, type Model } from './model.ts';
import { insertAt, refreshRoute, type Route } from './route.ts';
import type { Solution } from './solution.ts';

/**
 * Granular neighbourhood: a job is only moved next to one of its nearest jobs. 20 keeps almost all
 * improving moves on Solomon-like instances while a pass stays linear in the number of jobs.
 */
const NEIGHBOURS = 20;
/** Bound on improvement passes per call; each pass scans every job once. */
const MAX_PASSES = 10;
const EPS = 1e-9;

/**
 * Inter-route local search with O(1) move evaluation: relocate (a job to a position beside one of its
 * neighbours in another route) and 2-opt* (exchange the tails of two routes, linking a job to a
 * neighbour). Time windows are checked with the routes' forward departures and backward latest
 * arrivals, capacity with prefix loads. Routes with breaks or soft deadlines (`exact`) are left to
 * ruin-and-recreate, whose insertion simulates them. Every applied move is feasible and strictly
 * lowers distance plus vehicle cost.
 */
export class LocalSearch {
  private readonly model: Model;
  private readonly k: number;
  /** prefix[r][p] = load of route r's positions 1..p. */
  private readonly prefix: Float64Array[];
  private readonly tailA: Int32Array;
  private readonly tailB: Int32Array;
  moves = 0;

  constructor(model: Model) {
    this.model = model;
    this.k = Math.min(NEIGHBOURS + 1, model.n);
    this.prefix = Array.from({ length: model.m }, () => new Float64Array(model.n + 2));
    this.tailA = new Int32Array(model.n + 2);
    this.tailB = new Int32Array(model.n + 2);
  }

  /** Applies improving moves until none is left (or MAX_PASSES); returns the number applied. */
  apply(sol: Solution, startAt = 0): number {
    const { n } = this.model;
    for (let r = 0; r < this.model.m; r++) this.loads(sol.routes[r]!);
    let applied = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      for (let k = 0; k < n; k++) {
        const u = (startAt + k) % n;
        if (sol.routeOf[u]! < 0) continue;
        if (this.improveJob(sol, u)) improved = true;
      }
      if (!improved) break;
      applied++;
    }
    return applied;
  }

  private loads(route: Route): void {
    const p = this.prefix[route.v]!;
    let load = 0;
    for (let k = 1; k <= route.len; k++) p[k] = load += this.model.demand[route.nodes[k]!]!;
  }

  private improveJob(sol: Solution, u: number): boolean {
    const { neighbours, n } = this.model;
    let improved = false;
    for (let k = 1; k < this.k; k++) {
      const w = neighbours[u * n + k]!;
      const ra = sol.routeOf[u]!;
      const rb = sol.routeOf[w]!;
      if (ra < 0 || rb < 0 || ra === rb) continue;
      const a = sol.routes[ra]!;
      const b = sol.routes[rb]!;
      if (a.exact(this.model) || b.exact(this.model)) continue;
      if (this.relocate(sol, a, b, u, w) || this.twoOptStar(sol, a, b, u, w)) improved = true;
    }
    return improved;
  }

  /** Moves u from route a to just before or just after w in route b. */
  private relocate(sol: Solution, a: Route, b: Route, u: number, w: number): boolean {
    const model = this.model;
    const { N, dist, time } = model;
    if (!model.compat[u * model.m + b.v]) return false;
    if (b.load + model.demand[u]! > model.capacity[b.v]!) return false;
    const p = sol.pos[u]!;
    const prev = a.nodes[p - 1]!;
    const next = a.nodes[p + 1]!;
    // Leaving u out must keep a feasible (it may not be, without the triangle inequality).
    if (a.depart[p - 1]! + time[prev * N + next]! > a.latest[p + 1]!) return false;
    const gain =
      dist[prev * N + u]! +
      dist[u * N + next]! -
      dist[prev * N + next]! +
      (a.len === 1 ? model.vehicleCost : 0);
    const pw = sol.pos[w]!;
    for (let q = pw - 1; q <= pw; q++) {
      const before = b.nodes[q]!;
      const after = b.nodes[q + 1]!;
      const add = dist[before * N + u]! + dist[u * N + after]! - dist[before * N + after]!;
      if (add >= gain - EPS) continue;
      const start = firstStart(model, u, b.depart[q]! + time[before * N + u]!);
      if (start + model.service[u]! + time[u * N + after]! > b.latest[q + 1]!) continue;
      a.nodes.copyWithin(p, p + 1, a.len + 2);
      a.len--;
      refreshRoute(model, a, sol.pos);
      sol.routeOf[u] = b.v;
      insertAt(model, b, u, q + 1, sol.pos);
      this.loads(a);
      this.loads(b);
      this.moves++;
      return true;
    }
    return false;
  }

  /**
   * Tail exchange between routes of the same vehicle class (same shift, depot and capacity, so the
   * backward data of a tail stays valid in the other route): u → w, or w → u.
   */
  private twoOptStar(sol: Solution, a: Route, b: Route, u: number, w: number): boolean {
    if (this.model.vehClass[a.v] !== this.model.vehClass[b.v]) return false;
    const pu = sol.pos[u]!;
    const pw = sol.pos[w]!;
    // u → w: a keeps 1..pu then b's pw..; b keeps 1..pw-1 then a's pu+1..
    if (this.tryTails(sol, a, b, pu, pw - 1)) return true;
    // w → u: b keeps 1..pw then a's pu..; a keeps 1..pu-1 then b's pw+1..
    return this.tryTails(sol, b, a, pw, pu - 1);
  }

  /** Exchanges tails: x keeps 1..i and takes y's i2+1..; y keeps 1..i2 and takes x's i+1... */
  private tryTails(sol: Solution, x: Route, y: Route, i: number, j: number): boolean {
    const model = this.model;
    const { N, dist, time } = model;
    const x0 = x.nodes[i]!;
    const x1 = x.nodes[i + 1]!;
    const y0 = y.nodes[j]!;
    const y1 = y.nodes[j + 1]!;
    const newLenX = i + (y.len - j);
    const newLenY = j + (x.len - i);
    const closed = (newLenX === 0 ? 1 : 0) + (newLenY === 0 ? 1 : 0);
    const delta =
      dist[x0 * N + y1]! +
      dist[y0 * N + x1]! -
      dist[x0 * N + x1]! -
      dist[y0 * N + y1]! -
      closed * model.vehicleCost;
    if (delta >= -EPS) return false;
    const px = this.prefix[x.v]!;
    const py = this.prefix[y.v]!;
    const loadX = (i > 0 ? px[i]! : 0) + y.load - (j > 0 ? py[j]! : 0);
    const loadY = (j > 0 ? py[j]! : 0) + x.load - (i > 0 ? px[i]! : 0);
    if (loadX > model.capacity[x.v]! || loadY > model.capacity[y.v]!) return false;
    if (x.depart[i]! + time[x0 * N + y1]! > y.latest[j + 1]!) return false;
    if (y.depart[j]! + time[y0 * N + x1]! > x.latest[i + 1]!) return false;
    this.swapTails(sol, x, y, i, j);
    this.moves++;
    return true;
  }

  private swapTails(sol: Solution, x: Route, y: Route, i: number, j: number): void {
    const model = this.model;
    const tx = x.len - i;
    const ty = y.len - j;
    this.tailA.set(x.nodes.subarray(i + 1, x.len + 1));
    this.tailB.set(y.nodes.subarray(j + 1, y.len + 1));
    x.nodes.set(this.tailB.subarray(0, ty), i + 1);
    y.nodes.set(this.tailA.subarray(0, tx), j + 1);
    x.len = i + ty;
    y.len = j + tx;
    for (let k = 0; k < ty; k++) sol.routeOf[this.tailB[k]!] = x.v;
    for (let k = 0; k < tx; k++) sol.routeOf[this.tailA[k]!] = y.v;
    refreshRoute(model, x, sol.pos);
    refreshRoute(model, y, sol.pos);
    this.loads(x);
    this.loads(y);
  }
}
