import type {
  BoardQuery,
  BoardResponse,
  BulkDispatchResult,
  DispatchMode,
  DispatchRequest,
  DispatchResult,
  Offer,
  OfferStatus,
  RankedOutlet,
  RankingResponse,
  RejectOffer,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import {
  dispatchPolicy,
  SYSTEM_ACTOR,
  type DispatchContext,
  type DispatchIntent,
} from './dispatch.context.ts';
import type { OrderWaitingPayload } from './dispatch.hooks.ts';
import { REDO_RETURNED_REASON, sendRedoBack } from './redo-return.ts';
import type { OrderFacts, OutletFacts, RedoDecision } from './dispatch.repository.ts';
import type { Offer as OfferRecord } from './offer-codec.ts';
import { assertOutletMayTake } from './outlet-check.ts';
import { modeFor } from './domain/policy.ts';
import { orderRegion, rankOutlets, topEligible } from './domain/rank.ts';

const holdOf = (d: RedoDecision | undefined) => (d?.reason ? { reason: d.reason, at: d.decidedAt } : null);

/** A problem the caller can act on (bulk results carry the code, not a thrown error). */
const codeOf = (err: unknown): string => (err instanceof DomainError ? err.code : 'server.internal');

/** Dispatch to outlets: ranking, offers, acceptance and rejection, the board and the policy. */
export class DispatchService {
  readonly ctx: DispatchContext;

  constructor(ctx: DispatchContext) {
    this.ctx = ctx;
  }

  /** The ranked outlets for an order; `extra` makes sure a named outlet is among them. */
  async rankFor(order: OrderFacts, extra: readonly string[] = []): Promise<RankedOutlet[]> {
    const ids = await this.ctx.repo.candidateIds(order, order.view.id);
    const [outlets, past] = await Promise.all([
      this.ctx.repo.outletsWithFacts([...ids, ...extra]),
      this.ctx.repo.pastOutcomes(order.view.id),
    ]);
    return rankOutlets(order, outlets, past);
  }

  async modeOf(order: OrderFacts): Promise<DispatchMode> {
    return modeFor((await dispatchPolicy(this.ctx)).value, orderRegion(order));
  }

  async ranking(actor: Actor, orderId: string): Promise<RankingResponse> {
    const order = await this.ctx.repo.order(orderId, actor.scope);
    if (!order) throw notFound('work order', orderId);
    const [candidates, mode] = await Promise.all([this.rankFor(order), this.modeOf(order)]);
    return { order: order.view, mode, candidates };
  }

  /**
   * Offers the order to an outlet: the outlet is checked here for a field-level answer, then the
   * work-order service moves the order (optimistic version) and the hook writes the offer in the
   * same transaction. Of many concurrent attempts on one version exactly one lands.
   */
  async dispatch(
    actor: Actor,
    orderId: string,
    body: DispatchRequest,
    mode: DispatchMode = 'manual',
    requestId: string | null = null,
  ): Promise<DispatchResult> {
    const order = await this.ctx.repo.order(orderId, actor.scope);
    if (!order) throw notFound('work order', orderId);
    const ranking = await this.rankFor(order, [body.outletId]);
    // Checked here too for a field-level answer on this endpoint's body (the hook checks again).
    const [outlet] = await this.ctx.repo.outletsWithFacts([body.outletId]);
    assertOutletMayTake(order, outlet, body.outletId, 'outletId');
    return this.offer(actor, orderId, body.outletId, body.version, mode, ranking, requestId);
  }

  private async offer(
    actor: Actor,
    orderId: string,
    outletId: string,
    version: number,
    mode: DispatchMode,
    ranking: RankedOutlet[],
    requestId: string | null,
    claimedBy?: string,
    redo?: { redoReturn: NonNullable<DispatchIntent['redoReturn']>; reason: string },
  ): Promise<DispatchResult> {
    const offerId = newId();
    const detail = await this.ctx.workOrders.transition(
      actor,
      orderId,
      { to: 'dispatched_outlet', version, data: { outletId }, ...(redo ? { reason: redo.reason } : {}) },
      {
        requestId,
        intents: {
          dispatch: {
            mode,
            ranking,
            offerId,
            ...(claimedBy ? { claimedBy } : {}),
            ...(redo ? { redoReturn: redo.redoReturn } : {}),
          },
        },
      },
    );
    const offer = await this.ctx.repo.offerById(offerId);
    return { offer: (await this.views([offer!]))[0]!, orderVersion: detail.version };
  }

  /** Offers a waiting order of an auto-dispatch region to its top eligible outlet (system actor). */
  async autoOffer(orderId: string): Promise<DispatchResult | null> {
    const order = await this.ctx.repo.order(orderId);
    if (!order || order.view.status !== 'awaiting_dispatch') return null;
    if ((await this.modeOf(order)) !== 'auto') return null;
    const ranking = await this.rankFor(order);
    const top = topEligible(ranking);
    if (!top) {
      this.ctx.logger.info({ orderId }, 'dispatch: no eligible outlet for auto-dispatch');
      return null;
    }
    try {
      return await this.offer(SYSTEM_ACTOR, orderId, top.outletId, order.view.version, 'auto', ranking, null);
    } catch (err) {
      // Someone moved the order meanwhile: their step stands.
      if (err instanceof DomainError && err.status === 409) return null;
      throw err;
    }
  }

  /** A redo or reopen back to the outlet and technician of the visit that did not hold (redo-return.ts). */
  redoBack(p: OrderWaitingPayload & Required<Pick<OrderWaitingPayload, 'sentBackFrom'>>) {
    return sendRedoBack(
      this.ctx,
      async (orderId, outletId, version, redoReturn) => {
        const order = await this.ctx.repo.order(orderId);
        const ranking = order ? await this.rankFor(order) : [];
        return this.offer(SYSTEM_ACTOR, orderId, outletId, version, 'auto', ranking, null, undefined, {
          redoReturn,
          reason: REDO_RETURNED_REASON,
        });
      },
      p,
    );
  }

  /** The actor's own offer, or 404 (another outlet's offers do not exist for them). */
  private async ownOffer(actor: Actor, offerId: string): Promise<OfferRecord> {
    const offer = await this.ctx.repo.offerById(offerId);
    const visible =
      offer &&
      (actor.scope.level === 'outlet'
        ? actor.scope.outletId === offer.outletId
        : !!(await this.ctx.repo.order(offer.orderId, actor.scope)));
    if (!offer || !visible) throw notFound('offer', offerId);
    const now = this.ctx.clock.now().toISOString();
    const status = offer.status === 'pending' && offer.dueAt <= now ? 'expired' : offer.status;
    if (status !== 'pending')
      throw new DomainError('resource.conflict', `The offer is ${status}`, {
        extra: { resource: 'offer', id: offerId, offerStatus: status },
      });
    return offer;
  }

  private async orderVersion(orderId: string, given?: number): Promise<number> {
    if (given !== undefined) return given;
    return (await this.ctx.repo.order(orderId))?.view.version ?? 0;
  }

  async accept(actor: Actor, offerId: string, version?: number, requestId: string | null = null) {
    const offer = await this.ownOffer(actor, offerId);
    const v = await this.orderVersion(offer.orderId, version);
    const detail = await this.ctx.workOrders.transition(
      actor,
      offer.orderId,
      { to: 'outlet_accepted', version: v, data: {} },
      { requestId },
    );
    const row = await this.ctx.repo.offerById(offerId);
    return { offer: (await this.views([row!]))[0]!, orderVersion: detail.version };
  }

  /**
   * The outlet declines with a reason code. The rejection's transaction queues the step back to
   * 待派单 (outbox, hook `dispatch.offer_rejected`), where the dispatcher sees the order again and
   * auto-dispatch regions offer the next outlet; meanwhile 已拒单 is itself in the dispatch queue.
   */
  async reject(actor: Actor, offerId: string, body: RejectOffer, requestId: string | null = null) {
    if (body.reasonCode === 'other' && !body.note)
      throw fieldError('note', 'required', 'A note is required when the reason is "other"');
    const offer = await this.ownOffer(actor, offerId);
    const v = await this.orderVersion(offer.orderId, body.version);
    const reason = body.note ? `${body.reasonCode}: ${body.note}` : body.reasonCode;
    const detail = await this.ctx.workOrders.transition(
      actor,
      offer.orderId,
      { to: 'outlet_rejected', version: v, reason, data: {} },
      { requestId, intents: { dispatch: { reasonCode: body.reasonCode, note: body.note ?? null } } },
    );
    this.ctx.nudgeOutbox();
    const row = await this.ctx.repo.offerById(offerId);
    return { offer: (await this.views([row!]))[0]!, orderVersion: detail.version };
  }

  /** Back to 待派单 as the system; a concurrent step wins (null). */
  async release(orderId: string, version: number, reason: string, outcome?: 'expired') {
    try {
      const detail = await this.ctx.workOrders.transition(
        SYSTEM_ACTOR,
        orderId,
        { to: 'awaiting_dispatch', version, reason, data: {} },
        { intents: { dispatch: outcome ? { outcome } : {} } },
      );
      this.ctx.nudgeOutbox();
      return detail;
    } catch (err) {
      if (err instanceof DomainError && err.status === 409) return null;
      throw err;
    }
  }

  async offers(actor: Actor, status: OfferStatus, limit: number): Promise<{ items: Offer[] }> {
    const outletId = actor.scope.level === 'outlet' ? (actor.scope.outletId ?? '-') : null;
    const rows = await this.ctx.repo.listOffers(outletId, status, limit);
    return { items: await this.views(rows) };
  }

  private async views(rows: readonly OfferRecord[]): Promise<Offer[]> {
    const [outlets, orders] = await Promise.all([
      this.ctx.repo.outletNames(rows.map((r) => r.outletId)),
      this.ctx.repo.ordersByIds(rows.map((r) => r.orderId)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      outlet: outlets.get(r.outletId) ?? { id: r.outletId, code: '', name: '' },
      mode: r.mode,
      status: r.status,
      offeredAt: r.offeredAt,
      dueAt: r.dueAt,
      respondedAt: r.respondedAt,
      reasonCode: r.reasonCode,
      note: r.note,
      order: orders.get(r.orderId)?.view ?? null,
    }));
  }

  async board(actor: Actor, q: BoardQuery): Promise<BoardResponse> {
    // Outlet figures (grade, load, capacity, pending offers) are scoped like the queue.
    const [{ rows: queue, total }, { value: policy }, outlets, waiting] = await Promise.all([
      this.ctx.repo.queue(actor.scope, q),
      dispatchPolicy(this.ctx),
      this.ctx.repo.outletsWithFacts('all', actor.scope),
      this.ctx.repo.waitingCounts(actor.scope),
    ]);
    const [pending, pendingCounts, holds] = await Promise.all([
      this.ctx.repo.pendingOffersFor(queue.map((o) => o.view.id)),
      this.ctx.repo.pendingCounts(outlets.map((o) => o.id)),
      this.ctx.repo.redoHolds(queue.map((o) => ({ id: o.view.id, version: o.view.version }))),
    ]);
    const names = await this.outletNames(
      outlets,
      [...pending.values()].map((p) => p.outletId),
    );
    return {
      now: this.ctx.clock.now().toISOString(),
      waiting,
      total,
      queue: queue.map((o) => {
        const p = pending.get(o.view.id);
        return {
          ...o.view,
          mode: modeFor(policy, orderRegion(o)),
          redoHold: holdOf(holds.get(o.view.id)),
          pendingOffer: p
            ? { id: p.id, outletId: p.outletId, outletName: names.get(p.outletId) ?? '', dueAt: p.dueAt }
            : null,
        };
      }),
      outlets: outlets.map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        grade: o.grade,
        status: o.status,
        cityCode: o.cityCode,
        open: o.open,
        capacity: o.dailyCapacity,
        loadPercent: o.dailyCapacity > 0 ? Math.round((o.open / o.dailyCapacity) * 100) : 999,
        pendingOffers: pendingCounts.get(o.id) ?? 0,
      })),
    };
  }

  /** Names of the listed outlets plus those holding an offer on a visible order (the offer is visible too). */
  private async outletNames(listed: readonly OutletFacts[], offered: readonly string[]) {
    const names = new Map(listed.map((o) => [o.id, o.name]));
    const missing = offered.filter((id) => !names.has(id));
    for (const o of await this.ctx.repo.outletsWithFacts(missing)) names.set(o.id, o.name);
    return names;
  }

  /** Each order to its top eligible outlet, one after the other; a failure does not stop the rest. */
  async bulk(
    actor: Actor,
    items: readonly { orderId: string; version: number }[],
    requestId: string | null = null,
  ): Promise<BulkDispatchResult> {
    const results: BulkDispatchResult['results'] = [];
    for (const it of items) {
      try {
        const order = await this.ctx.repo.order(it.orderId, actor.scope);
        if (!order) throw notFound('work order', it.orderId);
        const ranking = await this.rankFor(order);
        const top = topEligible(ranking);
        if (!top) {
          results.push({ orderId: it.orderId, ok: false, outletId: null, error: 'no_eligible_outlet' });
          continue;
        }
        await this.offer(actor, it.orderId, top.outletId, it.version, 'manual', ranking, requestId);
        results.push({ orderId: it.orderId, ok: true, outletId: top.outletId, error: null });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ orderId: it.orderId, ok: false, outletId: null, error: codeOf(err) });
      }
    }
    return { results };
  }

  policy() {
    return dispatchPolicy(this.ctx);
  }
}
