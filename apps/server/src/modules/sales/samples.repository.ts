import type { SampleStatus } from '@anxin/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { SalesSamplesTable } from './sales.schema.ts';

type Db = Kysely<Database>;

export interface SampleRecord {
  id: string;
  storeOutletId: string;
  model: string;
  productName: string;
  category: string;
  serialNo: string;
  storePhone: string;
  status: SampleStatus;
  displayFrom: string;
  displayUntil: string | null;
  reason: string | null;
  decisionNote: string | null;
  installedProductId: string | null;
  requestedBy: string | null;
  decidedBy: string | null;
  createdAt: string;
  version: number;
}

export type SampleChange = Partial<
  Pick<
    SampleRecord,
    'status' | 'displayUntil' | 'reason' | 'decisionNote' | 'installedProductId' | 'decidedBy'
  >
>;

const sampleOf = (r: Selectable<SalesSamplesTable>): SampleRecord => ({
  id: r.id,
  storeOutletId: r.store_outlet_id,
  model: r.model,
  productName: r.product_name,
  category: r.category,
  serialNo: r.serial_no,
  storePhone: r.store_phone,
  status: r.status,
  displayFrom: r.display_from,
  displayUntil: r.display_until,
  reason: r.reason,
  decisionNote: r.decision_note,
  installedProductId: r.installed_product_id,
  requestedBy: r.requested_by,
  decidedBy: r.decided_by,
  createdAt: r.created_at,
  version: r.version,
});

export const samples = {
  async insert(trx: Db, s: Omit<SampleRecord, 'version'>): Promise<void> {
    await trx
      .insertInto('sales_samples')
      .values({
        id: s.id,
        store_outlet_id: s.storeOutletId,
        model: s.model,
        product_name: s.productName,
        category: s.category,
        serial_no: s.serialNo,
        store_phone: s.storePhone,
        status: s.status,
        display_from: s.displayFrom,
        display_until: s.displayUntil,
        reason: s.reason,
        decision_note: s.decisionNote,
        installed_product_id: s.installedProductId,
        requested_by: s.requestedBy,
        decided_by: s.decidedBy,
        created_at: s.createdAt,
        updated_at: s.createdAt,
        version: 1,
      })
      .execute();
  },

  async find(db: Db, id: string): Promise<SampleRecord | undefined> {
    const r = await db.selectFrom('sales_samples').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? sampleOf(r) : undefined;
  },

  async serialTaken(db: Db, serialNo: string): Promise<boolean> {
    const r = await db
      .selectFrom('sales_samples')
      .select('id')
      .where('serial_no', '=', serialNo)
      .executeTakeFirst();
    return !!r;
  },

  async list(db: Db, q: { status?: SampleStatus; storeOutletId?: string }): Promise<SampleRecord[]> {
    let s = db.selectFrom('sales_samples').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.storeOutletId) s = s.where('store_outlet_id', '=', q.storeOutletId);
    return (await s.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute()).map(sampleOf);
  },

  /** Conditional on version and status: false when someone else decided first. */
  async update(
    trx: Db,
    id: string,
    version: number,
    from: SampleStatus,
    change: SampleChange,
    at: string,
  ): Promise<boolean> {
    const res = await trx
      .updateTable('sales_samples')
      .set({
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.displayUntil !== undefined ? { display_until: change.displayUntil } : {}),
        ...(change.reason !== undefined ? { reason: change.reason } : {}),
        ...(change.decisionNote !== undefined ? { decision_note: change.decisionNote } : {}),
        ...(change.installedProductId !== undefined
          ? { installed_product_id: change.installedProductId }
          : {}),
        ...(change.decidedBy !== undefined ? { decided_by: change.decidedBy } : {}),
        updated_at: at,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};
