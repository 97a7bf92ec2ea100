import { createHash, randomBytes } from 'node:crypto';
import type { CallbackAnswers, CallbackQuestion, PortalLink, PublicRatingView } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productCategoriesByCodes } from '../catalog/index.ts';
import type { CallbackTask, PortalLink as StoredLink, QueuedTask } from './callbacks.repository.ts';
import { callbackPolicy, eventActorOf, SYSTEM_ACTOR, TASK_STREAM, type CallbacksContext } from './context.ts';
import { answerErrors, ratingSatisfied } from './domain/answers.ts';
import { recordWithin } from './hooks.ts';
import { taskClosed } from './record-outcome.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a rating link for an open task; only the token's hash is stored. */
export async function createPortalLink(
  ctx: CallbacksContext,
  actor: Actor,
  task: QueuedTask,
): Promise<PortalLink> {
  if (task.status !== 'open') throw taskClosed(task.id);
  const { value: policy } = await callbackPolicy(ctx.db);
  const now = ctx.clock.now();
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.portalLinkHours * 3_600_000).toISOString();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const id = newId();
    await ctx.repo.insertLink(trx, {
      id,
      taskId: task.id,
      tokenHash: hashToken(token),
      expiresAt,
      usedAt: null,
      createdBy: actor.userId || null,
      createdAt: now.toISOString(),
    });
    await appendEvent(trx, {
      streamType: TASK_STREAM,
      streamId: task.id,
      type: 'callback.portal_link_created',
      actor: eventActorOf(actor),
      at: now,
      data: { linkId: id, expiresAt },
    });
  });
  return { token, path: `/rate/${token}`, expiresAt };
}

/** The link, its task and order, or a 404 / 409 (used) / 410 (expired) problem. */
async function usableLink(
  ctx: CallbacksContext,
  token: string,
): Promise<{ link: StoredLink; task: CallbackTask }> {
  const link = await ctx.repo.linkByHash(hashToken(token));
  if (!link)
    throw new DomainError('resource.not_found', 'No such rating link', {
      params: { resource: 'rating link' },
    });
  if (link.usedAt) throw new DomainError('callback.link_used', 'This rating link has already been used');
  if (Date.parse(link.expiresAt) <= ctx.clock.now().getTime())
    throw new DomainError('callback.link_expired', 'This rating link has expired', {
      extra: { expiresAt: link.expiresAt },
    });
  const task = (await ctx.repo.task(ctx.db, link.taskId))!;
  if (task.status !== 'open')
    throw new DomainError('callback.link_used', 'This service has already been rated');
  return { link, task };
}

export async function readRating(ctx: CallbacksContext, token: string): Promise<PublicRatingView> {
  const { link, task } = await usableLink(ctx, token);
  const { value: policy } = await callbackPolicy(ctx.db);
  const order = await ctx.workOrders.get(SYSTEM_ACTOR, task.orderId);
  const p = order.product;
  const [category] = p ? await productCategoriesByCodes(ctx.db, [p.categoryCode]) : [];
  return {
    orderNumber: order.number,
    productName: p ? `${p.brand} ${category?.nameZh ?? ''}`.trim() : null,
    productNameEn: p ? `${p.brand} ${category?.nameEn ?? ''}`.trim() : null,
    technicianName: order.technician?.name ?? null,
    completedAt: order.completedAt,
    expiresAt: link.expiresAt,
    questions: policy.questions,
  };
}

/**
 * The customer's own answers through a rating link, once. Satisfied (resolved, every score at
 * least the policy minimum) closes the order like a satisfied call; anything else is recorded on
 * the task, which stays in the queue for a call.
 */
export async function submitRating(
  ctx: CallbacksContext,
  token: string,
  answers: CallbackAnswers,
  comment: string | undefined,
): Promise<{ outcome: 'satisfied' | 'recorded'; orderId: string }> {
  const { link, task } = await usableLink(ctx, token);
  return rateTask(ctx, task, answers, comment, link.id);
}

/** Whether a signed-in customer may rate the order now, with the questionnaire. */
export async function orderRating(
  ctx: CallbacksContext,
  orderId: string,
): Promise<{ state: 'open' | 'rated' | 'none'; questions: CallbackQuestion[] }> {
  const task = await ctx.repo.openTaskOf(ctx.db, orderId);
  const { value: policy } = await callbackPolicy(ctx.db);
  const state = !task ? 'none' : task.portalRated ? 'rated' : 'open';
  return { state, questions: state === 'open' ? policy.questions : [] };
}

/**
 * A signed-in customer's rating of their own order (the caller checked the ownership): the same
 * answers and effect as a rating link, allowed once while the order waits for its callback.
 */
export async function rateOrder(
  ctx: CallbacksContext,
  orderId: string,
  answers: CallbackAnswers,
  comment: string | undefined,
): Promise<{ outcome: 'satisfied' | 'recorded'; orderId: string }> {
  const task = await ctx.repo.openTaskOf(ctx.db, orderId);
  if (!task)
    throw new DomainError(
      'callback.rating_not_open',
      'This order can be rated once it waits for its callback',
    );
  if (task.portalRated) throw new DomainError('callback.link_used', 'This service has already been rated');
  return rateTask(ctx, task, answers, comment, null);
}

async function rateTask(
  ctx: CallbacksContext,
  task: CallbackTask,
  answers: CallbackAnswers,
  comment: string | undefined,
  linkId: string | null,
): Promise<{ outcome: 'satisfied' | 'recorded'; orderId: string }> {
  const { value: policy } = await callbackPolicy(ctx.db);
  const errors = answerErrors(policy.questions, answers, { requireAll: true });
  if (errors.length)
    throw new DomainError(
      'request.validation_failed',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      { errors },
    );
  const satisfied = ratingSatisfied(policy.questions, answers, policy.portalSatisfiedMinScore);
  const now = ctx.clock.now();
  const intent = {
    taskId: task.id,
    taskVersion: task.version,
    outcome: satisfied ? ('satisfied' as const) : ('unsatisfied' as const),
    status: satisfied ? ('satisfied' as const) : ('open' as const),
    answers,
    comment: comment ?? null,
    followUp: null,
    note: null,
    attempts: task.attempts,
    by: SYSTEM_ACTOR,
    viaPortal: true,
    ...(linkId ? { linkId } : {}),
  };
  if (satisfied) {
    const order = await ctx.workOrders.findInScope(SYSTEM_ACTOR, task.orderId);
    if (!order || order.status !== 'awaiting_callback') throw taskClosed(task.id);
    await ctx.workOrders.transition(
      SYSTEM_ACTOR,
      order.id,
      { to: 'closed', version: order.version, reason: 'callback_satisfied_portal', data: {} },
      { intents: { callbacks: intent } },
    );
  } else {
    await withTransaction(ctx.db, ctx.dialect, ({ trx }) =>
      recordWithin(ctx, trx, task.orderId, intent, now),
    );
  }
  return { outcome: satisfied ? 'satisfied' : 'recorded', orderId: task.orderId };
}
