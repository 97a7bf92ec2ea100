import type { FaultAnalysisRun } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { analyseAll } from './analysis.ts';
import type { FaultAnalysisContext } from './context.ts';
import { beijingDate, lastFinishedPeriod } from './domain/period.ts';
import { faultAnalysisPolicy } from './faultanalysis.settings.ts';
import { noticeToRole } from './notice.ts';
import { FAULT_WORDS } from './words.ts';

export const REPORT_JOB = 'faultanalysis.report';
/** Where the notice sends people (the web page lists the runs and downloads the report). */
export const PAGE_PATH = '/fault-analysis';

/**
 * The periodic report: once the last period (half year by default) has ended, its analysis is
 * recorded as one run, unique per period, and the roles of the setting get an in-app notice with
 * the page to open. Run twice, or on two nodes at once, the loser's insert finds the period taken
 * and sends nothing. Returns the run made now, or null when the period already had one.
 */
export async function runReport(ctx: FaultAnalysisContext): Promise<FaultAnalysisRun | null> {
  const now = ctx.clock.now();
  const policy = await faultAnalysisPolicy(ctx.db);
  const period = lastFinishedPeriod(beijingDate(now), policy.reportMonths);
  const taken = await ctx.db
    .selectFrom('fault_analysis_runs')
    .select('id')
    .where('period_from', '=', period.from)
    .where('period_to', '=', period.to)
    .executeTakeFirst();
  if (taken) return null;
  const all = await analyseAll(ctx, { ...period, category: null }, policy);
  const alerts = all.model.alerts.length + all.fault_code.alerts.length + all.part.alerts.length;
  const run: FaultAnalysisRun = {
    id: newId(),
    periodFrom: period.from,
    periodTo: period.to,
    orders: all.model.orders,
    alerts,
    notified: policy.reportRoles.length,
    createdAt: now.toISOString(),
  };
  return withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const ins = await trx
      .insertInto('fault_analysis_runs')
      .values({
        id: run.id,
        period_from: run.periodFrom,
        period_to: run.periodTo,
        orders: run.orders,
        alerts: run.alerts,
        notified: run.notified,
        created_at: run.createdAt,
      })
      .onConflict((oc) => oc.columns(['period_from', 'period_to']).doNothing())
      .executeTakeFirst();
    if (Number(ins.numInsertedOrUpdatedRows ?? 0n) !== 1) return null;
    const w = FAULT_WORDS['zh-CN'];
    for (const role of policy.reportRoles)
      await noticeToRole(
        trx,
        now,
        {
          role,
          title: w.noticeTitle(run.periodFrom, run.periodTo),
          body: `${w.noticeBody(run.orders, run.alerts)}（${PAGE_PATH}?from=${run.periodFrom}&to=${run.periodTo}）`,
          ref: `fault_analysis_run:${run.id}`,
          params: {
            from: run.periodFrom,
            to: run.periodTo,
            orders: String(run.orders),
            alerts: String(run.alerts),
            link: `${PAGE_PATH}?from=${run.periodFrom}&to=${run.periodTo}`,
          },
        },
        `${REPORT_JOB}:${run.periodFrom}:${run.periodTo}:${role}`,
      );
    return run;
  });
}

/** The runs, newest period first. */
export async function listRuns(ctx: FaultAnalysisContext, limit = 50): Promise<FaultAnalysisRun[]> {
  const rows = await ctx.db
    .selectFrom('fault_analysis_runs')
    .selectAll()
    .orderBy('period_from', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    orders: Number(r.orders),
    alerts: Number(r.alerts),
    notified: Number(r.notified),
    createdAt: r.created_at,
  }));
}

export async function scheduleReport(jobs: JobQueue, run: () => Promise<unknown>, everySeconds: number) {
  jobs.register(REPORT_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(REPORT_JOB, everySeconds);
}
