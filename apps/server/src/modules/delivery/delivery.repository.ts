import type {
  AgreedBy,
  ChecklistItem,
  DeliveryException,
  DeliverySort,
  DeliveryStatus,
} from '@anxin/contracts';
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import type { Contract } from './context.ts';
import type { DeliveryBookingsTable, DeliveryCrewsTable } from './delivery.schema.ts';

type Db = Kysely<Database>;

/** A keyset position in the delivery list: the day and the booking id. */
export interface BookingKey {
  date: string;
  id: string;
}

/** LIKE wildcards typed by a person are dropped rather than escaped (no ESCAPE clause on both dialects). */
const likeEscape = (s: string) => s.replace(/[%_\\]/g, '');

export interface CrewRecord {
  id: string;
  name: string;
  outletId: string | null;
  leaderTechnicianId: string;
  memberIds: string[];
  active: boolean;
  version: number;
}

export interface RmaRequest {
  kind: 'exchange' | 'return';
  lineId: string;
  serial: string;
}

/** One delivery as the module works with it (names are joined by the service). */
export interface BookingRecord {
  id: string;
  number: string;
  contractId: string;
  contract: Contract;
  storeOutletId: string | null;
  batchDate: string;
  latestDate: string;
  promisedDate: string;
  date: string;
  slot: { start: string; end: string };
  agreedBy: AgreedBy;
  note: string | null;
  lat: number | null;
  lng: number | null;
  crewId: string | null;
  routeSeq: number | null;
  plannedStart: string | null;
  status: DeliveryStatus;
  checklist: Partial<Record<ChecklistItem, boolean>>;
  goodsIntact: boolean | null;
  signedBy: string | null;
  signature: string | null;
  deliveredAt: string | null;
  deliveredOn: string | null;
  serials: { lineId: string; serial: string }[];
  exceptionKind: DeliveryException | null;
  exceptionNote: string | null;
  problemOpenedAt: string | null;
  problemSolvedAt: string | null;
  rmaRequest: RmaRequest | null;
  rmaCaseId: string | null;
  installedProductIds: string[];
  voucherReturnedAt: string | null;
  satisfaction: number | null;
  callbackNote: string | null;
  createdAt: string;
  version: number;
}

const crewOf = (r: Selectable<DeliveryCrewsTable>): CrewRecord => ({
  id: r.id,
  name: r.name,
  outletId: r.outlet_id,
  leaderTechnicianId: r.leader_technician_id,
  memberIds: JSON.parse(r.member_ids) as string[],
  active: r.active === 1,
  version: r.version,
});

const bookingOf = (r: Selectable<DeliveryBookingsTable>): BookingRecord => ({
  id: r.id,
  number: r.number,
  contractId: r.contract_id,
  contract: JSON.parse(r.contract) as Contract,
  storeOutletId: r.store_outlet_id,
  batchDate: r.batch_date,
  latestDate: r.latest_date,
  promisedDate: r.promised_date,
  date: r.date,
  slot: { start: r.slot_start, end: r.slot_end },
  agreedBy: r.agreed_by,
  note: r.note,
  lat: r.lat,
  lng: r.lng,
  crewId: r.crew_id,
  routeSeq: r.route_seq,
  plannedStart: r.planned_start,
  status: r.status,
  checklist: JSON.parse(r.checklist) as BookingRecord['checklist'],
  goodsIntact: r.goods_intact === null ? null : r.goods_intact === 1,
  signedBy: r.signed_by,
  signature: r.signature,
  deliveredAt: r.delivered_at,
  deliveredOn: r.delivered_on,
  serials: JSON.parse(r.serials) as BookingRecord['serials'],
  exceptionKind: r.exception_kind,
  exceptionNote: r.exception_note,
  problemOpenedAt: r.problem_opened_at,
  problemSolvedAt: r.problem_solved_at,
  rmaRequest: r.rma_request ? (JSON.parse(r.rma_request) as RmaRequest) : null,
  rmaCaseId: r.rma_case_id,
  installedProductIds: JSON.parse(r.installed_product_ids) as string[],
  voucherReturnedAt: r.voucher_returned_at,
  satisfaction: r.satisfaction,
  callbackNote: r.callback_note,
  createdAt: r.created_at,
  version: r.version,
});

