import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  ComplaintSeverity,
  ComplaintSort,
  ComplaintSource,
  ComplaintStatus,
  Department,
} from '@anxin/contracts';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import type { ComplaintActionsTable, ComplaintsTable } from './complaints.schema.ts';
import { customerNamesOf, customerRefOf } from '../customers/index.ts';
import { outletNamesOf, technicianNamesOf, technicianRefOf } from '../network/index.ts';
import { OPEN_STATUSES } from './domain/lifecycle.ts';
import type {
  CapaPatch,
  CapaRecord,
  ComplaintPatch,
  ComplaintRecord,
  ComplaintWithNames,
  OrderLinks,
} from './domain/types.ts';

export type { CapaRecord, ComplaintRecord, ComplaintWithNames, OrderLinks } from './domain/types.ts';

type Db = Kysely<Database>;
type ComplaintRow = Selectable<ComplaintsTable>;
type CapaRow = Selectable<ComplaintActionsTable>;

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
  sort: ComplaintSort;
  /** The last row of the previous page (its sort value and id). */
  after?: KeysetPos | undefined;
  limit: number;
}

/** Sorts past every instant: a complaint with no resolution due time comes last when sorting by it. */
export const NO_DUE = '~';

export interface PeriodCount {
  outletId: string | null;
  n: number;
}

export interface ResolutionCount {
  outletId: string | null;
  /** Complaints whose resolution fell due in the period (and is decided). */
  due: number;
  /** Of those, resolved by their due time. */
  onTime: number;
}

/** A complaint past its acknowledgement or resolution due time. */
export interface OverdueComplaint {
  id: string;
  number: string;
  status: ComplaintStatus;
  acknowledgeDueAt: string | null;
  resolveDueAt: string | null;
  reopenCount: number;
}

/** One complaint as `complaintFacts` reports it to grading, settlement and evaluation. */
export interface ComplaintFactRecord {
  id: string;
  number: string;
  orderId: string | null;
  outletId: string | null;
  severity: ComplaintSeverity;
  responsibility: ComplaintRecord['responsibility'];
  responsibleOutletId: string | null;
  causeIsAttitude: boolean;
  openedAt: string;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  status: ComplaintStatus;
}

