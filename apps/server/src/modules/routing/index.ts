// Public API of the routing module (technician day planning, issue 5). Other modules import only this.
import type { FastifyInstance } from 'fastify';
import { routingRoutes } from './http/routing.routes.ts';

export { solve, type InThreadOptions } from './domain/solve.ts';
export { validateInstance } from './domain/validate.ts';
export { euclideanTravel, haversineTravel, matrixTravel, travelModelFor } from './domain/travel.ts';
export type { TravelMatrix, TravelModel } from './domain/travel.ts';
export type * from './domain/types.ts';
export { checkPlan, type CheckResult, type Violation } from './checker/check-plan.ts';
export { solveInWorker, type WorkerSolveOptions } from './worker/solve-in-worker.ts';
export { parseSolomon } from './solomon/parse-solomon.ts';

/** The partner-facing solve endpoint; the dispatch board integration arrives with dispatch. */
export function createRouting() {
  return { register: (app: FastifyInstance) => app.register(routingRoutes()) };
}
