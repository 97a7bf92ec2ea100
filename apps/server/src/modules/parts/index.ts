import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { partsRepo } from './requests.repository.ts';
import { itemsByIds } from './catalog.repository.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { insertUserNotice } from '../../platform/notify/index.ts';
import type { TransitionHooks, WorkOrdersService } from '../workorders/index.ts';
import type { PartsContext } from './context.ts';
import { schedulePartsAlerts, sendPartsAlerts } from './jobs/alerts.ts';
import { catalogRoutes } from './routes/catalog.routes.ts';
import { requestsRoutes } from './routes/requests.routes.ts';
import { returnsRoutes } from './routes/returns.routes.ts';
import { stockRoutes } from './routes/stock.routes.ts';
import { stocktakeRoutes } from './routes/stocktake.routes.ts';
import { usageRoutes } from './routes/usage.routes.ts';
import { registerPartsHooks } from './requests.hooks.ts';
import { PARTS_NOTIFY_TOPIC, type PartsNotice } from './requests.service.ts';
import './requests.events.ts';

export type { PartsTables } from './parts.schema.ts';
export { PARTS_SETTINGS } from './parts.settings.ts';
export { PARTS_POLICY_KEY } from './context.ts';
export { partClaimsOf, type PartClaim } from './claims.ts';
export { consumedPartsByOrder } from './analytics-reads.ts';
export { itemsByIds, type PartItemRecord } from './catalog.repository.ts';
export { listItems as listPartItems } from './catalog.repository.ts';
export { CatalogService } from './catalog.service.ts';
export { StockService } from './stock.service.ts';
export { StocktakeService } from './stocktake.service.ts';
export { RequestsService } from './requests.service.ts';
export { UsageService } from './usage.service.ts';
export { ReturnsService } from './returns.service.ts';
export { replenishment } from './replenish.service.ts';
export { ensureLocation, HQ_LOCATION_ID } from './stock-ledger.ts';
export type { UsageRecord } from './requests.repository.ts';
/** Parts consumed (fitted) on one order: the repair warranty of fitted parts reads these (modules/cards). */
export const consumedPartsOfOrder = async (db: Kysely<Database>, orderId: string) =>
  (await partsRepo.usagesOfOrder(db, orderId)).filter((u) => u.status === 'consumed');

/** Parts consumed on these orders at the items' cost price (fen): contract margins read this. */
export async function consumedPartsCostFen(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<number> {
  const used = (await Promise.all([...new Set(orderIds)].map((id) => consumedPartsOfOrder(db, id)))).flat();
  const items = await itemsByIds(
    db,
    used.map((u) => u.itemId),
  );
  const cost = new Map(items.map((i) => [i.id, i.costPriceFen]));
  return used.reduce((sum, u) => sum + u.qty * (cost.get(u.itemId) ?? 0), 0);
}

/**
 * Parts consumed on a set of orders, per part item: the distinct orders that consumed it and the
 * quantity, grouped in the database in chunks (fault analysis's part dimension).
 */
export async function consumedPartCountsOfOrders(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<{ itemId: string; orders: number; qty: number }[]> {
  const acc = new Map<string, { itemId: string; orders: number; qty: number }>();
  const unique = [...new Set(orderIds)];
  // Chunks keep each statement under SQLite's bound-parameter limit; chunks hold disjoint orders, so
  // their distinct-order counts add up exactly.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('part_usages')
      .select((eb) => [
        'item_id',
        eb.fn.count<string | number>('order_id').distinct().as('orders'),
        eb.fn.sum<string | number>('qty').as('qty'),
      ])
      .where('status', '=', 'consumed')
      .where('order_id', 'in', unique.slice(i, i + 500))
      .groupBy('item_id')
      .execute();
    for (const r of rows) {
      const cur = acc.get(r.item_id) ?? { itemId: r.item_id, orders: 0, qty: 0 };
      cur.orders += Number(r.orders);
      cur.qty += Number(r.qty);
      acc.set(r.item_id, cur);
    }
  }
  return [...acc.values()];
}

export interface PartsOptions {
  workOrders: { service: WorkOrdersService; hooks: Pick<TransitionHooks, 'register'> };
}

/**
 * Spare parts (备件, issue #15): catalogue and compatibility, stock per location with an
 * append-only ledger (stock-ledger.ts), part requests with signed approval and shipment, usage on
 * orders, 旧件 returns and inspection (the claims settlement pays), stocktakes and replenishment.
 */
export function createParts(deps: AppDeps, opts: PartsOptions) {
  const ctx: PartsContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    workOrders: opts.workOrders.service,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  registerPartsHooks(ctx, opts.workOrders.hooks);
  // In-app notices to the technician (approved, rejected, shipped); keyed by the outbox row.
  deps.runtime.outbox.registerTopic<PartsNotice>(PARTS_NOTIFY_TOPIC, async (n, o) => {
    await insertUserNotice(deps.db, deps.clock.now(), `outbox:${o.id}`, {
      userId: n.userId,
      title: n.title,
      body: n.body,
      ref: n.ref,
    });
  });
  return {
    ctx,
    sendAlerts: (now?: Date) => sendPartsAlerts(ctx, now),
    scheduleJobs: (jobs: JobQueue, everySeconds = 3600) =>
      schedulePartsAlerts(jobs, () => sendPartsAlerts(ctx), everySeconds),
    register: async (app: FastifyInstance) => {
      await app.register(catalogRoutes(ctx));
      await app.register(stockRoutes(ctx));
      await app.register(stocktakeRoutes(ctx));
      await app.register(requestsRoutes(ctx));
      await app.register(usageRoutes(ctx));
      await app.register(returnsRoutes(ctx));
    },
  };
}
export type PartsModule = ReturnType<typeof createParts>;
