import { Inserter } from './insertion.ts';
import type { Model } from './model.ts';
import type { Rng } from './rng.ts';
import { insertAt } from './route.ts';
import type { Solution } from './solution.ts';

const BLINK_RATE = 0.01;

/** Insertion orders and their weights: SISR's four plus two time-window orders that help on VRPTW. */
const ORDERS = [
  ['random', 4],
  ['demand', 4],
  ['far', 2],
  ['close', 1],
  ['tight', 2],
  ['early', 1],
] as const;
const TOTAL_WEIGHT = ORDERS.reduce((s, [, w]) => s + w, 0);

type OrderName = (typeof ORDERS)[number][0];

export interface RecreateLimits {
  /** Price of opening an empty route (Infinity keeps the current routes only). */
  openCost: number;
  /** Fleet limit, so a route emptied by the ruin can be reopened but no more. */
  maxRoutes?: number;
  /** How often each job was left unassigned during route minimisation. */
  absences?: Int32Array;
}

/** Greedy insertion with blinks of every unassigned job, in a randomly chosen order. */
export class Recreate {
  private readonly model: Model;
  private readonly inserter: Inserter;
  private readonly comparators: Record<Exclude<OrderName, 'random'>, (a: number, b: number) => number>;
  private readonly order: number[] = [];

  constructor(model: Model) {
    this.model = model;
    this.inserter = new Inserter(model);
    const keys = sortKeys(model);
    const by = (key: Float64Array) => (a: number, b: number) => key[a]! - key[b]!;
    this.comparators = {
      demand: by(keys.demand),
      far: by(keys.far),
      close: by(keys.close),
      tight: by(keys.tight),
      early: by(keys.early),
    };
  }

  apply(sol: Solution, rng: Rng, limits: RecreateLimits): void {
    const { openCost, maxRoutes = Infinity, absences } = limits;
    const order = this.orderJobs(sol, rng);
    // Route minimisation: half of the time, jobs that were left out most often go first.
    if (absences && rng.next() < 0.5) order.sort((a, b) => absences[b]! - absences[a]!);
    sol.unassignedCount = 0;
    const rand = () => rng.next();
    let used = sol.usedRoutes();
    for (const j of order) {
      const open = used < maxRoutes ? openCost : Infinity;
      if (!this.inserter.find(sol, j, BLINK_RATE, open, rand)) {
        sol.addUnassigned(j);
        continue;
      }
      sol.routeOf[j] = this.inserter.route;
      if (sol.routes[this.inserter.route]!.len === 0) used++;
      insertAt(this.model, sol.routes[this.inserter.route]!, j, this.inserter.pos, sol.pos);
    }
  }

  private orderJobs(sol: Solution, rng: Rng): number[] {
    const order = this.order;
    order.length = 0;
    for (let k = 0; k < sol.unassignedCount; k++) order.push(sol.unassigned[k]!);
    for (let k = order.length - 1; k > 0; k--) {
      const o = rng.int(k + 1);
      [order[k], order[o]] = [order[o]!, order[k]!];
    }
    const name = pickOrder(rng);
    if (name !== 'random') order.sort(this.comparators[name]);
    return order;
  }
}

function pickOrder(rng: Rng): OrderName {
  let x = rng.next() * TOTAL_WEIGHT;
  for (const [name, w] of ORDERS) {
    if ((x -= w) < 0) return name;
  }
  return 'random';
}

/** Ascending sort keys per order (negated where the order is descending). */
function sortKeys(model: Model) {
  const { n, m, N, dist } = model;
  const depotDist = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let v = 0; v < m; v++) sum += dist[(n + v) * N + j]!;
    depotDist[j] = m > 0 ? sum / m : 0;
  }
  const width = new Float64Array(n);
  const early = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const first = model.winOffset[j]!;
    const last = model.winOffset[j + 1]! - 1;
    width[j] = last >= first ? model.winClose[last]! - model.winOpen[first]! : 0;
    early[j] = last >= first ? model.winOpen[first]! : 0;
  }
  return {
    demand: model.demand.map((d) => -d),
    far: depotDist.map((d) => -d),
    close: depotDist,
    tight: width,
    early,
  };
}
