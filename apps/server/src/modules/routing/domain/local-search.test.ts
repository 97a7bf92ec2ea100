import { describe, expect, it } from 'vitest';
import { checkPlan } from '../checker/check-plan.ts';
import { solomon } from '../../../../test/factories/routing.ts';
import { LocalSearch } from './local-search.ts';
import { compileModel } from './model.ts';
import { toPlan } from './plan.ts';
import { Recreate } from './recreate.ts';
import { Rng } from './rng.ts';
import { simulate } from './schedule.ts';
import { Solution } from './solution.ts';
import type { Objective } from './types.ts';

/** A greedy start with many blinks, so there is plenty left for the local search to improve. */
function start(name: string, objective: Objective) {
  const instance = solomon(name);
  const model = compileModel(instance, objective);
  const sol = new Solution(model);
  for (let j = 0; j < model.n; j++) sol.addUnassigned(j);
  new Recreate(model).apply(sol, new Rng(3), { openCost: model.vehicleCost });
  return { instance, model, sol };
}

describe('LocalSearch (relocate and 2-opt* on granular neighbourhoods)', () => {
  it.each([
    ['R101', 'distance'],
    ['RC201', 'hierarchical'],
    ['C101', 'hierarchical'],
  ] as const)(
    '%s (%s): lowers the cost, keeps every route feasible and passes the checker',
    (name, objective) => {
      const { instance, model, sol } = start(name, objective);
      const before = sol.cost(model);
      const left = Array.from(sol.unassigned.subarray(0, sol.unassignedCount)).sort();
      const ls = new LocalSearch(model);
      ls.apply(sol);
      expect(ls.moves).toBeGreaterThan(0);
      expect(sol.cost(model)).toBeLessThan(before);
      for (const route of sol.routes) {
        if (route.len === 0) continue;
        expect(simulate(model, route.v, route.nodes, route.len)).toBe(0);
        for (let p = 1; p <= route.len; p++) {
          const j = route.nodes[p]!;
          expect([sol.routeOf[j], sol.pos[j]]).toEqual([route.v, p]);
        }
      }
      const plan = toPlan({
        model,
        instance,
        solution: sol,
        reasons: instance.jobs.map(() => null),
        stats: { seed: 3, iterations: 0, elapsedMs: 0, stoppedBy: 'iterations' },
      });
      // Local search moves assigned jobs only; the greedy start's blinks may have left one out.
      expect(plan.unassigned.map((u) => instance.jobs.findIndex((j) => j.id === u.jobId)).sort()).toEqual(
        left,
      );
      expect(checkPlan(instance, plan).violations).toEqual([]);
      // The route totals kept incrementally agree with the plan computed from scratch.
      expect(plan.cost.distance).toBeCloseTo(sol.distance(), 6);
    },
  );

  it('stops at a local optimum: a second call finds nothing', () => {
    const { model, sol } = start('R101', 'distance');
    const ls = new LocalSearch(model);
    ls.apply(sol);
    const cost = sol.cost(model);
    const moves = ls.moves;
    expect(ls.apply(sol)).toBe(0);
    expect(ls.moves).toBe(moves);
    expect(sol.cost(model)).toBe(cost);
  });
});
