import { describe, expect, it } from 'vitest';
import { checkPlan } from '../checker/check-plan.ts';
import { job, ringInstance, technician } from '../../../../test/factories/routing.ts';
import { solve } from './solve.ts';
import type { Plan, RoutingInstance, SolveOptions } from './types.ts';

const FAST: SolveOptions = { seed: 7, maxIterations: 300, timeLimitMs: 5000 };

function solved(instance: RoutingInstance, options: SolveOptions = FAST): Plan {
  const result = solve(instance, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(checkPlan(instance, result.plan).violations).toEqual([]);
  return result.plan;
}

const routeOf = (plan: Plan, jobId: string) =>
  plan.routes.find((r) => r.stops.some((s) => s.jobId === jobId));

describe('solve on small synthetic instances', () => {
  it('serves every job of a feasible instance within capacity', () => {
    const plan = solved(ringInstance(12, 3));
    expect(plan.unassigned).toEqual([]);
    expect(plan.routes.every((r) => r.load <= 6)).toBe(true);
    expect(plan.cost.vehicles).toBeGreaterThanOrEqual(2);
  });

  it('gives skilled jobs only to technicians with the skill', () => {
    const instance: RoutingInstance = {
      jobs: [
        job('boiler', 10, 0, { skills: ['gas'] }),
        job('tv', -10, 0, { skills: ['av'] }),
        job('plain', 0, 10),
      ],
      technicians: [technician('gas-fitter', { skills: ['gas'] }), technician('av-tech', { skills: ['av'] })],
    };
    const plan = solved(instance);
    expect(routeOf(plan, 'boiler')?.technicianId).toBe('gas-fitter');
    expect(routeOf(plan, 'tv')?.technicianId).toBe('av-tech');
  });

  it('picks the window that fits among several, and honours the break', () => {
    const instance: RoutingInstance = {
      jobs: [
        job('a', 10, 0, {
          windows: [
            { start: 0, end: 5 },
            { start: 300, end: 320 },
          ],
          serviceDuration: 30,
        }),
        job('b', 20, 0, { windows: [{ start: 30, end: 60 }], serviceDuration: 30 }),
      ],
      technicians: [
        technician('t', {
          shift: { start: 20, end: 480 },
          break: { window: { start: 100, end: 200 }, duration: 45 },
        }),
      ],
    };
    const plan = solved(instance);
    const route = plan.routes[0]!;
    expect(route.stops.find((s) => s.jobId === 'a')!.start).toBeGreaterThanOrEqual(300);
    expect(route.break!.start).toBeGreaterThanOrEqual(100);
    expect(route.break!.end - route.break!.start).toBe(45);
  });

  it('reports soft-deadline lateness instead of dropping the job', () => {
    const instance: RoutingInstance = {
      jobs: [job('far', 100, 0, { deadline: { at: 50, kind: 'soft', penaltyPerTimeUnit: 2 } })],
      technicians: [technician('t')],
    };
    const plan = solved(instance);
    expect(plan.cost.lateness).toBeCloseTo(50);
    expect(plan.cost.latenessPenalty).toBeCloseTo(100);
  });

  it('leaves a job unassigned when a hard deadline cannot be met', () => {
    const instance: RoutingInstance = {
      jobs: [job('far', 100, 0, { deadline: { at: 50, kind: 'hard' } }), job('near', 5, 0)],
      technicians: [technician('t')],
    };
    const plan = solved(instance);
    expect(plan.unassigned).toEqual([{ jobId: 'far', reason: 'window_unreachable' }]);
  });

  it('plans real coordinates with the haversine model (kilometres, minutes)', () => {
    const at = (lat: number, lng: number) => ({ lat, lng });
    const instance: RoutingInstance = {
      travel: { kind: 'haversine', roadFactor: 1.3, speedKmh: 30 },
      jobs: [
        {
          id: 'pudong',
          location: at(31.2215, 121.5447),
          serviceDuration: 45,
          windows: [{ start: 540, end: 720 }],
        },
        { id: 'xuhui', location: at(31.1885, 121.4365), serviceDuration: 30 },
      ],
      technicians: [{ id: 'li', start: at(31.2304, 121.4737), shift: { start: 480, end: 1080 } }],
    };
    const plan = solved(instance);
    expect(plan.routes[0]!.stops).toHaveLength(2);
    expect(plan.cost.distance).toBeGreaterThan(10);
  });

  it('uses fewer vehicles under the hierarchical objective', () => {
    const instance = ringInstance(12, 6);
    const plan = solved(instance, { ...FAST, objective: 'hierarchical' });
    expect(plan.cost.vehicles).toBe(2);
  });
});

describe('determinism', () => {
  it('returns the identical plan for the same seed and iteration budget', () => {
    const instance = ringInstance(30, 8);
    const strip = (p: Plan) => ({ routes: p.routes, cost: p.cost });
    expect(strip(solved(instance))).toEqual(strip(solved(instance)));
  });
});

describe('bad input', () => {
  it('returns typed validation errors with field paths', () => {
    const instance: RoutingInstance = {
      jobs: [job('a', 1, 1, { windows: [{ start: 50, end: 10 }] }), job('a', 2, 2, { serviceDuration: -1 })],
      technicians: [technician('t', { shift: { start: 10, end: Number.NaN } })],
    };
    const result = solve(instance, FAST);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.path, e.rule])).toEqual(
      expect.arrayContaining([
        ['jobs[0].windows[0]', 'window_end_before_start'],
        ['jobs[1].id', 'unique_id'],
        ['jobs[1].serviceDuration', 'minimum'],
        ['technicians[0].shift', 'finite_window'],
      ]),
    );
  });

  it('rejects locations that do not match the travel model', () => {
    const instance: RoutingInstance = {
      travel: { kind: 'haversine' },
      jobs: [job('a', 1, 1)],
      technicians: [],
    };
    const result = solve(instance, FAST);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: 'jobs[0].location', rule: 'geo_location' });
  });

  it('lists unservable jobs with reasons instead of failing', () => {
    const instance: RoutingInstance = {
      jobs: [
        job('needs-gas', 1, 0, { skills: ['gas'] }),
        job('too-heavy', 2, 0, { demand: 50 }),
        job('closed', 300, 0, { windows: [{ start: 0, end: 100 }] }),
        job('fine', 3, 0),
      ],
      technicians: [technician('t', { capacity: 10 })],
    };
    const plan = solved(instance);
    expect(plan.unassigned).toEqual([
      { jobId: 'needs-gas', reason: 'no_technician_with_skill' },
      { jobId: 'too-heavy', reason: 'capacity' },
      { jobId: 'closed', reason: 'window_unreachable' },
    ]);
  });

  it('returns an all-unassigned plan when there is no technician', () => {
    const plan = solved({ jobs: [job('a', 1, 1)], technicians: [] });
    expect(plan.unassigned).toEqual([{ jobId: 'a', reason: 'no_technician' }]);
  });

  it('handles an empty instance', () => {
    expect(solved({ jobs: [], technicians: [technician('t')] }).routes).toEqual([]);
  });
});
