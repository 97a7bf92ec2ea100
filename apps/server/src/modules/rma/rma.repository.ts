import {
  WarrantyEvaluationSchema,
  type CostParty,
  type Remedy,
  type RmaCause,
  type RmaKind,
  type RmaSort,
  type RmaSource,
  type RmaStatus,
  type WarrantyEvaluation,
} from '@anxin/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { RmaCasesTable } from './rma.schema.ts';

type Db = Kysely<Database>;

/** A keyset position in the case list: the request day and the case id. */
export interface RmaKey {
  on: string;
  id: string;
}

/** One RMA case as the module works with it (names are joined by the service). */
export interface RmaRecord {
  id: string;
  number: string;
  kind: RmaKind;
  remedy: Remedy;
  status: RmaStatus;
  source: RmaSource;
  installedProductId: string;
  customerId: string;
  orderId: string | null;
  outletId: string | null;
  requestedOn: string;
  performanceFault: boolean;
  description: string;
  evaluation: WarrantyEvaluation;
  overrideReason: string | null;
  overrideDecidedBy: string | null;
  overrideNote: string | null;
  findings: string | null;
  rejectReason: string | null;
  pickupCarrier: string | null;
  pickupTrackingNo: string | null;
  pickedUpOn: string | null;
  dispatchCarrier: string | null;
  dispatchTrackingNo: string | null;
  dispatchedOn: string | null;
  refundFen: number | null;
  depreciationFen: number | null;
  refundedOn: string | null;
  newSerial: string | null;
  exchangedOn: string | null;
  cause: RmaCause;
  responsibleParty: CostParty | null;
  closedAt: string | null;
  closedMonth: string | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

export type RmaChange = Partial<
  Omit<
    RmaRecord,
    | 'id'
    | 'number'
    | 'kind'
    | 'remedy'
    | 'source'
    | 'installedProductId'
    | 'customerId'
    | 'evaluation'
    | 'createdBy'
    | 'createdAt'
    | 'version'
  >
>;

const COLUMN: Record<keyof RmaChange, keyof RmaCasesTable> = {
  status: 'status',
  orderId: 'order_id',
  outletId: 'outlet_id',
  requestedOn: 'requested_on',
  performanceFault: 'performance_fault',
  description: 'description',
  overrideReason: 'override_reason',
  overrideDecidedBy: 'override_decided_by',
  overrideNote: 'override_note',
  findings: 'findings',
  rejectReason: 'reject_reason',
  pickupCarrier: 'pickup_carrier',
  pickupTrackingNo: 'pickup_tracking_no',
  pickedUpOn: 'picked_up_on',
  dispatchCarrier: 'dispatch_carrier',
  dispatchTrackingNo: 'dispatch_tracking_no',
  dispatchedOn: 'dispatched_on',
  refundFen: 'refund_fen',
  depreciationFen: 'depreciation_fen',
  refundedOn: 'refunded_on',
  newSerial: 'new_serial',
  exchangedOn: 'exchanged_on',
  cause: 'cause',
  responsibleParty: 'responsible_party',
  closedAt: 'closed_at',
  closedMonth: 'closed_month',
};

const toRecord = (r: Selectable<RmaCasesTable>): RmaRecord => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  remedy: r.remedy,
  status: r.status,
  source: r.source,
  installedProductId: r.installed_product_id,
  customerId: r.customer_id,
  orderId: r.order_id,
  outletId: r.outlet_id,
  requestedOn: r.requested_on,
  performanceFault: r.performance_fault === 1,
  description: r.description,
  evaluation: WarrantyEvaluationSchema.parse(JSON.parse(r.evaluation)),
  overrideReason: r.override_reason,
  overrideDecidedBy: r.override_decided_by,
  overrideNote: r.override_note,
  findings: r.findings,
  rejectReason: r.reject_reason,
  pickupCarrier: r.pickup_carrier,
  pickupTrackingNo: r.pickup_tracking_no,
  pickedUpOn: r.picked_up_on,
  dispatchCarrier: r.dispatch_carrier,
  dispatchTrackingNo: r.dispatch_tracking_no,
  dispatchedOn: r.dispatched_on,
  refundFen: r.refund_fen,
  depreciationFen: r.depreciation_fen,
  refundedOn: r.refunded_on,
  newSerial: r.new_serial,
  exchangedOn: r.exchanged_on,
  cause: r.cause,
  responsibleParty: r.responsible_party,
  closedAt: r.closed_at,
  closedMonth: r.closed_month,
  createdBy: r.created_by,
  createdAt: r.created_at,
  version: r.version,
});