/** The only SQL of the complaints module. */
export class ComplaintsRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // ---------- complaints ----------
  /** One complaint in the actor's scope, with names; `today` (YYYY-MM-DD) dates CAPA overdue. */
  async find(
    scope: ActorScope | null,
    id: string,
    today: string,
    db: Db = this.db,
  ): Promise<ComplaintWithNames | undefined> {
    let q = this.withNames(db, today).where('c.id', '=', id);
    if (scope) q = q.where(scopeFilter<any, any>(scope, SCOPE));
    const row = await q.executeTakeFirst();
    return row ? (await this.named(db, [row]))[0] : undefined;
  }

  private withNames(db: Db, today: string) {
    return db
      .selectFrom('complaints as c')
      .leftJoin('work_orders as wo', 'wo.id', 'c.order_id')
      .selectAll('c')
      .select((eb) => [
        'wo.number as order_number',
        eb
          .selectFrom('complaint_actions as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.complaint_id', '=', 'c.id')
          .where('a.status', '=', 'open')
          .where('a.due_on', '<', today)
          .as('capa_overdue'),
      ]);
  }

  async list(scope: ActorScope, f: ListFilter, today: string): Promise<ComplaintWithNames[]> {
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
    // Keyset order: the sort column, then the id, so ties page stably and never repeat.
    const col =
      f.sort === 'resolve_due_at'
        ? sql<string>`coalesce(c.resolve_due_at, ${NO_DUE})`
        : sql<string>`c.opened_at`;
    const desc = f.sort === '-opened_at';
    const a = f.after;
    if (a) q = q.where(sql<boolean>`(${col}, c.id) ${sql.raw(desc ? '<' : '>')} (${a.keys[0]}, ${a.id})`);
    const dir = desc ? 'desc' : 'asc';
    const rows = await q.orderBy(col, dir).orderBy('c.id', dir).limit(f.limit).execute();
    return this.named(this.db, rows);
  }

  /** The rows with the customer, outlet and technician names their owners' read functions give. */
  private async named(db: Db, rows: ComplaintNameRow[]): Promise<ComplaintWithNames[]> {
    const [customers, outlets, technicians] = await Promise.all([
      customerNamesOf(
        db,
        rows.map((r) => r.customer_id),
      ),
      outletNamesOf(
        db,
        rows.flatMap((r) => [r.outlet_id, r.responsible_outlet_id]),
      ),
      technicianNamesOf(
        db,
        rows.flatMap((r) => [r.technician_id, r.responsible_technician_id]),
      ),
    ]);
    return rows.map((r) => withNamesOf(r, { customers, outlets, technicians }));
  }

  /** False when a complaint with the same source ref exists already (nothing is written). */
  async insert(trx: Db, c: ComplaintRecord): Promise<boolean> {
    const r = await trx
      .insertInto('complaints')
      .values(complaintRow(c))
      .onConflict((oc) => oc.column('source_ref').doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!r;
  }

  async bySourceRef(ref: string): Promise<{ id: string; orderId: string | null } | undefined> {
    const r = await this.db
      .selectFrom('complaints')
      .select(['id', 'order_id'])
      .where('source_ref', '=', ref)
      .executeTakeFirst();
    return r && { id: r.id, orderId: r.order_id };
  }

  /** Conditional on the version the caller read: false when someone else changed it first. */
  async update(trx: Db, id: string, version: number, patch: ComplaintPatch): Promise<boolean> {
    const r = await trx
      .updateTable('complaints')
      .set({ ...complaintPatchRow(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Open complaints past their acknowledgement or resolution due time at `now`. */
  async overdue(now: string): Promise<OverdueComplaint[]> {
    const rows = await this.db
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
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      acknowledgeDueAt: r.acknowledge_due_at,
      resolveDueAt: r.resolve_due_at,
      reopenCount: Number(r.reopen_count),
    }));
  }

  // ---------- CAPA ----------
  async capaOf(complaintId: string, db: Db = this.db): Promise<CapaRecord[]> {
    const rows = await db
      .selectFrom('complaint_actions')
      .selectAll()
      .where('complaint_id', '=', complaintId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(capaOf);
  }

  async capa(id: string, db: Db = this.db): Promise<CapaRecord | undefined> {
    const r = await db.selectFrom('complaint_actions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && capaOf(r);
  }

  async insertCapa(trx: Db, a: CapaRecord): Promise<void> {
    await trx
      .insertInto('complaint_actions')
      .values({
        id: a.id,
        complaint_id: a.complaintId,
        kind: a.kind,
        action: a.action,
        owner: a.owner,
        due_on: a.dueOn,
        status: a.status,
        note: a.note,
        done_at: a.doneAt,
        verified_at: a.verifiedAt,
        created_by: a.createdBy,
        created_at: a.createdAt,
        version: a.version,
      })
      .execute();
  }

  async updateCapa(trx: Db, id: string, version: number, patch: CapaPatch): Promise<boolean> {
    const set: Updateable<ComplaintActionsTable> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.doneAt !== undefined) set.done_at = patch.doneAt;
    if (patch.verifiedAt !== undefined) set.verified_at = patch.verifiedAt;
    const r = await trx
      .updateTable('complaint_actions')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- links ----------
  private orderQuery(db: Db) {
    return db
      .selectFrom('work_orders as wo')
      .select([
        'wo.id',
        'wo.number',
        'wo.type',
        'wo.status',
        'wo.customer_id',
        'wo.outlet_id',
        'wo.technician_id',
        'wo.district_code',
        'wo.created_at',
      ]);
  }

  /** The order with the customer, outlet and technician names their owners' read functions give. */
  private async orderLinks(r: OrderLinkRow | undefined): Promise<OrderLinks | undefined> {
    if (!r) return undefined;
    const [customers, outlets, technicians] = await Promise.all([
      customerNamesOf(this.db, [r.customer_id]),
      outletNamesOf(this.db, [r.outlet_id]),
      technicianNamesOf(this.db, [r.technician_id]),
    ]);
    return orderLinksOf(r, { customers, outlets, technicians });
  }

  /** An order within the actor's scope (null scope: any order, for system intake). */
  async orderById(scope: ActorScope | null, id: string): Promise<OrderLinks | undefined> {
    let q = this.orderQuery(this.db).where('wo.id', '=', id);
    if (scope) q = q.where(scopeFilter<any, any>(scope, ORDER_SCOPE));
    return this.orderLinks(await q.executeTakeFirst());
  }

  async orderByNumber(scope: ActorScope, number: string): Promise<OrderLinks | undefined> {
    const r = await this.orderQuery(this.db)
      .where('wo.number', '=', number)
      .where(scopeFilter<any, any>(scope, ORDER_SCOPE))
      .executeTakeFirst();
    return this.orderLinks(r);
  }

  customer(id: string): Promise<{ id: string; name: string; districtCode: string | null } | undefined> {
    return customerRefOf(this.db, id);
  }

  async outlet(id: string): Promise<{ id: string; name: string } | undefined> {
    const name = (await outletNamesOf(this.db, [id])).get(id);
    return name === undefined ? undefined : { id, name };
  }

  technician(id: string): Promise<{ id: string; name: string; outletId: string | null } | undefined> {
    return technicianRefOf(this.db, id);
  }

  // ---------- figures ----------
  /** Orders created in [from, to) (complaint-type orders are not service orders), per outlet. */
  async ordersCreated(from: string, to: string): Promise<PeriodCount[]> {
    const rows = await this.db
      .selectFrom('work_orders')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('type', '!=', 'complaint')
      .groupBy('outlet_id')
      .execute();
    return rows.map((r) => ({ outletId: r.outlet_id, n: Number(r.n) }));
  }

  async complaintsOpened(from: string, to: string): Promise<PeriodCount[]> {
    const rows = await this.db
      .selectFrom('complaints')
      .select((eb) => ['outlet_id', eb.fn.countAll<number>().as('n')])
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .groupBy('outlet_id')
      .execute();
    return rows.map((r) => ({ outletId: r.outlet_id, n: Number(r.n) }));
  }

  /**
   * Complaints whose resolution falls due in [from, to) and is decided at `now` (due by now, or
   * already resolved), and how many of them were resolved by their due time.
   */
  async resolutionDue(from: string, to: string, now: string): Promise<ResolutionCount[]> {
    const rows = await this.db
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
    // Counts and sums come back as strings from PostgreSQL.
    return rows.map((r) => ({ outletId: r.outlet_id, due: Number(r.due), onTime: Number(r.on_time ?? 0) }));
  }

  async outletNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    return [...(await outletNamesOf(this.db, ids))].map(([id, name]) => ({ id, name }));
  }

  /** Complaints opened in [from, to), optionally of one outlet (linked or responsible). */
  async facts(q: {
    from: string;
    to: string;
    outletId?: string | undefined;
  }): Promise<ComplaintFactRecord[]> {
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
    const rows = await s.orderBy('opened_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      orderId: r.order_id,
      outletId: r.outlet_id,
      severity: r.severity,
      responsibility: r.responsibility,
      responsibleOutletId: r.responsible_outlet_id,
      causeIsAttitude: Number(r.cause_is_attitude) === 1,
      openedAt: r.opened_at,
      resolveDueAt: r.resolve_due_at,
      resolvedAt: r.resolved_at,
      closedAt: r.closed_at,
      status: r.status,
    }));
  }
}

