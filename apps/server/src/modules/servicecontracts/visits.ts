import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { ServiceContractContext } from './context.ts';
import { entitlement } from './domain/entitlement.ts';
import { CONTRACT_STREAM, SERVICE_CONTRACT_EVENTS as EV } from './servicecontracts.events.ts';

/**
 * Visits counted against the quota: an order's completion (a visit done) queues this outbox
 * message in the completing transaction (hook `servicecontracts.visit_queued`); the handler finds
 * the contract that covered the product on the completion day and records the visit. Exactly once
 * per order: the message's dedupe key and the visits' unique work-order id (a redo that completes
 * the same order again, or a redelivery, counts nothing more).
 */
export const VISIT_TOPIC = 'servicecontracts.order_completed';
export interface VisitPayload {
  orderId: string;
  orderNumber: string;
  productId: string;
  visitedOn: string;
}

export function registerVisitHook(ctx: ServiceContractContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'servicecontracts.visit_queued',
    to: 'completed',
    async within(trx, { order, now, afterCommit }) {
      if (!order.productId) return;
      await enqueueVisit(
        trx,
        {
          orderId: order.id,
          orderNumber: order.number,
          productId: order.productId,
          visitedOn: businessDateOf(now),
        },
        now,
      );
      afterCommit(ctx.nudgeOutbox);
    },
  });
}

export async function enqueueVisit(trx: Kysely<Database>, p: VisitPayload, at: Date) {
  await enqueueOutbox<VisitPayload>(trx, {
    topic: VISIT_TOPIC,
    payload: p,
    dedupeKey: `${VISIT_TOPIC}:${p.orderId}`,
    at,
  });
}

export async function countVisit(
  ctx: ServiceContractContext,
  p: VisitPayload,
): Promise<'counted' | 'not_covered' | 'already'> {
  const [product] = await ctx.ports.products([p.productId]);
  if (!product) return 'not_covered';
  const now = ctx.clock.now();
  return withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const e = entitlement(await ctx.repo.ofCustomer(product.customerId, trx), product, p.visitedOn);
    if (!e.covered || !e.contract) return 'not_covered';
    const c = e.contract;
    const fresh = await ctx.repo.insertVisit(
      trx,
      {
        id: newId(),
        contractId: c.id,
        workOrderId: p.orderId,
        workOrderNumber: p.orderNumber,
        productId: p.productId,
        visitedOn: p.visitedOn,
      },
      now.toISOString(),
    );
    if (!fresh) return 'already';
    await appendEvent(trx, {
      streamType: CONTRACT_STREAM,
      streamId: c.id,
      type: EV.type.visit_counted,
      actor: SYSTEM,
      at: now,
      data: { workOrderId: p.orderId, visitsUsed: c.visitsUsed + 1 },
    });
    return 'counted';
  });
}
