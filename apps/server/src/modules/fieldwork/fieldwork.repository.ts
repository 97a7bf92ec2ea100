import type { Kysely } from 'kysely';
import { AWAITING_CLOSE_STATUSES, type PartUsed, type PhotoStamp } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids/index.ts';
import type { WorkOrderStatus } from '../workorders/index.ts';
import type {
  FieldFlagName,
  FieldFlagsTable,
  FieldOutcome,
  FieldPhotoKind,
  FieldPhotosTable,
  FieldVisitsTable,
} from './fieldwork.schema.ts';

type Db = Kysely<Database>;

/** One trip of a technician to the order's site (camelCase, JSON columns decoded). */
export interface FieldVisit {
  id: string;
  orderId: string;
  technicianUserId: string;
  departedAt: string;
  arrivedAt: string | null;
  arrivalLat: number | null;
  arrivalLng: number | null;
  arrivalAccuracyM: number | null;
  arrivalDistanceM: number | null;
  startedAt: string | null;
  faultCodeId: string | null;
  symptomCodes: string[];
  findings: string | null;
  diagnosedAt: string | null;
  workDone: string | null;
  parts: PartUsed[];
  workedAt: string | null;
  outcome: FieldOutcome | null;
  outcomeNote: string | null;
  outcomeAt: string | null;
  completedAt: string | null;
  completionMethod: 'code' | 'signature' | null;
  createdAt: string;
  updatedAt: string;
}

/** A stored photo or signature (stamp decoded, `verifiedOk` a boolean or null before a check). */
export interface FieldPhoto {
  id: string;
  orderId: string;
  visitId: string | null;
  kind: FieldPhotoKind;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  originalSha256: string;
  stamp: PhotoStamp;
  lat: number | null;
  lng: number | null;
  verifiedAt: string | null;
  verifiedOk: boolean | null;
  createdBy: string;
  createdAt: string;
}

/** A plausibility flag raised on an order (detail decoded). */
export interface FieldFlag {
  id: string;
  orderId: string;
  visitId: string | null;
  flag: FieldFlagName;
  subject: string;
  detail: Record<string, unknown>;
  createdAt: string;
}

const toVisit = (v: FieldVisitsTable): FieldVisit => ({
  id: v.id,
  orderId: v.order_id,
  technicianUserId: v.technician_user_id,
  departedAt: v.departed_at,
  arrivedAt: v.arrived_at,
  arrivalLat: v.arrival_lat,
  arrivalLng: v.arrival_lng,
  arrivalAccuracyM: v.arrival_accuracy_m,
  arrivalDistanceM: v.arrival_distance_m,
  startedAt: v.started_at,
  faultCodeId: v.fault_code_id,
  symptomCodes: JSON.parse(v.symptom_codes) as string[],
  findings: v.findings,
  diagnosedAt: v.diagnosed_at,
  workDone: v.work_done,
  parts: JSON.parse(v.parts) as PartUsed[],
  workedAt: v.worked_at,
  outcome: v.outcome,
  outcomeNote: v.outcome_note,
  outcomeAt: v.outcome_at,
  completedAt: v.completed_at,
  completionMethod: v.completion_method,
  createdAt: v.created_at,
  updatedAt: v.updated_at,
});

const toPhoto = (p: FieldPhotosTable): FieldPhoto => ({
  id: p.id,
  orderId: p.order_id,
  visitId: p.visit_id,
  kind: p.kind,
  storageKey: p.storage_key,
  contentType: p.content_type,
  sizeBytes: p.size_bytes,
  sha256: p.sha256,
  originalSha256: p.original_sha256,
  stamp: JSON.parse(p.stamp) as PhotoStamp,
  lat: p.lat,
  lng: p.lng,
  verifiedAt: p.verified_at,
  verifiedOk: p.verified_ok === null ? null : p.verified_ok === 1,
  createdBy: p.created_by,
  createdAt: p.created_at,
});

const toFlag = (f: FieldFlagsTable): FieldFlag => ({
  id: f.id,
  orderId: f.order_id,
  visitId: f.visit_id,
  flag: f.flag,
  subject: f.subject,
  detail: JSON.parse(f.detail) as Record<string, unknown>,
  createdAt: f.created_at,
});

/** What the field app shows of an order (read from the work-order tables, never written here). */
export interface JobRow {
  id: string;
  number: string;
  type: string;
  status: WorkOrderStatus;
  urgency: string;
  customer_id: string;
  customer_name: string | null;
  contact_name: string;
  contact_phone: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  product_id: string | null;
  category_code: string | null;
  fault_description: string;
  fault_code_id: string | null;
  appointment_start: string | null;
  appointment_end: string | null;
  sla_state: string;
  sla_due_at: string | null;
  completed_at: string | null;
  technician_id: string | null;
  technician_user_id: string | null;
  version: number;
}

export interface ProductFacts {
  id: string;
  brand: string;
  serial: string | null;
  category_code: string;
  model_name: string | null;
  purchase_date: string | null;
  install_date: string | null;
  unit_warranty_months: number | null;
  main_parts_warranty_months: number | null;
}

