import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import type { AttachmentsTable, WorkOrdersTable } from './workorders.schema.ts';
import { CLOSED_STATUSES, type SlaState, type WorkOrderType } from '@anxin/contracts';
import type { SlaOrdersPort } from '../sla/index.ts';
import { counterKey, formatNumber, prefixedKey } from './domain/numbering.ts';
import type { WorkOrder, WorkOrderPatch } from './domain/work-order.ts';
import { orderColumns, orderOf } from './workorders.codec.ts';

type Db = Kysely<Database>;
/** The stored row; only this module's repository code sees it (others get a `WorkOrder`). */
export type WorkOrderRow = Selectable<WorkOrdersTable>;

/** Data scope columns of a work order: region by district, outlet, own = the assigned technician. */
export const ORDER_SCOPE: ScopeColumns = {
  region: 'work_orders.district_code',
  outlet: 'work_orders.outlet_id',
  own: ['work_orders.technician_user_id'],
};
/**
 * The actor's data scope, widened by escalation: a user listed in `work_order_participants` (the
 * dealer, provincial engineer or HQ expert an escalation brought in) sees that order whatever
 * their own scope. `participant` says whether the user takes part in any order at all
 * (`participates`): only then is the `exists` added, so everyone else's queries keep their plans.
 */
export const inScope = (scope: ActorScope, participant = true) => {
  const own = scopeFilter<Database, 'work_orders'>(scope, ORDER_SCOPE);
  return (eb: ExpressionBuilder<Database, 'work_orders'>) =>
    scope.level === 'all' || !scope.userId || !participant
      ? own(eb)
      : eb.or([
          own(eb),
          eb.exists(
            eb
              .selectFrom('work_order_participants as wop')
              .select(sql.lit(1).as('one'))
              .whereRef('wop.order_id', '=', 'work_orders.id')
              .where('wop.user_id', '=', scope.userId),
          ),
        ]);
};

/** Whether the user was brought into any order by an escalation (one indexed lookup). */
export async function participates(db: Kysely<Database>, scope: ActorScope): Promise<boolean> {
  if (scope.level === 'all' || !scope.userId) return false;
  const r = await db
    .selectFrom('work_order_participants')
    .select('order_id')
    .where('user_id', '=', scope.userId)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}

export interface CustomerFacts {
  id: string;
  name: string;
  tier: string;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  primaryPhone: string | null;
}

export interface ProductFacts {
  id: string;
  customerId: string;
  categoryCode: string;
  brand: string;
  serial: string;
}

/** The only SQL of the work-order module (lists live in workorders.list-query.ts). */
export class WorkOrdersRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async customer(id: string): Promise<CustomerFacts | undefined> {
    const r = await this.db
      .selectFrom('customers as c')
      .select([
        'c.id',
        'c.name',
        'c.tier',
        'c.province_code',
        'c.city_code',
        'c.district_code',
        'c.address',
        'c.lat',
        'c.lng',
        'c.merged_into_id',
        'c.erased_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('customer_phones as p')
          .select('p.phone')
          .whereRef('p.customer_id', '=', 'c.id')
          .orderBy('p.is_primary', 'desc')
          .limit(1)
          .as('phone'),
      )
      .where('c.id', '=', id)
      .executeTakeFirst();
    // A merged-away or erased (PIPL) customer takes no new orders.
    if (!r || r.merged_into_id || r.erased_at) return undefined;
    return {
      id: r.id,
      name: r.name,
      tier: r.tier,
      provinceCode: r.province_code,
      cityCode: r.city_code,
      districtCode: r.district_code,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      primaryPhone: r.phone ?? null,
    };
  }

  async product(id: string): Promise<ProductFacts | undefined> {
    const r = await this.db
      .selectFrom('installed_products')
      .select(['id', 'customer_id', 'category_code', 'brand', 'serial'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        customerId: r.customer_id,
        categoryCode: r.category_code,
        brand: r.brand,
        serial: r.serial,
      }
    );
  }

