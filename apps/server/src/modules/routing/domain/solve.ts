import { anneal } from './anneal.ts';
import { Budget } from './budget.ts';
import { SearchContext } from './context.ts';
import { minimiseFleet } from './fleet.ts';
import { compileModel, type Model } from './model.ts';
import { toPlan } from './plan.ts';
import { unservableReasons } from './reasons.ts';
import { Rng } from './rng.ts';
import { Solution } from './solution.ts';
import type { TravelModel } from './travel.ts';
import type { Plan, RoutingInstance, SolveOptions, SolveResult } from './types.ts';
import { validateInstance } from './validate.ts';

const DEFAULT_TIME_LIMIT_MS = 2000;
/**
 * Hierarchical budget: explore by distance with routes free until EXPLORE_SHARE (it gives the fleet
 * phase a well-structured start), remove routes until FLEET_SHARE at most, then polish distance
 * with the fleet fixed.
 */
const EXPLORE_SHARE = 0.15;
const FLEET_SHARE = 0.75;

export interface InThreadOptions extends SolveOptions {
  /** Custom travel model (e.g. a road-network provider); overrides `instance.travel`. In-thread only. */
  travelModel?: TravelModel;
}

function compile(instance: RoutingInstance, options: InThreadOptions): Model | string {
  try {
    return compileModel(instance, options.objective ?? 'distance', options.travelModel);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Plans the technicians' day: validates, then runs ruin-and-recreate search until the time limit,
 * the iteration budget or cancellation, and returns the best plan found.
 */
export function solve(instance: RoutingInstance, options: InThreadOptions = {}): SolveResult {
  const clock = options.clock ?? (() => performance.now());
  // The limit covers compiling the travel matrix and construction too, not only the search.
  const startedAt = clock();
  const errors = validateInstance(instance);
  if (errors.length > 0) return { ok: false, errors };
  const model = compile(instance, options);
  if (typeof model === 'string')
    return { ok: false, errors: [{ path: 'travel', rule: 'travel_model', message: model }] };
  const reasons = unservableReasons(model, instance);
  const seed = options.seed ?? 1;
  const limit =
    options.timeLimitMs ?? (options.maxIterations === undefined ? DEFAULT_TIME_LIMIT_MS : Infinity);
  const aborted = () => options.signal?.aborted === true || options.shouldStop?.() === true;
  const budget = new Budget(
    clock,
    startedAt,
    { timeLimitMs: limit, maxIterations: options.maxIterations ?? Infinity },
    aborted,
  );
  const best = new Solution(model);
  const plan = (): Plan =>
    toPlan({
      model,
      instance,
      solution: best,
      reasons,
      stats: {
        seed,
        iterations: budget.iterations,
        elapsedMs: budget.elapsedMs(),
        stoppedBy: budget.stoppedBy,
      },
    });
  const ctx = new SearchContext(model, new Rng(seed), budget, throttle(clock, options, plan));
  reasons.forEach((reason, j) => reason === null && best.addUnassigned(j));
  if (best.unassignedCount > 0) search(ctx, best);
  budget.exhausted();
  return { ok: true, plan: plan() };
}

function search(ctx: SearchContext, best: Solution): void {
  construct(ctx, best);
  if (ctx.model.objective === 'distance') anneal(ctx, best, 1, 'objective');
  else {
    anneal(ctx, best, EXPLORE_SHARE, 'free-fleet');
    minimiseFleet(ctx, best, FLEET_SHARE);
    anneal(ctx, best, 1, 'fixed-fleet');
  }
  // A last descent: only strictly improving feasible moves, and cheap next to the search.
  if (ctx.localSearch.apply(best) > 0) ctx.onBest(best);
}

/**
 * Greedy insertion twice: routes free, and routes priced above any travel (few long routes). The
 * cheaper start wins; the second matters where annealing rarely merges routes (e.g. Solomon C2).
 */
function construct(ctx: SearchContext, best: Solution): void {
  const fewRoutes = new Solution(ctx.model);
  fewRoutes.copyFrom(best);
  ctx.recreate.apply(fewRoutes, ctx.rng, { openCost: ctx.model.bigM });
  ctx.recreate.apply(best, ctx.rng, { openCost: ctx.model.vehicleCost });
  if (fewRoutes.cost(ctx.model) < best.cost(ctx.model)) best.copyFrom(fewRoutes);
}

function throttle(clock: () => number, options: SolveOptions, plan: () => Plan): () => void {
  const notify = options.onImprovement;
  if (!notify) return () => {};
  const interval = options.improvementIntervalMs ?? 200;
  let last = -Infinity;
  return () => {
    if (clock() - last < interval) return;
    last = clock();
    notify(plan());
  };
}
