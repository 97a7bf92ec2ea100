import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { TransitionHook, WorkOrdersService } from '../workorders/index.ts';
import { CallbacksRepository } from './callbacks.repository.ts';
import { callbackRoutes } from './callbacks.routes.ts';
import { CallbacksService } from './callbacks.service.ts';
import type { CallbacksContext } from './context.ts';
import { registerCallbackHooks } from './hooks.ts';
import { scheduleClassify } from './jobs/classify.ts';

export { CallbacksService } from './callbacks.service.ts';
export { CLASSIFY_JOB, type ClassifyResult } from './classification.ts';
export { COMPLAINT_TOPIC, type ComplaintRequested } from './context.ts';
export { CALLBACK_POLICY_KEY, DEFAULT_CALLBACK_POLICY } from './domain/policy.ts';
export { classify, type OrderFacts, type Classification } from './domain/classify.ts';
export type { CallbackTables } from './callbacks.schema.ts';

export interface CallbacksOptions {
  workOrders: { service: WorkOrdersService; hooks: { register(h: TransitionHook): void } };
  calendar: () => Promise<Calendar>;
}

/**
 * Callbacks (回访, issue #7 parts 1–2): a task per entry into 待回访, the quality queue and its
 * outcomes (which close or redo the order through the work-order service), customer rating links
 * and the derived order classifications.
 */
export function createCallbacks(deps: AppDeps, opts: CallbacksOptions) {
  const ctx: CallbacksContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    repo: new CallbacksRepository(deps.db),
    workOrders: opts.workOrders.service,
    calendar: opts.calendar,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new CallbacksService(ctx);
  registerCallbackHooks(ctx, opts.workOrders.hooks);
  const classify = (now: Date = deps.clock.now()) => service.classifyNewRepairs(now);
  return {
    service,
    /** One pass of the `callbacks.classify` job; safe to call repeatedly. */
    classifyNewRepairs: classify,
    scheduleJobs: (jobs: JobQueue, everySeconds = 600) =>
      scheduleClassify(jobs, () => classify(), everySeconds),
    register: (app: FastifyInstance) => app.register(callbackRoutes(service)),
  };
}
export type CallbacksModule = ReturnType<typeof createCallbacks>;
