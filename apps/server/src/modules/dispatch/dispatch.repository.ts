import type { Kysely, Selectable } from 'kysely';
import type { RedoHoldReason } from '@anxin/contracts';
import type { DispatchRedoReturnsTable } from './dispatch.schema.ts';
import {
  BEFORE_DEPARTURE_STATUSES,
  DISPATCHABLE_STATUSES,
  WITH_OUTLET_STATUSES,
  type BoardQuery,
  type DispatchOrder,
  type OfferStatus,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import { offerOf, offerRowOf, settlementColumns, type Offer, type OfferSettlement } from './offer-codec.ts';
import { regionPrefix, type PastOutcome, type RankOrder, type RankOutlet } from './domain/rank.ts';

type Db = Kysely<Database>;

/** Statuses in which an order sits with an outlet and counts against its daily capacity. */
export const HELD_STATUSES = WITH_OUTLET_STATUSES;

/** The dispatcher's queue: orders waiting for an outlet … */
export const QUEUE_STATUSES = DISPATCHABLE_STATUSES;
/** … plus orders at risk that have not reached a technician yet. */
export const AT_RISK_STATUSES = BEFORE_DEPARTURE_STATUSES;

const ORDER_COLUMNS = [
  'wo.id',
  'wo.number',
  'wo.type',
  'wo.status',
  'wo.urgency',
  'wo.category_code',
  'wo.province_code',
  'wo.city_code',
  'wo.district_code',
  'wo.lat',
  'wo.lng',
  'wo.sla_state',
  'wo.sla_due_at',
  'wo.outlet_id',
  'wo.created_at',
  'wo.version',
  'c.name as customer_name',
] as const;

export interface OutletFacts extends RankOutlet {
  cityCode: string;
}

export interface OrderFacts extends RankOrder {
  view: DispatchOrder;
}

type OrderRecord = {
  id: string;
  number: string;
  type: DispatchOrder['type'];
  status: DispatchOrder['status'];
  urgency: DispatchOrder['urgency'];
  category_code: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  lat: number | null;
  lng: number | null;
  sla_state: DispatchOrder['slaState'];
  sla_due_at: string | null;
  outlet_id: string | null;
  created_at: string;
  version: number;
  customer_name: string | null;
};

function toFacts(r: OrderRecord): OrderFacts {
  return {
    provinceCode: r.province_code,
    cityCode: r.city_code,
    districtCode: r.district_code,
    categoryCode: r.category_code,
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    view: {
      id: r.id,
      number: r.number,
      type: r.type,
      status: r.status,
      urgency: r.urgency,
      categoryCode: r.category_code,
      districtCode: r.district_code,
      customerName: r.customer_name,
      slaState: r.sla_state,
      slaDueAt: r.sla_due_at,
      outletId: r.outlet_id,
      createdAt: r.created_at,
      version: r.version,
    },
  };
}

/** Data scope on the aliased order rows (region by district, outlet by the order's outlet). */
const orderScope = (scope: ActorScope) =>
  // The filter only emits raw column references; the alias makes its table type moot.
  scopeFilter(scope, { region: 'wo.district_code', outlet: 'wo.outlet_id' }) as never;

/** Every service-area code that covers `district` in either spelling (44 / 440000, 4401 / 440100). */
export function coveringCodes(region: string): string[] {
  const d = region.padEnd(6, '0');
  const p = d.slice(0, 2);
  const c = d.slice(0, 4);
  return [...new Set([p, `${p}0000`, c, `${c}00`, d])];
}

/**
 * The dispatch module's SQL. It reads the network's outlet tables and the work-order rows (read
 * only: status changes go through the work-order service) and owns `dispatch_offers`.
 */
export class DispatchRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  private orders(db: Db = this.db) {
    return db
      .selectFrom('work_orders as wo')
      .leftJoin('customers as c', 'c.id', 'wo.customer_id')
      .select(ORDER_COLUMNS);
  }

  async order(id: string, scope?: ActorScope, db: Db = this.db): Promise<OrderFacts | undefined> {
    let q = this.orders(db).where('wo.id', '=', id);
    if (scope) q = q.where(orderScope(scope));
    const r = await q.executeTakeFirst();
    return r ? toFacts(r as OrderRecord) : undefined;
  }

  async ordersByIds(ids: readonly string[]): Promise<Map<string, OrderFacts>> {
    const out = new Map<string, OrderFacts>();
    if (!ids.length) return out;
    const rows = await this.orders()
      .where('wo.id', 'in', [...new Set(ids)])
      .execute();
    for (const r of rows) out.set(r.id, toFacts(r as OrderRecord));
    return out;
  }

  /**
   * Outlets with areas, categories and their current load; with `scope`, only the outlets the
   * caller may see (its own outlet, or the outlets located in its regions, as the network reads).
   */
  async outletsWithFacts(ids: readonly string[] | 'all', scope?: ActorScope): Promise<OutletFacts[]> {
    if (ids !== 'all' && !ids.length) return [];
    let q = this.db
      .selectFrom('outlets')
      .select(['id', 'code', 'name', 'grade', 'status', 'daily_capacity', 'lat', 'lng', 'city_code']);
    if (ids !== 'all') q = q.where('id', 'in', [...new Set(ids)]);
    if (scope)
      q = q.where(scopeFilter(scope, { outlet: 'outlets.id', region: 'outlets.district_code' }) as never);
    const outlets = await q.orderBy('code').execute();
    if (!outlets.length) return [];
    const outletIds = outlets.map((o) => o.id);
    const [areas, cats, open] = await Promise.all([
      this.db
        .selectFrom('outlet_service_areas')
        .select(['outlet_id', 'region_code'])
        .where('outlet_id', 'in', outletIds)
        .execute(),
      this.db
        .selectFrom('outlet_categories')
        .select(['outlet_id', 'category_code'])
        .where('outlet_id', 'in', outletIds)
        .execute(),
      this.openCounts(outletIds),
    ]);
    const group = <T extends { outlet_id: string }>(rows: T[], pick: (r: T) => string) => {
      const m = new Map<string, string[]>();
      for (const r of rows) m.set(r.outlet_id, [...(m.get(r.outlet_id) ?? []), pick(r)]);
      return m;
    };
    const areaMap = group(areas, (r) => r.region_code);
    const catMap = group(cats, (r) => r.category_code);
    return outlets.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      grade: o.grade,
      status: o.status,
      dailyCapacity: o.daily_capacity,
      lat: o.lat === null ? null : Number(o.lat),
      lng: o.lng === null ? null : Number(o.lng),
      cityCode: o.city_code,
      regionCodes: areaMap.get(o.id) ?? [],
      categoryCodes: catMap.get(o.id) ?? [],
      open: open.get(o.id) ?? 0,
    }));
  }

  async openCounts(outletIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('work_orders')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('outlet_id', 'in', [...outletIds])
      .where('status', 'in', [...HELD_STATUSES])
      .groupBy('outlet_id')
      .execute();
    return new Map(rows.map((r) => [r.outlet_id!, Number(r.n)]));
  }

  /**
   * The outlets worth showing for an order: those whose areas cover its region, those based in its
   * province (shown greyed when they do not cover it) and those that were offered it before.
   */
  async candidateIds(order: RankOrder, orderId: string): Promise<string[]> {
    const region = order.districtCode ?? order.cityCode ?? order.provinceCode;
    const ids = new Set<string>();
    if (region) {
      const covering = await this.db
        .selectFrom('outlet_service_areas')
        .select('outlet_id')
        .where('region_code', 'in', coveringCodes(region))
        .execute();
      for (const r of covering) ids.add(r.outlet_id);
      const province = await this.db
        .selectFrom('outlets')
        .select('id')
        .where('province_code', '=', region.slice(0, 2) + '0000')
        .execute();
      for (const r of province) ids.add(r.id);
    }
    const offered = await this.db
      .selectFrom('dispatch_offers')
      .select('outlet_id')
      .where('order_id', '=', orderId)
      .execute();
    for (const r of offered) ids.add(r.outlet_id);
    return [...ids];
  }

  async pastOutcomes(orderId: string): Promise<PastOutcome[]> {
    const rows = await this.db
      .selectFrom('dispatch_offers')
      .select(['outlet_id', 'status'])
      .where('order_id', '=', orderId)
      .where('status', 'in', ['rejected', 'expired'])
      .execute();
    return rows.map((r) => ({ outletId: r.outlet_id, status: r.status as 'rejected' | 'expired' }));
  }

  async pastOutcomesFor(orderIds: readonly string[]): Promise<Map<string, PastOutcome[]>> {
    const out = new Map<string, PastOutcome[]>();
    if (!orderIds.length) return out;
    const rows = await this.db
      .selectFrom('dispatch_offers')
      .select(['order_id', 'outlet_id', 'status'])
      .where('order_id', 'in', [...new Set(orderIds)])
      .where('status', 'in', ['rejected', 'expired'])
      .execute();
    for (const r of rows)
      out.set(r.order_id, [
        ...(out.get(r.order_id) ?? []),
        { outletId: r.outlet_id, status: r.status as 'rejected' | 'expired' },
      ]);
    return out;
  }

  async pendingOffersFor(orderIds: readonly string[]): Promise<Map<string, Offer>> {
    if (!orderIds.length) return new Map();
    const rows = await this.db
      .selectFrom('dispatch_offers')
      .selectAll()
      .where('order_id', 'in', [...new Set(orderIds)])
      .where('status', '=', 'pending')
      .execute();
    return new Map(rows.map((r) => [r.order_id, offerOf(r)]));
  }

  insertOffer(trx: Db, offer: Offer) {
    return trx.insertInto('dispatch_offers').values(offerRowOf(offer)).execute();
  }

  async pendingOffer(db: Db, orderId: string): Promise<Offer | undefined> {
    const r = await db
      .selectFrom('dispatch_offers')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return r && offerOf(r);
  }

  /** Settles the order's pending offer; conditional, so a second settlement changes nothing. */
  async settlePending(trx: Db, orderId: string, settlement: OfferSettlement): Promise<Offer | undefined> {
    const r = await trx
      .updateTable('dispatch_offers')
      .set(settlementColumns(settlement))
      .where('order_id', '=', orderId)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    return r && offerOf(r);
  }

  async offerById(id: string, db: Db = this.db): Promise<Offer | undefined> {
    const r = await db.selectFrom('dispatch_offers').selectAll().where('id', '=', id).executeTakeFirst();
    return r && offerOf(r);
  }

  async listOffers(outletId: string | null, status: OfferStatus, limit: number): Promise<Offer[]> {
    let q = this.db.selectFrom('dispatch_offers').selectAll().where('status', '=', status);
    if (outletId) q = q.where('outlet_id', '=', outletId);
    const rows = await q
      .orderBy(status === 'pending' ? 'due_at' : 'offered_at', status === 'pending' ? 'asc' : 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(offerOf);
  }

  /** Pending offers past their due time, oldest first (the time-out job). */
  async dueOffers(nowIso: string, limit: number): Promise<Offer[]> {
    const rows = await this.db
      .selectFrom('dispatch_offers')
      .selectAll()
      .where('status', '=', 'pending')
      .where('due_at', '<=', nowIso)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(offerOf);
  }

  async outletNames(
    ids: readonly string[],
  ): Promise<Map<string, { id: string; code: string; name: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('outlets')
      .select(['id', 'code', 'name'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Pending offers per outlet, for the given outlets only. */
  async pendingCounts(outletIds: readonly string[]): Promise<Map<string, number>> {
    if (!outletIds.length) return new Map();
    const rows = await this.db
      .selectFrom('dispatch_offers')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'pending')
      .where('outlet_id', 'in', [...new Set(outletIds)])
      .groupBy('outlet_id')
      .execute();
    return new Map(rows.map((r) => [r.outlet_id, Number(r.n)]));
  }

  /** The board's queue: waiting orders and at-risk ones not yet with a technician, by SLA due time. */
  /** The board's waiting orders matching the filters. */
  private queueWhere(scope: ActorScope, f: BoardQuery) {
    let q = this.orders()
      .where(orderScope(scope))
      .where((eb) =>
        eb.or([
          eb('wo.status', 'in', [...QUEUE_STATUSES]),
          eb.and([
            eb('wo.status', 'in', [...AT_RISK_STATUSES]),
            eb('wo.sla_state', 'in', ['at_risk', 'breached']),
          ]),
        ]),
      );
    if (f.regionCode) q = q.where('wo.district_code', 'like', `${regionPrefix(f.regionCode)}%`);
    if (f.categoryCode) q = q.where('wo.category_code', '=', f.categoryCode);
    if (f.urgency) q = q.where('wo.urgency', '=', f.urgency);
    if (f.q) {
      const text = f.q.trim().replace(/[%_\\]/g, '');
      q = q.where((eb) =>
        eb.or([
          eb('wo.number', 'like', `${text.toUpperCase()}%`),
          eb('c.name', 'like', `%${text}%`),
          eb('wo.contact_name', 'like', `%${text}%`),
          eb('wo.address', 'like', `%${text}%`),
        ]),
      );
    }
    return q;
  }

  /** A page of the queue (most urgent deadline first) and how many orders match in all. */
  async queue(scope: ActorScope, f: BoardQuery): Promise<{ rows: OrderFacts[]; total: number }> {
    // Orders without a deadline sort last on both databases.
    const [rows, count] = await Promise.all([
      this.queueWhere(scope, f)
        .orderBy((eb) => eb.case().when('wo.sla_due_at', 'is', null).then(1).else(0).end())
        .orderBy('wo.sla_due_at')
        .orderBy('wo.id')
        .limit(f.limit)
        .execute(),
      this.queueWhere(scope, f)
        .clearSelect()
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => toFacts(r as OrderRecord)), total: Number(count.n) };
  }

  /**
   * What waits outside the queue's first page: orders registered but not yet queued (新建, 已受理 —
   * portal and API orders, or a desk hand-off that stopped) and orders outlets refused.
   */
  async waitingCounts(scope: ActorScope): Promise<{ newOrders: number; returned: number }> {
    const rows = await this.db
      .selectFrom('work_orders as wo')
      .where(orderScope(scope))
      .where('wo.status', 'in', ['new', 'accepted', 'outlet_rejected'])
      .select((eb) => ['wo.status', eb.fn.countAll<number>().as('n')])
      .groupBy('wo.status')
      .execute();
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { newOrders: n('new') + n('accepted'), returned: n('outlet_rejected') };
  }

  /** Orders waiting for an outlet whose region is one of `codes` (pool listing). */
  async waitingIn(codes: readonly string[], categoryCodes: readonly string[], limit: number) {
    if (!codes.length || !categoryCodes.length) return [];
    const rows = await this.orders()
      .where('wo.status', '=', 'awaiting_dispatch')
      .where((eb) => eb.or(codes.map((c) => eb('wo.district_code', 'like', `${regionPrefix(c)}%`))))
      .where((eb) =>
        eb.or([eb('wo.category_code', 'in', [...categoryCodes]), eb('wo.category_code', 'is', null)]),
      )
      .orderBy('wo.created_at')
      .orderBy('wo.id')
      .limit(limit)
      .execute();
    return rows.map((r) => toFacts(r as OrderRecord));
  }

  // ---------- redo returns (返修派回原网点) ----------

  /** Records the decision for one entry into 待派单; a second one for the same entry fails (key). */
  async insertRedoDecision(trx: Db, d: RedoDecision): Promise<void> {
    await trx
      .insertInto('dispatch_redo_returns')
      .values({
        order_id: d.orderId,
        order_version: d.orderVersion,
        outcome: d.outcome,
        reason: d.reason,
        outlet_id: d.outletId,
        technician_id: d.technicianId,
        decided_at: d.decidedAt,
      })
      .execute();
  }

  async redoDecision(orderId: string, orderVersion: number): Promise<RedoDecision | undefined> {
    const r = await this.db
      .selectFrom('dispatch_redo_returns')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('order_version', '=', orderVersion)
      .executeTakeFirst();
    return r && redoDecisionOf(r);
  }

  /** Held redos of these orders, only while the order is still in the entry the decision was for. */
  async redoHolds(orders: readonly { id: string; version: number }[]): Promise<Map<string, RedoDecision>> {
    const out = new Map<string, RedoDecision>();
    if (!orders.length) return out;
    const rows = await this.db
      .selectFrom('dispatch_redo_returns')
      .selectAll()
      .where('outcome', '=', 'held')
      .where(
        'order_id',
        'in',
        orders.map((o) => o.id),
      )
      .execute();
    const current = new Map(orders.map((o) => [o.id, o.version]));
    for (const r of rows)
      if (current.get(r.order_id) === r.order_version) out.set(r.order_id, redoDecisionOf(r));
    return out;
  }
}

export interface RedoDecision {
  orderId: string;
  orderVersion: number;
  outcome: 'returned' | 'held';
  reason: RedoHoldReason | null;
  outletId: string;
  technicianId: string | null;
  decidedAt: string;
}

const redoDecisionOf = (r: Selectable<DispatchRedoReturnsTable>): RedoDecision => ({
  orderId: r.order_id,
  orderVersion: Number(r.order_version),
  outcome: r.outcome,
  reason: r.reason,
  outletId: r.outlet_id,
  technicianId: r.technician_id,
  decidedAt: r.decided_at,
});
