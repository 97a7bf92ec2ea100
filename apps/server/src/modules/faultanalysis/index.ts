import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { FaultAnalysisContext, FaultAnalysisPorts } from './context.ts';
import { faultAnalysisRoutes } from './faultanalysis.routes.ts';
import { FaultAnalysisService } from './faultanalysis.service.ts';
import { faultAnalysisPolicy } from './faultanalysis.settings.ts';
import { runReport, scheduleReport } from './runs.ts';

export type { FaultAnalysisTables } from './faultanalysis.schema.ts';
export type { FaultAnalysisPorts, Named } from './context.ts';
export { FAULT_ANALYSIS_SETTINGS, FAULT_ANALYSIS_POLICY_KEY } from './faultanalysis.settings.ts';
export { REPORT_JOB as FAULT_REPORT_JOB } from './runs.ts';
export { pareto } from './domain/pareto.ts';
export { newFailures } from './domain/alerts.ts';

/**
 * Fault analysis (故障分析, issue #19 item 3): Pareto of repair orders by model, fault code and
 * part, monthly trends and new-failure alerts, as a page, an Excel file and a PDF report; a
 * half-yearly run sends the report's notice to quality and management. Owns only its runs table:
 * every figure is read through the owners (ports bound in modules.ts).
 */
export function createFaultAnalysis(deps: AppDeps, ports: FaultAnalysisPorts) {
  const ctx: FaultAnalysisContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'faultanalysis' }),
    ports,
  };
  const service = new FaultAnalysisService(ctx);
  return {
    service,
    /** The periodic run, for the job and for tests (a second run in the same period does nothing). */
    runReport: () => runReport(ctx),
    scheduleJobs: async (jobs: JobQueue) => {
      const { reportCheckMinutes } = await faultAnalysisPolicy(deps.db);
      await scheduleReport(jobs, () => runReport(ctx), reportCheckMinutes * 60);
    },
    register: (app: FastifyInstance) => app.register(faultAnalysisRoutes(service)),
  };
}
export type FaultAnalysisModule = ReturnType<typeof createFaultAnalysis>;
export { noticeToRole } from './notice.ts';
