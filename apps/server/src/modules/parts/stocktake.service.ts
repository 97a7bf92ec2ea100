import type { Stocktake } from '@anxin/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { decodeCursor, encodeCursor } from './cursor.codec.ts';
import { itemsByIds } from './catalog.repository.ts';
import { eventActorOf, partsPolicy, type PartsContext } from './context.ts';
import { stocktakeVariance, varianceQty } from './domain/stocktake.ts';
import { STOCKTAKE_STREAM } from './stock.events.ts';
import { applyStockChange } from './stock-ledger.ts';
import { locationFilterOf } from './stock.service.ts';
import { locationById } from './stock.repository.ts';
import {
  addStocktakeLine,
  findStocktake,
  insertStocktake,
  listStocktakes,
  setCount,
  stocktakeLines,
  updateStocktake,
  type StocktakeRecord,
} from './stocktake.repository.ts';

const Cursor = z.object({ a: z.string(), i: z.string() });
type Trx = PartsContext['db'];

/**
 * Stocktakes (盘点): open → count → submit → approve/reject. The book quantity is snapshotted when
 * the stocktake opens and the count is taken as of that snapshot; movements at the location go on
 * meanwhile (issues, receipts are in the ledger on their own). Approval applies the variance
 * counted − snapshot as a delta to the current on hand, so a receipt or issue during counting is
 * neither lost nor counted twice. A submission whose variance is within the policy's share of the
 * book value is approved by the submitter at once; otherwise a decision is needed.
 */
