import { newId } from '../../platform/ids/index.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import type { TransitionHookInput, TransitionHooks, WorkOrder } from '../workorders/index.ts';
import { dispatchPolicy, type DispatchContext } from './dispatch.context.ts';
import type { RankOrder } from './domain/rank.ts';
import { assertOutletMayTake } from './outlet-check.ts';

export const ORDER_WAITING_TOPIC = 'dispatch.order_waiting';
export interface OrderWaitingPayload {
  orderId: string;
  /** Set when a redo or a reopen sent the order back: the outlet of the visit that did not hold. */
  sentBackFrom?: { outletId: string };
  /** The order's version on entering 待派单 (the handler acts on that version only). */
  version?: number;
}

/** 待回访 → 待派单 (返修) and 已关闭 → 待派单 (reopen) send an order back out after a visit. */
const SENT_BACK_FROM = new Set(['awaiting_callback', 'closed']);
/** A rejection commits with this message; its handler puts the order back in 待派单 as the system. */
export const ORDER_REJECTED_TOPIC = 'dispatch.order_rejected';
export interface OrderRejectedPayload {
  orderId: string;
  /** The order's version right after the rejection (the release only acts on that version). */
  version: number;
}

export const rankOrderOf = (o: WorkOrder): RankOrder => ({
  provinceCode: o.provinceCode,
  cityCode: o.cityCode,
  districtCode: o.districtCode,
  categoryCode: o.categoryCode,
  lat: o.lat === null ? null : Number(o.lat),
  lng: o.lng === null ? null : Number(o.lng),
});

const responder = (i: TransitionHookInput) => (i.actor.kind === 'system' ? null : i.actor.userId);
const intentOf = (i: TransitionHookInput) => i.intents.dispatch ?? {};

/**
 * The dispatch module's part in work-order transitions. The offer row is written, and settled,
 * in the transaction of the status change, so an order and its offers never disagree; whoever
 * moves the order (this module's endpoints, the generic transition endpoint, a job) gets the same.
 */
export function registerDispatchHooks(ctx: DispatchContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register<{ dueAt: string }>({
    name: 'dispatch.offer_made',
    to: 'dispatched_outlet',
    // Refuses outlets that cannot take the order, and fixes the acceptance deadline (business minutes).
    async check({ order, req, now }) {
      const outletId = req.data.outletId!;
      const [outlet] = await ctx.repo.outletsWithFacts([outletId]);
      assertOutletMayTake(rankOrderOf(order), outlet, outletId, 'data.outletId');
      const { value: policy } = await dispatchPolicy(ctx);
      const cal = await ctx.calendar();
      return { pass: { dueAt: cal.addWorkingMs(now, policy.acceptanceMinutes * 60_000).toISOString() } };
    },
    async within(trx, i, passed) {
      const intent = intentOf(i);
      const at = i.now.toISOString();
      // An order re-dispatched without its earlier offer settled (should not happen) frees the slot.
      await ctx.repo.settlePending(trx, i.order.id, {
        status: 'withdrawn',
        respondedAt: at,
        respondedBy: responder(i),
      });
      const id = intent.offerId ?? newId();
      const mode = intent.mode ?? 'manual';
      const dueAt = passed!.dueAt;
      // A redo sent back by the system: a second attempt for the same entry fails here (key).
      if (intent.redoReturn)
        await ctx.repo.insertRedoDecision(trx, {
          orderId: i.order.id,
          orderVersion: intent.redoReturn.orderVersion,
          outcome: 'returned',
          reason: null,
          outletId: i.req.data.outletId!,
          technicianId: intent.redoReturn.technicianId,
          decidedAt: at,
        });
      await ctx.repo.insertOffer(trx, {
        id,
        orderId: i.order.id,
        outletId: i.req.data.outletId!,
        mode,
        offeredAt: at,
        offeredBy: responder(i),
        dueAt: dueAt,
        status: 'pending',
        respondedAt: null,
        respondedBy: null,
        reasonCode: null,
        note: null,
        ranking: intent.ranking ?? [],
      });
      return { offerId: id, mode, dueAt, ...(intent.claimedBy ? { claimedBy: intent.claimedBy } : {}) };
    },
  });

  hooks.register({
    name: 'dispatch.offer_accepted',
    to: 'outlet_accepted',
    from: ['dispatched_outlet'],
    async within(trx, i) {
      const offer = await ctx.repo.settlePending(trx, i.order.id, {
        status: 'accepted',
        respondedAt: i.now.toISOString(),
        respondedBy: responder(i),
      });
      return offer ? { offerId: offer.id } : undefined;
    },
  });

  hooks.register({
    name: 'dispatch.offer_rejected',
    to: 'outlet_rejected',
    from: ['dispatched_outlet'],
    async within(trx, i) {
      const intent = intentOf(i);
      const offer = await ctx.repo.settlePending(trx, i.order.id, {
        status: 'rejected',
        respondedAt: i.now.toISOString(),
        respondedBy: responder(i),
        reasonCode: intent.reasonCode ?? 'other',
        note: intent.note ?? i.req.reason ?? null,
      });
      // Back to 待派单 follows from the outbox: it happens if and only if the rejection commits.
      await enqueueOutbox<OrderRejectedPayload>(trx, {
        topic: ORDER_REJECTED_TOPIC,
        payload: { orderId: i.order.id, version: i.order.version + 1 },
        dedupeKey: `${ORDER_REJECTED_TOPIC}:${i.order.id}:${i.order.version + 1}`,
        at: i.now,
      });
      return offer
        ? { offerId: offer.id, reasonCode: offer.reasonCode, outletId: offer.outletId }
        : undefined;
    },
  });

  // Withdrawn by the dispatcher or expired (the time-out job): the order leaves the outlet.
  hooks.register({
    name: 'dispatch.offer_withdrawn',
    to: 'awaiting_dispatch',
    from: ['dispatched_outlet'],
    async check() {
      return { patch: { outletId: null, technicianId: null, technicianUserId: null } };
    },
    async within(trx, i) {
      const outcome = intentOf(i).outcome ?? 'withdrawn';
      const offer = await ctx.repo.settlePending(trx, i.order.id, {
        status: outcome,
        respondedAt: i.now.toISOString(),
        respondedBy: responder(i),
      });
      return offer ? { offerId: offer.id, offerOutcome: outcome, outletId: offer.outletId } : undefined;
    },
  });

  hooks.register({
    name: 'dispatch.offer_cancelled',
    to: 'cancelled',
    from: ['dispatched_outlet'],
    async within(trx, i) {
      await ctx.repo.settlePending(trx, i.order.id, {
        status: 'withdrawn',
        respondedAt: i.now.toISOString(),
        respondedBy: responder(i),
      });
    },
  });

  // Every entry into 待派单 is looked at after commit: auto-dispatch regions get their offer then.
  hooks.register({
    name: 'dispatch.order_waiting',
    to: 'awaiting_dispatch',
    async within(trx, i) {
      const { status, outletId } = i.order;
      const sentBack = SENT_BACK_FROM.has(status) && outletId ? { sentBackFrom: { outletId } } : {};
      await enqueueOutbox<OrderWaitingPayload>(trx, {
        topic: ORDER_WAITING_TOPIC,
        payload: { orderId: i.order.id, version: i.order.version + 1, ...sentBack },
        dedupeKey: `${ORDER_WAITING_TOPIC}:${i.order.id}:${i.order.version + 1}`,
        at: i.now,
      });
    },
  });
}