// ---------- codecs: the only place that knows column names and 0/1 flags ----------
function complaintOf(r: ComplaintRow): ComplaintRecord {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    sourceRef: r.source_ref,
    severity: r.severity,
    status: r.status,
    summary: r.summary,
    description: r.description,
    orderId: r.order_id,
    customerId: r.customer_id,
    outletId: r.outlet_id,
    technicianId: r.technician_id,
    regionCode: r.region_code,
    rootCause: r.root_cause,
    responsibility: r.responsibility,
    responsibleDepartment: r.responsible_department,
    responsibleOutletId: r.responsible_outlet_id,
    responsibleTechnicianId: r.responsible_technician_id,
    responsiblePerson: r.responsible_person,
    causeIsAttitude: Number(r.cause_is_attitude) === 1,
    findings: r.findings,
    remedy: r.remedy,
    verdict: r.verdict,
    verdictNote: r.verdict_note,
    reopenCount: Number(r.reopen_count),
    openedAt: r.opened_at,
    acknowledgeDueAt: r.acknowledge_due_at,
    acknowledgedAt: r.acknowledged_at,
    resolveDueAt: r.resolve_due_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

type ComplaintNameRow = ComplaintRow & { order_number: string | null; capa_overdue: unknown };

/** Names other modules own, looked up for the rows of one read. */
interface Names {
  customers: Map<string, string>;
  outlets: Map<string, string>;
  technicians: Map<string, string>;
}

const nameIn = (names: Map<string, string>, id: string | null) => (id && names.get(id)) ?? null;

function withNamesOf(r: ComplaintNameRow, names: Names): ComplaintWithNames {
  return {
    ...complaintOf(r),
    orderNumber: r.order_number,
    customerName: nameIn(names.customers, r.customer_id),
    outletName: nameIn(names.outlets, r.outlet_id),
    technicianName: nameIn(names.technicians, r.technician_id),
    responsibleOutletName: nameIn(names.outlets, r.responsible_outlet_id),
    responsibleTechnicianName: nameIn(names.technicians, r.responsible_technician_id),
    // Counts come back as strings from PostgreSQL.
    capaOverdue: Number(r.capa_overdue ?? 0),
  };
}

/** Column of each complaint field, for inserts and patches. */
const COLUMN = {
  id: 'id',
  number: 'number',
  source: 'source',
  sourceRef: 'source_ref',
  severity: 'severity',
  status: 'status',
  summary: 'summary',
  description: 'description',
  orderId: 'order_id',
  customerId: 'customer_id',
  outletId: 'outlet_id',
  technicianId: 'technician_id',
  regionCode: 'region_code',
  rootCause: 'root_cause',
  responsibility: 'responsibility',
  responsibleDepartment: 'responsible_department',
  responsibleOutletId: 'responsible_outlet_id',
  responsibleTechnicianId: 'responsible_technician_id',
  responsiblePerson: 'responsible_person',
  causeIsAttitude: 'cause_is_attitude',
  findings: 'findings',
  remedy: 'remedy',
  verdict: 'verdict',
  verdictNote: 'verdict_note',
  reopenCount: 'reopen_count',
  openedAt: 'opened_at',
  acknowledgeDueAt: 'acknowledge_due_at',
  acknowledgedAt: 'acknowledged_at',
  resolveDueAt: 'resolve_due_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  createdBy: 'created_by',
  updatedAt: 'updated_at',
  version: 'version',
} as const satisfies Record<keyof ComplaintRecord, keyof ComplaintsTable>;

function complaintPatchRow(p: ComplaintPatch): Updateable<ComplaintsTable> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p) as [keyof ComplaintPatch, unknown][]) {
    if (v === undefined) continue;
    out[COLUMN[k]] = k === 'causeIsAttitude' ? (v ? 1 : 0) : v;
  }
  return out as Updateable<ComplaintsTable>;
}

function complaintRow(c: ComplaintRecord): ComplaintsTable {
  return complaintPatchRow(c) as ComplaintsTable;
}

function capaOf(r: CapaRow): CapaRecord {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    action: r.action,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    note: r.note,
    doneAt: r.done_at,
    verifiedAt: r.verified_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

interface OrderLinkRow {
  id: string;
  number: string;
  type: string;
  status: string;
  customer_id: string;
  outlet_id: string | null;
  technician_id: string | null;
  district_code: string | null;
  created_at: string;
}

function orderLinksOf(r: OrderLinkRow, names: Names): OrderLinks {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    customerId: r.customer_id,
    customerName: nameIn(names.customers, r.customer_id),
    outletId: r.outlet_id,
    outletName: nameIn(names.outlets, r.outlet_id),
    technicianId: r.technician_id,
    technicianName: nameIn(names.technicians, r.technician_id),
    districtCode: r.district_code,
    createdAt: r.created_at,
  };
}
