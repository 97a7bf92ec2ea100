import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import { DomainError, versionConflict } from '../../platform/http/errors.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import { enqueueHandoff } from './handoff.ts';
import {
  callbackPolicy,
  eventActorOf,
  ORDER_STREAM,
  OUTCOME_EVENT,
  TASK_STREAM,
  type CallbacksContext,
  type OutcomeIntent,
} from './context.ts';

/**
 * The callbacks module's part in work-order transitions: completion queues the hand-off to 待回访
 * (an outbox message in the completion's transaction, handoff.ts); entering 待回访 opens a task (in
 * the transaction of the status change, at most one open task per order); leaving it either
 * records the outcome that caused the move (`intents.callbacks`) or, when the order was moved some
 * other way, supersedes the open task.
 */
export function registerCallbackHooks(ctx: CallbacksContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'callbacks.handoff',
    to: 'completed',
    async within(trx, { order, now, afterCommit }) {
      await enqueueHandoff(trx, order.id, order.version + 1, now);
      afterCommit(ctx.nudgeOutbox);
    },
  });

  hooks.register<{ dueAt: string }>({
    name: 'callbacks.task_opened',
    to: 'awaiting_callback',
    // The due time needs the calendar and the policy: read before the transaction (SQLite has one connection).
    async check({ now }) {
      const { value: policy } = await callbackPolicy(ctx.db);
      let due: Date;
      try {
        due = (await ctx.calendar()).addWorkingMs(now, policy.dueBusinessHours * 3_600_000);
      } catch (e) {
        // No calendar data for the year: never block the order; fall back to wall-clock hours.
        ctx.logger.warn({ err: e }, 'callbacks: business calendar unavailable, due time in wall-clock hours');
        due = new Date(now.getTime() + policy.dueBusinessHours * 3_600_000);
      }
      return { pass: { dueAt: due.toISOString() } };
    },
    async within(trx, { actor, order, now }, passed) {
      if (await ctx.repo.openTaskOf(trx, order.id)) return;
      const at = now.toISOString();
      const id = newId();
      const dueAt = passed?.dueAt ?? at;
      await ctx.repo.insertTask(trx, {
        id,
        orderId: order.id,
        status: 'open',
        dueAt,
        nextAttemptAt: null,
        attempts: 0,
        outcome: null,
        followUp: null,
        answers: null,
        comment: null,
        note: null,
        portalRated: false,
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        closedBy: null,
        version: 1,
      });
      await appendEvent(trx, {
        streamType: TASK_STREAM,
        streamId: id,
        type: 'callback.task_created',
        actor: eventActorOf(actor),
        at: now,
        data: { orderId: order.id, dueAt },
      });
      return { callbackTaskId: id, callbackDueAt: dueAt };
    },
  });

  hooks.register({
    name: 'callbacks.task_settled',
    to: '*',
    from: ['awaiting_callback'],
    async within(trx, { actor, order, req, intents, now }) {
      if (intents.callbacks) return recordWithin(ctx, trx, order.id, intents.callbacks, now);
      const open = await ctx.repo.openTaskOf(trx, order.id);
      if (!open) return;
      const at = now.toISOString();
      await ctx.repo.updateOpenTask(trx, open.id, open.version, {
        status: 'superseded',
        updatedAt: at,
        closedAt: at,
        closedBy: actor.kind === 'system' ? null : actor.userId,
      });
      await appendEvent(trx, {
        streamType: TASK_STREAM,
        streamId: open.id,
        type: 'callback.task_superseded',
        actor: eventActorOf(actor),
        at: now,
        data: { orderId: order.id, to: req.to },
      });
      return { callbackTaskId: open.id, callbackTask: 'superseded' };
    },
  });
}

/**
 * Writes an outcome to the task (versioned, only while open) and records it on both streams. Used
 * inside the order's transition and, for outcomes that leave the order where it is, on its own.
 */
export async function recordWithin(
  ctx: CallbacksContext,
  trx: Kysely<Database>,
  orderId: string,
  i: OutcomeIntent,
  now: Date,
): Promise<Record<string, unknown>> {
  const at = now.toISOString();
  const closing = i.status !== 'open';
  if (i.linkId && !(await ctx.repo.useLink(trx, i.linkId, at)))
    throw new DomainError('callback.link_used', 'This rating link has already been used');
  const ok = await ctx.repo.updateOpenTask(trx, i.taskId, i.taskVersion, {
    status: i.status,
    attempts: i.attempts,
    // An open task keeps no outcome, except the last unreachable attempt (shown in the queue).
    outcome: closing || i.outcome === 'unreachable' ? i.outcome : null,
    followUp: i.followUp,
    answers: i.answers,
    comment: i.comment,
    note: i.note,
    updatedAt: at,
    ...(closing ? { closedAt: at, closedBy: i.by.kind === 'system' ? null : i.by.userId } : {}),
    ...(i.nextAttemptAt !== undefined ? { nextAttemptAt: i.nextAttemptAt } : {}),
    ...(i.linkId || i.viaPortal ? { portalRated: true } : {}),
  });
  if (!ok) throw versionConflict('callback task', i.taskId, i.taskVersion);
  const data = {
    taskId: i.taskId,
    outcome: i.outcome,
    answers: i.answers,
    comment: i.comment,
    followUp: i.followUp,
    note: i.note,
    attempt: i.attempts,
    viaPortal: !!(i.linkId || i.viaPortal),
    ...(i.nextAttemptAt ? { nextAttemptAt: i.nextAttemptAt } : {}),
  };
  const actor = eventActorOf(i.by);
  await appendEvent(trx, {
    streamType: TASK_STREAM,
    streamId: i.taskId,
    type: OUTCOME_EVENT,
    actor,
    at: now,
    data: { orderId, ...data },
  });
  await appendEvent(trx, {
    streamType: ORDER_STREAM,
    streamId: orderId,
    type: OUTCOME_EVENT,
    actor,
    at: now,
    data,
  });
  return { callbackTaskId: i.taskId, callbackOutcome: i.outcome };
}
