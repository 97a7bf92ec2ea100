import type { CreateRecallOrders } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { refuse } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/types.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { RecallContext } from './context.ts';
import { wantsOrder } from './domain/contact.ts';
import type { RecallProductRecord } from './recalls.repository.ts';
import { RECALL_EVENTS, RECALL_STREAM } from './recalls.events.ts';
import type { RecallService } from './recalls.service.ts';
import { recallPolicy } from './recalls.settings.ts';

/**
 * The recall's 保养/维修 orders: one per affected product, created through modules/workorders as
 * the system and linked back to the product's row. The creation is claimed on the row first, so a
 * second click or a parallel caller creates nothing more; a failed creation releases the claim.
 * The one window left is a node stopping between the order's commit and the link: after the
 * `orderClaimStaleMinutes` of the policy the claim is taken again (at-least-once, as telemetry).
 */
export async function createRecallOrders(
  ctx: RecallContext,
  recalls: RecallService,
  actor: Actor,
  recallId: string,
  input: CreateRecallOrders,
): Promise<number> {
  const r = await recalls.find(recallId);
  if (r.status !== 'active') throw refuse('recall.not_active', { status: r.status });
  const policy = await recallPolicy(ctx.db);
  const todo = (await ctx.repo.listProducts(recallId)).filter(
    (p) => !p.workOrderId && wantsOrder(p.contactStatus, input.scope),
  );
  let created = 0;
  for (const p of todo)
    if (await createOne(ctx, actor, r.title, r.orderType, p, policy.orderClaimStaleMinutes)) created++;
  return created;
}

async function createOne(
  ctx: RecallContext,
  actor: Actor,
  title: string,
  type: 'maintenance' | 'repair',
  p: RecallProductRecord,
  staleMinutes: number,
): Promise<boolean> {
  const claimedAt = ctx.clock.now();
  const stale = new Date(claimedAt.getTime() - staleMinutes * 60_000).toISOString();
  if (!(await ctx.repo.claimOrder(p.id, claimedAt.toISOString(), stale))) return false;
  const order = await ctx.ports
    .createOrder({
      type,
      channel: 'api',
      customerId: p.customerId,
      productId: p.productId,
      faultDescription: `产品召回：${title}（序列号 ${p.serial}）`,
      symptomCodes: [],
      urgency: 'normal',
      preferredWindows: [],
    })
    .catch(async (err: unknown) => {
      await ctx.repo.releaseOrderClaim(p.id);
      throw err;
    });
  const now = ctx.clock.now();
  return withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    if (!(await ctx.repo.attachOrder(trx, p.id, order.id, order.number))) return false;
    await appendEvent(trx, {
      streamType: RECALL_STREAM,
      streamId: p.recallId,
      type: RECALL_EVENTS.type.order_created,
      actor: eventActorOf(actor),
      at: now,
      data: { recallProductId: p.id, workOrderId: order.id, workOrderNumber: order.number },
    });
    return true;
  });
}

/** In the order's completing (or closing) transaction: the recall row counts it as done, once. */
async function completeRecallProducts(ctx: RecallContext, trx: Db, orderId: string, now: Date) {
  for (const done of await ctx.repo.completeByOrder(trx, orderId, now.toISOString()))
    await appendEvent(trx, {
      streamType: RECALL_STREAM,
      streamId: done.recallId,
      type: RECALL_EVENTS.type.product_completed,
      actor: SYSTEM,
      at: now,
      data: { recallProductId: done.id, workOrderId: orderId },
    });
}

/**
 * Completion comes from the order: reaching 已完成 counts, and so does 已关闭 for an order closed
 * without passing through it; the row's `completed_at` is set once whichever comes first.
 */
export function registerRecallHooks(ctx: RecallContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'recalls.order_completed',
    to: 'completed',
    async within(trx, { order, now }) {
      await completeRecallProducts(ctx, trx, order.id, now);
    },
  });
  hooks.register({
    name: 'recalls.order_closed',
    to: 'closed',
    async within(trx, { order, now }) {
      await completeRecallProducts(ctx, trx, order.id, now);
    },
  });
}