  /** Fault and symptom codes of the catalogue tree, for validation. */
  async faultCodes(ids: readonly string[]) {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('fault_codes')
      .select(['id', 'category_code', 'parent_id', 'kind', 'active'])
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      categoryCode: r.category_code,
      parentId: r.parent_id,
      kind: r.kind,
      active: !!r.active,
    }));
  }

  /** Orders still in `status` whose last change is at or before `before`, oldest first (repair sweeps). */
  staleIn(status: WorkOrdersTable['status'], before: string, limit: number) {
    return this.db
      .selectFrom('work_orders')
      .select(['id', 'version'])
      .where('status', '=', status)
      .where('updated_at', '<=', before)
      .orderBy('updated_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  outlet(id: string) {
    return this.db
      .selectFrom('outlets')
      .select(['id', 'name', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async technician(id: string) {
    const r = await this.db
      .selectFrom('technicians')
      .select(['id', 'name', 'outlet_id', 'user_id', 'active'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r && { id: r.id, name: r.name, outletId: r.outlet_id, userId: r.user_id, active: !!r.active };
  }

  /** Open orders of one installed product (the duplicate-order warning), within the actor's scope. */
  async openForProduct(productId: string, scope: ActorScope | null, limit = 20) {
    let q = this.db
      .selectFrom('work_orders')
      .select(['id', 'number', 'type', 'status', 'created_at'])
      .where('product_id', '=', productId)
      .where('status', 'not in', CLOSED_STATUSES)
      .orderBy('created_at', 'desc')
      .limit(limit);
    if (scope) q = q.where(inScope(scope, await participates(this.db, scope)));
    return q.execute();
  }

  async insert(trx: Db, order: WorkOrder): Promise<void> {
    await trx
      .insertInto('work_orders')
      .values(orderColumns(order) as WorkOrdersTable)
      .execute();
  }

  /** One order within the actor's data scope; out of scope reads as absent (404, not 403). */
  async findInScope(id: string, scope: ActorScope): Promise<WorkOrder | undefined> {
    const row = await this.db
      .selectFrom('work_orders')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, await participates(this.db, scope)))
      .executeTakeFirst();
    return row && orderOf(row);
  }

  /**
   * The order with what its detail page names (customer, product, outlet, technician) in one
   * statement; clocks, timeline and attachments are read beside it.
   */
  async findDetailInScope(id: string, scope: ActorScope) {
    // Scalar subqueries, not joins: the scope filter names work_orders' columns unqualified.
    const row = await this.db
      .selectFrom('work_orders')
      .selectAll('work_orders')
      .select((eb) => [
        eb
          .selectFrom('customers as c')
          .select('c.name')
          .whereRef('c.id', '=', 'work_orders.customer_id')
          .as('c_name'),
        eb
          .selectFrom('customers as c')
          .select('c.tier')
          .whereRef('c.id', '=', 'work_orders.customer_id')
          .as('c_tier'),
        eb
          .selectFrom('installed_products as p')
          .select('p.serial')
          .whereRef('p.id', '=', 'work_orders.product_id')
          .as('p_serial'),
        eb
          .selectFrom('installed_products as p')
          .select('p.brand')
          .whereRef('p.id', '=', 'work_orders.product_id')
          .as('p_brand'),
        eb
          .selectFrom('installed_products as p')
          .select('p.category_code')
          .whereRef('p.id', '=', 'work_orders.product_id')
          .as('p_category_code'),
        eb
          .selectFrom('outlets as x')
          .select('x.name')
          .whereRef('x.id', '=', 'work_orders.outlet_id')
          .as('x_name'),
        eb
          .selectFrom('technicians as t')
          .select('t.name')
          .whereRef('t.id', '=', 'work_orders.technician_id')
          .as('t_name'),
      ])
      .where('id', '=', id)
      .where(inScope(scope, await participates(this.db, scope)))
      .executeTakeFirst();
    if (!row) return undefined;
    const o = orderOf(row);
    return {
      order: o,
      customer: row.c_name !== null ? { id: o.customerId, name: row.c_name, tier: row.c_tier! } : null,
      product:
        o.productId && row.p_serial !== null
          ? { id: o.productId, serial: row.p_serial, brand: row.p_brand!, categoryCode: row.p_category_code! }
          : null,
      outlet: o.outletId && row.x_name !== null ? { id: o.outletId, name: row.x_name } : null,
      technician: o.technicianId && row.t_name !== null ? { id: o.technicianId, name: row.t_name } : null,
    };
  }

  async findById(trx: Db, id: string): Promise<WorkOrder | undefined> {
    const row = await trx.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row && orderOf(row);
  }

  /** Optimistic concurrency: the update only lands on the version the caller saw. */
  async update(trx: Db, id: string, version: number, patch: WorkOrderPatch): Promise<boolean> {
    const r = await trx
      .updateTable('work_orders')
      .set({ ...orderColumns(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---- batch loads for summaries (one query per kind, never per row) ----
  async customersByIds(ids: readonly string[]) {
    const u = [...new Set(ids)];
    if (!u.length) return new Map<string, { id: string; name: string; tier: string }>();
    const rows = await this.db
      .selectFrom('customers')
      .select(['id', 'name', 'tier'])
      .where('id', 'in', u)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async productsByIds(ids: readonly (string | null)[]) {
    const u = [...new Set(ids.filter((x): x is string => !!x))];
    if (!u.length)
      return new Map<string, { id: string; serial: string; brand: string; categoryCode: string }>();
    const rows = await this.db
      .selectFrom('installed_products')
      .select(['id', 'serial', 'brand', 'category_code'])
      .where('id', 'in', u)
      .execute();
    return new Map(
      rows.map((r) => [r.id, { id: r.id, serial: r.serial, brand: r.brand, categoryCode: r.category_code }]),
    );
  }

  async outletsByIds(ids: readonly (string | null)[]) {
    const u = [...new Set(ids.filter((x): x is string => !!x))];
    if (!u.length) return new Map<string, { id: string; name: string }>();
    const rows = await this.db.selectFrom('outlets').select(['id', 'name']).where('id', 'in', u).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  // ---- attachments ----
  async insertAttachment(trx: Db, row: AttachmentsTable): Promise<void> {
    await trx.insertInto('attachments').values(row).execute();
  }

  attachmentsOf(orderId: string) {
    return this.db
      .selectFrom('attachments')
      .selectAll()
      .where('owner_type', '=', 'work_order')
      .where('owner_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  attachment(orderId: string, id: string) {
    return this.db
      .selectFrom('attachments')
      .selectAll()
      .where('owner_type', '=', 'work_order')
      .where('owner_id', '=', orderId)
      .where('id', '=', id)
      .executeTakeFirst();
  }
}

/** Atomic per-day counter: concurrent callers each get their own value, on both databases. */
async function nextCounterValue(db: Db, key: string): Promise<number> {
  const r = await db
    .insertInto('work_order_counters')
    .values({ key, last_value: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ last_value: eb('work_order_counters.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(r.last_value);
}

/** The next display number of a type's daily sequence (WX20261122-0001). */
export async function drawNumber(db: Db, type: WorkOrderType, at: Date): Promise<string> {
  const key = counterKey(type, at);
  return formatNumber(key, await nextCounterValue(db, key));
}

/**
 * The next number of another record kind's daily sequence under its own prefix (complaint
 * records: KS20261122-0001), so it never looks like a work order's number.
 */
export async function drawRecordNumber(db: Db, prefix: string, at: Date): Promise<string> {
  const key = prefixedKey(prefix, at);
  return formatNumber(key, await nextCounterValue(db, key));
}

/**
 * The SLA job's writes of this module's `work_orders` SLA columns (bound with `sla.useOrders`):
 * the SLA module computes the state, the order row stays written only here.
 */
export const slaOrderWrites: SlaOrdersPort = {
  async worsenSla(trx, orderId, state) {
    const lower: SlaState[] = state === 'breached' ? ['on_track', 'at_risk', 'unknown'] : ['on_track'];
    await trx
      .updateTable('work_orders')
      .set({ sla_state: state })
      .where('id', '=', orderId)
      .where('sla_state', 'in', lower)
      .execute();
  },
  async setSla(trx, orderId, state, dueAt) {
    await trx
      .updateTable('work_orders')
      .set({ sla_state: state, sla_due_at: dueAt })
      .where('id', '=', orderId)
      .execute();
  },
  async numberOf(trx, orderId) {
    const r = await trx
      .selectFrom('work_orders')
      .select('number')
      .where('id', '=', orderId)
      .executeTakeFirst();
    return r?.number;
  },
};

/** A customer merge moves the source's orders to the target (bound with `customers.useOrders`). */
export async function moveCustomerOrders(
  trx: Kysely<Database>,
  sourceId: string,
  targetId: string,
): Promise<number> {
  const r = await trx
    .updateTable('work_orders')
    .set({ customer_id: targetId })
    .where('customer_id', '=', sourceId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
