// Test factories: small instances built per test, plus the shared Solomon data for realistic cases.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSolomon } from '../solomon/parse-solomon.ts';
import type { Job, RoutingInstance, Technician } from '../domain/types.ts';

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

const SOLOMON_DIR = new URL('../../../../../../../shared/benchmarks/solomon/instances/', import.meta.url);

export function solomon(name: string): RoutingInstance {
  return parseSolomon(readFileSync(fileURLToPath(new URL(`${name}.txt`, SOLOMON_DIR)), 'utf8'));
}