/** The fields a step may change (JSON ones encoded here, the only place that knows the columns). */
export type BookingChange = Partial<
  Pick<
    BookingRecord,
    | 'date'
    | 'slot'
    | 'crewId'
    | 'routeSeq'
    | 'plannedStart'
    | 'status'
    | 'checklist'
    | 'goodsIntact'
    | 'signedBy'
    | 'signature'
    | 'deliveredAt'
    | 'deliveredOn'
    | 'serials'
    | 'exceptionKind'
    | 'exceptionNote'
    | 'problemOpenedAt'
    | 'problemSolvedAt'
    | 'rmaRequest'
    | 'satisfaction'
    | 'callbackNote'
  > & { voucherReturnedAt: string; voucherReturnedBy: string | null; callbackAt: string }
>;

function columnsOf(c: BookingChange): Updateable<DeliveryBookingsTable> {
  const out: Updateable<DeliveryBookingsTable> = {};
  if (c.date !== undefined) out.date = c.date;
  if (c.slot !== undefined) {
    out.slot_start = c.slot.start;
    out.slot_end = c.slot.end;
  }
  if (c.crewId !== undefined) out.crew_id = c.crewId;
  if (c.routeSeq !== undefined) out.route_seq = c.routeSeq;
  if (c.plannedStart !== undefined) out.planned_start = c.plannedStart;
  if (c.status !== undefined) out.status = c.status;
  if (c.checklist !== undefined) out.checklist = JSON.stringify(c.checklist);
  if (c.goodsIntact !== undefined) out.goods_intact = c.goodsIntact === null ? null : c.goodsIntact ? 1 : 0;
  if (c.signedBy !== undefined) out.signed_by = c.signedBy;
  if (c.signature !== undefined) out.signature = c.signature;
  if (c.deliveredAt !== undefined) out.delivered_at = c.deliveredAt;
  if (c.deliveredOn !== undefined) out.delivered_on = c.deliveredOn;
  if (c.serials !== undefined) out.serials = JSON.stringify(c.serials);
  if (c.exceptionKind !== undefined) out.exception_kind = c.exceptionKind;
  if (c.exceptionNote !== undefined) out.exception_note = c.exceptionNote;
  if (c.problemOpenedAt !== undefined) out.problem_opened_at = c.problemOpenedAt;
  if (c.problemSolvedAt !== undefined) out.problem_solved_at = c.problemSolvedAt;
  if (c.rmaRequest !== undefined) out.rma_request = c.rmaRequest ? JSON.stringify(c.rmaRequest) : null;
  if (c.satisfaction !== undefined) out.satisfaction = c.satisfaction;
  if (c.callbackNote !== undefined) out.callback_note = c.callbackNote;
  if (c.voucherReturnedAt !== undefined) out.voucher_returned_at = c.voucherReturnedAt;
  if (c.voucherReturnedBy !== undefined) out.voucher_returned_by = c.voucherReturnedBy;
  if (c.callbackAt !== undefined) out.callback_at = c.callbackAt;
  return out;
}

