import type { RedoHoldReason } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { dispatchPolicy, SYSTEM_ACTOR, type DispatchContext } from './dispatch.context.ts';
import { DISPATCH_EVENTS } from './dispatch.events.ts';
import type { OrderWaitingPayload } from './dispatch.hooks.ts';
import { outletEligibility } from './domain/eligibility.ts';
import { redoGoesBack } from './domain/policy.ts';
import { orderRegion } from './domain/rank.ts';

/** The reason the system's steps carry on the order's timeline (words in the web locales). */
export const REDO_RETURNED_REASON = 'redo_returned';

/** Offers the order to an outlet as the system (DispatchService.offer with the redo's intent). */
export type OfferBack = (
  orderId: string,
  outletId: string,
  version: number,
  redoReturn: { orderVersion: number; technicianId: string | null },
) => Promise<unknown>;

export type RedoOutcome = 'returned' | 'held' | null;

/** A step somebody else already took (or a replay of ours): theirs stands, ours is dropped. */
const lost = (err: unknown) => err instanceof DomainError && err.status === 409;

/**
 * 返修 / 重新打开: back to the outlet and technician of the visit that did not hold (setting
 * `dispatch.policy.redoToSameOutlet`, per region `redoToSameOutletRegions`). When both may still
 * take it, the system offers it to the outlet, accepts for the outlet (its own work is being
 * redone) and assigns the technician: three ordinary transitions, each with its event. When one of
 * them may not, the order waits in 待派单 and the reason is recorded for the board and timeline.
 *
 * Once per entry into 待派单: the decision is keyed by the order and its version on entering, and
 * every step expects the version the previous step left, so a replayed message changes nothing.
 * Null: nothing done here (setting off, order moved on): the order is dispatched like any other.
 */
export async function sendRedoBack(
  ctx: DispatchContext,
  offerBack: OfferBack,
  p: Required<Pick<OrderWaitingPayload, 'sentBackFrom'>> & OrderWaitingPayload,
): Promise<RedoOutcome> {
  const order = await ctx.repo.order(p.orderId);
  if (!order) return null;
  const entry = p.version ?? order.view.version;
  const decided = await ctx.repo.redoDecision(p.orderId, entry);
  // A replay after a crash between the steps finishes what the decision started.
  if (decided) return decided.outcome === 'returned' ? finish(ctx, p.orderId, entry, decided) : null;
  // Still waiting (another write, an SLA restart say, may have moved its version on since).
  if (order.view.status !== 'awaiting_dispatch' || order.view.version < entry) return null;
  const { value: policy } = await dispatchPolicy(ctx);
  if (!redoGoesBack(policy, orderRegion(order))) return null;

  const outletId = p.sentBackFrom.outletId;
  const [outlet] = await ctx.repo.outletsWithFacts([outletId]);
  const { refusal } = outletEligibility(order, outlet);
  const technicianId = (await ctx.workOrders.redoInfo(p.orderId))?.previousVisit?.technicianId ?? null;
  const why: RedoHoldReason | null = refusal
    ? `outlet_${refusal}`
    : technicianId && ctx.technicianFit
      ? await ctx.technicianFit(p.orderId, outletId, technicianId)
      : null;
  if (why) return hold(ctx, p.orderId, entry, outletId, technicianId, why);
  try {
    await offerBack(p.orderId, outletId, order.view.version, { orderVersion: entry, technicianId });
  } catch (err) {
    if (lost(err)) return null;
    throw err;
  }
  return finish(ctx, p.orderId, entry, { outletId, technicianId });
}

/** Accepts for the outlet and assigns the technician, each step only from the state it expects. */
async function finish(
  ctx: DispatchContext,
  orderId: string,
  entry: number,
  d: { outletId: string; technicianId: string | null },
): Promise<'returned'> {
  // Without a known technician the offer waits for the outlet's own answer, as before.
  if (!d.technicianId) return 'returned';
  const steps = [
    { status: 'dispatched_outlet', to: 'outlet_accepted' as const, data: {} },
    { status: 'outlet_accepted', to: 'assigned' as const, data: { technicianId: d.technicianId } },
  ];
  for (const s of steps) {
    const order = await ctx.repo.order(orderId);
    // Only while the order is where the return left it (at that outlet).
    if (order?.view.status !== s.status || order.view.outletId !== d.outletId) continue;
    try {
      await ctx.workOrders.transition(SYSTEM_ACTOR, orderId, {
        to: s.to,
        version: order.view.version,
        reason: REDO_RETURNED_REASON,
        data: s.data,
      });
    } catch (err) {
      // Taken meanwhile (the outlet accepted by hand) or refused now (the technician booked
      // elsewhere): the outlet's desk carries on from where the order stands.
      if (lost(err) || (err instanceof DomainError && err.status < 500)) {
        ctx.logger.info({ orderId, to: s.to, err }, 'dispatch: redo return stopped');
        break;
      }
      throw err;
    }
  }
  return 'returned';
}

/** Leaves the order in 待派单 and says why (the board and the order's timeline show it). */
async function hold(
  ctx: DispatchContext,
  orderId: string,
  entry: number,
  outletId: string,
  technicianId: string | null,
  reason: RedoHoldReason,
): Promise<'held' | null> {
  const at = ctx.clock.now();
  try {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await ctx.repo.insertRedoDecision(trx, {
        orderId,
        orderVersion: entry,
        outcome: 'held',
        reason,
        outletId,
        technicianId,
        decidedAt: at.toISOString(),
      });
      await appendEvent(trx, {
        streamType: 'work_order',
        streamId: orderId,
        type: DISPATCH_EVENTS.type.redo_held,
        actor: SYSTEM,
        at,
        reason: `redo_held_${reason}`,
        data: { outletId, technicianId, reason, orderVersion: entry },
      });
    });
  } catch (err) {
    // The same entry decided concurrently (primary key): that decision stands.
    if (await ctx.repo.redoDecision(orderId, entry)) return null;
    throw err;
  }
  ctx.logger.info({ orderId, outletId, reason }, 'dispatch: redo held for the dispatcher');
  return 'held';
}
