import {
  ON_SITE_STATUSES,
  type CreatePartRequestSchema,
  type PartRequest,
  type PartRequestSort,
  type PartRequestStatus,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../database.ts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { installedProductsByIds } from '../customers/index.ts';
import { outletNamesOf, technicianNamesOf, technicianRefOf } from '../network/index.ts';
import { drawRecordNumber, orderNumbersOf, type WorkOrder } from '../workorders/index.ts';
import { eventActorOf, partsPolicy, type PartsContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.codec.ts';
import { approvalReasonOf, requestValueFen } from './domain/approval.ts';
import { PART_REQUEST_EVENTS, PART_REQUEST_STREAM } from './requests.events.ts';
import {
  partsRepo,
  type ItemFacts,
  type RequestChange,
  type RequestLineRecord,
  type RequestRecord,
} from './requests.repository.ts';
import { applyStockChange, ensureLocation, HQ_LOCATION_ID } from './stock-ledger.ts';

type Db = Kysely<Database>;
type Line = { itemId: string; qty: number; paidBy: 'warranty' | 'customer' };

/** The in-app notice to the requesting technician (after commit, through the outbox). */
export const PARTS_NOTIFY_TOPIC = 'parts.user_notice';
export interface PartsNotice {
  userId: string;
  title: string;
  body: string;
  ref: string;
}

/** A request waiting to be written inside the 待件 transition (see hooks.ts of this module). */
export interface RequestDraft {
  request: RequestRecord;
  lines: RequestLineRecord[];
  /** The destination store (the technician's van or the outlet's store), created on first use. */
  dest: { kind: 'van' | 'outlet'; id: string; name: string };
}

declare module '../workorders/hooks.ts' {
  interface TransitionIntents {
    parts?: { request: RequestDraft };
  }
}

export const actorId = (a: Actor): string | null => (a.kind === 'system' ? null : a.userId);

/**
 * How the actor stands to the order: its technician (own van) or its outlet's manager (the outlet
 * store and that outlet's vans). Anyone else may not take parts for it.
 */
export function relationToOrder(actor: Actor, order: WorkOrder): 'technician' | 'outlet' | null {
  if (order.technicianUserId && order.technicianUserId === actor.userId) return 'technician';
  if (actor.roles.includes('outlet_manager') && order.outletId && actor.scope.outletId === order.outletId)
    return 'outlet';
  return null;
}

/**
 * Checks lines against the catalogue and the order's product model: known (parts.unknown_item),
 * active (parts.item_inactive), fitting (parts.incompatible_model). Returns the items.
 */
export async function checkLines(
  db: Db,
  order: WorkOrder,
  lines: readonly Line[],
): Promise<Map<string, ItemFacts>> {
  const ids = lines.map((l) => l.itemId);
  const items = await partsRepo.items(db, ids);
  const product = order.productId ? (await installedProductsByIds(db, [order.productId]))[0] : undefined;
  const modelId = product?.modelId ?? null;
  const fit = await partsRepo.fitting(db, ids, modelId);
  for (const [i, l] of lines.entries()) {
    const item = items.get(l.itemId);
    if (!item) throw refuse('parts.unknown_item', { itemId: l.itemId }, { path: `lines.${i}.itemId` });
    if (!item.active)
      throw refuse('parts.item_inactive', { itemCode: item.code }, { path: `lines.${i}.itemId` });
    if (!fit.has(l.itemId))
      throw refuse('parts.incompatible_model', { itemCode: item.code }, { path: `lines.${i}.itemId` });
  }
  return items;
}

export function assertOnSite(order: WorkOrder): void {
  if (!ON_SITE_STATUSES.includes(order.status) || order.status === 'completed')
    throw refuse('parts.order_not_in_service', { orderStatus: order.status });
}

/** Part requests (补件单): created with the order going to 待件, approved with a signature, shipped, received. */
export class RequestsService {
  private readonly ctx: PartsContext;
  constructor(ctx: PartsContext) {
    this.ctx = ctx;
  }

  async order(actor: Actor, orderId: string): Promise<WorkOrder> {
    const order = await this.ctx.workOrders.findInScope(actor, orderId);
    if (!order) throw notFound('work order', orderId);
    return order;
  }

  /**
   * A request for parts the van lacks. From 进行中 the order goes to 待件 in the same transaction
   * (the work-order transition with a typed `parts` intent; this module's hook writes the
   * request); an order already in 待件 just gets another request. Auto-approved requests reserve
   * at HQ at once.
   */
  async create(
    actor: Actor,
    input: z.infer<typeof CreatePartRequestSchema>,
    requestId: string | null = null,
  ): Promise<PartRequest> {
    const order = await this.order(actor, input.orderId);
    const relation = relationToOrder(actor, order);
    if (!relation) throw refuse('parts.location_not_allowed', {}, { path: 'orderId' });
    if (order.status !== 'in_progress' && order.status !== 'awaiting_parts')
      throw refuse('parts.order_not_in_service', { orderStatus: order.status }, { path: 'orderId' });
    const items = await checkLines(this.ctx.db, order, input.lines);
    const policy = (await partsPolicy(this.ctx.db)).value;
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const id = newId();
    const lines: RequestLineRecord[] = input.lines.map((l) => {
      const item = items.get(l.itemId)!;
      return {
        id: newId(),
        requestId: id,
        itemId: l.itemId,
        itemCode: item.code,
        itemName: item.name,
        kind: item.kind,
        qty: l.qty,
        paidBy: l.paidBy,
        unitListFen: item.listPriceFen,
        unitCostFen: item.costPriceFen,
      };
    });
    const approvalLines = lines.map((l) => ({
      kind: l.kind,
      qty: l.qty,
      paidBy: l.paidBy,
      unitCostFen: l.unitCostFen,
    }));
    const reason = approvalReasonOf(policy.approval, approvalLines);
    const auto = reason === 'auto';
    if (input.deliverTo === 'van' && !order.technicianId)
      throw refuse('parts.location_not_allowed', {}, { path: 'deliverTo' });
    if (input.deliverTo === 'outlet' && !order.outletId)
      throw refuse('parts.location_not_allowed', {}, { path: 'deliverTo' });
    const techName = order.technicianId
      ? ((await technicianNamesOf(this.ctx.db, [order.technicianId])).get(order.technicianId) ??
        order.technicianId)
      : null;
    const outletName = order.outletId
      ? ((await outletNamesOf(this.ctx.db, [order.outletId])).get(order.outletId) ?? order.outletId)
      : null;
    const request: RequestRecord = {
      id,
      number: '',
      orderId: order.id,
      outletId: order.outletId,
      technicianId: order.technicianId,
      requestedBy: actorId(actor),
      status: auto ? 'approved' : 'pending_approval',
      deliverTo: input.deliverTo,
      sourceLocationId: HQ_LOCATION_ID,
      destLocationId: '',
      valueFen: requestValueFen(approvalLines),
      approvalReason: reason,
      approverId: null,
      approverName: auto ? 'system' : null,
      signature: null,
      decisionNote: null,
      carrier: null,
      trackingNo: null,
      note: input.note ?? null,
      createdAt: at,
      approvedAt: auto ? at : null,
      shippedAt: null,
      receivedAt: null,
      updatedAt: at,
      version: 1,
    };
    const dest: RequestDraft['dest'] =
      input.deliverTo === 'van'
        ? { kind: 'van', id: order.technicianId!, name: `${techName}的车载库` }
        : { kind: 'outlet', id: order.outletId!, name: `${outletName}仓库` };
    const draft: RequestDraft = { request, lines, dest };
    if (order.status === 'in_progress') {
      await this.ctx.workOrders.transition(
        actor,
        order.id,
        {
          to: 'awaiting_parts',
          version: order.version,
          reason: `补件：${lines.map((l) => `${l.itemName}×${l.qty}`).join('，')}`,
          data: {},
        },
        { requestId, intents: { parts: { request: draft } } },
      );
    } else {
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await writeRequest(trx, actor, draft, now);
      });
    }
    this.ctx.nudgeOutbox();
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<PartRequest> {
    const r = await partsRepo.request(this.ctx.db, id);
    if (!r || !this.sees(actor, r)) throw notFound('part request', id);
    return (await requestViews(this.ctx.db, [r]))[0]!;
  }

  /** Warehouse sees all; an outlet manager their outlet's; a technician their own. */
  private sees(actor: Actor, r: RequestRecord): boolean {
    if (actor.scope.level === 'all' || actor.scope.level === 'region') return true;
    if (actor.scope.level === 'outlet') return !!actor.scope.outletId && r.outletId === actor.scope.outletId;
    return r.requestedBy === actor.userId;
  }

  async list(
    actor: Actor,
    q: {
      status?: PartRequestStatus;
      orderId?: string;
      outletId?: string;
      sort?: PartRequestSort;
      cursor?: string;
      limit?: number;
    },
  ): Promise<{ items: PartRequest[]; nextCursor: string | null }> {
    const limit = q.limit ?? 50;
    const scope = actor.scope.level;
    const sort = q.sort ?? '-created_at';
    const after = decodeCursor(q.cursor, z.object({ s: z.literal(sort), i: z.string() }));
    const filter = {
      ...(q.status ? { status: q.status } : {}),
      ...(q.orderId ? { orderId: q.orderId } : {}),
      // Ids are time-ordered (UUIDv7): the id order is the creation order.
      ...(after ? { after: after.i } : {}),
      ascending: sort === 'created_at',
      limit: limit + 1,
    };
    let rows: RequestRecord[];
    if (scope === 'all' || scope === 'region')
      rows = await partsRepo.listRequests(this.ctx.db, {
        ...filter,
        ...(q.outletId ? { outletId: q.outletId } : {}),
      });
    else if (scope === 'outlet') {
      if (!actor.scope.outletId || (q.outletId && q.outletId !== actor.scope.outletId)) rows = [];
      else rows = await partsRepo.listRequests(this.ctx.db, { ...filter, outletId: actor.scope.outletId });
    } else rows = await partsRepo.listRequests(this.ctx.db, { ...filter, requestedBy: actor.userId });
    const page = rows.slice(0, limit);
    return {
      items: await requestViews(this.ctx.db, page),
      nextCursor: rows.length > limit ? encodeCursor({ s: sort, i: page[page.length - 1]!.id }) : null,
    };
  }

  /** Signed approval: reserves every line at HQ (all or nothing), then tells the technician. */
  async approve(
    actor: Actor,
    id: string,
    input: { version: number; signature: string; note?: string | undefined },
  ): Promise<PartRequest> {
    const now = this.ctx.clock.now();
    await this.step(actor, id, input.version, 'pending_approval', 'approved', now, async (trx, r, lines) => {
      await reserveAtHq(trx, actor, r, lines, now);
      return {
        change: {
          approverId: actorId(actor),
          approverName: actor.displayName,
          signature: input.signature,
          decisionNote: input.note ?? null,
          approvedAt: now.toISOString(),
        },
        notice: { title: '补件单已批准', body: `补件单 ${r.number} 已批准，等待发货` },
      };
    });
    return this.get(actor, id);
  }

  async reject(actor: Actor, id: string, input: { version: number; reason: string }): Promise<PartRequest> {
    const now = this.ctx.clock.now();
    await this.step(actor, id, input.version, 'pending_approval', 'rejected', now, async (_trx, r) => ({
      change: {
        approverId: actorId(actor),
        approverName: actor.displayName,
        decisionNote: input.reason,
      },
      notice: { title: '补件单被驳回', body: `补件单 ${r.number} 被驳回：${input.reason}` },
      reason: input.reason,
    }));
    return this.get(actor, id);
  }

  /** HQ ships: the reserved units leave HQ (`issue`: on hand −q, reserved −q). */
  async ship(
    actor: Actor,
    id: string,
    input: { version: number; carrier: string; trackingNo: string },
  ): Promise<PartRequest> {
    const now = this.ctx.clock.now();
    await this.step(actor, id, input.version, 'approved', 'shipped', now, async (trx, r, lines) => {
      for (const l of lines)
        await applyStockChange(
          trx,
          {
            locationId: r.sourceLocationId,
            itemId: l.itemId,
            kind: 'issue',
            onHandDelta: -l.qty,
            reservedDelta: -l.qty,
            ref: `request:${r.id}`,
            actorId: actorId(actor),
          },
          now,
        );
      return {
        change: { carrier: input.carrier, trackingNo: input.trackingNo, shippedAt: now.toISOString() },
        notice: {
          title: '补件已发货',
          body: `补件单 ${r.number} 已发货：${input.carrier} ${input.trackingNo}`,
        },
      };
    });
    return this.get(actor, id);
  }

  /**
   * The destination receives: `transfer_in` (+q on hand) then `reserve` for the order, and a
   * reserved usage per line, ready to be consumed at completion.
   */
  async receive(actor: Actor, id: string, version: number): Promise<PartRequest> {
    const now = this.ctx.clock.now();
    const r0 = await partsRepo.request(this.ctx.db, id);
    if (!r0 || !this.sees(actor, r0)) throw notFound('part request', id);
    if (!can(actor, 'parts:manage')) {
      const dest = await partsRepo.location(this.ctx.db, r0.destLocationId);
      const tech = dest?.technicianId ? await technicianRefOf(this.ctx.db, dest.technicianId) : undefined;
      const order = await this.ctx.workOrders.findInScope(actor, r0.orderId);
      const ownVan =
        !!order &&
        !!dest?.technicianId &&
        dest.technicianId === order.technicianId &&
        order.technicianUserId === actor.userId;
      const outletOfDest = dest?.outletId ?? tech?.outletId ?? null;
      const manager =
        actor.roles.includes('outlet_manager') && !!outletOfDest && actor.scope.outletId === outletOfDest;
      if (!ownVan && !manager) throw refuse('parts.location_not_allowed', {});
    }
    await this.step(actor, id, version, 'shipped', 'received', now, async (trx, r, lines) => {
      for (const l of lines) {
        const base = {
          locationId: r.destLocationId,
          itemId: l.itemId,
          ref: `request:${r.id}`,
          actorId: actorId(actor),
        };
        await applyStockChange(
          trx,
          { ...base, kind: 'transfer_in', onHandDelta: l.qty, reservedDelta: 0 },
          now,
        );
        const usageId = newId();
        await applyStockChange(
          trx,
          { ...base, kind: 'reserve', onHandDelta: 0, reservedDelta: l.qty, ref: `usage:${usageId}` },
          now,
        );
        await partsRepo.insertUsage(
          trx,
          {
            id: usageId,
            orderId: r.orderId,
            itemId: l.itemId,
            locationId: r.destLocationId,
            qty: l.qty,
            paidBy: l.paidBy,
            unitPriceFen: l.paidBy === 'customer' ? l.unitListFen : 0,
            requestLineId: l.id,
            technicianId: r.technicianId,
          },
          now.toISOString(),
        );
      }
      return { change: { receivedAt: now.toISOString() } };
    });
    return this.get(actor, id);
  }

  /** Before shipment: by the warehouse or whoever may request for the order; HQ reservations released. */
  async cancel(actor: Actor, id: string, input: { version: number; reason: string }): Promise<PartRequest> {
    const now = this.ctx.clock.now();
    const r0 = await partsRepo.request(this.ctx.db, id);
    if (!r0 || !this.sees(actor, r0)) throw notFound('part request', id);
    if (!can(actor, 'parts:approve')) {
      const order = await this.ctx.workOrders.findInScope(actor, r0.orderId);
      if (!order || !relationToOrder(actor, order)) throw refuse('parts.location_not_allowed', {});
    }
    const from = r0.status === 'approved' ? 'approved' : 'pending_approval';
    await this.step(actor, id, input.version, from, 'cancelled', now, async (trx, r, lines) => {
      if (r.status === 'approved')
        for (const l of lines)
          await applyStockChange(
            trx,
            {
              locationId: r.sourceLocationId,
              itemId: l.itemId,
              kind: 'release',
              onHandDelta: 0,
              reservedDelta: -l.qty,
              ref: `request:${r.id}`,
              actorId: actorId(actor),
            },
            now,
          );
      return { change: { decisionNote: input.reason }, reason: input.reason };
    });
    return this.get(actor, id);
  }

  /**
   * One step of a request: version (409 resource.version_conflict), status (409
   * state.invalid_transition), the step's own writes, the conditional update, the event and the
   * notice, all in one transaction.
   */
  private async step(
    actor: Actor,
    id: string,
    version: number,
    from: PartRequestStatus,
    to: PartRequestStatus,
    now: Date,
    body: (
      trx: Db,
      r: RequestRecord,
      lines: RequestLineRecord[],
    ) => Promise<{ change: RequestChange; notice?: { title: string; body: string }; reason?: string }>,
  ): Promise<void> {
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const r = await partsRepo.request(trx, id);
      if (!r || !this.sees(actor, r)) throw notFound('part request', id);
      if (r.version !== version) throw versionConflict('part request', id, version);
      if (r.status !== from) throw refuse('state.invalid_transition', { from: r.status, to, allowed: [] });
      const lines = await partsRepo.lines(trx, [r.id]);
      const out = await body(trx, r, lines);
      const ok = await partsRepo.updateRequest(
        trx,
        id,
        version,
        from,
        { ...out.change, status: to },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('part request', id, version);
      await appendEvent(trx, {
        streamType: PART_REQUEST_STREAM,
        streamId: id,
        type: REQUEST_EVENT[to],
        actor: eventActorOf(actor),
        at: now,
        from,
        to,
        reason: out.reason ?? null,
        data: { orderId: r.orderId, number: r.number, ...omitSignature(out.change) },
      });
      if (out.notice && r.requestedBy)
        await enqueueOutbox<PartsNotice>(trx, {
          topic: PARTS_NOTIFY_TOPIC,
          payload: { userId: r.requestedBy, ...out.notice, ref: `part_request:${r.id}` },
          dedupeKey: `part_request:${r.id}:${to}`,
          at: now,
        });
    });
    this.ctx.nudgeOutbox();
  }
}

