import {
  STOCK_SORTS,
  type StockLevel,
  type StockLocation,
  type StockLocationKind,
  type StockMovement,
  type StockMovementKind,
  type StockSort,
} from '@anxin/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { userNames } from '../identity/index.ts';
import { techniciansOf } from '../network/index.ts';
import { decodeCursor, encodeCursor } from './cursor.codec.ts';
import { itemsByIds, type PartItemRecord } from './catalog.repository.ts';
import { eventActorOf, type PartsContext } from './context.ts';
import { LOCATION_STREAM } from './stock.events.ts';
import { applyStockChange } from './stock-ledger.ts';
import {
  listLevels,
  listLocations,
  listMovements,
  locationById,
  setReorderPoint,
  type LocationFilter,
  type MovementRecord,
} from './stock.repository.ts';

type Line = { itemId: string; qty: number };

/**
 * The locations an actor sees: staff with scope all (or region: HQ staff) every location; an
 * outlet manager HQ, the outlet's store and its technicians' vans; a technician HQ and their van.
 */
export async function visibleLocations(ctx: PartsContext, actor: Actor): Promise<StockLocation[]> {
  const s = actor.scope;
  if (s.level === 'all' || s.level === 'region') return listLocations(ctx.db, null);
  if (s.level === 'outlet') {
    if (!s.outletId) return listLocations(ctx.db, { outletIds: [], technicianIds: [] });
    const techs = await techniciansOf(ctx.db, { outletId: s.outletId });
    return listLocations(ctx.db, { outletIds: [s.outletId], technicianIds: techs.map((t) => t.id) });
  }
  const techs = await techniciansOf(ctx.db, { userId: s.userId });
  return listLocations(ctx.db, { outletIds: [], technicianIds: techs.map((t) => t.id) });
}

export async function locationFilterOf(ctx: PartsContext, actor: Actor): Promise<LocationFilter> {
  if (actor.scope.level === 'all' || actor.scope.level === 'region') return null;
  return (await visibleLocations(ctx, actor)).map((l) => l.id);
}

/** `s` is the sort the cursor belongs to, `v` the available count when sorted by it. */
const LevelCursor = z.object({
  s: z.enum(STOCK_SORTS).default('location'),
  l: z.string(),
  i: z.string(),
  v: z.number().int().optional(),
});
const TimeCursor = z.object({ a: z.string(), i: z.string() });

export async function toMovements(ctx: PartsContext, rows: MovementRecord[]): Promise<StockMovement[]> {
  const names = await userNames(
    ctx.db,
    rows.map((r) => r.actorId).filter((x): x is string => !!x),
  );
  return rows.map(({ actorId, ...r }) => ({
    ...r,
    actorName: actorId ? (names.get(actorId) ?? null) : null,
  }));
}

