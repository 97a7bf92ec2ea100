import type { FastifyInstance } from 'fastify';
import { PERMISSIONS } from '@anxin/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { systemActor } from '../../platform/auth/actor.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { insertUserNotice } from '../../platform/notify/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import { EscalationRepository } from './escalation.repository.ts';
import { escalationRoutes } from './escalation.routes.ts';
import { ESCALATION_NOTIFY_TOPIC, EscalationService, type UserNotice } from './escalation.service.ts';

export { EscalationService, ESCALATION_NOTIFY_TOPIC } from './escalation.service.ts';
export { ESCALATION_POLICY_KEY, DEFAULT_ESCALATION_POLICY } from './domain/policy.ts';
export type { EscalationTables } from './escalation.schema.ts';

/** Emitted by fieldwork when the technician's result is "needs escalation". */
export const FIELDWORK_ESCALATION_TOPIC = 'fieldwork.escalation_requested';
export interface EscalationRequested {
  orderId: string;
  reason: string;
  technicianId?: string | null;
}
export const ESCALATION_SWEEP_JOB = 'escalation.sla_sweep';

export function createEscalation(deps: AppDeps, m: { workOrders: { service: WorkOrdersService } }) {
  const repo = new EscalationRepository(deps.db);
  const service = new EscalationService({
    db: deps.db,
    clock: deps.clock,
    repo,
    workOrders: m.workOrders.service,
    logger: deps.logger,
  });
  const system = systemActor(PERMISSIONS);

  /** One escalation per outbox message: its row id is stable across redeliveries. */
  const onFailedRepair = (p: EscalationRequested, outboxId: string) =>
    service.auto(system, p.orderId, p.reason || 'failed repair', 'failed_repair', `fieldwork:${outboxId}`);
  deps.runtime.outbox.registerTopic<EscalationRequested>(FIELDWORK_ESCALATION_TOPIC, async (p, ctx) => {
    await onFailedRepair(p, ctx.id);
  });
  deps.runtime.outbox.registerTopic<UserNotice>(ESCALATION_NOTIFY_TOPIC, async (n, ctx) => {
    await insertUserNotice(deps.db, deps.clock.now(), `outbox:${ctx.id}`, n);
  });

  const sweepSlaBreaches = () => service.sweepSlaBreaches(system);
  return {
    service,
    onFailedRepair,
    /** One pass of the SLA-breach sweep (the `escalation.sla_sweep` job body); idempotent. */
    sweepSlaBreaches,
    scheduleJobs: async (jobs: JobQueue, everySeconds = 60) => {
      jobs.register(ESCALATION_SWEEP_JOB, async () => void (await sweepSlaBreaches()), { retryLimit: 0 });
      await jobs.schedule(ESCALATION_SWEEP_JOB, everySeconds);
    },
    register: (app: FastifyInstance) => app.register(escalationRoutes(service)),
  };
}
export type EscalationModule = ReturnType<typeof createEscalation>;
export { ESCALATION_SETTINGS } from './escalation.settings.ts';
