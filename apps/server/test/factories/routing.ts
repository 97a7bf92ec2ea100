// Routing factories: small instances built per test, plus the vendored Solomon instances
// (bench/routing/data/solomon, see its README) for realistic cases.
import type { Job, RoutingInstance, Technician } from '../../src/modules/routing/index.ts';
import { loadInstance, SOLOMON_DATA } from '../../bench/routing/data.ts';

export function job(id: string, x: number, y: number, extra: Partial<Job> = {}): Job {
  return { id, location: { x, y }, serviceDuration: 10, ...extra };
}

export function technician(id: string, extra: Partial<Technician> = {}): Technician {
  return { id, start: { x: 0, y: 0 }, shift: { start: 0, end: 480 }, ...extra };
}

/** A ring of jobs around the depot, each with a generous window. */
export function ringInstance(jobs = 12, technicians = 3): RoutingInstance {
  return {
    jobs: Array.from({ length: jobs }, (_, k) => {
      const angle = (2 * Math.PI * k) / jobs;
      return job(`j${k}`, Math.round(40 * Math.cos(angle)), Math.round(40 * Math.sin(angle)), {
        windows: [{ start: 0, end: 400 }],
        demand: 1,
      });
    }),
    technicians: Array.from({ length: technicians }, (_, k) => technician(`t${k}`, { capacity: 6 })),
  };
}

/** One of the 56 Solomon instances by name (`C101`, `R101`, `RC201`, …). */
export function solomon(name: string): RoutingInstance {
  return loadInstance(SOLOMON_DATA, name);
}