export class StockService {
  private readonly ctx: PartsContext;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
  }

  locations(actor: Actor): Promise<StockLocation[]> {
    return visibleLocations(this.ctx, actor);
  }

  async levels(
    actor: Actor,
    q: {
      locationId?: string | undefined;
      locationKind?: StockLocationKind | undefined;
      itemId?: string | undefined;
      q?: string | undefined;
      low?: 'true' | 'false' | undefined;
      sort?: StockSort | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ): Promise<{ items: StockLevel[]; nextCursor: string | null }> {
    const sort = q.sort ?? 'location';
    const after = decodeCursor(
      q.cursor,
      LevelCursor.refine((c) => c.s === sort && (sort !== 'available' || c.v !== undefined)),
    );
    const rows = await listLevels(this.ctx.db, {
      locations: await locationFilterOf(this.ctx, actor),
      locationId: q.locationId,
      locationKind: q.locationKind,
      itemId: q.itemId,
      q: q.q,
      low: q.low === 'true',
      sort,
      after: after && { locationId: after.l, itemId: after.i, available: after.v },
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ costPriceFen: _c, ...l }) => l),
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor({ s: sort, l: last.locationId, i: last.itemId, v: last.available })
          : null,
    };
  }

  async ledger(
    actor: Actor,
    q: {
      locationId?: string | undefined;
      itemId?: string | undefined;
      kind?: StockMovementKind | undefined;
      from?: string | undefined;
      to?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ): Promise<{ items: StockMovement[]; nextCursor: string | null }> {
    const before = decodeCursor(q.cursor, TimeCursor);
    const rows = await listMovements(this.ctx.db, {
      locations: await locationFilterOf(this.ctx, actor),
      locationId: q.locationId,
      itemId: q.itemId,
      kind: q.kind,
      from: q.from,
      to: q.to,
      before: before && { at: before.a, id: before.i },
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: await toMovements(this.ctx, page),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ a: last.at, i: last.id }) : null,
    };
  }

  /** A location the actor may act on: unknown or out of the actor's scope is not found. */
  private async location(actor: Actor, id: string): Promise<StockLocation> {
    const loc = await locationById(this.ctx.db, id);
    const visible = loc && (await locationFilterOf(this.ctx, actor));
    if (!loc || (visible && !visible.includes(loc.id))) throw notFound('stock location', id);
    return loc;
  }

  private async items(lines: readonly { itemId: string }[]): Promise<Map<string, PartItemRecord>> {
    const found = new Map(
      (
        await itemsByIds(
          this.ctx.db,
          lines.map((l) => l.itemId),
        )
      ).map((i) => [i.id, i]),
    );
    lines.forEach((l, n) => {
      if (!found.has(l.itemId))
        throw refuse('parts.unknown_item', { itemId: l.itemId }, { path: `lines.${n}.itemId` });
    });
    return found;
  }

  /** Goods arrive at a location (inactive items may still be received: stock already ordered). */
  async receive(
    actor: Actor,
    input: { locationId: string; lines: Line[]; note?: string | undefined },
    requestId: string | null,
  ): Promise<void> {
    await this.location(actor, input.locationId);
    await this.items(input.lines);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      for (const l of input.lines)
        await applyStockChange(
          trx,
          {
            locationId: input.locationId,
            itemId: l.itemId,
            kind: 'receive',
            onHandDelta: l.qty,
            reservedDelta: 0,
            ref: 'manual',
            actorId: actor.kind === 'system' ? null : actor.userId,
            note: input.note ?? null,
          },
          now,
        );
      await appendEvent(trx, {
        streamType: LOCATION_STREAM,
        streamId: input.locationId,
        type: 'stock.received',
        actor: eventActorOf(actor),
        at: now,
        data: { lines: input.lines, note: input.note ?? null },
        requestId,
      });
    });
  }

  /** transfer_out at the source and transfer_in at the destination, together or not at all. */
  async transfer(
    actor: Actor,
    input: { fromLocationId: string; toLocationId: string; lines: Line[]; note?: string | undefined },
    requestId: string | null,
  ): Promise<void> {
    if (input.fromLocationId === input.toLocationId)
      throw refuse('parts.same_location', {}, { path: 'toLocationId' });
    await this.location(actor, input.fromLocationId);
    const dest = await this.location(actor, input.toLocationId);
    const items = await this.items(input.lines);
    if (dest.kind === 'van')
      input.lines.forEach((l, n) => {
        const item = items.get(l.itemId)!;
        if (!item.active)
          throw refuse('parts.item_inactive', { itemCode: item.code }, { path: `lines.${n}.itemId` });
      });
    const now = this.ctx.clock.now();
    const actorId = actor.kind === 'system' ? null : actor.userId;
    const note = input.note ?? null;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      for (const l of input.lines) {
        await applyStockChange(
          trx,
          {
            locationId: input.fromLocationId,
            itemId: l.itemId,
            kind: 'transfer_out',
            onHandDelta: -l.qty,
            reservedDelta: 0,
            ref: `transfer:${input.toLocationId}`,
            actorId,
            note,
          },
          now,
        );
        await applyStockChange(
          trx,
          {
            locationId: input.toLocationId,
            itemId: l.itemId,
            kind: 'transfer_in',
            onHandDelta: l.qty,
            reservedDelta: 0,
            ref: `transfer:${input.fromLocationId}`,
            actorId,
            note,
          },
          now,
        );
      }
      await appendEvent(trx, {
        streamType: LOCATION_STREAM,
        streamId: input.fromLocationId,
        type: 'stock.transferred',
        actor: eventActorOf(actor),
        at: now,
        data: { to: input.toLocationId, lines: input.lines, note },
        requestId,
      });
    });
  }

  /** A correction with a reason; never below what is reserved (parts.below_reserved). */
  async adjust(
    actor: Actor,
    input: { locationId: string; itemId: string; delta: number; reason: string },
    requestId: string | null,
  ): Promise<void> {
    await this.location(actor, input.locationId);
    await this.items([input]);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await applyStockChange(
        trx,
        {
          locationId: input.locationId,
          itemId: input.itemId,
          kind: 'adjust',
          onHandDelta: input.delta,
          reservedDelta: 0,
          ref: 'manual',
          actorId: actor.kind === 'system' ? null : actor.userId,
          note: input.reason,
        },
        now,
      );
      await appendEvent(trx, {
        streamType: LOCATION_STREAM,
        streamId: input.locationId,
        type: 'stock.adjusted',
        actor: eventActorOf(actor),
        at: now,
        reason: input.reason,
        data: { itemId: input.itemId, delta: input.delta },
        requestId,
      });
    });
  }

  async reorderPoint(
    actor: Actor,
    input: { locationId: string; itemId: string; reorderPoint: number; reorderQty: number },
    requestId: string | null,
  ): Promise<void> {
    await this.location(actor, input.locationId);
    await this.items([input]);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await setReorderPoint(trx, input.locationId, input.itemId, input.reorderPoint, input.reorderQty);
      await appendEvent(trx, {
        streamType: LOCATION_STREAM,
        streamId: input.locationId,
        type: 'stock.reorder_point_set',
        actor: eventActorOf(actor),
        at: now,
        data: { itemId: input.itemId, reorderPoint: input.reorderPoint, reorderQty: input.reorderQty },
        requestId,
      });
    });
  }
}
