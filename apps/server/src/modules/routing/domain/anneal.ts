import type { SearchContext } from './context.ts';
import { Solution } from './solution.ts';

/** Start and final temperatures relative to the mean edge length of the starting solution. */
const T_START = 1;
const T_END = 0.01;

/**
 * Simulated annealing over ruin-and-recreate steps until `until` of the budget is used. The
 * temperature follows the budget's progress so short and long runs both end cold.
 */
export function anneal(ctx: SearchContext, best: Solution, until: number): void {
  const { model, rng, budget } = ctx;
  const current = new Solution(model);
  current.copyFrom(best);
  let currentCost = current.cost(model);
  let bestCost = currentCost;
  const edge = current.distance() / Math.max(1, model.n - current.unassignedCount + current.usedRoutes());
  const t0 = Math.max(edge * T_START, 1e-9);
  const t1 = Math.max(edge * T_END, 1e-12);
  const from = budget.progress();
  while (!budget.exhausted()) {
    const done = (budget.progress() - from) / Math.max(1e-9, until - from);
    if (done >= 1) return;
    const cand = ctx.step(current, model.vehicleCost);
    const cost = cand.cost(model);
    const temperature = t0 * Math.pow(t1 / t0, done);
    if (cost < currentCost - temperature * Math.log(1 - rng.next())) {
      current.copyFrom(cand);
      currentCost = cost;
    }
    if (cost < bestCost - 1e-9) {
      best.copyFrom(cand);
      bestCost = cost;
      ctx.onBest(best);
    }
  }
}
