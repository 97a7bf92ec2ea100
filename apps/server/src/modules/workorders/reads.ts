import { symptomCodesOf } from './workorders.codec.ts';
import type { Kysely } from 'kysely';
import { AWAITING_CLOSE_STATUSES, type SlaState } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { WorkOrdersTable, WorkOrderStatus } from './workorders.schema.ts';

/**
 * Read functions other modules use instead of querying `work_orders` themselves (table ownership:
 * test/ownership/foreign-reads.ts). Each returns camelCase values, never rows.
 */
type Db = Kysely<Database>;

/** Service orders created in [from, to); complaint-type orders are complaints, not service. */
export async function countServiceOrdersCreated(db: Db, from: string, to: string): Promise<number> {
  const r = await db
    .selectFrom('work_orders')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('type', '<>', 'complaint')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Order number by id; unknown ids are left out. */
export async function orderNumbersOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'number'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.number);
  }
  return out;
}

/** An order as the technician's field app shows it (with the customer's name). */
export interface TechnicianJob {
  id: string;
  number: string;
  type: WorkOrdersTable['type'];
  status: WorkOrderStatus;
  urgency: WorkOrdersTable['urgency'];
  customerId: string;
  customerName: string | null;
  contactName: string;
  contactPhone: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  productId: string | null;
  categoryCode: string | null;
  faultDescription: string;
  faultCodeId: string | null;
  /** The symptoms the agent chose at intake (the technician's diagnosis starts from them). */
  symptomCodes: string[];
  appointmentStart: string | null;
  appointmentEnd: string | null;
  slaState: SlaState;
  slaDueAt: string | null;
  completedAt: string | null;
  technicianId: string | null;
  technicianUserId: string | null;
  version: number;
}

function jobs(db: Db) {
  return db
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
      'o.symptom_codes',
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

type JobSelection = Awaited<ReturnType<ReturnType<typeof jobs>['executeTakeFirstOrThrow']>>;

const toJob = (r: JobSelection): TechnicianJob => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  urgency: r.urgency,
  customerId: r.customer_id,
  customerName: r.customer_name,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  productId: r.product_id,
  categoryCode: r.category_code,
  faultDescription: r.fault_description,
  faultCodeId: r.fault_code_id,
  symptomCodes: symptomCodesOf(r.symptom_codes),
  appointmentStart: r.appointment_start,
  appointmentEnd: r.appointment_end,
  slaState: r.sla_state,
  slaDueAt: r.sla_due_at,
  completedAt: r.completed_at,
  technicianId: r.technician_id,
  technicianUserId: r.technician_user_id,
  version: r.version,
});

/**
 * A technician's jobs: orders assigned to them in one of the `open` statuses, plus those waiting
 * for close-out (completed, awaiting callback) completed since `doneSince`; by appointment.
 */
export async function technicianJobs(
  db: Db,
  technicianUserId: string,
  open: readonly WorkOrderStatus[],
  doneSince: string,
): Promise<TechnicianJob[]> {
  const rows = await jobs(db)
    .where('o.technician_user_id', '=', technicianUserId)
    .where((eb) =>
      eb.or([
        eb('o.status', 'in', [...open]),
        eb.and([eb('o.status', 'in', AWAITING_CLOSE_STATUSES), eb('o.completed_at', '>=', doneSince)]),
      ]),
    )
    .orderBy('o.appointment_start')
    .orderBy('o.id')
    .limit(200)
    .execute();
  return rows.map(toJob);
}

/** The order if it is assigned to this technician (the relation the field app requires). */
export async function technicianJob(
  db: Db,
  orderId: string,
  technicianUserId: string,
): Promise<TechnicianJob | undefined> {
  const r = await jobs(db)
    .where('o.id', '=', orderId)
    .where('o.technician_user_id', '=', technicianUserId)
    .executeTakeFirst();
  return r && toJob(r);
}