export interface RmaPhotoRecord {
  id: string;
  caseId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: string;
}

export interface ChargebackRecord {
  caseId: string;
  lineNo: number;
  party: CostParty;
  amountFen: number;
  note: string | null;
}

export const rmaCases = {
  async insert(trx: Db, r: RmaRecord, at: string): Promise<void> {
    await trx
      .insertInto('rma_cases')
      .values({
        id: r.id,
        number: r.number,
        kind: r.kind,
        remedy: r.remedy,
        status: r.status,
        source: r.source,
        installed_product_id: r.installedProductId,
        customer_id: r.customerId,
        order_id: r.orderId,
        outlet_id: r.outletId,
        requested_on: r.requestedOn,
        performance_fault: r.performanceFault ? 1 : 0,
        description: r.description,
        evaluation: JSON.stringify(r.evaluation),
        override_reason: r.overrideReason,
        override_decided_by: null,
        override_note: null,
        findings: null,
        reject_reason: null,
        pickup_carrier: null,
        pickup_tracking_no: null,
        picked_up_on: null,
        dispatch_carrier: null,
        dispatch_tracking_no: null,
        dispatched_on: null,
        refund_fen: null,
        depreciation_fen: null,
        refunded_on: null,
        new_serial: null,
        exchanged_on: null,
        cause: r.cause,
        responsible_party: r.responsibleParty,
        closed_at: null,
        closed_month: null,
        created_by: r.createdBy,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  },

  async findById(db: Db, id: string): Promise<RmaRecord | undefined> {
    const r = await db.selectFrom('rma_cases').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  },

  async list(
    db: Db,
    q: {
      status?: RmaStatus;
      kind?: RmaKind;
      outletId?: string;
      customerId?: string;
      installedProductId?: string;
      orderId?: string;
      /** Case number prefix. */
      q?: string;
      sort: RmaSort;
      /** The last row of the previous page: its request day and id. */
      after?: RmaKey;
      limit: number;
    },
  ): Promise<RmaRecord[]> {
    let s = db.selectFrom('rma_cases').selectAll();
    if (q.q) s = s.where('number', 'like', `${q.q.replace(/[%_\\]/g, '').toUpperCase()}%`);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.kind) s = s.where('kind', '=', q.kind);
    if (q.outletId) s = s.where('outlet_id', '=', q.outletId);
    if (q.customerId) s = s.where('customer_id', '=', q.customerId);
    if (q.installedProductId) s = s.where('installed_product_id', '=', q.installedProductId);
    if (q.orderId) s = s.where('order_id', '=', q.orderId);
    const desc = q.sort === '-requested_on';
    const a = q.after;
    if (a) s = s.where(sql<boolean>`(requested_on, id) ${sql.raw(desc ? '<' : '>')} (${a.on}, ${a.id})`);
    const dir = desc ? 'desc' : 'asc';
    return (await s.orderBy('requested_on', dir).orderBy('id', dir).limit(q.limit).execute()).map(toRecord);
  },

  /** Conditional on version and status: false when someone else changed it first. */
  async update(
    trx: Db,
    id: string,
    version: number,
    from: RmaStatus,
    c: RmaChange,
    at: string,
  ): Promise<boolean> {
    const set: Record<string, unknown> = { updated_at: at, version: version + 1 };
    for (const [k, v] of Object.entries(c)) {
      if (v === undefined) continue;
      const col = COLUMN[k as keyof RmaChange];
      set[col] = k === 'performanceFault' ? (v ? 1 : 0) : v;
    }
    const r = await trx
      .updateTable('rma_cases')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Completed exchanges of a product (the 三包 period restarts from the exchange date). */
  async exchangesOf(
    db: Db,
    installedProductId: string,
  ): Promise<{ id: string; number: string; exchangedOn: string; newSerial: string | null }[]> {
    const rows = await db
      .selectFrom('rma_cases')
      .select(['id', 'number', 'exchanged_on', 'new_serial'])
      .where('installed_product_id', '=', installedProductId)
      .where('kind', '=', 'exchange')
      .where('exchanged_on', 'is not', null)
      .orderBy('exchanged_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      exchangedOn: r.exchanged_on!,
      newSerial: r.new_serial,
    }));
  },
};

