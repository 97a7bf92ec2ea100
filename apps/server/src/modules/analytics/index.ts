import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { onEventAppended } from '../../platform/events/append.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { AnalyticsService } from './analytics.service.ts';
import { analyticsPolicy } from './analytics.settings.ts';
import type { AnalyticsContext, AnalyticsPorts } from './context.ts';
import { markDirty } from './listener.ts';
import { rebuildAll, recomputeDay, recomputeRecent, refreshDirty } from './rollups.ts';

export type { AnalyticsTables } from './analytics.schema.ts';
export type { AnalyticsPorts } from './context.ts';
export { ANALYTICS_SETTINGS, ANALYTICS_POLICY_KEY } from './analytics.settings.ts';

export const REFRESH_JOB = 'analytics.refresh';
export const RECENT_JOB = 'analytics.recompute_recent';

/**
 * Analytics (统计分析, issue #19 items 1–2): dashboards read only daily rollups. The rollups are
 * kept by the events (each relevant event marks its order in the appending transaction; a
 * frequent job recomputes the marked orders' days), by a nightly recomputation of the recent days
 * and by a full rebuild (CLI, bench). Every figure is read from the owners through their index.ts
 * (ports bound in modules.ts).
 */
export function createAnalytics(deps: AppDeps, ports: AnalyticsPorts) {
  const ctx: AnalyticsContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'analytics' }),
    ports,
  };
  onEventAppended('analytics', markDirty);
  const service = new AnalyticsService(ctx);
  return {
    service,
    refreshDirty: () => refreshDirty(ctx),
    recomputeDay: (day: string) => recomputeDay(ctx, day),
    recomputeRecent: async () => recomputeRecent(ctx, (await analyticsPolicy(deps.db)).recentDays),
    rebuildAll: () => rebuildAll(ctx),
    scheduleJobs: async (jobs: JobQueue) => {
      const policy = await analyticsPolicy(deps.db);
      jobs.register(REFRESH_JOB, async () => void (await refreshDirty(ctx)), { retryLimit: 0 });
      await jobs.schedule(REFRESH_JOB, policy.refreshEverySeconds);
      jobs.register(
        RECENT_JOB,
        async () => void (await recomputeRecent(ctx, (await analyticsPolicy(deps.db)).recentDays)),
        {
          retryLimit: 0,
        },
      );
      await jobs.schedule(RECENT_JOB, policy.recentEveryHours * 3600);
    },
    register: (app: FastifyInstance) => app.register(analyticsRoutes(service, ctx)),
  };
}
export type AnalyticsModule = ReturnType<typeof createAnalytics>;
