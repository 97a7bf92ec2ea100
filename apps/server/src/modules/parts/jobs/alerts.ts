import { businessDateOf } from '../../../platform/calendar/index.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../../platform/events/append.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import { notifyRole } from '../../../platform/notify/index.ts';
import type { PartsContext } from '../context.ts';
import { alerts } from '../replenish.service.ts';
import { LOCATION_STREAM } from '../stock.events.ts';

export const ALERTS_JOB = 'parts.daily_alerts';

const TITLES = { low_stock: '备件低库存', ageing: '备件呆滞', discontinuation: '备件即将停产' } as const;

/**
 * Sends today's parts alerts to the warehouse as in-app notices. The outbox dedupe key (kind,
 * location, item, business day) makes a second run the same day, or two nodes at once, a no-op.
 */
export async function sendPartsAlerts(
  ctx: PartsContext,
  now: Date = ctx.clock.now(),
): Promise<{ seen: number; raised: number }> {
  const day = businessDateOf(now);
  const { items } = await alerts(ctx, null);
  let raised = 0;
  for (const a of items) {
    const fresh = await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
      const id = await notifyRole(
        trx,
        now,
        {
          role: 'warehouse',
          title: `${TITLES[a.kind]} ${a.itemCode}`,
          body: `${a.itemName}${a.locationName ? ` @ ${a.locationName}` : ''}: ${a.value}`,
          event: `parts.${a.kind}`,
          params: {
            code: a.itemCode,
            item: a.itemName,
            location: a.locationName ?? '',
            value: String(a.value),
          },
          ref: `part_item:${a.itemId}`,
        },
        `parts.alert:${a.kind}:${a.locationId ?? '-'}:${a.itemId}:${day}`,
      );
      if (!id) return false;
      await appendEvent(trx, {
        streamType: LOCATION_STREAM,
        streamId: a.locationId ?? 'catalogue',
        type: 'stock.alert_raised',
        actor: SYSTEM,
        at: now,
        data: { kind: a.kind, itemId: a.itemId, value: a.value, day },
      });
      afterCommit(ctx.nudgeOutbox);
      return true;
    });
    if (fresh) raised++;
  }
  return { seen: items.length, raised };
}

/** Registers the sweep (hourly; the dedupe key keeps it to one notice per alert per day). */
export async function schedulePartsAlerts(jobs: JobQueue, run: () => Promise<unknown>, everySeconds = 3600) {
  jobs.register(ALERTS_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(ALERTS_JOB, everySeconds);
}
