// Public API of the routing module (technician day planning, issue 5). Other modules import only this.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { notifySms } from '../../platform/notify/index.ts';
import type { createWorkOrders } from '../workorders/index.ts';
import { routingRoutes } from './http/routing.routes.ts';
import type { Availability } from './planning/context.ts';
import { PlanningRepository } from './planning/planning.repository.ts';
import { planningRoutes } from './planning/planning.routes.ts';
import { PlanningService } from './planning/planning.service.ts';
import { solveInWorker } from './worker/solve-in-worker.ts';

export { solve, type InThreadOptions } from './domain/solve.ts';
export { validateInstance } from './domain/validate.ts';
export { euclideanTravel, haversineTravel, matrixTravel, travelModelFor } from './domain/travel.ts';
export type { TravelMatrix, TravelModel } from './domain/travel.ts';
export type * from './domain/types.ts';
export { checkPlan, type CheckResult, type Violation } from './checker/check-plan.ts';
export { solveInWorker, type WorkerSolveOptions } from './worker/solve-in-worker.ts';
export { parseSolomon } from './solomon/parse-solomon.ts';
export { PlanningService } from './planning/planning.service.ts';
export {
  PLANNING_SETTINGS_KEY,
  PlanningSettingsSchema,
  DEFAULT_PLANNING_SETTINGS,
} from './planning/settings.ts';
export type { Availability } from './planning/context.ts';
export type { RoutePlanTables } from './planning/planning.schema.ts';

export interface RoutingWiring {
  workOrders: Pick<ReturnType<typeof createWorkOrders>, 'service' | 'hooks'>;
  /** The tenant calendar (fallback working days while no shift data is wired). */
  calendar: () => Promise<{ isWorkday(date: string): boolean }>;
  /** The network module's technician availability; without it: the fallback shift on business days. */
  availability?: Availability | undefined;
  /**
   * Queue our own SMS about the new window (dedupe key per plan and order). Off when another module
   * already tells the customer on every appointment (modules/assignment does), so nobody gets two.
   */
  tellCustomers?: boolean;
  /** Replaces the worker-thread solver (tests). */
  solve?: typeof solveInWorker;
}

/** The partner solve endpoint plus day planning for outlets and regions (optimise, adjust, accept). */
export function createRouting(deps: AppDeps, wiring: RoutingWiring) {
  const tellCustomers = wiring.tellCustomers ?? true;
  const planning = new PlanningService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo: new PlanningRepository(deps.db),
    workOrders: wiring.workOrders.service,
    calendar: wiring.calendar,
    availability: wiring.availability,
    solve: wiring.solve ?? solveInWorker,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  });
  // Orders moved by an accepted plan (`intents.routing`): their events carry the plan id, and the
  // customer's message about the new window is queued in the same transaction as the appointment.
  const hooks = wiring.workOrders.hooks;
  hooks.register({
    name: 'routing.plan_assigned',
    to: 'assigned',
    within: async (_trx, { intents }) =>
      intents.routing ? { routePlanId: intents.routing.planId } : undefined,
  });
  hooks.register({
    name: 'routing.plan_scheduled',
    to: 'scheduled',
    within: async (trx, { intents, order, now }) => {
      const plan = intents.routing;
      if (!plan) return undefined;
      if (tellCustomers && plan.notice && order.contactPhone)
        await notifySms(
          trx,
          now,
          { ...plan.notice, to: order.contactPhone },
          `route-plan:${plan.planId}:${order.id}`,
        );
      return { routePlanId: plan.planId };
    },
  });
  return {
    planning,
    register: async (app: FastifyInstance) => {
      await app.register(routingRoutes());
      await app.register(planningRoutes(planning));
    },
  };
}
export { ROUTING_SETTINGS } from './routing.settings.ts';
