import type { Kysely } from 'kysely';
import type { SlaMetric } from '@anxin/contracts';
import type { Database } from '../../../database.ts';
import type { DialectName } from '../../../platform/db/types.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../../platform/events/append.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import type { Logger } from '../../../platform/logging/index.ts';
import { noticeTime, notifyRole } from '../../../platform/notify/index.ts';
import { evaluateClock } from '../domain/clock.ts';
import { orderSla, refreshClock, type Calendar } from '../clocks.ts';
import type { ClockRecord, SlaOrdersPort, SlaRepository } from '../sla.repository.ts';
import { SLA_EVENTS } from '../sla.events.ts';

/** The metric as the zh-CN notices name it (robots render the default locale). */
const METRIC_WORDS: Record<SlaMetric, string> = {
  first_contact: '首次联系',
  response: '响应',
  arrival: '上门',
  resolution: '解决',
};

export const SLA_EVALUATE_JOB = 'sla.evaluate';

export interface EvaluateDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  repo: SlaRepository;
  /** The work-order module's writes of `work_orders.sla_state` / `sla_due_at`. */
  orders: SlaOrdersPort;
  calendar: () => Promise<Calendar>;
  logger?: Logger;
}

export interface EvaluateResult {
  atRisk: number;
  breached: number;
  /** Clocks still without calendar data (state `unknown`; administrators are notified once each). */
  calendarErrors: number;
}

const BATCH = 500;

/**
 * Raises `sla.at_risk` / `sla.breached` at most once per clock. The conditional update in
 * `markRaised` is the idempotency guard; the outbox dedupe key guards the notification as well, so
 * running the job twice (or on two nodes) raises each event once.
 */
export async function evaluateSlas(deps: EvaluateDeps, now: Date): Promise<EvaluateResult> {
  const result: EvaluateResult = { atRisk: 0, breached: 0, calendarErrors: 0 };
  await retryCalendarErrors(deps, now, result);
  const nowIso = now.toISOString();
  let after: { at: string; orderId: string; metric: string } | undefined;
  for (;;) {
    const batch = await deps.repo.due(nowIso, BATCH, after);
    for (const c of batch) await raiseFor(deps, c, now, result);
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = { at: last.nextCheckAt!, orderId: last.orderId, metric: last.metric };
  }
  return result;
}

async function raiseFor(
  deps: EvaluateDeps,
  c: ClockRecord,
  now: Date,
  result: EvaluateResult,
): Promise<void> {
  const snapshot = {
    dueAt: c.dueAt ? new Date(c.dueAt) : null,
    atRiskAt: c.atRiskAt ? new Date(c.atRiskAt) : null,
    stoppedAt: c.stoppedAt ? new Date(c.stoppedAt) : null,
  };
  const state = evaluateClock(snapshot, now);
  if (state === 'on_track') return;
  const kind = state === 'breached' ? 'breached' : 'at_risk';
  // After at_risk the job next looks at the due time; after a breach never again.
  const next = kind === 'at_risk' && !c.stoppedAt ? c.dueAt : null;
  await withTransaction(deps.db, deps.dialect, async ({ trx }) => {
    if (!(await deps.repo.markRaised(trx, c, kind, now.toISOString(), next))) return;
    await deps.orders.worsenSla(trx, c.orderId, kind);
    const number = await deps.orders.numberOf(trx, c.orderId);
    await appendEvent(trx, {
      streamType: 'work_order',
      streamId: c.orderId,
      type: SLA_EVENTS.type[kind],
      actor: SYSTEM,
      at: now,
      data: { metric: c.metric, dueAt: c.dueAt, atRiskAt: c.atRiskAt },
    });
    await notifyRole(
      trx,
      now,
      {
        role: c.notifyRole,
        title: `SLA ${kind === 'breached' ? '超时' : '即将超时'}: ${number ?? c.orderId}`,
        body: `${c.metric} due ${c.dueAt}`,
        event: `sla.${kind}_notice`,
        params: { number: number ?? c.orderId, metric: METRIC_WORDS[c.metric], due: noticeTime(c.dueAt) },
        ref: `workorder:${c.orderId}`,
      },
      // startedAt: a clock restarted by a reopen may warn again.
      `sla:${c.orderId}:${c.metric}:${c.startedAt}:${kind}`,
    );
    result[kind === 'breached' ? 'breached' : 'atRisk']++;
  });
}

/** Clocks whose deadline could not be computed (no calendar data) are retried, and still recorded. */
async function retryCalendarErrors(deps: EvaluateDeps, now: Date, result: EvaluateResult): Promise<void> {
  const errored = await deps.repo.withErrors(BATCH);
  if (!errored.length) return;
  const cal = await deps.calendar();
  for (const c of errored) {
    const next = refreshClock(c, now, cal);
    if (next.error) {
      result.calendarErrors++;
      deps.logger?.warn({ orderId: c.orderId, metric: c.metric, error: next.error }, 'sla: no calendar data');
      await markUnknown(deps, c, next, now);
      continue;
    }
    await withTransaction(deps.db, deps.dialect, async ({ trx }) => {
      await deps.repo.updateClock(trx, next, now.toISOString());
      const sla = orderSla(await deps.repo.clocksOf(trx, c.orderId));
      await deps.orders.setSla(trx, c.orderId, sla.state, sla.dueAt);
    });
  }
}

/**
 * A clock that cannot be computed is `unknown` on the clock and the order (rows written before
 * the state existed are brought up to date), and administrators hear of it once per clock run
 * (the outbox dedupe key), so the missing holiday data gets loaded.
 */
async function markUnknown(deps: EvaluateDeps, c: ClockRecord, next: ClockRecord, now: Date): Promise<void> {
  await withTransaction(deps.db, deps.dialect, async ({ trx }) => {
    if (c.state !== 'unknown') {
      await deps.repo.updateClock(trx, next, now.toISOString());
      const sla = orderSla(await deps.repo.clocksOf(trx, c.orderId));
      await deps.orders.setSla(trx, c.orderId, sla.state, sla.dueAt);
    }
    const number = await deps.orders.numberOf(trx, c.orderId);
    await notifyRole(
      trx,
      now,
      {
        role: 'admin',
        title: `SLA 无法计算: ${number ?? c.orderId}`,
        body: `${c.metric}: ${next.error}`,
        event: 'sla.unknown',
        params: { number: number ?? c.orderId, metric: METRIC_WORDS[c.metric] },
        ref: `workorder:${c.orderId}`,
      },
      `sla:${c.orderId}:${c.metric}:${c.startedAt}:unknown`,
    );
  });
}

/** Registers the recurring job; the lead wires `jobs` where the queue is created. */
export async function scheduleSlaEvaluation(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds = 60,
): Promise<void> {
  jobs.register(SLA_EVALUATE_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(SLA_EVALUATE_JOB, everySeconds);
}
