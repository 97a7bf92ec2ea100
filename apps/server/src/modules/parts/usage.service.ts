import type { OrderParts, PartUsage } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { installedProductsByIds } from '../customers/index.ts';
import { technicianRefOf } from '../network/index.ts';
import { eventActorOf, type PartsContext } from './context.ts';
import { OLD_PART_STREAM, PART_USAGE_STREAM } from './requests.events.ts';
import { partsRepo, type UsageRecord } from './requests.repository.ts';
import {
  actorId,
  assertOnSite,
  checkLines,
  relationToOrder,
  RequestsService,
  requestViews,
} from './requests.service.ts';
import { oldPartReturns } from './returns.repository.ts';
import { applyStockChange, HQ_LOCATION_ID } from './stock-ledger.ts';

export const usageView = (u: UsageRecord): PartUsage => ({
  id: u.id,
  orderId: u.orderId,
  itemId: u.itemId,
  itemCode: u.itemCode,
  itemName: u.itemName,
  serialized: u.serialized,
  locationId: u.locationId,
  locationName: u.locationName,
  qty: u.qty,
  paidBy: u.paidBy,
  unitPriceFen: u.unitPriceFen,
  status: u.status,
  newSerial: u.newSerial,
  oldSerial: u.oldSerial,
  requestId: u.requestId,
  reservedAt: u.reservedAt,
  consumedAt: u.consumedAt,
});

type ReserveInput = {
  locationId: string;
  lines: { itemId: string; qty: number; paidBy: 'warranty' | 'customer' }[];
};

