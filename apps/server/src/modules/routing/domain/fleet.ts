import type { SearchContext } from './context.ts';
import { refreshRoute } from './route.ts';
import { Solution } from './solution.ts';

/** Give up removing routes after this share of the budget passes without success. */
const STALL_SHARE = 0.35;

/**
 * Route minimisation (SISR's fleet phase): empty one route, then ruin-and-recreate without opening
 * routes, accepting a candidate with fewer unassigned jobs or a smaller sum of "absence" counts
 * (how often each job was left out), which steers the search towards placing hard jobs.
 * Every time all jobs fit again, the smaller fleet becomes the best solution.
 */
export function minimiseFleet(ctx: SearchContext, best: Solution, until: number): void {
  const { model, budget } = ctx;
  const floor = fleetLowerBound(ctx, best);
  if (best.unassignedCount > 0 || best.usedRoutes() <= floor) return;
  const absences = new Int32Array(model.n);
  const work = new Solution(model);
  work.copyFrom(best);
  emptySmallestRoute(ctx, work);
  let workAbsence = absenceSum(work, absences);
  let lastSuccess = budget.progress();
  while (!budget.exhausted() && budget.progress() < Math.min(until, lastSuccess + STALL_SHARE)) {
    const cand = ctx.step(work, Infinity);
    const candAbsence = absenceSum(cand, absences);
    if (cand.unassignedCount < work.unassignedCount || candAbsence < workAbsence) {
      work.copyFrom(cand);
      workAbsence = candAbsence;
    }
    for (let k = 0; k < cand.unassignedCount; k++) absences[cand.unassigned[k]!]!++;
    if (work.unassignedCount > 0) continue;
    best.copyFrom(work);
    ctx.onBest(best);
    lastSuccess = budget.progress();
    if (work.usedRoutes() <= floor) return;
    emptySmallestRoute(ctx, work);
    workAbsence = absenceSum(work, absences);
  }
}

/** Capacity bound: no fleet can carry the total demand in fewer routes. */
function fleetLowerBound(ctx: SearchContext, sol: Solution): number {
  const { model } = ctx;
  let demand = 0;
  for (let j = 0; j < model.n; j++) if (sol.routeOf[j]! >= 0) demand += model.demand[j]!;
  const largest = Math.max(...model.capacity);
  return Math.max(1, Number.isFinite(largest) && largest > 0 ? Math.ceil(demand / largest - 1e-9) : 1);
}

function absenceSum(sol: Solution, absences: Int32Array): number {
  let sum = 0;
  for (let k = 0; k < sol.unassignedCount; k++) sum += absences[sol.unassigned[k]!]!;
  return sum;
}

function emptySmallestRoute(ctx: SearchContext, sol: Solution): void {
  let smallest = -1;
  for (let r = 0; r < sol.routes.length; r++) {
    const len = sol.routes[r]!.len;
    if (len > 0 && (smallest < 0 || len < sol.routes[smallest]!.len)) smallest = r;
  }
  const route = sol.routes[smallest]!;
  for (let k = 1; k <= route.len; k++) sol.addUnassigned(route.nodes[k]!);
  route.len = 0;
  refreshRoute(ctx.model, route, sol.pos);
}
