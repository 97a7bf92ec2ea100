import type { SearchContext } from './context.ts';
import { Solution } from './solution.ts';

/** Start and final temperatures relative to the mean edge length of the starting solution. */
const T_START = 1;
const T_END = 0.01;
/**
 * With a fixed fleet (hierarchical objective) a ruin-and-recreate step often cannot refit every job
 * into routes that are full, and a prohibitive penalty would freeze the walk. The walk therefore
 * prices an unassigned job at a number of mean edges that rises over the run; only complete plans
 * can become the best one.
 */
const SOFT_UNASSIGNED_EDGES_START = 2;
const SOFT_UNASSIGNED_EDGES_END = 200;

/**
 * Simulated annealing over ruin-and-recreate steps until `until` of the budget is used. The
 * temperature follows the budget's progress so short and long runs both end cold.
 * `fixedFleet`: never use more routes than `best` (the hierarchical objective, after route
 * minimisation); the walk then ignores the route price, which the fleet limit already settles.
 */
export function anneal(ctx: SearchContext, best: Solution, until: number, fixedFleet: boolean): void {
  const { model, rng, budget } = ctx;
  const current = new Solution(model);
  current.copyFrom(best);
  const edge = current.distance() / Math.max(1, model.n - current.unassignedCount + current.usedRoutes());
  const unassignedAt = (done: number) =>
    fixedFleet ? edge * SOFT_UNASSIGNED_EDGES_START * Math.pow(SOFT_UNASSIGNED_EDGES_END / SOFT_UNASSIGNED_EDGES_START, done) : undefined;
  const maxRoutes = fixedFleet ? best.usedRoutes() : Infinity;
  const walkCost = (sol: Solution, perUnassigned: number | undefined) =>
    perUnassigned === undefined ? sol.cost(model) : sol.softCost(perUnassigned);
  let currentCost = walkCost(current, unassignedAt(0));
  let bestCost = best.cost(model);
  const t0 = Math.max(edge * T_START, 1e-9);
  const t1 = Math.max(edge * T_END, 1e-12);
  const from = budget.progress();
  while (!budget.exhausted()) {
    const done = (budget.progress() - from) / Math.max(1e-9, until - from);
    if (done >= 1) return;
    const perUnassigned = unassignedAt(done);
    if (fixedFleet) currentCost = walkCost(current, perUnassigned);
    const cand = ctx.step(current, model.vehicleCost, maxRoutes);
    const cost = walkCost(cand, perUnassigned);
    const temperature = t0 * Math.pow(t1 / t0, done);
    if (cost < currentCost - temperature * Math.log(1 - rng.next())) {
      current.copyFrom(cand);
      currentCost = cost;
    }
    const trueCost = fixedFleet ? cand.cost(model) : cost;
    if (trueCost < bestCost - 1e-9) {
      best.copyFrom(cand);
      bestCost = trueCost;
      ctx.onBest(best);
    }
  }
}
