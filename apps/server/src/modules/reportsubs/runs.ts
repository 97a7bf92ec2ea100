import type { ReportFailureReason, ReportRun } from '@anxin/contracts';
import { REPORT_KIND_PERMISSION } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { insertUserNotice, notifyChannel, notifyRole } from '../../platform/notify/index.ts';
import type { ProducedReport, ReportLocale, ReportSubsContext } from './context.ts';
import { nextDue, periodBefore, periodSlot, type Period } from './domain/schedule.ts';
import { REPORTSUBS_EVENTS, SUBSCRIPTION_STREAM } from './reportsubs.events.ts';
import {
  cadenceOf,
  dueSubscriptions,
  scopeOf,
  toRun,
  toSubscription,
  type SubRow,
} from './reportsubs.repository.ts';
import { reportSubsPolicy } from './reportsubs.settings.ts';
import { periodText, REPORT_WORDS, summaryOf } from './words.ts';

export const DUE_JOB = 'reportsubs.due';
/** The web page a notice links to; it lists the runs and downloads their files. */
export const PAGE_PATH = '/report-subscriptions';
const BATCH = 100;

/** A failure with the reason the run history shows (in the web's words). */
class RunFailure extends Error {
  readonly reason: ReportFailureReason;
  constructor(reason: ReportFailureReason, cause?: unknown) {
    super(reason, { cause });
    this.reason = reason;
  }
}

