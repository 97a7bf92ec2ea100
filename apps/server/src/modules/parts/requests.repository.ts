import type {
  ApprovalReason,
  PartKind,
  PartPayer,
  PartRequestStatus,
  PartUsageStatus,
} from '@anxin/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** A catalogue item as requests and usages need it. */
export interface ItemFacts {
  id: string;
  code: string;
  name: string;
  kind: PartKind;
  serialized: boolean;
  listPriceFen: number;
  costPriceFen: number;
  warrantyClaimable: boolean;
  universal: boolean;
  active: boolean;
}

export interface RequestLineRecord {
  id: string;
  requestId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  kind: PartKind;
  qty: number;
  paidBy: PartPayer;
  unitListFen: number;
  unitCostFen: number;
}

export interface RequestRecord {
  id: string;
  number: string;
  orderId: string;
  outletId: string | null;
  technicianId: string | null;
  requestedBy: string | null;
  status: PartRequestStatus;
  deliverTo: 'van' | 'outlet';
  sourceLocationId: string;
  destLocationId: string;
  valueFen: number;
  approvalReason: ApprovalReason;
  approverId: string | null;
  approverName: string | null;
  signature: string | null;
  decisionNote: string | null;
  carrier: string | null;
  trackingNo: string | null;
  note: string | null;
  createdAt: string;
  approvedAt: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  updatedAt: string;
  version: number;
}

export type RequestChange = Partial<
  Pick<
    RequestRecord,
    | 'status'
    | 'approverId'
    | 'approverName'
    | 'signature'
    | 'decisionNote'
    | 'carrier'
    | 'trackingNo'
    | 'approvedAt'
    | 'shippedAt'
    | 'receivedAt'
  >
>;

export interface UsageRecord {
  id: string;
  orderId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  serialized: boolean;
  warrantyClaimable: boolean;
  locationId: string;
  locationName: string;
  qty: number;
  paidBy: PartPayer;
  unitPriceFen: number;
  status: PartUsageStatus;
  newSerial: string | null;
  oldSerial: string | null;
  requestLineId: string | null;
  requestId: string | null;
  technicianId: string | null;
  reservedAt: string;
  consumedAt: string | null;
}

export interface LocationRecord {
  id: string;
  kind: string;
  name: string;
  outletId: string | null;
  technicianId: string | null;
}

const COLS: Record<keyof RequestChange, string> = {
  status: 'status',
  approverId: 'approver_id',
  approverName: 'approver_name',
  signature: 'signature',
  decisionNote: 'decision_note',
  carrier: 'carrier',
  trackingNo: 'tracking_no',
  approvedAt: 'approved_at',
  shippedAt: 'shipped_at',
  receivedAt: 'received_at',
};

function usages(db: Db) {
  return db
    .selectFrom('part_usages as u')
    .innerJoin('part_items as i', 'i.id', 'u.item_id')
    .innerJoin('stock_locations as l', 'l.id', 'u.location_id')
    .leftJoin('part_request_lines as rl', 'rl.id', 'u.request_line_id')
    .selectAll('u')
    .select([
      'i.code as item_code',
      'i.name_zh as item_name',
      'i.serialized',
      'i.warranty_claimable',
      'l.name as location_name',
      'rl.request_id',
    ]);
}
type UsageRow = Awaited<ReturnType<ReturnType<typeof usages>['executeTakeFirstOrThrow']>>;
const toUsage = (r: UsageRow): UsageRecord => ({
  id: r.id,
  orderId: r.order_id,
  itemId: r.item_id,
  itemCode: r.item_code,
  itemName: r.item_name,
  serialized: r.serialized === 1,
  warrantyClaimable: r.warranty_claimable === 1,
  locationId: r.location_id,
  locationName: r.location_name,
  qty: r.qty,
  paidBy: r.paid_by,
  unitPriceFen: r.unit_price_fen,
  status: r.status,
  newSerial: r.new_serial,
  oldSerial: r.old_serial,
  requestLineId: r.request_line_id,
  requestId: r.request_id ?? null,
  technicianId: r.technician_id,
  reservedAt: r.reserved_at,
  consumedAt: r.consumed_at,
});

