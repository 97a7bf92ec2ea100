import type { Kysely } from 'kysely';
import type { PartUsed, PhotoStamp } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids/index.ts';
import { productCategoriesByCodes, productModelsByIds } from '../catalog/index.ts';
import { installedProductsByIds } from '../customers/index.ts';
import {
  technicianJob,
  technicianJobs,
  type TechnicianJob,
  type WorkOrderStatus,
} from '../workorders/index.ts';
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

/**
 * The stored columns of a visit or of part of one (JSON columns encoded). A field the caller left
 * out stays undefined, which Kysely leaves out of an update.
 */
function visitColumns(v: FieldVisit): FieldVisitsTable;
function visitColumns(v: Partial<FieldVisit>): Partial<FieldVisitsTable>;
function visitColumns(v: Partial<FieldVisit>): Partial<FieldVisitsTable> {
  return {
    id: v.id,
    order_id: v.orderId,
    technician_user_id: v.technicianUserId,
    departed_at: v.departedAt,
    arrived_at: v.arrivedAt,
    arrival_lat: v.arrivalLat,
    arrival_lng: v.arrivalLng,
    arrival_accuracy_m: v.arrivalAccuracyM,
    arrival_distance_m: v.arrivalDistanceM,
    started_at: v.startedAt,
    fault_code_id: v.faultCodeId,
    symptom_codes: v.symptomCodes && JSON.stringify(v.symptomCodes),
    findings: v.findings,
    diagnosed_at: v.diagnosedAt,
    work_done: v.workDone,
    parts: v.parts && JSON.stringify(v.parts),
    worked_at: v.workedAt,
    outcome: v.outcome,
    outcome_note: v.outcomeNote,
    outcome_at: v.outcomeAt,
    completed_at: v.completedAt,
    completion_method: v.completionMethod,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
  };
}

const photoRow = (p: FieldPhoto): FieldPhotosTable => ({
  id: p.id,
  order_id: p.orderId,
  visit_id: p.visitId,
  kind: p.kind,
  storage_key: p.storageKey,
  content_type: p.contentType,
  size_bytes: p.sizeBytes,
  sha256: p.sha256,
  original_sha256: p.originalSha256,
  stamp: JSON.stringify(p.stamp),
  lat: p.lat,
  lng: p.lng,
  verified_at: p.verifiedAt,
  verified_ok: p.verifiedOk === null ? null : p.verifiedOk ? 1 : 0,
  created_by: p.createdBy,
  created_at: p.createdAt,
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

/** What the field app shows of an order (the work-order module's read, never written here). */
export type AssignedJob = TechnicianJob;

/** An installed product with its model name and its category's warranty terms. */
export interface ProductFacts {
  id: string;
  brand: string;
  serial: string | null;
  categoryCode: string;
  modelName: string | null;
  purchaseDate: string | null;
  installDate: string | null;
  unitWarrantyMonths: number | null;
  mainPartsWarrantyMonths: number | null;
}

/** The latest completion code sent for an order (only its hash is stored). */
export interface CompletionCode {
  id: string;
  codeHash: string;
  attempts: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The only SQL of the fieldwork module. */
export class FieldworkRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Open jobs of a technician plus those completed since `doneSince`. */
  jobsOf(userId: string, open: readonly WorkOrderStatus[], doneSince: string): Promise<AssignedJob[]> {
    return technicianJobs(this.db, userId, open, doneSince);
  }

  /** The order if it is assigned to this technician (the relation the field API requires). */
  jobFor(orderId: string, userId: string): Promise<AssignedJob | undefined> {
    return technicianJob(this.db, orderId, userId);
  }

  /** The jobs' products, read through the customer and catalogue modules. */
  async products(ids: readonly (string | null)[]): Promise<Map<string, ProductFacts>> {
    const products = await installedProductsByIds(
      this.db,
      ids.filter((x): x is string => !!x),
    );
    if (!products.length) return new Map();
    const models = await productModelsByIds(
      this.db,
      products.flatMap((p) => (p.modelId ? [p.modelId] : [])),
    );
    const categories = await productCategoriesByCodes(
      this.db,
      products.map((p) => p.categoryCode),
    );
    const modelName = new Map(models.map((m) => [m.id, m.name]));
    const category = new Map(categories.map((c) => [c.code, c]));
    return new Map(
      products.map((p) => {
        const k = category.get(p.categoryCode);
        const facts: ProductFacts = {
          id: p.id,
          brand: p.brand,
          serial: p.serial,
          categoryCode: p.categoryCode,
          modelName: (p.modelId && modelName.get(p.modelId)) ?? null,
          purchaseDate: p.purchaseDate,
          installDate: p.installDate,
          unitWarrantyMonths: k?.unitWarrantyMonths ?? null,
          mainPartsWarrantyMonths: k?.mainPartsWarrantyMonths ?? null,
        };
        return [p.id, facts];
      }),
    );
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

  async insertVisit(trx: Db, visit: FieldVisit): Promise<FieldVisit> {
    await trx.insertInto('field_visits').values(visitColumns(visit)).execute();
    return visit;
  }

  /** Sets the given fields of a visit (the id, order and technician never change). */
  async updateVisit(
    trx: Db,
    id: string,
    patch: Partial<Omit<FieldVisit, 'id' | 'orderId' | 'technicianUserId' | 'createdAt'>>,
  ): Promise<void> {
    await trx.updateTable('field_visits').set(visitColumns(patch)).where('id', '=', id).execute();
  }

  // ---- photos ----

  async insertPhoto(trx: Db, photo: FieldPhoto): Promise<FieldPhoto> {
    await trx.insertInto('field_photos').values(photoRow(photo)).execute();
    return photo;
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

  async latestCode(orderId: string): Promise<CompletionCode | undefined> {
    const r = await this.db
      .selectFrom('field_completion_codes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return (
      r && {
        id: r.id,
        codeHash: r.code_hash,
        attempts: r.attempts,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
      }
    );
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

/** Per order: its first arrival on site and how many visits arrived (grading's arrival facts). */
export async function arrivalsOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, { firstArrivalAt: string | null; visits: number }>> {
  const out = new Map<string, { firstArrivalAt: string | null; visits: number }>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('field_visits')
      .select((eb) => [
        'order_id',
        eb.fn.min('arrived_at').as('first_arrival_at'),
        eb.fn.count<number | string>('arrived_at').as('visits'),
      ])
      .where('order_id', 'in', ids.slice(i, i + 500))
      .groupBy('order_id')
      .execute();
    for (const r of rows)
      out.set(r.order_id, {
        firstArrivalAt: (r.first_arrival_at as string | null) ?? null,
        visits: Number(r.visits ?? 0),
      });
  }
  return out;
}
