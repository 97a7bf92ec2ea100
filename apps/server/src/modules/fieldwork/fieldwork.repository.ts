import type { Kysely } from 'kysely';
import { AWAITING_CLOSE_STATUSES } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids/index.ts';
import type { WorkOrderStatus } from '../workorders/index.ts';
import type {
  FieldFlagName,
  FieldFlagsTable,
  FieldPhotosTable,
  FieldVisitsTable,
} from './fieldwork.schema.ts';

type Db = Kysely<Database>;

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

  async latestVisit(orderId: string, db: Db = this.db): Promise<FieldVisitsTable | undefined> {
    return db
      .selectFrom('field_visits')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('departed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async visits(orderId: string): Promise<FieldVisitsTable[]> {
    return this.db
      .selectFrom('field_visits')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('departed_at')
      .orderBy('id')
      .execute();
  }

  async insertVisit(trx: Db, row: FieldVisitsTable): Promise<void> {
    await trx.insertInto('field_visits').values(row).execute();
  }

  async updateVisit(trx: Db, id: string, patch: Partial<FieldVisitsTable>): Promise<void> {
    await trx.updateTable('field_visits').set(patch).where('id', '=', id).execute();
  }

  // ---- photos ----

  async insertPhoto(trx: Db, row: FieldPhotosTable): Promise<void> {
    await trx.insertInto('field_photos').values(row).execute();
  }

  async photos(orderId: string): Promise<FieldPhotosTable[]> {
    return this.db
      .selectFrom('field_photos')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async photo(orderId: string, id: string): Promise<FieldPhotosTable | undefined> {
    return this.db
      .selectFrom('field_photos')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('id', '=', id)
      .executeTakeFirst();
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

  async flags(orderId: string): Promise<FieldFlagsTable[]> {
    return this.db
      .selectFrom('field_flags')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
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
