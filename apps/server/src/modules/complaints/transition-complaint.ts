import type { ComplaintStatus, ComplaintTransition } from '@anxin/contracts';
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import type { ComplaintRow } from './complaints.repository.ts';
import type { ComplaintsTable } from './complaints.schema.ts';
import { eventActorOf, STREAM, SYSTEM_ACTOR, type ComplaintsContext } from './context.ts';
import { allowedNext, checkTransition, missingRequirements } from './domain/lifecycle.ts';
import { invalid } from './open-complaint.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';

/** The complaint in the actor's scope at the version the caller read (404 / 409 otherwise). */
export async function loadForChange(
  ctx: ComplaintsContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<ComplaintRow> {
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
  const patch: Updateable<ComplaintsTable> = { status: req.to, updated_at: at };
  switch (check.rule.action) {
    case 'acknowledge':
      patch.acknowledged_at = at;
      break;
    case 'investigate':
      break;
    case 'resolve':
      patch.resolved_at = at;
      patch.remedy = req.remedy!;
      break;
    case 'close':
      patch.closed_at = at;
      patch.verdict = req.verdict!;
      patch.verdict_note = req.note ?? null;
      break;
    case 'reopen':
      // The original resolution due time stands: a reopened complaint was not resolved in time.
      patch.resolved_at = null;
      patch.closed_at = null;
      patch.verdict = null;
      patch.verdict_note = null;
      patch.reopen_count = c.reopen_count + 1;
      break;
  }
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
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
  });
  if (check.rule.action === 'close' && req.verdict === 'satisfied' && c.order_id)
    await closeWaitingOrder(ctx, c.order_id, c.number);
}

/**
 * A callback that ended in a complaint leaves its order in 待回访; the customer's satisfied verdict
 * on the complaint's closing callback is the satisfied callback that closes it. Best effort after
 * the complaint's commit: a failure is logged and the order stays for the callback desk.
 */
async function closeWaitingOrder(ctx: ComplaintsContext, orderId: string, number: string) {
  try {
    const order = await ctx.workOrders.findInScope(SYSTEM_ACTOR, orderId);
    if (order?.status !== 'awaiting_callback') return;
    await ctx.workOrders.transition(SYSTEM_ACTOR, orderId, {
      to: 'closed',
      version: order.version,
      reason: `complaint_closed_satisfied: ${number}`,
      data: {},
    });
  } catch (err) {
    ctx.logger.warn({ err, orderId }, 'complaints: could not close the order after the complaint');
  }
}
