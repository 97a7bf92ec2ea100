import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { TransitionHooks, WorkOrdersService } from '../workorders/index.ts';
import { CallbacksRepository } from './callbacks.repository.ts';
import { callbackRoutes } from './callbacks.routes.ts';
import { CallbacksService } from './callbacks.service.ts';
import { callbackPolicy, type CallbacksContext } from './context.ts';
import { registerCallbackHooks } from './hooks.ts';
import { scheduleClassify } from './jobs/classify.ts';
import {
  handOff,
  HANDOFF_TOPIC,
  scheduleHandoffSweep,
  sweepHandoffs,
  type HandoffPayload,
} from './handoff.ts';

export { CallbacksService } from './callbacks.service.ts';
export { CLASSIFY_JOB, type ClassifyResult } from './classification.ts';
export { COMPLAINT_TOPIC, type ComplaintRequested } from './context.ts';
export { HANDOFF_TOPIC, HANDOFF_SWEEP_JOB, type HandoffSweepResult } from './handoff.ts';
export { CALLBACK_POLICY_KEY, DEFAULT_CALLBACK_POLICY } from './domain/policy.ts';
export { classify, type OrderFacts, type Classification } from './domain/classify.ts';
export type { CallbackTables } from './callbacks.schema.ts';
export {
  callbackVerdicts,
  classesOfOrders,
  outletClassesSettling,
  outletVerdicts,
  verdictsOfOrders,
  type OutletVerdict,
  type SettlingClass,
} from './reads.ts';

export interface CallbacksOptions {
  workOrders: { service: WorkOrdersService; hooks: Pick<TransitionHooks, 'register'> };
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
  deps.runtime.outbox.registerTopic<HandoffPayload>(HANDOFF_TOPIC, async (p) => {
    await handOff(ctx, p.orderId);
  });
  // The grace time is the callback policy's (a setting), read on every pass.
  const sweep = async (now: Date = deps.clock.now()) =>
    sweepHandoffs(ctx, now, (await callbackPolicy(ctx.db)).value.handoffGraceMinutes);
  const classify = (now: Date = deps.clock.now()) => service.classifyNewRepairs(now);
  return {
    service,
    /** One pass of the `callbacks.classify` job; safe to call repeatedly. */
    classifyNewRepairs: classify,
    /** The hand-off handler itself (completed → 待回访 as the system; a no-op once moved). */
    handOff: (orderId: string) => handOff(ctx, orderId),
    /** One pass of the `callbacks.handoff_sweep` job (completed orders stuck before 待回访). */
    sweepHandoffs: sweep,
    scheduleJobs: async (jobs: JobQueue, everySeconds = 600) => {
      await scheduleClassify(jobs, () => classify(), everySeconds);
      await scheduleHandoffSweep(jobs, () => sweep(), 300);
    },
    register: (app: FastifyInstance) => app.register(callbackRoutes(service)),
  };
}
export type CallbacksModule = ReturnType<typeof createCallbacks>;
export { CALLBACK_SETTINGS } from './callbacks.settings.ts';

/** Callback verdicts per UTC hour in the caller's data scope (the workbench's satisfaction figure). */
export const callbackVerdictsPerHour = (db: Kysely<Database>, scope: ActorScope, from: string, to: string) =>
  new CallbacksRepository(db).verdictsPerHour(scope, from, to);