export const crews = {
  async insert(trx: Db, c: CrewRecord, at: string): Promise<void> {
    await trx
      .insertInto('delivery_crews')
      .values({
        id: c.id,
        name: c.name,
        outlet_id: c.outletId,
        leader_technician_id: c.leaderTechnicianId,
        member_ids: JSON.stringify(c.memberIds),
        active: c.active ? 1 : 0,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  },
  async list(db: Db): Promise<CrewRecord[]> {
    return (await db.selectFrom('delivery_crews').selectAll().orderBy('name').execute()).map(crewOf);
  },
  async find(db: Db, id: string): Promise<CrewRecord | undefined> {
    const r = await db.selectFrom('delivery_crews').selectAll().where('id', '=', id).executeTakeFirst();
    return r && crewOf(r);
  },
};

export const bookings = {
  async insert(trx: Db, b: BookingRecord, createdBy: string | null): Promise<void> {
    await trx
      .insertInto('delivery_bookings')
      .values({
        id: b.id,
        number: b.number,
        contract_id: b.contractId,
        contract: JSON.stringify(b.contract),
        store_outlet_id: b.storeOutletId,
        batch_date: b.batchDate,
        latest_date: b.latestDate,
        promised_date: b.promisedDate,
        date: b.date,
        slot_start: b.slot.start,
        slot_end: b.slot.end,
        agreed_by: b.agreedBy,
        note: b.note,
        lat: b.lat,
        lng: b.lng,
        crew_id: b.crewId,
        status: b.status,
        checklist: '{}',
        serials: '[]',
        installed_product_ids: '[]',
        created_by: createdBy,
        created_at: b.createdAt,
        updated_at: b.createdAt,
        version: 1,
      })
      .execute();
  },
  async find(db: Db, id: string): Promise<BookingRecord | undefined> {
    const r = await db.selectFrom('delivery_bookings').selectAll().where('id', '=', id).executeTakeFirst();
    return r && bookingOf(r);
  },
  /** The contract's live booking (one at most; one handed to RMA no longer counts). */
  async liveOfContract(db: Db, contractId: string): Promise<BookingRecord | undefined> {
    const r = await db
      .selectFrom('delivery_bookings')
      .selectAll()
      .where('contract_id', '=', contractId)
      .where('status', '<>', 'handed_to_rma')
      .executeTakeFirst();
    return r && bookingOf(r);
  },
  async list(
    db: Db,
    q: {
      status?: DeliveryStatus;
      date?: string;
      crewId?: string;
      /** Data scope: only these crews' deliveries or (or also) this store's; absent: everything. */
      reach?: { crewIds: string[]; storeOutletId: string | null };
      promisedFrom?: string;
      promisedTo?: string;
      storeOutletId?: string;
      q?: string;
      /** The list's keyset order; absent: by day latest first, then route and slot (the crews' view). */
      sort?: DeliverySort;
      /** The last row of the previous page in that order: its day and id. */
      after?: BookingKey;
      limit: number;
    },
  ): Promise<BookingRecord[]> {
    let s = db.selectFrom('delivery_bookings').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.date) s = s.where('date', '=', q.date);
    if (q.crewId) s = s.where('crew_id', '=', q.crewId);
    if (q.storeOutletId) s = s.where('store_outlet_id', '=', q.storeOutletId);
    if (q.q) {
      // The contract (number, customer, phones) is JSON text: a contains-search finds any of them.
      const text = likeEscape(q.q);
      s = s.where((eb) =>
        eb.or([eb('number', 'like', `${text.toUpperCase()}%`), eb('contract', 'like', `%${text}%`)]),
      );
    }
    const reach = q.reach;
    if (reach)
      s = s.where((eb) =>
        eb.or([
          reach.crewIds.length ? eb('crew_id', 'in', reach.crewIds) : eb('id', '=', ''),
          reach.storeOutletId ? eb('store_outlet_id', '=', reach.storeOutletId) : eb('id', '=', ''),
        ]),
      );
    if (q.promisedFrom) s = s.where('promised_date', '>=', q.promisedFrom);
    if (q.promisedTo) s = s.where('promised_date', '<=', q.promisedTo);
    if (q.sort) {
      const desc = q.sort === '-date';
      const a = q.after;
      if (a) s = s.where(sql<boolean>`(date, id) ${sql.raw(desc ? '<' : '>')} (${a.date}, ${a.id})`);
      const dir = desc ? 'desc' : 'asc';
      return (await s.orderBy('date', dir).orderBy('id', dir).limit(q.limit).execute()).map(bookingOf);
    }
    const rows = await s
      .orderBy('date', 'desc')
      .orderBy('route_seq')
      .orderBy('slot_start')
      .orderBy('id')
      .limit(q.limit)
      .execute();
    return rows.map(bookingOf);
  },
  /** Conditional on version and status: false when someone else changed it first. */
  async update(
    trx: Db,
    id: string,
    version: number,
    from: DeliveryStatus,
    change: BookingChange,
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('delivery_bookings')
      .set({ ...columnsOf(change), updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Follow-up results written by the outbox handlers (idempotent: only while still empty). */
  async setRmaCase(trx: Db, id: string, caseId: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('delivery_bookings')
      .set({ rma_case_id: caseId, updated_at: at })
      .where('id', '=', id)
      .where('rma_case_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async setInstalledProducts(trx: Db, id: string, ids: string[], at: string): Promise<boolean> {
    const r = await trx
      .updateTable('delivery_bookings')
      .set({ installed_product_ids: JSON.stringify(ids), updated_at: at })
      .where('id', '=', id)
      .where('installed_product_ids', '=', '[]')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** The route plan's result: crew, place and start (only bookings still waiting to depart). */
  async setPlanned(trx: Db, id: string, p: { crewId: string; seq: number; start: string }, at: string) {
    await trx
      .updateTable('delivery_bookings')
      .set({ crew_id: p.crewId, route_seq: p.seq, planned_start: p.start, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'booked')
      .execute();
  },
};

export const photos = {
  async insert(
    trx: Db,
    p: {
      id: string;
      bookingId: string;
      filename: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      storageKey: string;
      createdAt: string;
    },
    createdBy: string | null,
  ): Promise<void> {
    await trx
      .insertInto('delivery_photos')
      .values({
        id: p.id,
        booking_id: p.bookingId,
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
  async ofBooking(db: Db, bookingId: string) {
    const rows = await db
      .selectFrom('delivery_photos')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      storageKey: r.storage_key,
      createdAt: r.created_at,
    }));
  },
};