/** Which of `ids` are attachments of the order (an appeal's evidence must be the order's own). */
export async function orderAttachmentIds(
  db: Db,
  orderId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('attachments')
    .select('id')
    .where('owner_type', '=', 'work_order')
    .where('owner_id', '=', orderId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Remote-resolution figures for [from, to) (knowledge dashboard): orders registered, orders
 * resolved remotely (远程解决, by the transition's event time) and how many of those named a
 * knowledge article.
 */
export async function remoteResolutionCounts(
  db: Db,
  from: string,
  to: string,
): Promise<{ registered: number; remoteResolved: number; withArticle: number }> {
  const registered = await db
    .selectFrom('work_orders')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  const resolved = await db
    .selectFrom('events as e')
    .innerJoin('work_orders as o', 'o.id', 'e.stream_id')
    .select(['o.id', 'o.knowledge_article_id'])
    .distinct()
    .where('e.stream_type', '=', 'work_order')
    .where('e.to_state', '=', 'remote_resolved')
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .execute();
  return {
    registered: Number(registered?.n ?? 0),
    remoteResolved: resolved.length,
    withArticle: resolved.filter((r) => r.knowledge_article_id).length,
  };
}

/** The outlet an order is with now (null: none, or not an order's stream). */
export async function orderOutletOf(db: Db, streamType: string, orderId: string): Promise<string | null> {
  if (streamType !== 'work_order') return null;
  const r = await db
    .selectFrom('work_orders')
    .select('outlet_id')
    .where('id', '=', orderId)
    .executeTakeFirst();
  return r?.outlet_id ?? null;
}

/** An order's outcome as the installed-base figures read it (modules/carefigures through ports). */
export interface OrderOutcome {
  id: string;
  status: WorkOrderStatus;
  completedAt: string | null;
  closedAt: string | null;
  districtCode: string | null;
  categoryCode: string | null;
}

/** Outcomes of orders by id; unknown ids are left out. */
export async function orderOutcomesOf(db: Db, ids: readonly string[]): Promise<Map<string, OrderOutcome>> {
  const out = new Map<string, OrderOutcome>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'status', 'completed_at', 'closed_at', 'district_code', 'category_code'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        status: r.status,
        completedAt: r.completed_at,
        closedAt: r.closed_at,
        districtCode: r.district_code,
        categoryCode: r.category_code,
      });
  }
  return out;
}

/** Repair orders registered in [from, to) (instants), optionally of one category; cancelled ones are left out. */
function repairsIn(db: Db, r: { from: string; to: string; categoryCode?: string | null | undefined }) {
  let q = db
    .selectFrom('work_orders as o')
    .where('o.type', '=', 'repair')
    .where('o.status', '<>', 'cancelled')
    .where('o.created_at', '>=', r.from)
    .where('o.created_at', '<', r.to);
  if (r.categoryCode) q = q.where('o.category_code', '=', r.categoryCode);
  return q;
}

/**
 * Failures (repair orders) in [from, to) counted per product model or per fault code, grouped in
 * the database (fault analysis reads history of a million orders). A null key: none recorded.
 */
export async function repairCountsBy(
  db: Db,
  r: { from: string; to: string; categoryCode?: string | null; by: 'model' | 'fault_code' },
): Promise<{ key: string | null; count: number }[]> {
  const base = repairsIn(db, r);
  const rows =
    r.by === 'fault_code'
      ? await base
          .select((eb) => ['o.fault_code_id as key', eb.fn.countAll<string | number>().as('n')])
          .groupBy('o.fault_code_id')
          .execute()
      : await base
          .leftJoin('installed_products as p', 'p.id', 'o.product_id')
          .select((eb) => ['p.model_id as key', eb.fn.countAll<string | number>().as('n')])
          .groupBy('p.model_id')
          .execute();
  return rows.map((x) => ({ key: x.key ?? null, count: Number(x.n) }));
}

/** Ids of the repair orders in [from, to) (the parts dimension counts parts consumed on them). */
export async function repairOrderIdsIn(
  db: Db,
  r: { from: string; to: string; categoryCode?: string | null },
): Promise<string[]> {
  return (await repairsIn(db, r).select('o.id').execute()).map((x) => x.id);
}
