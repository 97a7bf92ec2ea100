import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { TransitionHooks, WorkOrdersService } from '../workorders/index.ts';
import type { DispatchContext, TechnicianFit } from './dispatch.context.ts';
import {
  ORDER_REJECTED_TOPIC,
  ORDER_WAITING_TOPIC,
  registerDispatchHooks,
  type OrderRejectedPayload,
  type OrderWaitingPayload,
} from './dispatch.hooks.ts';
import { DispatchRepository } from './dispatch.repository.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { DispatchService } from './dispatch.service.ts';
import { expireOffers, scheduleExpireOffers } from './jobs/expire.ts';

export { DispatchService } from './dispatch.service.ts';
export { EXPIRE_OFFERS_JOB, type ExpireResult } from './jobs/expire.ts';
export { ORDER_WAITING_TOPIC } from './dispatch.hooks.ts';
export type { TechnicianFit } from './dispatch.context.ts';
export { DISPATCH_POLICY_KEY, DEFAULT_DISPATCH_POLICY, modeFor } from './domain/policy.ts';
export { rankOutlets, topEligible, coveringArea } from './domain/rank.ts';
export { outletEligibility, type OutletEligibility, type OutletRefusal } from './domain/eligibility.ts';
export type { DispatchTables } from './dispatch.schema.ts';
export { settledOffers, type SettledOffer } from './reads.ts';

export interface DispatchOptions {
  workOrders: { service: WorkOrdersService; hooks: Pick<TransitionHooks, 'register'> };
  calendar: () => Promise<Calendar>;
}

/**
 * Dispatch to outlets (派单): ranking, offers with an acceptance deadline in business minutes,
 * auto-dispatch and the order pool per region, the time-out job and the dispatch board API.
 */
export function createDispatch(deps: AppDeps, opts: DispatchOptions) {
  const ctx: DispatchContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    repo: new DispatchRepository(deps.db),
    workOrders: opts.workOrders.service,
    calendar: opts.calendar,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new DispatchService(ctx);
  registerDispatchHooks(ctx, opts.workOrders.hooks);
  // After commit of any entry into 待派单: auto regions get their offer (idempotent: the handler
  // only acts on an order still waiting, on the version it reads).
  deps.runtime.outbox.registerTopic<OrderWaitingPayload>(ORDER_WAITING_TOPIC, async (p) => {
    // A redo goes back to its outlet and technician, or waits with the reason (redo-return.ts).
    if (p.sentBackFrom && (await service.redoBack({ ...p, sentBackFrom: p.sentBackFrom }))) return;
    await service.autoOffer(p.orderId);
  });
  // After a rejection commits: back to 待派单 on the rejected version (a concurrent step wins).
  deps.runtime.outbox.registerTopic<OrderRejectedPayload>(ORDER_REJECTED_TOPIC, async (p) => {
    await service.release(p.orderId, p.version, 'outlet_rejected');
  });
  const expire = (now: Date = deps.clock.now()) => expireOffers(service, now);
  return {
    service,
    /** The assignment module's check of the previous technician for a redo (modules.ts). */
    useTechnicianFit: (fit: TechnicianFit) => {
      ctx.technicianFit = fit;
    },
    /** One pass of the `dispatch.expire_offers` job; safe to call repeatedly. */
    expireOffers: expire,
    scheduleJobs: (jobs: JobQueue, everySeconds = 60) =>
      scheduleExpireOffers(jobs, () => expire(), everySeconds),
    register: (app: FastifyInstance) => app.register(dispatchRoutes(service)),
  };
}
export type DispatchModule = ReturnType<typeof createDispatch>;
export { DISPATCH_SETTINGS } from './dispatch.settings.ts';