export const rmaPhotos = {
  async insert(trx: Db, p: RmaPhotoRecord, createdBy: string | null): Promise<void> {
    await trx
      .insertInto('rma_photos')
      .values({
        id: p.id,
        case_id: p.caseId,
        filename: p.filename,
        content_type: p.contentType,
        size_bytes: p.sizeBytes,
        sha256: p.sha256,
        storage_key: p.storageKey,
        created_by: createdBy,
        created_at: p.createdAt,
      })
      .execute();
  },
  async ofCase(db: Db, caseId: string): Promise<RmaPhotoRecord[]> {
    const rows = await db
      .selectFrom('rma_photos')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      sha256: r.sha256,
      storageKey: r.storage_key,
      createdAt: r.created_at,
    }));
  },
  async count(db: Db, caseId: string): Promise<number> {
    const r = await db
      .selectFrom('rma_photos')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};

export const rmaChargebacks = {
  async insert(
    trx: Db,
    caseId: string,
    lines: readonly { party: CostParty; amountFen: number; note: string | null }[],
  ): Promise<void> {
    if (!lines.length) return;
    await trx
      .insertInto('rma_chargebacks')
      .values(
        lines.map((l, i) => ({
          case_id: caseId,
          line_no: i + 1,
          party: l.party,
          amount_fen: l.amountFen,
          note: l.note,
        })),
      )
      .execute();
  },
  async ofCases(db: Db, ids: readonly string[]): Promise<ChargebackRecord[]> {
    if (!ids.length) return [];
    const rows = await db
      .selectFrom('rma_chargebacks')
      .selectAll()
      .where('case_id', 'in', [...new Set(ids)])
      .orderBy('case_id')
      .orderBy('line_no')
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      lineNo: r.line_no,
      party: r.party,
      amountFen: r.amount_fen,
      note: r.note,
    }));
  },
  /** Outlet charge-back lines of cases of `outletId` closed in business month `month` (YYYY-MM). */
  /** Outlet charge-backs of cases closed in [from, to), of one outlet or of every outlet. */
  async outletLinesBetween(db: Db, q: { from: string; to: string; outletId?: string }) {
    let query = db
      .selectFrom('rma_chargebacks as b')
      .innerJoin('rma_cases as c', 'c.id', 'b.case_id')
      .select([
        'c.id as case_id',
        'c.number',
        'c.outlet_id',
        'c.closed_at',
        'b.line_no',
        'b.amount_fen',
        'b.note',
      ])
      .where('c.status', '=', 'closed')
      .where('b.party', '=', 'outlet')
      .where('c.outlet_id', 'is not', null)
      .where('c.closed_at', '>=', q.from)
      .where('c.closed_at', '<', q.to);
    if (q.outletId) query = query.where('c.outlet_id', '=', q.outletId);
    return query.orderBy('c.closed_at').orderBy('b.line_no').execute();
  },

  async outletLines(db: Db, outletId: string, month: string) {
    return db
      .selectFrom('rma_chargebacks as b')
      .innerJoin('rma_cases as c', 'c.id', 'b.case_id')
      .select([
        'c.id as case_id',
        'c.number',
        'c.kind',
        'c.cause',
        'c.closed_at',
        'b.line_no',
        'b.amount_fen',
        'b.note',
      ])
      .where('c.outlet_id', '=', outletId)
      .where('c.closed_month', '=', month)
      .where('c.status', '=', 'closed')
      .where('b.party', '=', 'outlet')
      .orderBy('c.closed_at')
      .orderBy('b.line_no')
      .execute();
  },
};
