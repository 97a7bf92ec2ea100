import type { OldPartStatus } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** One 旧件 return as the module works with it (names are joined by the service). */
export interface OldPartRecord {
  id: string;
  usageId: string;
  orderId: string;
  outletId: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
  qty: number;
  oldSerial: string | null;
  status: OldPartStatus;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  inspectedAt: string | null;
  inspectorId: string | null;
  inspectorName: string | null;
  inspectionNote: string | null;
  rejectReason: string | null;
  createdAt: string;
  version: number;
}

export type OldPartChange = Partial<
  Pick<
    OldPartRecord,
    | 'status'
    | 'carrier'
    | 'trackingNo'
    | 'shippedAt'
    | 'receivedAt'
    | 'inspectedAt'
    | 'inspectorId'
    | 'inspectorName'
    | 'inspectionNote'
    | 'rejectReason'
  >
>;

function base(db: Db) {
  return db
    .selectFrom('old_part_returns as r')
    .innerJoin('part_items as i', 'i.id', 'r.item_id')
    .selectAll('r')
    .select(['i.code as item_code', 'i.name_zh as item_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRecord = (r: Row): OldPartRecord => ({
  id: r.id,
  usageId: r.usage_id,
  orderId: r.order_id,
  outletId: r.outlet_id,
  itemId: r.item_id,
  itemCode: r.item_code,
  itemName: r.item_name,
  qty: r.qty,
  oldSerial: r.old_serial,
  status: r.status,
  carrier: r.carrier,
  trackingNo: r.tracking_no,
  shippedAt: r.shipped_at,
  receivedAt: r.received_at,
  inspectedAt: r.inspected_at,
  inspectorId: r.inspector_id,
  inspectorName: r.inspector_name,
  inspectionNote: r.inspection_note,
  rejectReason: r.reject_reason,
  createdAt: r.created_at,
  version: r.version,
});

export const oldPartReturns = {
  async insert(
    trx: Db,
    r: {
      id: string;
      usageId: string;
      orderId: string;
      outletId: string | null;
      itemId: string;
      qty: number;
      oldSerial: string | null;
    },
    at: string,
  ): Promise<void> {
    await trx
      .insertInto('old_part_returns')
      .values({
        id: r.id,
        usage_id: r.usageId,
        order_id: r.orderId,
        outlet_id: r.outletId,
        item_id: r.itemId,
        qty: r.qty,
        old_serial: r.oldSerial,
        status: 'awaiting_return',
        carrier: null,
        tracking_no: null,
        shipped_at: null,
        received_at: null,
        inspected_at: null,
        inspector_id: null,
        inspector_name: null,
        inspection_note: null,
        reject_reason: null,
        created_at: at,
        version: 1,
      })
      .execute();
  },

  async findById(db: Db, id: string): Promise<OldPartRecord | undefined> {
    const r = await base(db).where('r.id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  },

  async findByIds(db: Db, ids: readonly string[]): Promise<OldPartRecord[]> {
    if (!ids.length) return [];
    return (
      await base(db)
        .where('r.id', 'in', [...new Set(ids)])
        .execute()
    ).map(toRecord);
  },

  async list(
    db: Db,
    q: { status?: OldPartStatus; outletId?: string; orderId?: string; cursor?: string; limit: number },
  ): Promise<OldPartRecord[]> {
    let s = base(db);
    if (q.status) s = s.where('r.status', '=', q.status);
    if (q.outletId) s = s.where('r.outlet_id', '=', q.outletId);
    if (q.orderId) s = s.where('r.order_id', '=', q.orderId);
    if (q.cursor) s = s.where('r.id', '<', q.cursor);
    return (await s.orderBy('r.id', 'desc').limit(q.limit).execute()).map(toRecord);
  },

  /** Conditional on version and status: false when someone else changed it first. */
  async update(
    trx: Db,
    id: string,
    version: number,
    from: OldPartStatus,
    c: OldPartChange,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('old_part_returns')
      .set({
        ...(c.status !== undefined ? { status: c.status } : {}),
        ...(c.carrier !== undefined ? { carrier: c.carrier } : {}),
        ...(c.trackingNo !== undefined ? { tracking_no: c.trackingNo } : {}),
        ...(c.shippedAt !== undefined ? { shipped_at: c.shippedAt } : {}),
        ...(c.receivedAt !== undefined ? { received_at: c.receivedAt } : {}),
        ...(c.inspectedAt !== undefined ? { inspected_at: c.inspectedAt } : {}),
        ...(c.inspectorId !== undefined ? { inspector_id: c.inspectorId } : {}),
        ...(c.inspectorName !== undefined ? { inspector_name: c.inspectorName } : {}),
        ...(c.inspectionNote !== undefined ? { inspection_note: c.inspectionNote } : {}),
        ...(c.rejectReason !== undefined ? { reject_reason: c.rejectReason } : {}),
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Passed returns inspected in [from, to), of one outlet or of all. */
  async passedBetween(db: Db, q: { from: string; to: string; outletId?: string }): Promise<OldPartRecord[]> {
    let s = base(db)
      .where('r.status', '=', 'passed')
      .where('r.inspected_at', '>=', q.from)
      .where('r.inspected_at', '<', q.to);
    if (q.outletId) s = s.where('r.outlet_id', '=', q.outletId);
    return (await s.orderBy('r.inspected_at').orderBy('r.id').execute()).map(toRecord);
  },
};
