import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { complaintFacts } from '../complaints/index.ts';
import { GradingRepository } from './grading.repository.ts';
import { gradingRoutes } from './grading.routes.ts';
import { GradingService, type ComplaintFactsReader, type ExclusionsReader } from './grading.service.ts';

export { gradeOf } from './grading.repository.ts';
export {
  GradingService,
  type ComplaintFactsReader,
  type ComplaintFactInput,
  type ExclusionsReader,
} from './grading.service.ts';
export { DEFAULT_GRADING_POLICY, GRADING_POLICY_KEY } from './domain/policy.ts';
export { gradeFor, normalise, policyErrors, scoreMonth } from './domain/score.ts';
export type { GradingTables } from './grading.schema.ts';

export const GRADING_MONTHLY_JOB = 'grading.monthly';

export interface GradingOptions {
  /** Reserved for order reads through the work-order service; facts are read in SQL today. */
  workOrders?: unknown;
  network?: unknown;
  /** The complaints module's `complaintFacts` (the default); tests may pass their own reader. */
  complaints?: { complaintFacts: ComplaintFactsReader };
  /** Grade inputs upheld appeals removed: settlement's `gradingExclusions` (bound in modules.ts). */
  exclusions: ExclusionsReader;
}

/**
 * Outlet grading (网点评级, issue #7 part 4): monthly scorecards per outlet from response,
 * arrival, first-time fix, repeat repairs, callback satisfaction, complaints and attitude, scored
 * by the `grading.policy` setting into grades A–D. Finalising a month writes `outlets.grade`,
 * which dispatch ranking reads. `gradeOf(db, outletId, month)` serves settlement.
 */
export function createGrading(deps: AppDeps, opts: GradingOptions) {
  const repo = new GradingRepository(deps.db);
  const service = new GradingService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo,
    complaintFacts: opts.complaints?.complaintFacts ?? complaintFacts,
    exclusions: opts.exclusions,
  });
  const monthlyRun = (now: Date = deps.clock.now()) => service.monthlyRun(now);
  return {
    service,
    /** One pass of the `grading.monthly` job; safe to call repeatedly. */
    monthlyRun,
    /** Checks hourly; computes the previous month once, from the policy's run day on. */
    scheduleJobs: async (jobs: JobQueue, everySeconds = 3600) => {
      jobs.register(GRADING_MONTHLY_JOB, async () => void (await monthlyRun()), { retryLimit: 1 });
      await jobs.schedule(GRADING_MONTHLY_JOB, everySeconds);
    },
    register: (app: FastifyInstance) => app.register(gradingRoutes(service)),
  };
}
export type GradingModule = ReturnType<typeof createGrading>;
export { GRADING_SETTINGS } from './grading.settings.ts';
