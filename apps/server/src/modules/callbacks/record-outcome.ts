import type {
  CallbackOutcomeRequest,
  CallbackPolicy,
  FieldError,
  WorkOrderStatusName,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import type { QueuedTask } from './callbacks.repository.ts';
import {
  callbackPolicy,
  COMPLAINT_TOPIC,
  type CallbacksContext,
  type ComplaintRequested,
  type OutcomeIntent,
} from './context.ts';
import { answerErrors } from './domain/answers.ts';
import { recordWithin } from './hooks.ts';

export const taskClosed = (id: string) =>
  new DomainError('callback.task_closed', `Callback task ${id} is closed; its outcome is already recorded`, {
    extra: { taskId: id },
  });

const invalid = (errors: FieldError[]) =>
  new DomainError('request.validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });

/** Checks the request against the questionnaire and the follow-up rules (400 naming the field). */
export function outcomeErrors(policy: CallbackPolicy, input: CallbackOutcomeRequest): FieldError[] {
  const errors = answerErrors(policy.questions, input.answers, {
    requireAll: input.outcome !== 'unreachable',
  });
  if (input.outcome === 'unsatisfied' && !input.followUp)
    errors.push({ path: 'followUp', rule: 'required', message: 'an unsatisfied callback needs a follow-up' });
  if (input.outcome !== 'unsatisfied' && input.followUp)
    errors.push({
      path: 'followUp',
      rule: 'not_allowed',
      message: `no follow-up for a ${input.outcome} callback`,
    });
  if (input.followUp === 'close_with_note' && !input.note)
    errors.push({ path: 'note', rule: 'required', message: 'closing an unsatisfied callback needs a note' });
  return errors;
}

/**
 * Records one callback outcome. Outcomes that move the order (close, redo) go through the work-order
 * service; the task update and the outcome events are written by the transition hook in the same
 * transaction. Outcomes that leave the order in 待回访 (a retry, a complaint) write on their own.
 */
export async function recordOutcome(
  ctx: CallbacksContext,
  actor: Actor,
  task: QueuedTask,
  input: CallbackOutcomeRequest,
  requestId: string | null,
): Promise<void> {
  if (task.status !== 'open') throw taskClosed(task.id);
  if (task.version !== input.version) throw versionConflict('callback task', task.id, input.version);
  const { value: policy } = await callbackPolicy(ctx.db);
  const errors = outcomeErrors(policy, input);
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  const base: OutcomeIntent = {
    taskId: task.id,
    taskVersion: task.version,
    status: 'open',
    outcome: input.outcome,
    answers: input.outcome === 'unreachable' ? {} : input.answers,
    comment: input.comment ?? null,
    followUp: input.followUp ?? null,
    note: input.note ?? null,
    attempts: task.attempts,
    by: actor,
  };
  if (input.outcome === 'satisfied')
    return moveOrder(
      ctx,
      actor,
      task,
      'closed',
      'callback_satisfied',
      { ...base, status: 'satisfied' },
      requestId,
    );
  if (input.outcome === 'unsatisfied') {
    const i: OutcomeIntent = { ...base, status: 'unsatisfied' };
    if (input.followUp === 'redo')
      return moveOrder(
        ctx,
        actor,
        task,
        'awaiting_dispatch',
        reasonOf('callback_unsatisfied_redo', input),
        i,
        requestId,
      );
    if (input.followUp === 'close_with_note')
      return moveOrder(ctx, actor, task, 'closed', reasonOf('callback_unsatisfied', input), i, requestId);
    // Complaint: there is no complaints module yet; the request goes out on the outbox and the
    // order waits in 待回访 for whoever handles it.
    await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
      await recordWithin(ctx, trx, task.orderId, i, now);
      await enqueueOutbox<ComplaintRequested>(trx, {
        topic: COMPLAINT_TOPIC,
        payload: {
          orderId: task.orderId,
          orderNumber: task.orderNumber,
          taskId: task.id,
          answers: i.answers,
          comment: i.comment,
          note: i.note,
        },
        dedupeKey: `${COMPLAINT_TOPIC}:${task.id}`,
        at: now,
      });
      await notifyRole(
        trx,
        now,
        {
          role: 'quality',
          title: `回访投诉: ${task.orderNumber}`,
          body: i.note ?? i.comment ?? '',
          event: 'callbacks.complaint',
          params: { number: task.orderNumber, note: i.note ?? i.comment ?? '' },
          ref: `workorder:${task.orderId}`,
        },
        `callbacks.complaint_notice:${task.id}`,
      );
      afterCommit(ctx.nudgeOutbox);
    });
    return;
  }
  const attempts = task.attempts + 1;
  if (attempts >= policy.maxAttempts)
    return moveOrder(
      ctx,
      actor,
      task,
      'closed',
      'callback_unreachable',
      { ...base, status: 'unreachable', attempts, nextAttemptAt: null },
      requestId,
    );
  const nextAttemptAt = new Date(now.getTime() + policy.retryAfterMinutes * 60_000).toISOString();
  await withTransaction(ctx.db, ctx.dialect, ({ trx }) =>
    recordWithin(ctx, trx, task.orderId, { ...base, attempts, nextAttemptAt }, now),
  );
}

function reasonOf(code: string, input: CallbackOutcomeRequest): string {
  const text = input.note ?? input.comment;
  return (text ? `${code}: ${text}` : code).slice(0, 500);
}

async function moveOrder(
  ctx: CallbacksContext,
  actor: Actor,
  task: QueuedTask,
  to: WorkOrderStatusName,
  reason: string,
  intent: OutcomeIntent,
  requestId: string | null,
): Promise<void> {
  const order = await ctx.workOrders.findInScope(actor, task.orderId);
  if (!order) throw notFound('work order', task.orderId);
  if (order.status !== 'awaiting_callback') throw taskClosed(task.id);
  await ctx.workOrders.transition(
    actor,
    order.id,
    { to, version: order.version, reason, data: {} },
    { requestId, intents: { callbacks: intent } },
  );
}
