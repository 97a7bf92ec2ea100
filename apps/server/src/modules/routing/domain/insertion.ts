import { firstStart, type Model } from './model.ts';
import type { Route } from './route.ts';
import { simulate } from './schedule.ts';
import type { Solution } from './solution.ts';

/** Finds the cheapest feasible insertion of a job; the hot loop of the search. */
export class Inserter {
  route = -1;
  pos = -1;
  delta = Infinity;
  private readonly scratch: Int32Array;
  private readonly classSeen: Int32Array;
  private stamp = 0;
  private readonly model: Model;

  constructor(model: Model) {
    this.model = model;
    this.scratch = new Int32Array(model.n + 2);
    this.classSeen = new Int32Array(model.m);
  }

  /**
   * Scans every route and position; a position is skipped with probability `blink` (SISR's
   * "blinks" diversify the greedy choice). Opening an empty route costs `openCost` (Infinity: closed).
   */
  find(sol: Solution, j: number, blink: number, openCost: number, rand: () => number): boolean {
    const model = this.model;
    this.route = -1;
    this.delta = Infinity;
    this.stamp++;
    for (let r = 0; r < model.m; r++) {
      const route = sol.routes[r]!;
      if (!model.compat[j * model.m + r]) continue;
      if (route.load + model.demand[j]! > model.capacity[r]!) continue;
      if (route.len === 0) {
        const c = model.vehClass[r]!;
        if (openCost === Infinity || this.classSeen[c] === this.stamp) continue;
        this.classSeen[c] = this.stamp;
      }
      this.scanRoute(route, r, j, blink, route.len === 0 ? openCost : 0, rand);
    }
    return this.route >= 0;
  }

  private scanRoute(
    route: Route,
    r: number,
    j: number,
    blink: number,
    fixed: number,
    rand: () => number,
  ): void {
    const model = this.model;
    const { N, time, dist } = model;
    const { nodes, depart, latest, len } = route;
    const exact = route.exact(model) || model.lateWeight[j]! > 0;
    const sj = model.service[j]!;
    const row = j * N;
    const firstWindow = model.winOffset[j]!;
    const single = model.winOffset[j + 1]! - firstWindow === 1;
    const open = model.winOpen[firstWindow]!;
    const lastClose = model.winClose[model.winOffset[j + 1]! - 1]!;
    for (let p = 1; p <= len + 1; p++) {
      const prev = nodes[p - 1]!;
      const next = nodes[p]!;
      const arrival = depart[p - 1]! + time[prev * N + j]!;
      if (arrival > lastClose) break; // with the triangle inequality, later positions arrive later
      let delta = dist[prev * N + j]! + dist[row + next]! - dist[prev * N + next]! + fixed;
      if (delta >= this.delta) continue;
      const start = single ? (arrival > open ? arrival : open) : firstStart(model, j, arrival);
      if (start + sj + time[row + next]! > latest[p]!) continue;
      // Blinks only matter for positions that would be chosen, so the coin is tossed last.
      if (blink > 0 && rand() < blink) continue;
      if (exact) {
        const penalty = this.exactPenalty(route, j, p);
        if (penalty === Infinity) continue;
        delta += penalty - route.penalty;
        if (delta >= this.delta) continue;
      }
      this.delta = delta;
      this.route = r;
      this.pos = p;
    }
  }

  private exactPenalty(route: Route, j: number, p: number): number {
    const s = this.scratch;
    s.set(route.nodes.subarray(0, p));
    s[p] = j;
    s.set(route.nodes.subarray(p, route.len + 2), p + 1);
    return simulate(this.model, route.v, s, route.len + 1);
  }
}
