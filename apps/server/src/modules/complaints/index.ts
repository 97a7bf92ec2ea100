import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { COMPLAINT_TOPIC, type ComplaintRequested } from '../callbacks/index.ts';
import type { Calendar } from '../sla/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import { ComplaintsRepository } from './complaints.repository.ts';
import { complaintRoutes } from './complaints.routes.ts';
import { ComplaintsService } from './complaints.service.ts';
import type { ComplaintsContext, Reclassifier } from './context.ts';
import { scheduleOverdue, sweepOverdue } from './jobs/overdue.ts';
import { closeWaitingOrder, CLOSE_ORDER_TOPIC, type CloseOrderRequested } from './transition-complaint.ts';

export { ComplaintsService } from './complaints.service.ts';
export { complaintFacts, type ComplaintFact } from './stats.ts';
export { complaintCountsOfOrders, complaintOrderIds } from './analytics-reads.ts';
export { COMPLAINT_POLICY_KEY, DEFAULT_COMPLAINT_POLICY, dueTimes } from './domain/policy.ts';
export { COMPLAINT_TRANSITIONS, allowedNext, checkTransition } from './domain/lifecycle.ts';
export { ORDER_COMPLAINT_OPENED, ORDER_COMPLAINT_ATTITUDE } from './context.ts';
export { OVERDUE_JOB, type OverdueResult } from './jobs/overdue.ts';
export type { ComplaintTables } from './complaints.schema.ts';

export interface ComplaintsOptions {
  workOrders: { service: WorkOrdersService };
  /** The callbacks module: its service reclassifies an order when its complaints change. */
  callbacks: { service: Reclassifier };
  calendar: () => Promise<Calendar>;
}

/**
 * Complaints (投诉, issue #7 part 3): intake from every source and from unsatisfied callbacks,
 * acknowledgement and resolution SLAs on the business calendar, investigation with responsibility,
 * routing of quality problems, CAPA, closing callback and reopen; complaint and resolution rates.
 */
export function createComplaints(deps: AppDeps, opts: ComplaintsOptions) {
  const ctx: ComplaintsContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    repo: new ComplaintsRepository(deps.db),
    workOrders: opts.workOrders.service,
    callbacks: opts.callbacks.service,
    calendar: opts.calendar,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new ComplaintsService(ctx);
  // One complaint per callback task (source_ref), however often the row is redelivered.
  deps.runtime.outbox.registerTopic<ComplaintRequested>(COMPLAINT_TOPIC, async (p) => {
    await service.openFromCallback(p);
  });
  deps.runtime.outbox.registerTopic<CloseOrderRequested>(CLOSE_ORDER_TOPIC, async (p) => {
    await closeWaitingOrder(ctx, p);
  });
  const sweep = (now: Date = deps.clock.now()) => sweepOverdue(ctx, now);
  return {
    service,
    /** One pass of the `complaints.overdue_sweep` job; safe to call repeatedly. */
    sweepOverdue: sweep,
    scheduleJobs: (jobs: JobQueue, everySeconds = 300) => scheduleOverdue(jobs, () => sweep(), everySeconds),
    register: (app: FastifyInstance) => app.register(complaintRoutes(service)),
  };
}
export type ComplaintsModule = ReturnType<typeof createComplaints>;
export { COMPLAINT_SETTINGS } from './complaints.settings.ts';
