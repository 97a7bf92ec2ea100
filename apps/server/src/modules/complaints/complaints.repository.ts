import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ComplaintSeverity, ComplaintSource, ComplaintStatus, Department } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import type { ComplaintActionsTable, ComplaintsTable } from './complaints.schema.ts';
import { OPEN_STATUSES } from './domain/lifecycle.ts';

type Db = Kysely<Database>;
export type ComplaintRecord = Selectable<ComplaintsTable>;
export type CapaRow = Selectable<ComplaintActionsTable>;

/** A complaint with the names of what it links to (one query, for views). */
export interface ComplaintRow extends ComplaintRecord {
  order_number: string | null;
  customer_name: string | null;
  outlet_name: string | null;
  technician_name: string | null;
  responsible_outlet_name: string | null;
  responsible_technician_name: string | null;
  capa_overdue: number;
}

const SCOPE: ScopeColumns = { region: 'c.region_code', outlet: 'c.outlet_id', own: ['c.created_by'] };
const ORDER_SCOPE: ScopeColumns = {
  region: 'wo.district_code',
  outlet: 'wo.outlet_id',
  own: ['wo.technician_user_id'],
};

export interface ListFilter {
  statuses: readonly ComplaintStatus[] | null;
  severity?: ComplaintSeverity | undefined;
  source?: ComplaintSource | undefined;
  outletId?: string | undefined;
  /** Only complaints past an acknowledgement or resolution due time (at `now`). */
  overdueAt?: string | undefined;
  departments?: readonly Department[] | undefined;
  q?: string | undefined;
  limit: number;
}

export interface OrderLinks {
  id: string;
  number: string;
  type: string;
  status: string;
  customer_id: string;
  customer_name: string | null;
  outlet_id: string | null;
  outlet_name: string | null;
  technician_id: string | null;
  technician_name: string | null;
  district_code: string | null;
  created_at: string;
}

export interface PeriodCount {
  outlet_id: string | null;
  n: number;
}

