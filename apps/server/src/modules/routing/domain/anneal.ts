import type { SearchContext } from './context.ts';
import { Solution } from './solution.ts';

/** Start and final temperatures relative to the mean edge length of the starting solution. */
const T_START = 1;
const T_END = 0.01;
/**
 * With a fixed fleet a ruin-and-recreate step often cannot refit every job into routes that are
 * full, and a prohibitive penalty would freeze the walk. The walk therefore prices an unassigned job
 * at a number of mean edges that rises over the phase; only complete plans can become the best one.
 */
const SOFT_UNASSIGNED_EDGES_START = 20;
const SOFT_UNASSIGNED_EDGES_END = 1000;

/**
 * What the annealing walk minimises (the best plan is always ranked by the true objective):
 * - 'objective': the true objective;
 * - 'free-fleet': the true objective without the route price, so routes open and close freely;
 * - 'fixed-fleet': travel plus a soft unassigned price, never more routes than the best plan.
 */
export type Walk = 'objective' | 'free-fleet' | 'fixed-fleet';

/**
 * Simulated annealing over ruin-and-recreate steps until `until` of the budget is used. The
 * temperature follows the budget's progress so short and long runs both end cold.
 */
export function anneal(ctx: SearchContext, best: Solution, until: number, walk: Walk): void {
  const { model, rng, budget } = ctx;
  const current = new Solution(model);
  current.copyFrom(best);
  const edge = current.distance() / Math.max(1, model.n - current.unassignedCount + current.usedRoutes());
  const fixed = walk === 'fixed-fleet';
  const maxRoutes = fixed ? best.usedRoutes() : Infinity;
  const openCost = walk === 'objective' ? model.vehicleCost : 0;
  const walkCost = (sol: Solution, done: number) => {
    if (walk === 'objective') return sol.cost(model);
    if (walk === 'free-fleet') return sol.cost(model) - model.vehicleCost * sol.usedRoutes();
    const ratio = SOFT_UNASSIGNED_EDGES_END / SOFT_UNASSIGNED_EDGES_START;
    return sol.softCost(edge * SOFT_UNASSIGNED_EDGES_START * Math.pow(ratio, done));
  };
  let currentCost = walkCost(current, 0);
  let bestCost = best.cost(model);
  const t0 = Math.max(edge * T_START, 1e-9);
  const t1 = Math.max(edge * T_END, 1e-12);
  const from = budget.progress();
  while (!budget.exhausted()) {
    const done = (budget.progress() - from) / Math.max(1e-9, until - from);
    if (done >= 1) return;
    if (fixed) currentCost = walkCost(current, done);
    const cand = ctx.step(current, { openCost, maxRoutes });
    let cost = walkCost(cand, done);
    // Local search only polishes candidates that already beat the current plan: running it on every
    // step would cost more ruin-and-recreate iterations than it saves.
    if (cost < currentCost && ctx.localSearch.apply(cand, rng.int(model.n)) > 0) cost = walkCost(cand, done);
    const temperature = t0 * Math.pow(t1 / t0, done);
    if (cost < currentCost - temperature * Math.log(1 - rng.next())) {
      current.copyFrom(cand);
      currentCost = cost;
    }
    const trueCost = walk === 'objective' ? cost : cand.cost(model);
    if (trueCost < bestCost - 1e-9) {
      best.copyFrom(cand);
      bestCost = trueCost;
      ctx.onBest(best);
    }
  }
}
