import type { OldPartReturn, OldPartStatus } from '@anxin/contracts';
import type { z } from 'zod';
import type { InspectOldPartSchema, ShipOldPartsSchema } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse, refusalOf, versionConflict } from '../../platform/http/errors.ts';
import { outletNamesOf } from '../network/index.ts';
import { orderNumbersOf } from '../workorders/index.ts';
import { eventActorOf, type PartsContext } from './context.ts';
import { nextOldPartStatus, type OldPartAction } from './domain/returns.ts';
import { OLD_PART_EVENTS, OLD_PART_STREAM } from './requests.events.ts';
import { oldPartReturns, type OldPartChange, type OldPartRecord } from './returns.repository.ts';
import { applyStockChange, DEFECTIVE_LOCATION_ID } from './stock-ledger.ts';

type Db = Kysely<Database>;

/** The outlet an actor acts for, unless they see every outlet (warehouse, admin). */
export const outletScopeOf = (actor: Actor): string | null | 'all' =>
  actor.scope.level === 'all' || actor.scope.level === 'region' ? 'all' : actor.scope.outletId;

export async function oldPartViews(db: Db, rows: readonly OldPartRecord[]): Promise<OldPartReturn[]> {
  const numbers = await orderNumbersOf(
    db,
    rows.map((r) => r.orderId),
  );
  const outlets = await outletNamesOf(
    db,
    rows.map((r) => r.outletId),
  );
  return rows.map((r) => ({
    id: r.id,
    usageId: r.usageId,
    orderId: r.orderId,
    orderNumber: numbers.get(r.orderId) ?? '',
    outletId: r.outletId,
    outletName: r.outletId ? (outlets.get(r.outletId) ?? null) : null,
    itemId: r.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    qty: r.qty,
    oldSerial: r.oldSerial,
    status: r.status,
    carrier: r.carrier,
    trackingNo: r.trackingNo,
    shippedAt: r.shippedAt,
    receivedAt: r.receivedAt,
    inspectedAt: r.inspectedAt,
    inspectorName: r.inspectorName,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt,
    version: r.version,
  }));
}

/** 旧件 returns: the outlet ships them back, HQ receives them into the defective store and inspects. */
export class ReturnsService {
  private readonly ctx: PartsContext;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
  }

  async list(
    actor: Actor,
    q: { status?: OldPartStatus; outletId?: string; cursor?: string; limit?: number },
  ): Promise<{ items: OldPartReturn[]; nextCursor: string | null }> {
    const scope = outletScopeOf(actor);
    if (scope === null) return { items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const outletId = scope === 'all' ? q.outletId : scope;
    if (scope !== 'all' && q.outletId && q.outletId !== scope) return { items: [], nextCursor: null };
    const rows = await oldPartReturns.list(this.ctx.db, {
      ...(q.status ? { status: q.status } : {}),
      ...(outletId ? { outletId } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: await oldPartViews(this.ctx.db, page),
      nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  }

  async get(actor: Actor, id: string): Promise<OldPartReturn> {
    const r = await this.visible(actor, id);
    return (await oldPartViews(this.ctx.db, [r]))[0]!;
  }

  private async visible(actor: Actor, id: string): Promise<OldPartRecord> {
    const r = await oldPartReturns.findById(this.ctx.db, id);
    const scope = outletScopeOf(actor);
    if (!r || (scope !== 'all' && r.outletId !== scope)) throw notFound('old part', id);
    return r;
  }

  /** The outlet ships a batch of its old parts awaiting return; one that is not stops them all. */
  async ship(actor: Actor, input: z.infer<typeof ShipOldPartsSchema>): Promise<OldPartReturn[]> {
    const now = this.ctx.clock.now();
    const ids = [...new Set(input.ids)];
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const rows = await oldPartReturns.findByIds(trx, ids);
      for (const [i, id] of ids.entries()) {
        const r = rows.find((x) => x.id === id);
        if (!r) throw notFound('old part', id);
        if (!actor.scope.outletId || r.outletId !== actor.scope.outletId)
          throw refuse('parts.location_not_allowed', {}, { path: `ids.${i}` });
        await this.step(trx, actor, r, r.version, 'ship', now, {
          carrier: input.carrier,
          trackingNo: input.trackingNo,
          shippedAt: now.toISOString(),
        });
      }
    });
    this.ctx.nudgeOutbox();
    return oldPartViews(this.ctx.db, await oldPartReturns.findByIds(this.ctx.db, ids));
  }

  /** HQ receives the part into the defective store (+q on hand there, one ledger movement). */
  async receive(actor: Actor, id: string, version: number): Promise<OldPartReturn> {
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const r = await oldPartReturns.findById(trx, id);
      if (!r) throw notFound('old part', id);
      await this.step(trx, actor, r, version, 'receive', now, { receivedAt: now.toISOString() });
      await applyStockChange(
        trx,
        {
          locationId: DEFECTIVE_LOCATION_ID,
          itemId: r.itemId,
          kind: 'return_defective',
          onHandDelta: r.qty,
          reservedDelta: 0,
          ref: `old_part:${r.id}`,
          actorId: actor.kind === 'system' ? null : actor.userId,
        },
        now,
      );
    });
    return this.get(actor, id);
  }

  async inspect(
    actor: Actor,
    id: string,
    input: z.infer<typeof InspectOldPartSchema>,
  ): Promise<OldPartReturn> {
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const r = await oldPartReturns.findById(trx, id);
      if (!r) throw notFound('old part', id);
      const common = {
        inspectedAt: now.toISOString(),
        inspectorId: actor.kind === 'system' ? null : actor.userId,
        inspectorName: actor.displayName,
      };
      if (input.result === 'passed')
        await this.step(trx, actor, r, input.version, 'pass', now, {
          ...common,
          inspectionNote: input.note ?? null,
        });
      else
        await this.step(trx, actor, r, input.version, 'reject', now, {
          ...common,
          rejectReason: input.reason,
        });
    });
    return this.get(actor, id);
  }

  private async step(
    trx: Db,
    actor: Actor,
    r: OldPartRecord,
    version: number,
    action: OldPartAction,
    now: Date,
    change: OldPartChange,
  ): Promise<void> {
    if (r.version !== version) throw versionConflict('old part', r.id, version);
    const next = nextOldPartStatus(r.status, action);
    if (!next.ok) throw refusalOf(next.refusal);
    const ok = await oldPartReturns.update(trx, r.id, version, r.status, { ...change, status: next.to });
    if (!ok) throw versionConflict('old part', r.id, version);
    const type = {
      ship: OLD_PART_EVENTS.type.shipped,
      receive: OLD_PART_EVENTS.type.received,
      pass: OLD_PART_EVENTS.type.passed,
      reject: OLD_PART_EVENTS.type.rejected,
    }[action];
    await appendEvent(trx, {
      streamType: OLD_PART_STREAM,
      streamId: r.id,
      type,
      actor: eventActorOf(actor),
      at: now,
      from: r.status,
      to: next.to,
      reason: change.rejectReason ?? null,
      data: { orderId: r.orderId, itemId: r.itemId, qty: r.qty, ...change },
    });
  }
}
