import type { PartItem, PartItemInput, PartItemPatch } from '@anxin/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productModelsByIds } from '../catalog/index.ts';
import {
  insertItem,
  itemsByIds,
  listItems,
  updateItem,
  type PartItemFields,
  type PartItemRecord,
} from './catalog.repository.ts';
import { eventActorOf, partsPolicy, type PartsContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.codec.ts';
import { isLastTimeBuy } from './domain/catalog.ts';
import { ITEM_STREAM } from './stock.events.ts';

/** The API view of an item; `lastTimeBuy` from today's business date and the policy. */
export const toPartItem = (r: PartItemRecord, today: string, warningDays: number): PartItem => ({
  id: r.id,
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  kind: r.kind,
  partClass: r.partClass,
  unit: r.unit,
  serialized: r.serialized,
  listPriceFen: r.listPriceFen,
  costPriceFen: r.costPriceFen,
  warrantyClaimable: r.warrantyClaimable,
  universal: r.universal,
  modelIds: r.modelIds,
  discontinueOn: r.discontinueOn,
  lastTimeBuy: isLastTimeBuy(r.discontinueOn, today, warningDays),
  active: r.active,
  version: r.version,
});

const CodeCursor = z.object({ c: z.string() });
/** Unknown product models refuse with `product.model_unknown` naming the first. */
export async function checkModels(
  ctx: PartsContext,
  modelIds: readonly string[],
  path = 'modelIds',
): Promise<void> {
  if (!modelIds.length) return;
  const known = new Set((await productModelsByIds(ctx.db, modelIds)).map((m) => m.id));
  const index = modelIds.findIndex((m) => !known.has(m));
  if (index >= 0)
    throw refuse('product.model_unknown', { modelId: modelIds[index]! }, { path: `${path}.${index}` });
}

export class CatalogService {
  private readonly ctx: PartsContext;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
  }

  private async view() {
    const policy = (await partsPolicy(this.ctx.db)).value;
    const today = businessDateOf(this.ctx.clock.now());
    return (r: PartItemRecord) => toPartItem(r, today, policy.discontinuationWarningDays);
  }

  async list(q: {
    q?: string | undefined;
    kind?: PartItem['kind'] | undefined;
    modelId?: string | undefined;
    active?: 'true' | 'false' | undefined;
    cursor?: string | undefined;
    limit: number;
  }): Promise<{ items: PartItem[]; nextCursor: string | null }> {
    const after = decodeCursor(q.cursor, CodeCursor);
    const rows = await listItems(this.ctx.db, {
      q: q.q,
      kind: q.kind,
      modelId: q.modelId,
      active: q.active === undefined ? undefined : q.active === 'true',
      afterCode: after?.c,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const view = await this.view();
    return {
      items: page.map(view),
      nextCursor: rows.length > q.limit ? encodeCursor({ c: page[page.length - 1]!.code }) : null,
    };
  }

  async get(id: string): Promise<PartItem> {
    const [r] = await itemsByIds(this.ctx.db, [id]);
    if (!r) throw notFound('part item', id);
    return (await this.view())(r);
  }

  async create(actor: Actor, input: PartItemInput, requestId: string | null): Promise<PartItem> {
    await checkModels(this.ctx, input.modelIds);
    const id = newId();
    const now = this.ctx.clock.now();
    const fields: PartItemFields = { ...input, active: true };
    try {
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await insertItem(trx, id, fields, now.toISOString());
        await appendEvent(trx, {
          streamType: ITEM_STREAM,
          streamId: id,
          type: 'part_item.created',
          actor: eventActorOf(actor),
          at: now,
          data: { code: input.code, nameZh: input.nameZh, kind: input.kind },
          requestId,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw refuse(
          'resource.already_exists',
          { resource: 'part item', value: input.code },
          { path: 'code' },
        );
      throw err;
    }
    return this.get(id);
  }

  async patch(actor: Actor, id: string, patch: PartItemPatch, requestId: string | null): Promise<PartItem> {
    const [cur] = await itemsByIds(this.ctx.db, [id]);
    if (!cur) throw notFound('part item', id);
    if (patch.modelIds) await checkModels(this.ctx, patch.modelIds);
    const { version, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next: PartItemFields = { ...cur, ...defined };
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await updateItem(trx, id, next, version, now.toISOString())))
        throw versionConflict('part item', id, version);
      await appendEvent(trx, {
        streamType: ITEM_STREAM,
        streamId: id,
        type: 'part_item.updated',
        actor: eventActorOf(actor),
        at: now,
        data: { changed: Object.keys(defined) },
        requestId,
      });
    });
    return this.get(id);
  }
}
