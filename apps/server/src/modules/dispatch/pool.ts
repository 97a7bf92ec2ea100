import type { DispatchOrder, DispatchResult } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { dispatchPolicy, SYSTEM_ACTOR } from './dispatch.context.ts';
import type { DispatchService } from './dispatch.service.ts';
import { modeFor } from './domain/policy.ts';
import { orderRegion, rankOutlets } from './domain/rank.ts';

const POOL_LIMIT = 200;

function outletOf(actor: Actor): string {
  if (actor.scope.level !== 'outlet' || !actor.scope.outletId)
    throw new DomainError('auth.forbidden', 'Only outlet staff see and claim pool orders');
  return actor.scope.outletId;
}

/** Orders of pool (抢单) regions waiting for an outlet, that the actor's outlet may take. */
export async function listPool(svc: DispatchService, actor: Actor): Promise<{ items: DispatchOrder[] }> {
  const outletId = outletOf(actor);
  const { repo } = svc.ctx;
  const [outlet] = await repo.outletsWithFacts([outletId]);
  if (!outlet || outlet.status !== 'active') return { items: [] };
  const [{ value: policy }, orders] = await Promise.all([
    dispatchPolicy(svc.ctx),
    repo.waitingIn(outlet.regionCodes, outlet.categoryCodes, POOL_LIMIT),
  ]);
  const inPool = orders.filter((o) => modeFor(policy, orderRegion(o)) === 'pool');
  const past = await repo.pastOutcomesFor(inPool.map((o) => o.view.id));
  return {
    items: inPool
      .filter((o) => rankOutlets(o, [outlet], past.get(o.view.id) ?? [])[0]!.eligible)
      .map((o) => o.view),
  };
}

/**
 * First come, first served: the claim is an offer made on the version the claimer saw (only one
 * claimer's update lands, the rest get 409) and then accepted by the claimer, so the order reaches
 * outlet_accepted with both steps as events.
 */
export async function claimFromPool(
  svc: DispatchService,
  actor: Actor,
  orderId: string,
  version: number,
  requestId: string | null,
): Promise<DispatchResult> {
  const outletId = outletOf(actor);
  const { repo } = svc.ctx;
  const order = await repo.order(orderId);
  if (!order) throw notFound('work order', orderId);
  const { value: policy } = await dispatchPolicy(svc.ctx);
  const [outlet] = await repo.outletsWithFacts([outletId]);
  const ranked = outlet ? rankOutlets(order, [outlet], await repo.pastOutcomes(orderId)) : [];
  // Orders outside the pool, or that this outlet may not take, are not listed to it: 404 alike.
  if (modeFor(policy, orderRegion(order)) !== 'pool' || !ranked[0]?.eligible)
    throw notFound('pool order', orderId);
  if (order.view.status !== 'awaiting_dispatch' || order.view.version !== version)
    throw versionConflict('work order', orderId, version);
  const offerId = newId();
  await svc.ctx.workOrders.transition(
    SYSTEM_ACTOR,
    orderId,
    { to: 'dispatched_outlet', version, data: { outletId } },
    {
      requestId,
      intents: { dispatch: { mode: 'pool', ranking: ranked, claimedBy: actor.userId, offerId } },
    },
  );
  return svc.accept(actor, offerId, version + 1, requestId);
}
