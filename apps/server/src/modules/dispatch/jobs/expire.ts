import type { JobQueue } from '../../../platform/jobs/index.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import type { DispatchService } from '../dispatch.service.ts';

export const EXPIRE_OFFERS_JOB = 'dispatch.expire_offers';
const BATCH = 200;

export interface ExpireResult {
  expired: number;
}

/**
 * Offers not answered by their due time lapse: the order goes back to 待派单 (reason
 * `offer_expired`, system actor) and, in auto regions, the next outlet is offered after commit.
 * Idempotent: only pending offers are looked at and each is settled in the status change's
 * transaction, so a second run (or a second node) finds nothing left to do.
 */
export async function expireOffers(svc: DispatchService, now: Date): Promise<ExpireResult> {
  const { repo } = svc.ctx;
  const due = await repo.dueOffers(now.toISOString(), BATCH);
  let expired = 0;
  for (const offer of due) {
    const order = await repo.order(offer.orderId);
    const holds =
      order && order.view.status === 'dispatched_outlet' && order.view.outletId === offer.outletId;
    if (!holds) {
      // The order moved on without settling the offer (e.g. by a support fix): just close it.
      await withTransaction(svc.ctx.db, svc.ctx.dialect, ({ trx }) =>
        repo.settlePending(trx, offer.orderId, {
          status: 'expired',
          respondedAt: now.toISOString(),
          respondedBy: null,
        }),
      );
      continue;
    }
    if (await svc.release(offer.orderId, order.view.version, 'offer_expired', 'expired')) expired++;
  }
  return { expired };
}

export async function scheduleExpireOffers(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds = 60,
): Promise<void> {
  jobs.register(EXPIRE_OFFERS_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(EXPIRE_OFFERS_JOB, everySeconds);
}