/** The only SQL of the fieldwork module. */
export class FieldworkRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  private jobs() {
    return this.db
      .selectFrom('work_orders as o')
      .leftJoin('customers as c', 'c.id', 'o.customer_id')
      .select([
        'o.id',
        'o.number',
        'o.type',
        'o.status',
        'o.urgency',
        'o.customer_id',
        'c.name as customer_name',
        'o.contact_name',
        'o.contact_phone',
        'o.address',
        'o.lat',
        'o.lng',
        'o.product_id',
        'o.category_code',
        'o.fault_description',
        'o.fault_code_id',
        'o.appointment_start',
        'o.appointment_end',
        'o.sla_state',
        'o.sla_due_at',
        'o.completed_at',
        'o.technician_id',
        'o.technician_user_id',
        'o.version',
      ]);
  }

  /** Open jobs of a technician plus those completed since `doneSince`. */
  async jobsOf(userId: string, open: readonly WorkOrderStatus[], doneSince: string): Promise<JobRow[]> {
    return (await this.jobs()
      .where('o.technician_user_id', '=', userId)
      .where((eb) =>
        eb.or([
          eb('o.status', 'in', [...open]),
          eb.and([eb('o.status', 'in', AWAITING_CLOSE_STATUSES), eb('o.completed_at', '>=', doneSince)]),
        ]),
      )
      .orderBy('o.appointment_start')
      .orderBy('o.id')
      .limit(200)
      .execute()) as JobRow[];
  }

  /** The order if it is assigned to this technician (the relation the field API requires). */
  async jobFor(orderId: string, userId: string): Promise<JobRow | undefined> {
    return (await this.jobs()
      .where('o.id', '=', orderId)
      .where('o.technician_user_id', '=', userId)
      .executeTakeFirst()) as JobRow | undefined;
  }

  async orderFacts(orderId: string): Promise<JobRow | undefined> {
    return (await this.jobs().where('o.id', '=', orderId).executeTakeFirst()) as JobRow | undefined;
  }

  async products(ids: readonly (string | null)[]): Promise<Map<string, ProductFacts>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.db
      .selectFrom('installed_products as p')
      .leftJoin('product_models as m', 'm.id', 'p.model_id')
      .leftJoin('product_categories as k', 'k.code', 'p.category_code')
      .select([
        'p.id',
        'p.brand',
        'p.serial',
        'p.category_code',
        'm.name as model_name',
        'p.purchase_date',
        'p.install_date',
        'k.unit_warranty_months',
        'k.main_parts_warranty_months',
      ])
      .where('p.id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, r as ProductFacts]));
  }

  // ---- visits ----

  async latestVisit(orderId: string, db: Db = this.db): Promise<FieldVisit | undefined> {
    const row = await db
      .selectFrom('field_visits')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('departed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toVisit(row);
  }

  async visits(orderId: string): Promise<FieldVisit[]> {
    const rows = await this.db
      .selectFrom('field_visits')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('departed_at')
      .orderBy('id')
      .execute();
    return rows.map(toVisit);
  }

  /** Inserts the visit and returns it as the module reads it. */
  async insertVisit(trx: Db, row: FieldVisitsTable): Promise<FieldVisit> {
    await trx.insertInto('field_visits').values(row).execute();
    return toVisit(row);
  }

  async updateVisit(trx: Db, id: string, patch: Partial<FieldVisitsTable>): Promise<void> {
    await trx.updateTable('field_visits').set(patch).where('id', '=', id).execute();
  }

  // ---- photos ----

  /** Inserts the photo and returns it as the module reads it. */
  async insertPhoto(trx: Db, row: FieldPhotosTable): Promise<FieldPhoto> {
    await trx.insertInto('field_photos').values(row).execute();
    return toPhoto(row);
  }

  async photos(orderId: string): Promise<FieldPhoto[]> {
    const rows = await this.db
      .selectFrom('field_photos')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toPhoto);
  }

  async photo(orderId: string, id: string): Promise<FieldPhoto | undefined> {
    const row = await this.db
      .selectFrom('field_photos')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toPhoto(row);
  }

  async markVerified(id: string, at: string, ok: boolean): Promise<void> {
    await this.db
      .updateTable('field_photos')
      .set({ verified_at: at, verified_ok: ok ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  // ---- flags ----

  /** Raises a flag once per (order, flag, subject); a repeat is a no-op. */
  async raiseFlag(
    trx: Db,
    f: {
      orderId: string;
      visitId: string | null;
      flag: FieldFlagName;
      subject: string;
      detail: object;
      at: string;
    },
  ): Promise<void> {
    await trx
      .insertInto('field_flags')
      .values({
        id: newId(),
        order_id: f.orderId,
        visit_id: f.visitId,
        flag: f.flag,
        subject: f.subject,
        detail: JSON.stringify(f.detail),
        created_at: f.at,
      })
      .onConflict((oc) => oc.columns(['order_id', 'flag', 'subject']).doNothing())
      .execute();
  }

  async flags(orderId: string): Promise<FieldFlag[]> {
    const rows = await this.db
      .selectFrom('field_flags')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toFlag);
  }

  // ---- completion codes ----

  /** A new code replaces any pending one of the order: only the latest code completes. */
  async insertCode(
    trx: Db,
    c: { id: string; orderId: string; hash: string; now: string; expiresAt: string },
  ): Promise<void> {
    await trx
      .updateTable('field_completion_codes')
      .set({ used_at: c.now })
      .where('order_id', '=', c.orderId)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('field_completion_codes')
      .values({
        id: c.id,
        order_id: c.orderId,
        code_hash: c.hash,
        attempts: 0,
        created_at: c.now,
        expires_at: c.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async latestCode(orderId: string) {
    return this.db
      .selectFrom('field_completion_codes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Counts one attempt unless the limit is reached; false means the code is spent. */
  async countAttempt(id: string, maxAttempts: number): Promise<boolean> {
    const r = await this.db
      .updateTable('field_completion_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Conditional, inside the completion's transaction: of two racing completions one wins. */
  async consumeCode(trx: Db, id: string, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('field_completion_codes')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