/** The event each status is reached with. */
const REQUEST_EVENT = {
  pending_approval: PART_REQUEST_EVENTS.type.created,
  approved: PART_REQUEST_EVENTS.type.approved,
  rejected: PART_REQUEST_EVENTS.type.rejected,
  shipped: PART_REQUEST_EVENTS.type.shipped,
  received: PART_REQUEST_EVENTS.type.received,
  cancelled: PART_REQUEST_EVENTS.type.cancelled,
} as const;

const omitSignature = (c: RequestChange) => {
  const { signature, ...rest } = c;
  return { ...rest, signed: !!signature };
};

/** Reserves every line at HQ; the first shortage refuses (parts.insufficient_stock) and nothing stays. */
async function reserveAtHq(
  trx: Db,
  actor: Actor,
  r: RequestRecord,
  lines: readonly RequestLineRecord[],
  now: Date,
) {
  for (const l of lines)
    await applyStockChange(
      trx,
      {
        locationId: r.sourceLocationId,
        itemId: l.itemId,
        kind: 'reserve',
        onHandDelta: 0,
        reservedDelta: l.qty,
        ref: `request:${r.id}`,
        actorId: actorId(actor),
      },
      now,
    );
}

/**
 * Writes a new request inside the caller's transaction (the 待件 transition's hook, or a plain
 * transaction when the order already waits): number BJ…, destination store, lines, HQ reservations
 * when auto-approved, the event.
 */
