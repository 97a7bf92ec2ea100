import { WorkOrderListQuerySchema, type RepairPartWarranty } from '@anxin/contracts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import { consumedPartsOfOrder, itemsByIds } from '../parts/index.ts';
import { cardsPolicy, SYSTEM_ACTOR, todayOf, type CardsContext } from './context.ts';
import { repairCover, repairWarrantyDays } from './domain/policy.ts';

/** Orders that reached 完成 (and the steps after it); cancelled orders fitted nothing that stays. */
const DONE = ['completed', 'awaiting_callback', 'closed'] as const;

/**
 * The repair warranty of fitted parts (维修配件保修): every part consumed on a completed order of
 * the product is covered until the completion date + N days, N per part class (setting
 * `cards.policy`, default 90). Derived on read from the orders and the parts ledger, so a
 * repair completed before this module existed is covered too; N is the setting as it is today.
 */
export async function repairPartsOf(ctx: CardsContext, productId: string): Promise<RepairPartWarranty[]> {
  const query = WorkOrderListQuerySchema.parse({ productId, status: [...DONE], limit: 200 });
  const page = await ctx.workOrders.list(SYSTEM_ACTOR, query);
  const policy = await cardsPolicy(ctx.db);
  const today = todayOf(ctx);
  const out: RepairPartWarranty[] = [];
  for (const summary of page.items) {
    const order = await ctx.workOrders.findInScope(SYSTEM_ACTOR, summary.id);
    if (!order?.completedAt) continue;
    const usages = await consumedPartsOfOrder(ctx.db, order.id);
    if (!usages.length) continue;
    const items = new Map(
      (
        await itemsByIds(
          ctx.db,
          usages.map((u) => u.itemId),
        )
      ).map((i) => [i.id, i]),
    );
    const completedOn = businessDateOf(new Date(order.completedAt));
    for (const u of usages) {
      const partClass = items.get(u.itemId)?.partClass ?? '';
      const days = repairWarrantyDays(policy, partClass);
      const cover = repairCover(completedOn, days, today);
      out.push({
        usageId: u.id,
        orderId: order.id,
        orderNumber: order.number,
        itemCode: u.itemCode,
        itemName: u.itemName,
        partClass,
        qty: u.qty,
        newSerial: u.newSerial,
        completedOn,
        until: cover.until,
        days,
        active: cover.active,
      });
    }
  }
  // Newest repair first, still-covered parts before expired ones.
  return out.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      b.completedOn.localeCompare(a.completedOn) ||
      a.itemCode.localeCompare(b.itemCode),
  );
}
