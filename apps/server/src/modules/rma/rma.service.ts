import {
  type CreateRma,
  type RmaCase,
  type RmaListItem,
  type RmaSort,
  type RmaSource,
  type RmaStatus,
  type RmaKind,
  type RmaTransition,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, listStream } from '../../platform/events/append.ts';
import {
  DomainError,
  fieldError,
  notFound,
  refuse,
  refusalOf,
  versionConflict,
} from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { customerNamesOf, installedProductsByIds } from '../customers/index.ts';
import { outletNamesOf } from '../network/index.ts';
import { drawRecordNumber, orderNumbersOf } from '../workorders/index.ts';
import { eventActorOf, rmaPolicy, type RmaContext } from './context.ts';
import { nextStatus, ruleOf } from './domain/lifecycle.ts';
import { decodeRmaCursor, encodeRmaCursor } from './list.codec.ts';
import { admission, notBefore, refundCap } from './domain/rules.ts';
import { RMA_EVENTS, RMA_STREAM } from './rma.events.ts';
import { rmaCases, rmaChargebacks, rmaPhotos, type RmaChange, type RmaRecord } from './rma.repository.ts';

type Db = Kysely<Database>;

/**
 * 退换货单 RM20261206-0001: a prefix of its own, so a case is never taken for a return-type work
 * order (TH…) when someone searches by number (as complaints took KS for the same reason).
 */
export const RMA_NUMBER_PREFIX = 'RM';

/** Which cases an actor sees: every case, their outlet's, or (a portal customer) their own. */
type Reach = { all: true } | { outletId: string } | { customerId: string } | null;
function reachOf(actor: Actor): Reach {
  if (actor.kind === 'customer') return actor.customerId ? { customerId: actor.customerId } : null;
  if (actor.scope.level === 'all' || actor.scope.level === 'region') return { all: true };
  return actor.scope.outletId ? { outletId: actor.scope.outletId } : null;
}
const reaches = (reach: Reach, r: Pick<RmaRecord, 'outletId' | 'customerId'>): boolean =>
  !!reach &&
  ('all' in reach ||
    ('outletId' in reach && r.outletId === reach.outletId) ||
    ('customerId' in reach && r.customerId === reach.customerId));

const EVENT_OF = {
  approve_override: RMA_EVENTS.type.override_approved,
  reject_override: RMA_EVENTS.type.override_rejected,
  start_inspection: RMA_EVENTS.type.inspection_started,
  approve: RMA_EVENTS.type.approved,
  reject: RMA_EVENTS.type.rejected,
  ship: RMA_EVENTS.type.shipped,
  record_refund: RMA_EVENTS.type.refunded,
  record_exchange: RMA_EVENTS.type.exchanged,
  close: RMA_EVENTS.type.closed,
} as const;

const required = (path: string) => fieldError(path, 'required', `${path} is required`);

export class RmaService {
  private readonly ctx: RmaContext;
  constructor(ctx: RmaContext) {
    this.ctx = ctx;
  }

