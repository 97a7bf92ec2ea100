import type { ComplaintStatus, ComplaintTransition } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { eventActorOf, STREAM, SYSTEM_ACTOR, type ComplaintsContext } from './context.ts';
import { allowedNext, checkTransition, missingRequirements } from './domain/lifecycle.ts';
import type { ComplaintPatch, ComplaintWithNames } from './domain/types.ts';
import { invalid } from './open-complaint.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';

/** The complaint in the actor's scope at the version the caller read (404 / 409 otherwise). */
export async function loadForChange(
  ctx: ComplaintsContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<ComplaintWithNames> {
  const c = await ctx.repo.find(actor.scope, id, businessDateOf(ctx.clock.now()));
  if (!c) throw notFound('complaint', id);
  if (c.version !== version) throw versionConflict('complaint', id, version);
  return c;
}

/** A step the complaint's status does not allow: 409 naming what is allowed from here. */
export const wrongState = (actor: Actor, from: ComplaintStatus, to: string, detail: string) =>
  new DomainError('state.invalid_transition', detail, {
    extra: { from, to, allowed: allowedNext(from, actor.permissions) },
  });

/**
 * Moves a complaint through the transition table. Checks (version, allowed step, required fields)
 * happen before the transaction, so a refused step changes nothing; the update is conditional on
 * the version and its event commits with it.
 */
export async function transitionComplaint(
  ctx: ComplaintsContext,
  actor: Actor,
  id: string,
  req: ComplaintTransition,
  requestId: string | null,
): Promise<void> {
  const c = await loadForChange(ctx, actor, id, req.version);
  const check = checkTransition(c.status, req.to, actor.permissions);
  if (!check.ok)
    throw new DomainError('state.invalid_transition', `A complaint in ${c.status} cannot move to ${req.to}`, {
      extra: { from: c.status, to: req.to, allowed: check.allowed },
    });
  const missing = missingRequirements(check.rule, {
    responsibility: c.responsibility,
    remedy: req.remedy,
    verdict: req.verdict,
    reason: req.reason,
  });
  if (missing.length) throw invalid(missing);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const patch: ComplaintPatch = { status: req.to, updatedAt: at };
  switch (check.rule.action) {
    case 'acknowledge':
      patch.acknowledgedAt = at;
      break;
    case 'investigate':
      break;
    case 'resolve':
      patch.resolvedAt = at;
      patch.remedy = req.remedy!;
      break;
    case 'close':
      patch.closedAt = at;
      patch.verdict = req.verdict!;
      patch.verdictNote = req.note ?? null;
      break;
    case 'reopen':
      // The original resolution due time stands: a reopened complaint was not resolved in time.
      patch.resolvedAt = null;
      patch.closedAt = null;
      patch.verdict = null;
      patch.verdictNote = null;
      patch.reopenCount = c.reopenCount + 1;
      break;
  }
  const closesOrder = check.rule.action === 'close' && req.verdict === 'satisfied' && !!c.orderId;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    if (!(await ctx.repo.update(trx, id, c.version, patch)))
      throw versionConflict('complaint', id, req.version);
    await appendEvent(trx, {
      streamType: STREAM,
      streamId: id,
      type: 'complaint.transitioned',
      actor: eventActorOf(actor),
      at: now,
      from: c.status,
      to: req.to,
      reason: req.reason ?? null,
      data: {
        action: check.rule.action,
        ...(req.remedy ? { remedy: req.remedy } : {}),
        ...(req.verdict ? { verdict: req.verdict } : {}),
        ...(req.note ? { note: req.note } : {}),
      },
      requestId,
    });
    // The waiting order closes after commit, from the outbox (see closeWaitingOrder).
    if (closesOrder) {
      await enqueueOutbox<CloseOrderRequested>(trx, {
        topic: CLOSE_ORDER_TOPIC,
        payload: { orderId: c.orderId!, number: c.number },
        dedupeKey: `${CLOSE_ORDER_TOPIC}:${id}:${c.version + 1}`,
        at: now,
      });
      afterCommit(ctx.nudgeOutbox);
    }
  });
}

export const CLOSE_ORDER_TOPIC = 'complaints.order_close_requested';
export interface CloseOrderRequested {
  orderId: string;
  number: string;
}

/**
 * A callback that ended in a complaint leaves its order in 待回访; the customer's satisfied verdict
 * on the complaint's closing callback is the satisfied callback that closes it. Runs from the
 * outbox message written with the complaint's closing; idempotent: an order no longer waiting is
 * left alone, and a concurrent change of a still-waiting order is retried by the outbox.
 */
export async function closeWaitingOrder(ctx: ComplaintsContext, p: CloseOrderRequested): Promise<void> {
  const order = await ctx.workOrders.findInScope(SYSTEM_ACTOR, p.orderId);
  if (order?.status !== 'awaiting_callback') return;
  await ctx.workOrders.transition(SYSTEM_ACTOR, p.orderId, {
    to: 'closed',
    version: order.version,
    reason: `complaint_closed_satisfied: ${p.number}`,
    data: {},
  });
}