export class StocktakeService {
  private readonly ctx: PartsContext;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
  }

  private async view(s: StocktakeRecord): Promise<Stocktake> {
    const lines = await stocktakeLines(this.ctx.db, s.id);
    const pct = (await partsPolicy(this.ctx.db)).value.stocktakeVarianceApprovalPct;
    const v = stocktakeVariance(lines, pct);
    return {
      id: s.id,
      locationId: s.locationId,
      locationName: s.locationName,
      status: s.status,
      note: s.note,
      createdAt: s.createdAt,
      submittedAt: s.submittedAt,
      decidedAt: s.decidedAt,
      deciderName: s.deciderName,
      varianceFen: s.status === 'counting' ? v.varianceFen : s.varianceFen,
      needsApproval: v.needsApproval,
      lines: lines.map((l) => ({
        itemId: l.itemId,
        itemCode: l.itemCode,
        itemName: l.itemName,
        bookQty: l.bookQty,
        countedQty: l.countedQty,
        varianceQty: varianceQty(l),
      })),
      version: s.version,
    };
  }

  private async load(actor: Actor, id: string): Promise<StocktakeRecord> {
    const s = await findStocktake(this.ctx.db, id);
    const visible = s && (await locationFilterOf(this.ctx, actor));
    if (!s || (visible && !visible.includes(s.locationId))) throw notFound('stocktake', id);
    return s;
  }

  async list(actor: Actor, q: { cursor?: string | undefined; limit: number }) {
    const before = decodeCursor(q.cursor, Cursor);
    const rows = await listStocktakes(this.ctx.db, {
      locations: await locationFilterOf(this.ctx, actor),
      before: before && { at: before.a, id: before.i },
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const items = await Promise.all(
      page.map(async (s) => (({ lines: _l, ...rest }) => rest)(await this.view(s))),
    );
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > q.limit && last ? encodeCursor({ a: last.createdAt, i: last.id }) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<Stocktake> {
    return this.view(await this.load(actor, id));
  }

  async create(
    actor: Actor,
    input: { locationId: string; note?: string | undefined },
    requestId: string | null,
  ): Promise<Stocktake> {
    const loc = await locationById(this.ctx.db, input.locationId);
    const visible = loc && (await locationFilterOf(this.ctx, actor));
    if (!loc || (visible && !visible.includes(loc.id))) throw notFound('stock location', input.locationId);
    const id = newId();
    const now = this.ctx.clock.now();
    try {
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await insertStocktake(trx, {
          id,
          locationId: loc.id,
          note: input.note ?? null,
          createdBy: actor.kind === 'system' ? null : actor.userId,
          at: now.toISOString(),
        });
        await appendEvent(trx, {
          streamType: STOCKTAKE_STREAM,
          streamId: id,
          type: 'stock.stocktake_opened',
          actor: eventActorOf(actor),
          at: now,
          data: { locationId: loc.id },
          requestId,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw refuse('parts.stocktake_open', { locationName: loc.name }, { path: 'locationId' });
      throw err;
    }
    return this.get(actor, id);
  }

  async count(
    actor: Actor,
    id: string,
    input: { version: number; counts: { itemId: string; counted: number }[] },
    requestId: string | null,
  ): Promise<Stocktake> {
    const s = await this.load(actor, id);
    if (s.status !== 'counting') throw versionConflict('stocktake', id, input.version);
    const items = new Map(
      (
        await itemsByIds(
          this.ctx.db,
          input.counts.map((c) => c.itemId),
        )
      ).map((i) => [i.id, i]),
    );
    input.counts.forEach((c, n) => {
      if (!items.has(c.itemId))
        throw refuse('parts.unknown_item', { itemId: c.itemId }, { path: `counts.${n}.itemId` });
    });
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await updateStocktake(trx, id, input.version, {})))
        throw versionConflict('stocktake', id, input.version);
      for (const c of input.counts) {
        // An item found that had no book stock here gets a line with book 0.
        await addStocktakeLine(trx, {
          stocktakeId: id,
          itemId: c.itemId,
          unitCostFen: items.get(c.itemId)!.costPriceFen,
        });
        await setCount(trx, id, c.itemId, c.counted);
      }
      await appendEvent(trx, {
        streamType: STOCKTAKE_STREAM,
        streamId: id,
        type: 'stock.stocktake_counted',
        actor: eventActorOf(actor),
        at: now,
        data: { counts: input.counts.length },
        requestId,
      });
    });
    return this.get(actor, id);
  }

  async submit(
    actor: Actor,
    id: string,
    input: { version: number },
    requestId: string | null,
  ): Promise<Stocktake> {
    const s = await this.load(actor, id);
    if (s.status !== 'counting') throw versionConflict('stocktake', id, input.version);
    const lines = await stocktakeLines(this.ctx.db, id);
    const pct = (await partsPolicy(this.ctx.db)).value.stocktakeVarianceApprovalPct;
    const v = stocktakeVariance(lines, pct);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await updateStocktake(trx, id, input.version, {
        status: 'submitted',
        submitted_at: now.toISOString(),
        variance_fen: v.varianceFen,
      });
      if (!ok) throw versionConflict('stocktake', id, input.version);
      await appendEvent(trx, {
        streamType: STOCKTAKE_STREAM,
        streamId: id,
        type: 'stock.stocktake_submitted',
        actor: eventActorOf(actor),
        at: now,
        data: { varianceFen: v.varianceFen, needsApproval: v.needsApproval },
        requestId,
      });
      if (!v.needsApproval) await this.apply(trx, actor, s, input.version + 1, true, null, requestId);
    });
    return this.get(actor, id);
  }

  async decide(
    actor: Actor,
    id: string,
    input: { version: number; approve: boolean; note?: string | undefined },
    requestId: string | null,
  ): Promise<Stocktake> {
    const s = await this.load(actor, id);
    if (s.status !== 'submitted') throw versionConflict('stocktake', id, input.version);
    await withTransaction(this.ctx.db, this.ctx.dialect, (tx) =>
      this.apply(tx.trx, actor, s, input.version, input.approve, input.note ?? null, requestId),
    );
    return this.get(actor, id);
  }

  /** Approves (one `stocktake` movement per line with a variance) or rejects, at `version`. */
  private async apply(
    trx: Trx,
    actor: Actor,
    s: StocktakeRecord,
    version: number,
    approve: boolean,
    note: string | null,
    requestId: string | null,
  ): Promise<void> {
    const now = this.ctx.clock.now();
    const ok = await updateStocktake(trx, s.id, version, {
      status: approve ? 'approved' : 'rejected',
      decided_at: now.toISOString(),
      decider_id: actor.kind === 'system' ? null : actor.userId,
      decider_name: actor.displayName,
    });
    if (!ok) throw versionConflict('stocktake', s.id, version);
    if (approve)
      for (const l of await stocktakeLines(trx, s.id)) {
        const delta = varianceQty(l);
        if (!delta) continue;
        await applyStockChange(
          trx,
          {
            locationId: s.locationId,
            itemId: l.itemId,
            kind: 'stocktake',
            onHandDelta: delta,
            reservedDelta: 0,
            ref: `stocktake:${s.id}`,
            actorId: actor.kind === 'system' ? null : actor.userId,
            note,
          },
          now,
        );
      }
    await appendEvent(trx, {
      streamType: STOCKTAKE_STREAM,
      streamId: s.id,
      type: 'stock.stocktake_decided',
      actor: eventActorOf(actor),
      at: now,
      data: { approved: approve, note },
      requestId,
    });
  }
}
