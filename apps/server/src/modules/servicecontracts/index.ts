import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { ServiceContractContext, ServiceContractPorts } from './context.ts';
import { runRenewals, scheduleRenewals } from './renewals.ts';
import { ServiceContractRepository } from './servicecontracts.repository.ts';
import { serviceContractRoutes } from './servicecontracts.routes.ts';
import { ServiceContractService } from './servicecontracts.service.ts';
import { serviceContractPolicy } from './servicecontracts.settings.ts';
import { countVisit, registerVisitHook, VISIT_TOPIC, type VisitPayload } from './visits.ts';
import './servicecontracts.events.ts';

export type { ServiceContractTables } from './servicecontracts.schema.ts';
export type { ServiceContractPorts, ContractProduct } from './context.ts';
export { SERVICE_CONTRACT_SETTINGS, SERVICE_CONTRACT_POLICY_KEY } from './servicecontracts.settings.ts';
export { RENEWAL_JOB } from './renewals.ts';
export { VISIT_TOPIC } from './visits.ts';
export { entitlement, covers } from './domain/entitlement.ts';
export { instalments } from './domain/billing.ts';
export { serviceContractFigures } from './figures.ts';
export { contractMargin } from './domain/margin.ts';
export { addDays, addMonths } from './domain/term.ts';

/** Contract numbers: HT + the shared daily sequence (HT20261207-0001). */
export const SERVICE_CONTRACT_PREFIX = 'HT';

export interface ServiceContractOptions {
  workOrders: { hooks: Pick<TransitionHooks, 'register'> };
  ports: ServiceContractPorts;
}

/**
 * Service contracts (服务合同, issue #18 item 3): 巡检 / 代理维护 / 维保包干 / 专人值守 sold as
 * products; the entitlement shown at intake; completed orders counted against the visit quota
 * (outbox follow-up of the completion); renewal reminders and expiry by a periodic job.
 */
export function createServiceContracts(deps: AppDeps, opts: ServiceContractOptions) {
  const ctx: ServiceContractContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'servicecontracts' }),
    repo: new ServiceContractRepository(deps.db),
    ports: opts.ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new ServiceContractService(ctx);
  registerVisitHook(ctx, opts.workOrders.hooks);
  deps.runtime.outbox.registerTopic<VisitPayload>(VISIT_TOPIC, async (p) => {
    await countVisit(ctx, p);
  });
  return {
    service,
    /** The outbox handler itself (tests and the seed call it directly). */
    countVisit: (p: VisitPayload) => countVisit(ctx, p),
    /** The reminder and expiry run, for the job and for tests (a second run does nothing). */
    renewals: () => runRenewals(service),
    scheduleJobs: async (jobs: JobQueue) => {
      const { checkIntervalMinutes } = await serviceContractPolicy(deps.db);
      await scheduleRenewals(jobs, () => runRenewals(service), checkIntervalMinutes * 60);
    },
    register: (app: FastifyInstance) => app.register(serviceContractRoutes(service)),
  };
}
export type ServiceContractModule = ReturnType<typeof createServiceContracts>;