/** Makes the report as the subscriber, with the subscriber's permissions and data scope. */
async function produce(ctx: ReportSubsContext, sub: SubRow, period: Period): Promise<ProducedReport> {
  const actor: Actor | null = await ctx.ports.actorOf(sub.owner_id);
  if (!actor) throw new RunFailure('owner_inactive');
  const kind = sub.kind as keyof typeof REPORT_KIND_PERMISSION;
  if (!actor.permissions.has(REPORT_KIND_PERMISSION[kind])) throw new RunFailure('not_permitted');
  try {
    return await ctx.ports.producers[kind](actor, {
      period,
      scope: scopeOf(sub),
      locale: sub.locale as ReportLocale,
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'auth.forbidden') throw new RunFailure('not_permitted', err);
    if (code === 'request.validation_failed') throw new RunFailure('invalid_scope', err);
    throw new RunFailure('producer_failed', err);
  }
}

const extOf = (filename: string): string =>
  /\.([A-Za-z0-9]{1,5})$/.exec(filename)?.[1]?.toLowerCase() ?? 'bin';

/** Claims the slot; false when this subscription already has a run for it (other node, retry). */
async function claim(ctx: ReportSubsContext, run: ReturnType<typeof newRun>): Promise<boolean> {
  const res = await ctx.db
    .insertInto('report_runs')
    .values(run)
    .onConflict((oc) => oc.columns(['subscription_id', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

function newRun(sub: SubRow, trigger: 'schedule' | 'manual', period: Period, at: Date) {
  const id = newId();
  return {
    id,
    subscription_id: sub.id,
    slot: trigger === 'schedule' ? periodSlot(period) : `manual:${id}`,
    trigger,
    period_from: period.from,
    period_to: period.to,
    status: 'running',
    reason: null,
    file_key: null,
    file_name: null,
    content_type: null,
    size: null,
    created_at: at.toISOString(),
    finished_at: null,
  };
}

/**
 * One run of a subscription for the period before `due`: claimed by its unique slot, produced as
 * the subscriber, stored, then recorded and delivered in one transaction. Returns the run, or
 * null when the slot was taken already (a second node or a retry does nothing).
 */
export async function runSubscription(
  ctx: ReportSubsContext,
  sub: SubRow,
  trigger: 'schedule' | 'manual',
  due: Date,
): Promise<ReportRun | null> {
  const period = periodBefore(cadenceOf(sub).cadence, due);
  const run = newRun(sub, trigger, period, ctx.clock.now());
  if (!(await claim(ctx, run))) return null;
  let produced: ProducedReport | null = null;
  let reason: ReportFailureReason | null = null;
  const fileKey = `reportsubs/${sub.id}/${run.id}`;
  try {
    produced = await produce(ctx, sub, period);
    await ctx.storage.put(`${fileKey}.${extOf(produced.filename)}`, produced.body).catch((err: unknown) => {
      throw new RunFailure('storage_failed', err);
    });
  } catch (err) {
    reason = err instanceof RunFailure ? err.reason : 'producer_failed';
    ctx.logger.warn({ err, subscriptionId: sub.id, runId: run.id, reason }, 'reportsubs: run failed');
    produced = null;
  }
  // Read before the transaction: on SQLite the transaction holds the only connection.
  const { linkBase } = await reportSubsPolicy(ctx.db);
  const now = ctx.clock.now();
  const done = {
    ...run,
    status: produced ? 'sent' : 'failed',
    reason,
    file_key: produced ? `${fileKey}.${extOf(produced.filename)}` : null,
    file_name: produced?.filename ?? null,
    content_type: produced?.contentType ?? null,
    size: produced?.body.length ?? null,
    finished_at: now.toISOString(),
  };
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    await trx
      .updateTable('report_runs')
      .set({
        status: done.status,
        reason: done.reason,
        file_key: done.file_key,
        file_name: done.file_name,
        content_type: done.content_type,
        size: done.size,
        finished_at: done.finished_at,
      })
      .where('id', '=', run.id)
      .execute();
    await appendEvent(trx, {
      streamType: SUBSCRIPTION_STREAM,
      streamId: sub.id,
      type: REPORTSUBS_EVENTS.type.run_finished,
      actor: SYSTEM,
      at: now,
      data: {
        runId: run.id,
        trigger,
        periodFrom: period.from,
        periodTo: period.to,
        status: done.status,
        reason,
      },
    });
    if (produced) await deliver(trx, sub, run.id, period, produced, now, linkBase);
    afterCommit(() => ctx.nudgeOutbox());
  });
  return toRun(done);
}

/**
 * The notices of a finished run, keyed by the run so a redelivered outbox row sends nothing twice:
 * the subscriber's in-app notice, the roles', an e-mail and the group robots as chosen.
 */
async function deliver(
  trx: Kysely<Database>,
  sub: SubRow,
  runId: string,
  period: Period,
  produced: ProducedReport,
  at: Date,
  linkBase: string,
): Promise<void> {
  const locale = sub.locale as ReportLocale;
  const w = REPORT_WORDS[locale];
  const report = w.kinds[sub.kind as keyof typeof w.kinds];
  const periodLabel = periodText(period.from, period.to);
  const summary = summaryOf(locale, produced.figures);
  const path = `${PAGE_PATH}?run=${runId}`;
  const link = `${linkBase.replace(/\/$/, '')}${path}`;
  const { channels, roles } = toSubscription(sub, null);
  const ref = `report_run:${runId}`;
  const title = w.noticeTitle(report, periodLabel);
  const body = w.noticeBody(summary, path);
  if (channels.includes('in_app'))
    await insertUserNotice(trx, at, `reportsubs:${runId}`, { userId: sub.owner_id, title, body, ref });
  const zh = REPORT_WORDS['zh-CN'];
  const zhReport = zh.kinds[sub.kind as keyof typeof zh.kinds];
  const zhSummary = summaryOf('zh-CN', produced.figures);
  for (const role of roles)
    await notifyRole(
      trx,
      at,
      {
        role,
        title: zh.noticeTitle(zhReport, periodLabel),
        body: zh.noticeBody(zhSummary, path),
        ref,
        event: 'reportsubs.ready',
        params: { report: zhReport, period: periodLabel, link, summary: zhSummary },
      },
      `reportsubs:${runId}:role:${role}`,
    );
  const params = { report, period: periodLabel, link, summary };
  for (const channel of ['email', 'wecom', 'dingtalk'] as const) {
    if (!channels.includes(channel)) continue;
    const to = channel === 'email' ? (sub.email ?? '') : '';
    await notifyChannel(
      trx,
      at,
      { channel, to, event: 'reportsubs.ready', params, locale, ref },
      `reportsubs:${runId}:${channel}`,
    );
  }
}

/**
 * Every subscription whose time has come runs for its period, then moves to its next due time
 * (conditionally: of two nodes, one moves it). A subscription missed for several periods while
 * every node was down catches up one period per pass of the loop.
 */
export async function runDue(ctx: ReportSubsContext): Promise<number> {
  let made = 0;
  for (;;) {
    const now = ctx.clock.now();
    const due = await dueSubscriptions(ctx.db, now.toISOString(), BATCH);
    for (const sub of due) {
      const at = new Date(sub.next_run_at);
      if (await runSubscription(ctx, sub, 'schedule', at)) made++;
      await ctx.db
        .updateTable('report_subscriptions')
        .set({ next_run_at: nextDue(cadenceOf(sub), at).toISOString() })
        .where('id', '=', sub.id)
        .where('next_run_at', '=', sub.next_run_at)
        .execute();
    }
    if (due.length < BATCH) return made;
  }
}

export async function scheduleDue(ctx: ReportSubsContext, jobs: JobQueue): Promise<void> {
  const { checkMinutes } = await reportSubsPolicy(ctx.db);
  jobs.register(DUE_JOB, async () => void (await runDue(ctx)), { retryLimit: 0 });
  await jobs.schedule(DUE_JOB, checkMinutes * 60);
}