const toRequest = (r: Selectable<Database['part_requests']>): RequestRecord => ({
  id: r.id,
  number: r.number,
  orderId: r.order_id,
  outletId: r.outlet_id,
  technicianId: r.technician_id,
  requestedBy: r.requested_by,
  status: r.status,
  deliverTo: r.deliver_to,
  sourceLocationId: r.source_location_id,
  destLocationId: r.dest_location_id,
  valueFen: r.value_fen,
  approvalReason: r.approval_reason,
  approverId: r.approver_id,
  approverName: r.approver_name,
  signature: r.signature,
  decisionNote: r.decision_note,
  carrier: r.carrier,
  trackingNo: r.tracking_no,
  note: r.note,
  createdAt: r.created_at,
  approvedAt: r.approved_at,
  shippedAt: r.shipped_at,
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The only SQL of requests and usages (stock levels change only through stock-ledger.ts). */
export const partsRepo = {
  async items(db: Db, ids: readonly string[]): Promise<Map<string, ItemFacts>> {
    const out = new Map<string, ItemFacts>();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('part_items')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name_zh,
        kind: r.kind,
        serialized: r.serialized === 1,
        listPriceFen: r.list_price_fen,
        costPriceFen: r.cost_price_fen,
        warrantyClaimable: r.warranty_claimable === 1,
        universal: r.universal === 1,
        active: r.active === 1,
      });
    return out;
  },

  /** Which of `itemIds` fit the model (universal or listed in part_compat). */
  async fitting(db: Db, itemIds: readonly string[], modelId: string | null): Promise<Set<string>> {
    if (!itemIds.length) return new Set();
    const rows = await db
      .selectFrom('part_items as i')
      .select('i.id')
      .where('i.id', 'in', [...new Set(itemIds)])
      .where((eb) =>
        modelId === null
          ? eb('i.universal', '=', 1)
          : eb.or([
              eb('i.universal', '=', 1),
              eb.exists(
                eb
                  .selectFrom('part_compat as c')
                  .select('c.item_id')
                  .whereRef('c.item_id', '=', 'i.id')
                  .where('c.model_id', '=', modelId),
              ),
            ]),
      )
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** Active items fitting the model, with available stock at the van and at HQ. */
  async pickList(
    db: Db,
    modelId: string | null,
    vanLocationId: string | null,
    hqLocationId: string,
    q: string | undefined,
  ): Promise<{ itemId: string; vanAvailable: number; hqAvailable: number }[]> {
    let s = db
      .selectFrom('part_items as i')
      .leftJoin('stock_levels as v', (j) =>
        j.onRef('v.item_id', '=', 'i.id').on('v.location_id', '=', vanLocationId ?? ''),
      )
      .leftJoin('stock_levels as h', (j) =>
        j.onRef('h.item_id', '=', 'i.id').on('h.location_id', '=', hqLocationId),
      )
      .select([
        'i.id',
        'i.name_zh',
        sql<number>`coalesce(v.on_hand - v.reserved, 0)`.as('van'),
        sql<number>`coalesce(h.on_hand - h.reserved, 0)`.as('hq'),
      ])
      .where('i.active', '=', 1)
      .where((eb) =>
        modelId === null
          ? eb('i.universal', '=', 1)
          : eb.or([
              eb('i.universal', '=', 1),
              eb.exists(
                eb
                  .selectFrom('part_compat as c')
                  .select('c.item_id')
                  .whereRef('c.item_id', '=', 'i.id')
                  .where('c.model_id', '=', modelId),
              ),
            ]),
      );
    if (q) s = s.where((eb) => eb.or([eb('i.code', 'like', `%${q}%`), eb('i.name_zh', 'like', `%${q}%`)]));
    const rows = await s.limit(500).execute();
    return rows
      .map((r) => ({ itemId: r.id, name: r.name_zh, vanAvailable: Number(r.van), hqAvailable: Number(r.hq) }))
      .sort((a, b) => Number(b.vanAvailable > 0) - Number(a.vanAvailable > 0) || a.name.localeCompare(b.name))
      .map(({ itemId, vanAvailable, hqAvailable }) => ({ itemId, vanAvailable, hqAvailable }));
  },

  /** Catalogue fields the pick list shows besides ItemFacts. */
  async compatOf(
    db: Db,
    ids: readonly string[],
  ): Promise<
    Map<
      string,
      {
        nameZh: string;
        nameEn: string;
        partClass: string;
        unit: string;
        modelIds: string[];
        discontinueOn: string | null;
        lastTimeBuy: boolean;
        version: number;
      }
    >
  > {
    const out = new Map();
    if (!ids.length) return out;
    const rows = await db
      .selectFrom('part_items')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    const compat = await db
      .selectFrom('part_compat')
      .selectAll()
      .where('item_id', 'in', [...new Set(ids)])
      .execute();
    for (const r of rows)
      out.set(r.id, {
        nameZh: r.name_zh,
        nameEn: r.name_en,
        partClass: r.part_class,
        unit: r.unit,
        modelIds: compat.filter((c) => c.item_id === r.id).map((c) => c.model_id),
        discontinueOn: r.discontinue_on,
        lastTimeBuy: false,
        version: r.version,
      });
    return out;
  },

  async location(db: Db, id: string): Promise<LocationRecord | undefined> {
    const r = await db.selectFrom('stock_locations').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      r && { id: r.id, kind: r.kind, name: r.name, outletId: r.outlet_id, technicianId: r.technician_id }
    );
  },

  async vanOf(db: Db, technicianId: string): Promise<string | null> {
    const r = await db
      .selectFrom('stock_locations')
      .select('id')
      .where('owner_key', '=', `van:${technicianId}`)
      .executeTakeFirst();
    return r?.id ?? null;
  },

  async insertRequest(trx: Db, r: RequestRecord, lines: readonly RequestLineRecord[]): Promise<void> {
    await trx
      .insertInto('part_requests')
      .values({
        id: r.id,
        number: r.number,
        order_id: r.orderId,
        outlet_id: r.outletId,
        technician_id: r.technicianId,
        requested_by: r.requestedBy,
        status: r.status,
        deliver_to: r.deliverTo,
        source_location_id: r.sourceLocationId,
        dest_location_id: r.destLocationId,
        value_fen: r.valueFen,
        approval_reason: r.approvalReason,
        approver_id: r.approverId,
        approver_name: r.approverName,
        signature: r.signature,
        decision_note: r.decisionNote,
        carrier: r.carrier,
        tracking_no: r.trackingNo,
        note: r.note,
        created_at: r.createdAt,
        approved_at: r.approvedAt,
        shipped_at: r.shippedAt,
        received_at: r.receivedAt,
        updated_at: r.updatedAt,
        version: r.version,
      })
      .execute();
    for (const l of lines)
      await trx
        .insertInto('part_request_lines')
        .values({
          id: l.id,
          request_id: r.id,
          item_id: l.itemId,
          qty: l.qty,
          paid_by: l.paidBy,
          unit_list_fen: l.unitListFen,
          unit_cost_fen: l.unitCostFen,
        })
        .execute();
  },

  async request(db: Db, id: string): Promise<RequestRecord | undefined> {
    const r = await db.selectFrom('part_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRequest(r);
  },

  async listRequests(
    db: Db,
    q: {
      status?: PartRequestStatus;
      orderId?: string;
      outletId?: string;
      technicianId?: string;
      requestedBy?: string;
      /** Keyset: the last id of the previous page. */
      after?: string;
      ascending?: boolean;
      limit: number;
    },
  ): Promise<RequestRecord[]> {
    let s = db.selectFrom('part_requests').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.orderId) s = s.where('order_id', '=', q.orderId);
    if (q.outletId) s = s.where('outlet_id', '=', q.outletId);
    if (q.technicianId || q.requestedBy)
      s = s.where((eb) =>
        eb.or([
          ...(q.technicianId ? [eb('technician_id', '=', q.technicianId)] : []),
          ...(q.requestedBy ? [eb('requested_by', '=', q.requestedBy)] : []),
        ]),
      );
    if (q.after) s = s.where('id', q.ascending ? '>' : '<', q.after);
    return (
      await s
        .orderBy('id', q.ascending ? 'asc' : 'desc')
        .limit(q.limit)
        .execute()
    ).map(toRequest);
  },

  async lines(db: Db, requestIds: readonly string[]): Promise<RequestLineRecord[]> {
    if (!requestIds.length) return [];
    const rows = await db
      .selectFrom('part_request_lines as l')
      .innerJoin('part_items as i', 'i.id', 'l.item_id')
      .selectAll('l')
      .select(['i.code', 'i.name_zh', 'i.kind'])
      .where('l.request_id', 'in', [...new Set(requestIds)])
      .orderBy('l.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      itemId: r.item_id,
      itemCode: r.code,
      itemName: r.name_zh,
      kind: r.kind,
      qty: r.qty,
      paidBy: r.paid_by,
      unitListFen: r.unit_list_fen,
      unitCostFen: r.unit_cost_fen,
    }));
  },

  /** Conditional on version and the expected status: false when someone changed it first. */
  async updateRequest(
    trx: Db,
    id: string,
    version: number,
    from: PartRequestStatus,
    c: RequestChange,
    at: string,
  ): Promise<boolean> {
    const set: Record<string, unknown> = { updated_at: at, version: version + 1 };
    for (const [k, v] of Object.entries(c)) if (v !== undefined) set[COLS[k as keyof RequestChange]] = v;
    const r = await trx
      .updateTable('part_requests')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertUsage(
    trx: Db,
    u: {
      id: string;
      orderId: string;
      itemId: string;
      locationId: string;
      qty: number;
      paidBy: PartPayer;
      unitPriceFen: number;
      requestLineId: string | null;
      technicianId: string | null;
    },
    at: string,
  ): Promise<void> {
    await trx
      .insertInto('part_usages')
      .values({
        id: u.id,
        order_id: u.orderId,
        item_id: u.itemId,
        location_id: u.locationId,
        qty: u.qty,
        paid_by: u.paidBy,
        unit_price_fen: u.unitPriceFen,
        status: 'reserved',
        new_serial: null,
        old_serial: null,
        request_line_id: u.requestLineId,
        technician_id: u.technicianId,
        reserved_at: at,
        consumed_at: null,
        released_at: null,
        release_reason: null,
      })
      .execute();
  },

  async usage(db: Db, id: string): Promise<UsageRecord | undefined> {
    const r = await usages(db).where('u.id', '=', id).executeTakeFirst();
    return r && toUsage(r);
  },

  async usagesOfOrder(db: Db, orderId: string): Promise<UsageRecord[]> {
    return (
      await usages(db).where('u.order_id', '=', orderId).orderBy('u.reserved_at').orderBy('u.id').execute()
    ).map(toUsage);
  },

  async countReserved(db: Db, orderId: string): Promise<number> {
    const r = await db
      .selectFrom('part_usages')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('order_id', '=', orderId)
      .where('status', '=', 'reserved')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** reserved → consumed or released, only from reserved (a second caller updates nothing). */
  async settleUsage(
    trx: Db,
    id: string,
    c:
      | { status: 'consumed'; newSerial: string | null; oldSerial: string | null; at: string }
      | { status: 'released'; reason: string; at: string },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('part_usages')
      .set(
        c.status === 'consumed'
          ? { status: 'consumed', new_serial: c.newSerial, old_serial: c.oldSerial, consumed_at: c.at }
          : { status: 'released', released_at: c.at, release_reason: c.reason },
      )
      .where('id', '=', id)
      .where('status', '=', 'reserved')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
