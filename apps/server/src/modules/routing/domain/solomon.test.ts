import { describe, expect, it } from 'vitest';
import { checkPlan } from '../checker/check-plan.ts';
import { solomon } from '../../../../test/factories/routing.ts';
import { solve } from './solve.ts';
import type { Objective } from './types.ts';

// Short, iteration-bounded runs: they prove feasibility and sane quality, not benchmark quality.
const CASES: [string, Objective, number][] = [
  ['C101', 'distance', 828.94 * 1.02],
  ['R101', 'hierarchical', 1650.8 * 1.1],
  ['RC201', 'distance', 1265.56 * 1.15],
];

describe('Solomon instances', () => {
  it.each(CASES)('%s (%s) gives a checked, complete plan', (name, objective, bound) => {
    const instance = solomon(name);
    const result = solve(instance, { objective, seed: 1, maxIterations: 1000, timeLimitMs: 3000 });
    if (!result.ok) throw new Error('solve failed');
    const { plan } = result;
    expect(checkPlan(instance, plan).violations).toEqual([]);
    expect(plan.unassigned).toEqual([]);
    expect(plan.cost.distance).toBeLessThan(bound);
    expect(plan.cost.vehicles).toBeLessThanOrEqual(25);
  });

  it('stops at the time limit with the best plan so far', () => {
    const instance = solomon('R101');
    let now = 0;
    // A fake clock that advances 1 ms per reading makes the cut-off deterministic.
    const result = solve(instance, { seed: 1, timeLimitMs: 400, clock: () => now++ });
    expect(result.ok && result.plan.stats.stoppedBy).toBe('time');
    expect(result.ok && checkPlan(instance, result.plan).ok).toBe(true);
  });

  it('stops when the signal aborts', () => {
    const instance = solomon('C101');
    const controller = new AbortController();
    controller.abort();
    const result = solve(instance, { signal: controller.signal, timeLimitMs: 10_000 });
    expect(result.ok && result.plan.stats).toMatchObject({ stoppedBy: 'aborted', iterations: 0 });
    expect(result.ok && result.plan.unassigned).toEqual([]);
  });
});