export async function writeRequest(trx: Db, actor: Actor, draft: RequestDraft, now: Date): Promise<void> {
  const dest = draft.dest;
  const request: RequestRecord = {
    ...draft.request,
    number: await drawRecordNumber(trx, 'BJ', now),
    destLocationId: await ensureLocation(trx, dest, now),
  };
  await partsRepo.insertRequest(trx, request, draft.lines);
  await appendEvent(trx, {
    streamType: PART_REQUEST_STREAM,
    streamId: request.id,
    type: 'part_request.created',
    actor: eventActorOf(actor),
    at: now,
    to: request.status,
    data: {
      orderId: request.orderId,
      number: request.number,
      valueFen: request.valueFen,
      approvalReason: request.approvalReason,
      lines: draft.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, paidBy: l.paidBy })),
    },
  });
  if (request.status === 'approved') await reserveAtHq(trx, actor, request, draft.lines, now);
}

export async function requestViews(db: Db, rows: readonly RequestRecord[]): Promise<PartRequest[]> {
  const lines = await partsRepo.lines(
    db,
    rows.map((r) => r.id),
  );
  const numbers = await orderNumbersOf(
    db,
    rows.map((r) => r.orderId),
  );
  const outlets = await outletNamesOf(
    db,
    rows.map((r) => r.outletId),
  );
  const techs = await technicianNamesOf(
    db,
    rows.map((r) => r.technicianId),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    orderNumber: numbers.get(r.orderId) ?? '',
    outletId: r.outletId,
    outletName: r.outletId ? (outlets.get(r.outletId) ?? null) : null,
    technicianId: r.technicianId,
    technicianName: r.technicianId ? (techs.get(r.technicianId) ?? null) : null,
    status: r.status,
    deliverTo: r.deliverTo,
    destLocationId: r.destLocationId,
    valueFen: r.valueFen,
    approvalReason: r.approvalReason,
    approverName: r.approverName,
    signature: r.signature,
    decisionNote: r.decisionNote,
    carrier: r.carrier,
    trackingNo: r.trackingNo,
    note: r.note,
    createdAt: r.createdAt,
    approvedAt: r.approvedAt,
    shippedAt: r.shippedAt,
    receivedAt: r.receivedAt,
    lines: lines
      .filter((l) => l.requestId === r.id)
      .map((l) => ({
        id: l.id,
        itemId: l.itemId,
        itemCode: l.itemCode,
        itemName: l.itemName,
        kind: l.kind,
        qty: l.qty,
        paidBy: l.paidBy,
        unitListFen: l.unitListFen,
        unitCostFen: l.unitCostFen,
      })),
    version: r.version,
  }));
}
