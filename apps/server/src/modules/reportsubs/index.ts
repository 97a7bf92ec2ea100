import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ReportSubsContext, ReportSubsPorts } from './context.ts';
import { reportSubsRoutes } from './reportsubs.routes.ts';
import { ReportSubsService } from './reportsubs.service.ts';
import { runDue, scheduleDue } from './runs.ts';
import './reportsubs.events.ts';

export type { ReportSubsTables } from './reportsubs.schema.ts';
export type { ReportSubsPorts, ReportProducer, ProducedReport } from './context.ts';
export { REPORTSUBS_SETTINGS, REPORTSUBS_POLICY_KEY } from './reportsubs.settings.ts';
export { DUE_JOB as REPORTSUBS_DUE_JOB } from './runs.ts';

/**
 * Scheduled reports (订阅报表, issue #19 item 6): people subscribe to weekly or monthly reports
 * made by their owner modules (ports bound in modules.ts); a job makes each due one for the past
 * period as the subscriber, stores the file and delivers it through platform/notify.
 */
export function createReportSubs(
  deps: AppDeps,
  ports: ReportSubsPorts,
  opts: { storage?: FileStorage } = {},
) {
  const ctx: ReportSubsContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'reportsubs' }),
    storage: opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files')),
    ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const service = new ReportSubsService(ctx);
  return {
    service,
    /** The due run, for the job and for tests (a second run for the same period does nothing). */
    runDue: () => runDue(ctx),
    scheduleJobs: (jobs: JobQueue) => scheduleDue(ctx, jobs),
    register: (app: FastifyInstance) => app.register(reportSubsRoutes(service)),
  };
}
export type ReportSubsModule = ReturnType<typeof createReportSubs>;
