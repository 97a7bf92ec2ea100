import { withTransaction } from '../../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../../platform/events/append.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import { noticeTime, notifyRole } from '../../../platform/notify/index.ts';
import { STREAM, type ComplaintsContext } from '../context.ts';

export const OVERDUE_JOB = 'complaints.overdue_sweep';

export interface OverdueResult {
  /** Complaints past a due time that were looked at. */
  seen: number;
  /** Of those, newly raised (notice + event); a re-run raises nothing twice. */
  raised: number;
}

/**
 * Raises each missed time limit once: a notice to the quality desk and a `complaint.overdue` event.
 * The outbox dedupe key (complaint, limit, reopen count) makes a re-run, or two nodes running it at
 * once, a no-op for what was already raised; the event is written only with a new notice.
 */
export async function sweepOverdue(
  ctx: ComplaintsContext,
  now: Date = ctx.clock.now(),
): Promise<OverdueResult> {
  const rows = await ctx.repo.overdue(now.toISOString());
  let raised = 0;
  for (const r of rows) {
    const limit =
      r.status === 'registered' && r.acknowledgeDueAt && r.acknowledgeDueAt < now.toISOString()
        ? 'acknowledge'
        : 'resolve';
    const due = limit === 'acknowledge' ? r.acknowledgeDueAt : r.resolveDueAt;
    const fresh = await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
      const id = await notifyRole(
        trx,
        now,
        {
          role: 'quality',
          title: `投诉超期 ${r.number}`,
          body: `${limit === 'acknowledge' ? '确认' : '解决'}时限 ${due}`,
          event: `complaints.${limit}_overdue`,
          params: { number: r.number, due: noticeTime(due) },
          ref: `complaint:${r.id}`,
        },
        `complaints.overdue:${r.id}:${limit}:${r.reopenCount}`,
      );
      if (!id) return false;
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: r.id,
        type: 'complaint.overdue',
        actor: SYSTEM,
        at: now,
        data: { limit, dueAt: due },
      });
      afterCommit(ctx.nudgeOutbox);
      return true;
    });
    if (fresh) raised++;
  }
  return { seen: rows.length, raised };
}

/** Registers and schedules the recurring sweep on the app's JobQueue. */
export async function scheduleOverdue(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds = 300,
): Promise<void> {
  jobs.register(OVERDUE_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(OVERDUE_JOB, everySeconds);
}