/** The only SQL of the complaints module. */
export class ComplaintsRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // ---------- complaints ----------
  /** One complaint in the actor's scope, with names; `today` (YYYY-MM-DD) dates CAPA overdue. */
  async find(scope: ActorScope | null, id: string, today: string, db: Db = this.db) {
    let q = this.withNames(db, today).where('c.id', '=', id);
    if (scope) q = q.where(scopeFilter<any, any>(scope, SCOPE));
    const row = await q.executeTakeFirst();
    return row ? normalise(row) : undefined;
  }

  private withNames(db: Db, today: string) {
    return db
      .selectFrom('complaints as c')
      .leftJoin('work_orders as wo', 'wo.id', 'c.order_id')
      .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
      .leftJoin('outlets as o', 'o.id', 'c.outlet_id')
      .leftJoin('technicians as t', 't.id', 'c.technician_id')
      .leftJoin('outlets as ro', 'ro.id', 'c.responsible_outlet_id')
      .leftJoin('technicians as rt', 'rt.id', 'c.responsible_technician_id')
      .selectAll('c')
      .select((eb) => [
        'wo.number as order_number',
        'cu.name as customer_name',
        'o.name as outlet_name',
        't.name as technician_name',
        'ro.name as responsible_outlet_name',
        'rt.name as responsible_technician_name',
        eb
          .selectFrom('complaint_actions as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.complaint_id', '=', 'c.id')
          .where('a.status', '=', 'open')
          .where('a.due_on', '<', today)
          .as('capa_overdue'),
      ]);
  }

  async list(scope: ActorScope, f: ListFilter, today: string): Promise<ComplaintRow[]> {
    let q = this.withNames(this.db, today).where(scopeFilter<any, any>(scope, SCOPE));
    if (f.statuses) q = q.where('c.status', 'in', [...f.statuses]);
    if (f.severity) q = q.where('c.severity', '=', f.severity);
    if (f.source) q = q.where('c.source', '=', f.source);
    if (f.outletId)
      q = q.where((eb) =>
        eb.or([eb('c.outlet_id', '=', f.outletId!), eb('c.responsible_outlet_id', '=', f.outletId!)]),
      );
    if (f.departments) {
      if (!f.departments.length) return [];
      q = q.where('c.responsible_department', 'in', [...f.departments]);
    }
    if (f.overdueAt) {
      const now = f.overdueAt;
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('c.status', '=', 'registered'), eb('c.acknowledge_due_at', '<', now)]),
          eb.and([eb('c.status', 'in', [...OPEN_STATUSES]), eb('c.resolve_due_at', '<', now)]),
        ]),
      );
    }
    if (f.q) {
      const like = `%${f.q}%`;
      q = q.where((eb) =>
        eb.or([eb('c.number', 'like', like), eb('c.summary', 'like', like), eb('wo.number', 'like', like)]),
      );
    }
    const rows = await q.orderBy('c.opened_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
    return rows.map(normalise);
  }

  async insert(trx: Db, row: ComplaintsTable): Promise<boolean> {
    const r = await trx
      .insertInto('complaints')
      .values(row)
      .onConflict((oc) => oc.column('source_ref').doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!r;
  }

  bySourceRef(ref: string) {
    return this.db
      .selectFrom('complaints')
      .select(['id', 'order_id'])
      .where('source_ref', '=', ref)
      .executeTakeFirst();
  }

  /** Conditional on the version the caller read: false when someone else changed it first. */
  async update(trx: Db, id: string, version: number, patch: Updateable<ComplaintsTable>): Promise<boolean> {
    const r = await trx
      .updateTable('complaints')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Open complaints past their acknowledgement or resolution due time at `now`. */
  overdue(now: string) {
    return this.db
      .selectFrom('complaints')
      .select(['id', 'number', 'status', 'acknowledge_due_at', 'resolve_due_at', 'reopen_count'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'registered'), eb('acknowledge_due_at', '<', now)]),
          eb.and([eb('status', 'in', [...OPEN_STATUSES]), eb('resolve_due_at', '<', now)]),
        ]),
      )
      .orderBy('opened_at')
      .limit(500)
      .execute();
  }

  // ---------- CAPA ----------
  capaOf(complaintId: string, db: Db = this.db): Promise<CapaRow[]> {
    return db
      .selectFrom('complaint_actions')
      .selectAll()
      .where('complaint_id', '=', complaintId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  capa(id: string, db: Db = this.db) {
    return db.selectFrom('complaint_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertCapa(trx: Db, row: ComplaintActionsTable): Promise<void> {
    await trx.insertInto('complaint_actions').values(row).execute();
  }

  async updateCapa(
    trx: Db,
    id: string,
    version: number,
    patch: Updateable<ComplaintActionsTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('complaint_actions')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- links ----------
  private orderQuery(db: Db) {
    return db
      .selectFrom('work_orders as wo')
      .leftJoin('customers as cu', 'cu.id', 'wo.customer_id')
      .leftJoin('outlets as o', 'o.id', 'wo.outlet_id')
      .leftJoin('technicians as t', 't.id', 'wo.technician_id')
      .select([
        'wo.id',
        'wo.number',
        'wo.type',
        'wo.status',
        'wo.customer_id',
        'cu.name as customer_name',
        'wo.outlet_id',
        'o.name as outlet_name',
        'wo.technician_id',
        't.name as technician_name',
        'wo.district_code',
        'wo.created_at',
      ]);
  }

  /** An order within the actor's scope (null scope: any order, for system intake). */
  orderById(scope: ActorScope | null, id: string): Promise<OrderLinks | undefined> {
    let q = this.orderQuery(this.db).where('wo.id', '=', id);
    if (scope) q = q.where(scopeFilter<any, any>(scope, ORDER_SCOPE));
    return q.executeTakeFirst();
  }

  orderByNumber(scope: ActorScope, number: string): Promise<OrderLinks | undefined> {
    return this.orderQuery(this.db)
      .where('wo.number', '=', number)
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE))
      .executeTakeFirst();
  }

  customer(id: string) {
    return this.db
      .selectFrom('customers')
      .select(['id', 'name', 'district_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  outlet(id: string) {
    return this.db.selectFrom('outlets').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  }

  technician(id: string) {
    return this.db
      .selectFrom('technicians')
      .select(['id', 'name', 'outlet_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  // ---------- figures ----------
  /** Orders created in [from, to) (complaint-type orders are not service orders), per outlet. */
  ordersCreated(from: string, to: string): Promise<PeriodCount[]> {
    return this.db
      .selectFrom('work_orders')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('type', '!=', 'complaint')
      .groupBy('outlet_id')
      .execute();
  }

  complaintsOpened(from: string, to: string): Promise<PeriodCount[]> {
    return this.db
      .selectFrom('complaints')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .groupBy('outlet_id')
      .execute();
  }

  /**
   * Complaints whose resolution falls due in [from, to) and is decided at `now` (due by now, or
   * already resolved), and how many of them were resolved by their due time.
   */
  resolutionDue(from: string, to: string, now: string) {
    return this.db
      .selectFrom('complaints')
      .select((eb) => [
        'outlet_id',
        eb.fn.countAll<number>().as('due'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('resolved_at', 'is not', null),
                  eb('resolved_at', '<=', eb.ref('resolve_due_at')),
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('on_time'),
      ])
      .where('resolve_due_at', '>=', from)
      .where('resolve_due_at', '<', to)
      .where((eb) => eb.or([eb('resolve_due_at', '<=', now), eb('resolved_at', 'is not', null)]))
      .groupBy('outlet_id')
      .execute();
  }

  outletNames(ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('outlets').select(['id', 'name']).where('id', 'in', ids).execute();
  }

  /** Complaints opened in [from, to), optionally of one outlet (linked or responsible). */
  facts(q: { from: string; to: string; outletId?: string | undefined }) {
    let s = this.db
      .selectFrom('complaints')
      .select([
        'id',
        'number',
        'order_id',
        'outlet_id',
        'severity',
        'responsibility',
        'responsible_outlet_id',
        'cause_is_attitude',
        'opened_at',
        'resolve_due_at',
        'resolved_at',
        'closed_at',
        'status',
      ])
      .where('opened_at', '>=', q.from)
      .where('opened_at', '<', q.to);
    if (q.outletId)
      s = s.where((eb) =>
        eb.or([eb('outlet_id', '=', q.outletId!), eb('responsible_outlet_id', '=', q.outletId!)]),
      );
    return s.orderBy('opened_at').orderBy('id').execute();
  }
}

/** Counts come back as strings from PostgreSQL. */
function normalise<T extends { capa_overdue: unknown }>(r: T): T & { capa_overdue: number } {
  return { ...r, capa_overdue: Number(r.capa_overdue ?? 0) };
}