  /**
   * Opens a case: the engine evaluates the product on the request date (after any earlier exchange
   * of it), the verdict on the asked remedy decides `eligible` or, with a reasoned override request,
   * `override_pending`. The evaluation is stored on the case as it was.
   */
  async create(actor: Actor, input: CreateRma, source: RmaSource): Promise<RmaCase> {
    const now = this.ctx.clock.now();
    const product = (await installedProductsByIds(this.ctx.db, [input.installedProductId]))[0];
    if (!product) throw notFound('installed product', input.installedProductId);
    if (actor.kind === 'customer' && product.customerId !== actor.customerId)
      throw notFound('installed product', input.installedProductId);
    let outletId: string | null = actor.kind === 'customer' ? null : actor.scope.outletId;
    if (input.orderId) {
      const order = await this.ctx.workOrders.get(actor, input.orderId);
      if (order.product && order.product.id !== product.id)
        throw refuse('rma.product_not_customer', {}, { path: 'orderId' });
      outletId = order.outletId ?? outletId;
    }
    const today = businessDateOf(now);
    const requestedOn = input.requestedOn ?? today;
    const early = notBefore('requestedOn', requestedOn, product.purchaseDate);
    if (early) throw refusalOf(early, { path: 'requestedOn' });
    if (requestedOn > today)
      throw refuse(
        'rma.dates_out_of_order',
        { field: 'today', earliest: requestedOn },
        { path: 'requestedOn' },
      );
    const previous = await rmaCases.exchangesOf(this.ctx.db, product.id);
    const exchangedOn = previous.length ? previous[previous.length - 1]!.exchangedOn : null;
    const evaluation = await this.ctx.evaluateProduct(product.id, {
      asOf: requestedOn,
      performanceFault: input.performanceFault,
      exchangedOn,
      priceFen: input.pricePaidFen ?? null,
      mileageKm: input.mileageKm ?? null,
    });
    const verdict = admission(input.kind, input.remedy, evaluation, input.override);
    if (!verdict.ok) throw refusalOf(verdict.refusal, { path: verdict.path });
    const id = newId();
    const at = now.toISOString();
    const actorName = actor.displayName;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const number = await drawRecordNumber(trx, RMA_NUMBER_PREFIX, now);
      const record: RmaRecord = {
        id,
        number,
        kind: input.kind,
        remedy: input.remedy,
        status: 'requested',
        source,
        installedProductId: product.id,
        customerId: product.customerId,
        orderId: input.orderId ?? null,
        outletId,
        requestedOn,
        performanceFault: input.performanceFault,
        description: input.description,
        evaluation,
        overrideReason: input.override?.reason ?? null,
        overrideDecidedBy: null,
        overrideNote: null,
        findings: null,
        rejectReason: null,
        pickupCarrier: null,
        pickupTrackingNo: null,
        pickedUpOn: null,
        dispatchCarrier: null,
        dispatchTrackingNo: null,
        dispatchedOn: null,
        refundFen: null,
        depreciationFen: null,
        refundedOn: null,
        newSerial: null,
        exchangedOn: null,
        cause: input.cause,
        responsibleParty: input.responsibleParty ?? null,
        closedAt: null,
        closedMonth: null,
        createdBy: actor.kind === 'system' ? null : actor.userId,
        createdAt: at,
        version: 1,
      };
      await rmaCases.insert(trx, record, at);
      await appendEvent(trx, {
        streamType: RMA_STREAM,
        streamId: id,
        type: RMA_EVENTS.type.requested,
        actor: eventActorOf(actor),
        at: now,
        from: null,
        to: 'requested',
        data: { number, kind: input.kind, remedy: input.remedy, source, actorName, exchangedOn },
      });
      // The engine's verdict moves the case on in the same transaction.
      if (!(await rmaCases.update(trx, id, 1, 'requested', { status: verdict.status }, at)))
        throw versionConflict('rma case', id, 1);
      await appendEvent(trx, {
        streamType: RMA_STREAM,
        streamId: id,
        type: verdict.status === 'eligible' ? RMA_EVENTS.type.evaluated : RMA_EVENTS.type.override_requested,
        actor: eventActorOf(actor),
        at: now,
        from: 'requested',
        to: verdict.status,
        reason: input.override?.reason ?? null,
        data: {
          actorName,
          rule: verdict.verdict?.rule ?? null,
          article: verdict.verdict?.article ?? null,
          allowed: verdict.verdict?.allowed ?? false,
        },
      });
    });
    return this.get(actor, id);
  }

  async list(
    actor: Actor,
    q: {
      status?: RmaStatus;
      kind?: RmaKind;
      installedProductId?: string;
      orderId?: string;
      outletId?: string;
      q?: string;
      sort?: RmaSort;
      cursor?: string;
      limit?: number;
    },
  ): Promise<{ items: RmaListItem[]; nextCursor: string | null }> {
    const reach = reachOf(actor);
    if (!reach) return { items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const { cursor, sort = '-requested_on', ...filters } = q;
    const after = decodeRmaCursor(cursor, sort);
    const rows = await rmaCases.list(this.ctx.db, {
      ...filters,
      sort,
      ...(after ? { after } : {}),
      // An outlet's staff see their outlet's cases whatever outlet they ask for.
      ...('outletId' in reach ? { outletId: reach.outletId } : {}),
      ...('customerId' in reach ? { customerId: reach.customerId } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const views = await this.views(page);
    return {
      items: views.map(({ evaluation: _e, ...v }) => v),
      nextCursor:
        rows.length > limit
          ? encodeRmaCursor(sort, { on: page[page.length - 1]!.requestedOn, id: page[page.length - 1]!.id })
          : null,
    };
  }

  async get(actor: Actor, id: string): Promise<RmaCase> {
    const r = await this.visible(actor, id);
    const [view] = await this.views([r]);
    const [photos, events, lines] = await Promise.all([
      rmaPhotos.ofCase(this.ctx.db, id),
      listStream(this.ctx.db, RMA_STREAM, id),
      rmaChargebacks.ofCases(this.ctx.db, [id]),
    ]);
    return {
      ...view!,
      chargebacks: lines.map((l) => ({ party: l.party, amountFen: l.amountFen, note: l.note })),
      photos: photos.map((p) => ({
        id: p.id,
        filename: p.filename,
        contentType: p.contentType,
        sizeBytes: p.sizeBytes,
        createdAt: p.createdAt,
      })),
      events: events.map((e) => ({
        type: e.type,
        at: e.occurredAt,
        from: e.from,
        to: e.to,
        actorName: typeof e.data.actorName === 'string' ? e.data.actorName : null,
        reason: e.reason,
      })),
    };
  }

  async visible(actor: Actor, id: string): Promise<RmaRecord> {
    const r = await rmaCases.findById(this.ctx.db, id);
    if (!r || !reaches(reachOf(actor), r)) throw notFound('rma case', id);
    return r;
  }

  /** Takes one step of the state table with its typed inputs; the event commits with the change. */
  async transition(actor: Actor, id: string, t: RmaTransition): Promise<RmaCase> {
    const rule = ruleOf(t.action);
    if (!actor.permissions.has(rule.permission))
      throw new DomainError('auth.forbidden', `${t.action} needs ${rule.permission}`);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const r = await rmaCases.findById(trx, id);
      if (!r || !reaches(reachOf(actor), r)) throw notFound('rma case', id);
      if (r.version !== t.version) throw versionConflict('rma case', id, t.version);
      const next = nextStatus(r.status, r.kind, t.action);
      if (!next.ok) throw refusalOf(next.refusal, { path: 'action' });
      const { change, reason, lines } = await this.changeOf(trx, actor, r, t, now);
      if (!(await rmaCases.update(trx, id, t.version, r.status, { ...change, status: next.to }, at)))
        throw versionConflict('rma case', id, t.version);
      if (lines) await rmaChargebacks.insert(trx, id, lines);
      const { version: _v, action: _a, ...data } = t;
      await appendEvent(trx, {
        streamType: RMA_STREAM,
        streamId: id,
        type: EVENT_OF[t.action],
        actor: eventActorOf(actor),
        at: now,
        from: r.status,
        to: next.to,
        reason,
        data: { ...data, ...change, actorName: actor.displayName },
      });
    });
    return this.get(actor, id);
  }

  /** The typed inputs of one action checked against the case: the change, the event reason, lines. */
  private async changeOf(
    trx: Db,
    actor: Actor,
    r: RmaRecord,
    t: RmaTransition,
    now: Date,
  ): Promise<{
    change: RmaChange;
    reason: string | null;
    lines?: { party: RmaRecord['responsibleParty'] & string; amountFen: number; note: string | null }[];
  }> {
    const fail = (refusal: ReturnType<typeof notBefore>, path: string) => {
      if (refusal) throw refusalOf(refusal, { path });
    };
    switch (t.action) {
      case 'approve_override':
        return {
          change: { overrideDecidedBy: actor.displayName, overrideNote: t.note ?? null },
          reason: t.note ?? null,
        };
      case 'reject_override':
        if (!t.reason.trim()) throw refuse('rma.override_reason_required', {}, { path: 'reason' });
        return {
          change: { overrideDecidedBy: actor.displayName, rejectReason: t.reason },
          reason: t.reason,
        };
      case 'start_inspection':
        return { change: {}, reason: null };
      case 'approve':
      case 'reject': {
        const min = (await rmaPolicy(trx)).value.minInspectionPhotos;
        if ((await rmaPhotos.count(trx, r.id)) < min)
          throw refuse('rma.photos_required', { min }, { path: 'photos' });
        return t.action === 'approve'
          ? { change: { findings: t.findings }, reason: null }
          : { change: { findings: t.findings, rejectReason: t.reason }, reason: t.reason };
      }
      case 'ship': {
        const needPickup = r.kind !== 'part_replacement';
        const needDispatch = r.kind !== 'return';
        if (needPickup) {
          if (!t.pickupCarrier) throw required('pickupCarrier');
          if (!t.pickupTrackingNo) throw required('pickupTrackingNo');
          if (!t.pickedUpOn) throw required('pickedUpOn');
        }
        if (needDispatch) {
          if (!t.dispatchCarrier) throw required('dispatchCarrier');
          if (!t.dispatchTrackingNo) throw required('dispatchTrackingNo');
          if (!t.dispatchedOn) throw required('dispatchedOn');
        }
        if (t.pickedUpOn) fail(notBefore('pickedUpOn', t.pickedUpOn, r.requestedOn), 'pickedUpOn');
        if (t.dispatchedOn) fail(notBefore('dispatchedOn', t.dispatchedOn, r.requestedOn), 'dispatchedOn');
        return {
          change: {
            pickupCarrier: t.pickupCarrier ?? null,
            pickupTrackingNo: t.pickupTrackingNo ?? null,
            pickedUpOn: t.pickedUpOn ?? null,
            dispatchCarrier: t.dispatchCarrier ?? null,
            dispatchTrackingNo: t.dispatchTrackingNo ?? null,
            dispatchedOn: t.dispatchedOn ?? null,
          },
          reason: null,
        };
      }
      case 'record_refund': {
        fail(notBefore('refundedOn', t.refundedOn, r.pickedUpOn ?? r.requestedOn), 'refundedOn');
        const cap = refundCap(r.remedy, r.evaluation);
        if (cap.maxFen !== null && t.refundFen > cap.maxFen)
          throw refuse('rma.refund_exceeds', { maxFen: cap.maxFen }, { path: 'refundFen' });
        return {
          change: { refundFen: t.refundFen, depreciationFen: cap.depreciationFen, refundedOn: t.refundedOn },
          reason: null,
        };
      }
      case 'record_exchange': {
        const earliest = [r.requestedOn, r.pickedUpOn, r.dispatchedOn]
          .filter((d): d is string => !!d)
          .sort()
          .pop()!;
        fail(notBefore('exchangedOn', t.exchangedOn, earliest), 'exchangedOn');
        if (!t.newSerial.trim()) throw required('newSerial');
        return { change: { newSerial: t.newSerial, exchangedOn: t.exchangedOn }, reason: null };
      }
      case 'close':
        return {
          change: {
            cause: t.cause,
            responsibleParty: t.responsibleParty,
            closedAt: now.toISOString(),
            closedMonth: businessDateOf(now).slice(0, 7),
          },
          reason: t.note ?? null,
          lines: t.chargebacks.map((l) => ({ party: l.party, amountFen: l.amountFen, note: l.note ?? null })),
        };
    }
  }

  private async views(
    rows: readonly RmaRecord[],
  ): Promise<Omit<RmaCase, 'photos' | 'events' | 'chargebacks'>[]> {
    const db = this.ctx.db;
    const [products, customers, outlets, orders] = await Promise.all([
      installedProductsByIds(
        db,
        rows.map((r) => r.installedProductId),
      ),
      customerNamesOf(
        db,
        rows.map((r) => r.customerId),
      ),
      outletNamesOf(
        db,
        rows.map((r) => r.outletId),
      ),
      orderNumbersOf(
        db,
        rows.flatMap((r) => (r.orderId ? [r.orderId] : [])),
      ),
    ]);
    const serials = new Map(products.map((p) => [p.id, p.serial]));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      remedy: r.remedy,
      status: r.status,
      source: r.source,
      installedProductId: r.installedProductId,
      productSerial: serials.get(r.installedProductId) ?? null,
      customerId: r.customerId,
      customerName: customers.get(r.customerId) ?? null,
      orderId: r.orderId,
      orderNumber: r.orderId ? (orders.get(r.orderId) ?? null) : null,
      outletId: r.outletId,
      outletName: r.outletId ? (outlets.get(r.outletId) ?? null) : null,
      requestedOn: r.requestedOn,
      performanceFault: r.performanceFault,
      description: r.description,
      evaluation: r.evaluation,
      overrideReason: r.overrideReason,
      overrideDecidedBy: r.overrideDecidedBy,
      overrideNote: r.overrideNote,
      findings: r.findings,
      rejectReason: r.rejectReason,
      pickupCarrier: r.pickupCarrier,
      pickupTrackingNo: r.pickupTrackingNo,
      pickedUpOn: r.pickedUpOn,
      dispatchCarrier: r.dispatchCarrier,
      dispatchTrackingNo: r.dispatchTrackingNo,
      dispatchedOn: r.dispatchedOn,
      refundFen: r.refundFen,
      depreciationFen: r.depreciationFen,
      refundedOn: r.refundedOn,
      newSerial: r.newSerial,
      exchangedOn: r.exchangedOn,
      cause: r.cause,
      responsibleParty: r.responsibleParty,
      closedAt: r.closedAt,
      createdAt: r.createdAt,
      version: r.version,
    }));
  }
}
