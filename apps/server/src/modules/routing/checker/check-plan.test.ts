import { describe, expect, it } from 'vitest';
import type { Plan, PlannedRoute, RoutingInstance } from '../domain/types.ts';
import { job, technician } from '../../../../test/factories/routing.ts';
import { checkPlan } from './check-plan.ts';

// Hand-built plans on a line: depot at 0, job a at x=10, job b at x=20 (travel time = distance).
const instance: RoutingInstance = {
  jobs: [
    job('a', 10, 0, { windows: [{ start: 0, end: 50 }], demand: 4, skills: ['gas'] }),
    job('b', 20, 0, { windows: [{ start: 30, end: 100 }], demand: 4, deadline: { at: 40, kind: 'soft' } }),
  ],
  technicians: [
    technician('t', {
      shift: { start: 0, end: 200 },
      capacity: 10,
      skills: ['gas'],
      break: { window: { start: 40, end: 60 }, duration: 15 },
    }),
    technician('u', { capacity: 5 }),
  ],
};

function validRoute(): PlannedRoute {
  return {
    technicianId: 't',
    departure: 0,
    arrival: 95,
    stops: [
      { jobId: 'a', arrival: 10, start: 10, end: 20, lateness: 0 },
      { jobId: 'b', arrival: 30, start: 30, end: 40, lateness: 0 },
    ],
    break: { start: 40, end: 55, afterStops: 2 },
    distance: 40,
    duration: 95,
    load: 8,
  };
}

function plan(routes: PlannedRoute[], unassigned: Plan['unassigned'] = []): Plan {
  const distance = routes.reduce((s, r) => s + r.distance, 0);
  const duration = routes.reduce((s, r) => s + r.arrival - r.departure, 0);
  const lateness = routes.reduce((s, r) => s + r.stops.reduce((x, stop) => x + stop.lateness, 0), 0);
  return {
    objective: 'distance',
    routes,
    unassigned,
    cost: {
      total: distance,
      distance,
      duration,
      vehicles: routes.length,
      vehicleCost: 0,
      lateness,
      latenessPenalty: lateness,
      unassigned: unassigned.length,
      unassignedPenalty: 0,
    },
    stats: { seed: 1, iterations: 0, elapsedMs: 0, stoppedBy: 'iterations' },
  };
}

const rules = (p: Plan) => checkPlan(instance, p).violations.map((v) => v.rule);

function edited(edit: (r: PlannedRoute) => void): Plan {
  const route = validRoute();
  edit(route);
  return plan([route]);
}

describe('checkPlan', () => {
  it('accepts a valid hand-built plan and recomputes its cost', () => {
    const result = checkPlan(instance, plan([validRoute()]));
    expect(result.violations).toEqual([]);
    expect(result.cost).toMatchObject({ distance: 40, vehicles: 1, duration: 95 });
  });

  it('catches a service start outside the time window', () => {
    expect(rules(edited((r) => Object.assign(r.stops[0]!, { arrival: 60, start: 60, end: 70 })))).toContain(
      'time_window',
    );
  });

  it('catches arriving faster than the travel time allows', () => {
    expect(rules(edited((r) => Object.assign(r.stops[1]!, { arrival: 21, start: 30, end: 40 })))).toContain(
      'travel_time',
    );
  });

  it('catches service starting before arrival and short service', () => {
    expect(rules(edited((r) => Object.assign(r.stops[1]!, { arrival: 35, start: 30, end: 35 })))).toEqual(
      expect.arrayContaining(['start_before_arrival', 'service_duration']),
    );
  });

  it('catches unreported soft-deadline lateness', () => {
    expect(rules(edited((r) => Object.assign(r.stops[1]!, { arrival: 45, start: 45, end: 55 })))).toContain(
      'lateness',
    );
  });

  it('catches a missing, misplaced or short break', () => {
    expect(rules(edited((r) => delete r.break))).toContain('break_missing');
    expect(rules(edited((r) => (r.break = { start: 20, end: 35, afterStops: 1 })))).toContain('break_window');
    expect(rules(edited((r) => (r.break = { start: 40, end: 45, afterStops: 2 })))).toContain(
      'break_duration',
    );
  });

  it('catches a route ending after the shift or leaving before it', () => {
    expect(rules(edited((r) => (r.arrival = 250)))).toContain('shift_end');
    expect(rules(edited((r) => (r.departure = -5)))).toContain('shift_start');
  });

  it('catches missing skills and exceeded capacity', () => {
    const wrongTech = edited((r) => (r.technicianId = 'u'));
    expect(rules(wrongTech)).toEqual(expect.arrayContaining(['skills', 'capacity']));
  });

  it('catches duplicated, missing and unknown jobs', () => {
    expect(rules(plan([validRoute()], [{ jobId: 'a', reason: 'capacity' }]))).toContain('job_once');
    expect(rules(edited((r) => r.stops.pop()))).toContain('job_missing');
    expect(rules(edited((r) => (r.stops[0]!.jobId = 'ghost')))).toContain('unknown_job');
  });

  it('catches a misreported distance (wrong depot or cost)', () => {
    const route = validRoute();
    route.distance = 30;
    expect(rules(plan([route]))).toContain('route_distance');
  });

  it('catches a technician used twice', () => {
    expect(rules(plan([validRoute(), validRoute()]))).toEqual(
      expect.arrayContaining(['technician_once', 'job_once']),
    );
  });
});
