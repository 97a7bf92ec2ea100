import { anneal } from './anneal.ts';
import type { SearchContext } from './context.ts';
import { refreshRoute } from './route.ts';
import { Solution } from './solution.ts';

/** Give up removing routes after this share of the budget passes without success. */
const STALL_SHARE = 0.35;
/** Distance polish after each removed route. */
const POLISH_SHARE = 0.04;
/** After this share without success, start again from the best plan with another route emptied. */
const RETRY_SHARE = 0.08;

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
  emptyRoute(ctx, work, false);
  let workAbsence = absenceSum(work, absences);
  let lastSuccess = budget.progress();
  let lastTry = lastSuccess;
  while (!budget.exhausted() && budget.progress() < Math.min(until, lastSuccess + STALL_SHARE)) {
    if (budget.progress() > lastTry + RETRY_SHARE) {
      work.copyFrom(best);
      emptyRoute(ctx, work, true);
      workAbsence = absenceSum(work, absences);
      lastTry = budget.progress();
    }
    const cand = ctx.step(work, { openCost: Infinity, absences });
    const candAbsence = absenceSum(cand, absences);
    if (cand.unassignedCount < work.unassignedCount || candAbsence <= workAbsence) {
      work.copyFrom(cand);
      workAbsence = candAbsence;
    }
    for (let k = 0; k < cand.unassignedCount; k++) absences[cand.unassigned[k]!]!++;
    if (work.unassignedCount > 0) continue;
    best.copyFrom(work);
    ctx.onBest(best);
    if (work.usedRoutes() <= floor) return;
    // The absence walk ignores distance; a short polish keeps the best plan (and the next start) tidy.
    anneal(ctx, best, Math.min(until, budget.progress() + POLISH_SHARE), 'fixed-fleet');
    lastSuccess = lastTry = budget.progress();
    work.copyFrom(best);
    emptyRoute(ctx, work, false);
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

/** Empties the shortest route, or a random one when retrying, and lists its jobs as unassigned. */
function emptyRoute(ctx: SearchContext, sol: Solution, random: boolean): void {
  let chosen = -1;
  let pick = random ? ctx.rng.int(sol.usedRoutes()) : -1;
  for (let r = 0; r < sol.routes.length; r++) {
    const len = sol.routes[r]!.len;
    if (len === 0) continue;
    if (random ? pick-- === 0 : chosen < 0 || len < sol.routes[chosen]!.len) chosen = r;
  }
  const route = sol.routes[chosen]!;
  for (let k = 1; k <= route.len; k++) sol.addUnassigned(route.nodes[k]!);
  route.len = 0;
  refreshRoute(ctx.model, route, sol.pos);
}
