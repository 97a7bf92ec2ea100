import type { Model } from './model.ts';
import type { Rng } from './rng.ts';
import { removeMarked } from './route.ts';
import type { Solution } from './solution.ts';

/** SISR parameters (Christiaens & Vanden Berghe 2020): mean removed jobs, max string length, split rate. */
const AVG_REMOVED = 10;
const MAX_STRING = 10;
const SPLIT_RATE = 0.5;
const SPLIT_DEPTH = 0.01;
/**
 * Share of ruins that empty a whole short route instead: string removal alone seldom frees a
 * complete route, so the walk gets stuck at one route too many on long-route instances.
 */
const ROUTE_RUIN_RATE = 0.05;

/**
 * Slack induction by string removals: removes strings of consecutive jobs from a few routes that are
 * geographically close to a random seed job, which frees time-window slack in neighbouring routes.
 */
export class StringRuin {
  private readonly model: Model;
  private readonly removed: Uint8Array;
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(model: Model) {
    this.model = model;
    this.removed = new Uint8Array(model.n);
    this.touched = new Int32Array(model.m);
  }

  apply(sol: Solution, rng: Rng): void {
    const { n, neighbours } = this.model;
    const assigned = n - sol.unassignedCount;
    const used = sol.usedRoutes();
    if (assigned === 0) return;
    if (rng.next() < ROUTE_RUIN_RATE && used > 1) return this.ruinRoute(sol, rng);
    const lsMax = Math.min(MAX_STRING, assigned / used);
    const ksMax = (4 * AVG_REMOVED) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    const seed = this.randomAssigned(sol, rng);
    this.stamp++;
    let ruined = 0;
    for (let k = 0; k < n && ruined < ks; k++) {
      const j = neighbours[seed * n + k]!;
      const r = sol.routeOf[j]!;
      if (r < 0 || this.removed[j] || this.touched[r] === this.stamp) continue;
      this.touched[r] = this.stamp;
      ruined++;
      const len = sol.routes[r]!.len;
      const l = Math.floor(rng.next() * Math.min(len, lsMax)) + 1;
      if (rng.next() < SPLIT_RATE || l === len) this.markString(sol, r, j, l, rng);
      else this.markSplitString(sol, r, j, l, rng);
    }
    this.commit(sol);
  }

  /** Empties one used route chosen uniformly. */
  private ruinRoute(sol: Solution, rng: Rng): void {
    this.stamp++;
    let pick = rng.int(sol.usedRoutes());
    for (let r = 0; r < this.model.m; r++) {
      const route = sol.routes[r]!;
      if (route.len === 0 || pick-- > 0) continue;
      this.touched[r] = this.stamp;
      for (let p = 1; p <= route.len; p++) this.removed[route.nodes[p]!] = 1;
      break;
    }
    this.commit(sol);
  }

  private randomAssigned(sol: Solution, rng: Rng): number {
    for (;;) {
      const j = rng.int(this.model.n);
      if (sol.routeOf[j]! >= 0) return j;
    }
  }

  /** First position of a window of `size` consecutive positions (1..len) that contains job j. */
  private windowStart(sol: Solution, r: number, j: number, size: number, rng: Rng): number {
    const len = sol.routes[r]!.len;
    const p = sol.pos[j]!;
    const lo = Math.max(1, p - size + 1);
    const hi = Math.min(p, len - size + 1);
    return lo + rng.int(hi - lo + 1);
  }

  private markString(sol: Solution, r: number, j: number, l: number, rng: Rng): void {
    const start = this.windowStart(sol, r, j, l, rng);
    const nodes = sol.routes[r]!.nodes;
    for (let p = start; p < start + l; p++) this.removed[nodes[p]!] = 1;
  }

  /** Removes l jobs from a window of l + kept jobs, keeping one random block of `kept` jobs. */
  private markSplitString(sol: Solution, r: number, j: number, l: number, rng: Rng): void {
    const len = sol.routes[r]!.len;
    let kept = 1;
    while (l + kept < len && rng.next() > SPLIT_DEPTH) kept++;
    const start = this.windowStart(sol, r, j, l + kept, rng);
    const keepFrom = start + rng.int(l + 1);
    const nodes = sol.routes[r]!.nodes;
    for (let p = start; p < start + l + kept; p++) {
      if (p < keepFrom || p >= keepFrom + kept) this.removed[nodes[p]!] = 1;
    }
  }

  private commit(sol: Solution): void {
    for (let r = 0; r < this.model.m; r++) {
      if (this.touched[r] === this.stamp) removeMarked(this.model, sol.routes[r]!, this.removed, sol.pos);
    }
    for (let j = 0; j < this.model.n; j++) {
      if (!this.removed[j]) continue;
      this.removed[j] = 0;
      sol.addUnassigned(j);
    }
  }
}
