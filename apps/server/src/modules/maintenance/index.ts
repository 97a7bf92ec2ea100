import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { MaintenanceContext, MaintenancePorts } from './context.ts';
import { generateDue, scheduleGenerate } from './generate.ts';
import { MaintenanceRepository } from './maintenance.repository.ts';
import { maintenanceRoutes } from './maintenance.routes.ts';
import { MaintenanceService } from './maintenance.service.ts';
import { maintenancePolicy } from './maintenance.settings.ts';
import './maintenance.events.ts';

export type { MaintenanceTables } from './maintenance.schema.ts';
export type { MaintenancePorts } from './context.ts';
export { MAINTENANCE_SETTINGS, MAINTENANCE_POLICY_KEY } from './maintenance.settings.ts';
export { GENERATE_JOB } from './generate.ts';
export { nextDue, addMonthsClamped } from './domain/due.ts';
export { maintenanceFigures } from './figures.ts';
export { pmCompliance } from './domain/compliance.ts';

/**
 * Maintenance plans (保养计划, issue #18 item 1): plans per model or category; a periodic job
 * generates 保养 orders ahead of the due dates, one per customer site, exactly once per due date.
 */
export function createMaintenance(deps: AppDeps, ports: MaintenancePorts) {
  const ctx: MaintenanceContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'maintenance' }),
    repo: new MaintenanceRepository(deps.db),
    ports,
  };
  const service = new MaintenanceService(ctx);
  return {
    service,
    /** The generation, for the job and for tests (run it twice: the second creates nothing). */
    generate: () => generateDue(service),
    scheduleJobs: async (jobs: JobQueue) => {
      const { jobIntervalMinutes } = await maintenancePolicy(deps.db);
      await scheduleGenerate(jobs, () => generateDue(service), jobIntervalMinutes * 60);
    },
    register: (app: FastifyInstance) => app.register(maintenanceRoutes(service)),
  };
}
export type MaintenanceModule = ReturnType<typeof createMaintenance>;