/** Parts on an order: the pick list, reservations from the van or outlet store, consumption, release. */
export class UsageService {
  private readonly ctx: PartsContext;
  private readonly requests: RequestsService;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
    this.requests = new RequestsService(ctx);
  }

  async orderParts(actor: Actor, orderId: string): Promise<OrderParts> {
    await this.requests.order(actor, orderId);
    const usages = await partsRepo.usagesOfOrder(this.ctx.db, orderId);
    const requests = await partsRepo.listRequests(this.ctx.db, { orderId, limit: 200 });
    return {
      orderId,
      usages: usages.map(usageView),
      requests: await requestViews(this.ctx.db, requests),
      customerPaidFen: usages
        .filter((u) => u.status !== 'released' && u.paidBy === 'customer')
        .reduce((s, u) => s + u.qty * u.unitPriceFen, 0),
    };
  }

  /** Active items that fit the order's model, van stock first, then by name. */
  async pickList(actor: Actor, orderId: string, q?: string) {
    const order = await this.requests.order(actor, orderId);
    const product = order.productId
      ? (await installedProductsByIds(this.ctx.db, [order.productId]))[0]
      : undefined;
    const van = order.technicianId ? await partsRepo.vanOf(this.ctx.db, order.technicianId) : null;
    const rows = await partsRepo.pickList(this.ctx.db, product?.modelId ?? null, van, HQ_LOCATION_ID, q);
    const items = await partsRepo.items(
      this.ctx.db,
      rows.map((r) => r.itemId),
    );
    const compat = await partsRepo.compatOf(
      this.ctx.db,
      rows.map((r) => r.itemId),
    );
    return {
      items: rows.map((r) => {
        const i = items.get(r.itemId)!;
        return {
          item: { ...i, ...compat.get(r.itemId)! },
          vanAvailable: Math.max(0, r.vanAvailable),
          vanLocationId: van,
          hqAvailable: Math.max(0, r.hqAvailable),
        };
      }),
    };
  }

  /** Reserves from the technician's own van, or (outlet manager) the outlet store or its vans. */
  async reserve(actor: Actor, orderId: string, input: ReserveInput): Promise<OrderParts> {
    await this.reserveLines(actor, orderId, input, true);
    return this.orderParts(actor, orderId);
  }

  /**
   * For the demo seed only (no route): a reservation replayed at the instant it was made, when the
   * order was on site. Every check and write of `reserve` except the order's current status (the
   * seed writes orders in their final status). Returns the new usages' ids.
   */
  async reserveAsOnSite(actor: Actor, orderId: string, input: ReserveInput): Promise<string[]> {
    return this.reserveLines(actor, orderId, input, false);
  }

  private async reserveLines(
    actor: Actor,
    orderId: string,
    input: ReserveInput,
    checkOnSite: boolean,
  ): Promise<string[]> {
    const order = await this.requests.order(actor, orderId);
    const relation = relationToOrder(actor, order);
    const loc = await partsRepo.location(this.ctx.db, input.locationId);
    let allowed = false;
    if (loc && relation === 'technician')
      allowed = loc.kind === 'van' && loc.technicianId === order.technicianId;
    if (loc && relation === 'outlet') {
      if (loc.kind === 'outlet') allowed = loc.outletId === order.outletId;
      else if (loc.kind === 'van' && loc.technicianId)
        allowed = (await technicianRefOf(this.ctx.db, loc.technicianId))?.outletId === order.outletId;
    }
    if (!allowed) throw refuse('parts.location_not_allowed', {}, { path: 'locationId' });
    if (checkOnSite) assertOnSite(order);
    const items = await checkLines(this.ctx.db, order, input.lines);
    const now = this.ctx.clock.now();
    const ids: string[] = [];
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      for (const l of input.lines) {
        const item = items.get(l.itemId)!;
        const id = newId();
        ids.push(id);
        await applyStockChange(
          trx,
          {
            locationId: input.locationId,
            itemId: l.itemId,
            kind: 'reserve',
            onHandDelta: 0,
            reservedDelta: l.qty,
            ref: `usage:${id}`,
            actorId: actorId(actor),
          },
          now,
        );
        await partsRepo.insertUsage(
          trx,
          {
            id,
            orderId,
            itemId: l.itemId,
            locationId: input.locationId,
            qty: l.qty,
            paidBy: l.paidBy,
            unitPriceFen: l.paidBy === 'customer' ? item.listPriceFen : 0,
            requestLineId: null,
            technicianId: order.technicianId,
          },
          now.toISOString(),
        );
        await appendEvent(trx, {
          streamType: PART_USAGE_STREAM,
          streamId: id,
          type: 'part_usage.reserved',
          actor: eventActorOf(actor),
          at: now,
          to: 'reserved',
          data: { orderId, itemId: l.itemId, locationId: input.locationId, qty: l.qty, paidBy: l.paidBy },
        });
      }
    });
    return ids;
  }

  /**
   * At completion: each line's usage must be reserved for this order; serialized parts need both
   * serials. A warranty usage of a claimable item starts its 旧件 return (awaiting return).
   */
  async consume(
    actor: Actor,
    orderId: string,
    input: { lines: { usageId: string; newSerial?: string | undefined; oldSerial?: string | undefined }[] },
  ): Promise<OrderParts> {
    const order = await this.requests.order(actor, orderId);
    if (!relationToOrder(actor, order)) throw refuse('parts.location_not_allowed', {});
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      for (const [i, l] of input.lines.entries()) {
        const u = await partsRepo.usage(trx, l.usageId);
        if (!u || u.orderId !== orderId || u.status !== 'reserved')
          throw refuse('parts.reservation_required', u ? { itemCode: u.itemCode } : {}, {
            path: `lines.${i}.usageId`,
          });
        if (u.serialized && (!l.newSerial || !l.oldSerial))
          throw refuse(
            'parts.serial_required',
            { itemCode: u.itemCode },
            { path: `lines.${i}.${l.newSerial ? 'oldSerial' : 'newSerial'}` },
          );
        await applyStockChange(
          trx,
          {
            locationId: u.locationId,
            itemId: u.itemId,
            kind: 'consume',
            onHandDelta: -u.qty,
            reservedDelta: -u.qty,
            ref: `usage:${u.id}`,
            actorId: actorId(actor),
          },
          now,
        );
        const ok = await partsRepo.settleUsage(trx, u.id, {
          status: 'consumed',
          newSerial: l.newSerial ?? null,
          oldSerial: l.oldSerial ?? null,
          at,
        });
        if (!ok)
          throw refuse(
            'parts.reservation_required',
            { itemCode: u.itemCode },
            { path: `lines.${i}.usageId` },
          );
        let returnId: string | null = null;
        if (u.paidBy === 'warranty' && u.warrantyClaimable) {
          returnId = newId();
          await oldPartReturns.insert(
            trx,
            {
              id: returnId,
              usageId: u.id,
              orderId,
              outletId: order.outletId,
              itemId: u.itemId,
              qty: u.qty,
              oldSerial: l.oldSerial ?? null,
            },
            at,
          );
          await appendEvent(trx, {
            streamType: OLD_PART_STREAM,
            streamId: returnId,
            type: 'old_part.created',
            actor: eventActorOf(actor),
            at: now,
            to: 'awaiting_return',
            data: { orderId, usageId: u.id, itemId: u.itemId, qty: u.qty },
          });
        }
        await appendEvent(trx, {
          streamType: PART_USAGE_STREAM,
          streamId: u.id,
          type: 'part_usage.consumed',
          actor: eventActorOf(actor),
          at: now,
          from: 'reserved',
          to: 'consumed',
          data: {
            orderId,
            itemId: u.itemId,
            qty: u.qty,
            newSerial: l.newSerial ?? null,
            oldSerial: l.oldSerial ?? null,
            returnId,
          },
        });
      }
    });
    return this.orderParts(actor, orderId);
  }

  /** A reservation not needed after all: `release` (reserved −q), the usage released. */
  async release(actor: Actor, usageId: string, reason: string): Promise<PartUsage> {
    const u0 = await partsRepo.usage(this.ctx.db, usageId);
    if (!u0) throw notFound('part usage', usageId);
    const order = await this.requests.order(actor, u0.orderId);
    if (!relationToOrder(actor, order) && !actor.permissions.has('parts:manage'))
      throw refuse('parts.location_not_allowed', {});
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const u = await partsRepo.usage(trx, usageId);
      if (!u || u.status !== 'reserved')
        throw refuse('parts.reservation_required', { itemCode: u0.itemCode });
      await applyStockChange(
        trx,
        {
          locationId: u.locationId,
          itemId: u.itemId,
          kind: 'release',
          onHandDelta: 0,
          reservedDelta: -u.qty,
          ref: `usage:${u.id}`,
          actorId: actorId(actor),
          note: reason,
        },
        now,
      );
      if (!(await partsRepo.settleUsage(trx, u.id, { status: 'released', reason, at: now.toISOString() })))
        throw refuse('parts.reservation_required', { itemCode: u.itemCode });
      await appendEvent(trx, {
        streamType: PART_USAGE_STREAM,
        streamId: u.id,
        type: 'part_usage.released',
        actor: eventActorOf(actor),
        at: now,
        from: 'reserved',
        to: 'released',
        reason,
        data: { orderId: u.orderId, itemId: u.itemId, qty: u.qty },
      });
    });
    return usageView((await partsRepo.usage(this.ctx.db, usageId))!);
  }
}
