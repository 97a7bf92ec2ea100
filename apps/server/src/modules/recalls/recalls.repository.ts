import type {
  RecallCallOutcome,
  RecallContactStatus,
  RecallCriteria,
  RecallOrderType,
  RecallProduct,
  RecallStatus,
} from '@anxin/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import { newId } from '../../platform/ids/index.ts';
import type { RecallCandidate } from './context.ts';
import type { RecallCounts } from './domain/contact.ts';
import type { RecallProductsTable, RecallsTable } from './recalls.schema.ts';

export interface RecallRecord {
  id: string;
  title: string;
  reason: string;
  orderType: RecallOrderType;
  criteria: RecallCriteria;
  status: RecallStatus;
  launchedAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An affected product as stored; the owner's name is joined in by the service. */
export type RecallProductRecord = Omit<RecallProduct, 'customerName'>;

export interface RecallFields {
  title: string;
  reason: string;
  orderType: RecallOrderType;
  criteria: RecallCriteria;
}

const toRecall = (r: Selectable<RecallsTable>): RecallRecord => ({
  id: r.id,
  title: r.title,
  reason: r.reason,
  orderType: r.order_type,
  criteria: JSON.parse(r.criteria) as RecallCriteria,
  status: r.status,
  launchedAt: r.launched_at,
  closedAt: r.closed_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toProduct = (r: Selectable<RecallProductsTable>): RecallProductRecord => ({
  id: r.id,
  recallId: r.recall_id,
  productId: r.product_id,
  serial: r.serial,
  modelId: r.model_id,
  productionBatch: r.production_batch,
  customerId: r.customer_id,
  contactStatus: r.contact_status,
  smsQueuedAt: r.sms_queued_at,
  callAttempts: Number(r.call_attempts),
  lastCallAt: r.last_call_at,
  lastNote: r.last_note,
  workOrderId: r.work_order_id,
  workOrderNumber: r.work_order_number,
  completedAt: r.completed_at,
  version: r.version,
});

const ZERO: RecallCounts = { affected: 0, contacted: 0, reached: 0, ordersCreated: 0, completed: 0 };

/** The only reader and writer of the recall tables. */
export class RecallRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  // ---------- recalls ----------

  async insertRecall(trx: Db, id: string, f: RecallFields, by: string | null, at: string): Promise<void> {
    await trx
      .insertInto('recalls')
      .values({
        id,
        title: f.title,
        reason: f.reason,
        order_type: f.orderType,
        criteria: JSON.stringify(f.criteria),
        status: 'draft',
        launched_at: null,
        closed_at: null,
        created_by: by,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  async findRecall(id: string, db: Db = this.db): Promise<RecallRecord | undefined> {
    const r = await db.selectFrom('recalls').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecall(r);
  }

  async listRecalls(): Promise<RecallRecord[]> {
    const rows = await this.db
      .selectFrom('recalls')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toRecall);
  }

  /** A draft's terms; false when the version moved on or it is no longer a draft. */
  async updateDraft(trx: Db, id: string, version: number, f: RecallFields, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('recalls')
      .set({
        title: f.title,
        reason: f.reason,
        order_type: f.orderType,
        criteria: JSON.stringify(f.criteria),
        updated_at: at,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A state-machine step, conditional on the state and version read. */
  async step(
    trx: Db,
    id: string,
    from: RecallStatus,
    to: RecallStatus,
    version: number,
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('recalls')
      .set({
        status: to,
        updated_at: at,
        version: version + 1,
        ...(to === 'active' ? { launched_at: at } : {}),
        ...(to === 'closed' ? { closed_at: at } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The figures' counts per recall, from the recall's own rows. */
  async counts(recallIds: string[]): Promise<Map<string, RecallCounts>> {
    const out = new Map<string, RecallCounts>(recallIds.map((id) => [id, { ...ZERO }]));
    if (!recallIds.length) return out;
    const flag = (cond: ReturnType<typeof sql<boolean>>) =>
      sql<number>`sum(case when ${cond} then 1 else 0 end)`;
    const rows = await this.db
      .selectFrom('recall_products')
      .select((e) => [
        'recall_id',
        e.fn.countAll<number>().as('affected'),
        flag(sql<boolean>`sms_queued_at is not null or call_attempts > 0`).as('contacted'),
        flag(sql<boolean>`contact_status in ('reached', 'refused', 'booked')`).as('reached'),
        e.fn.count<number>('work_order_id').as('orders'),
        e.fn.count<number>('completed_at').as('completed'),
      ])
      .where('recall_id', 'in', recallIds)
      .groupBy('recall_id')
      .execute();
    for (const r of rows)
      out.set(r.recall_id, {
        affected: Number(r.affected),
        contacted: Number(r.contacted ?? 0),
        reached: Number(r.reached ?? 0),
        ordersCreated: Number(r.orders),
        completed: Number(r.completed),
      });
    return out;
  }

  // ---------- affected products ----------

  /** Adds the products not yet in the recall; returns how many were new (a rerun adds none). */
  async insertProducts(trx: Db, recallId: string, products: RecallCandidate[], at: string): Promise<number> {
    let added = 0;
    for (let i = 0; i < products.length; i += 200) {
      const rows = await trx
        .insertInto('recall_products')
        .values(
          products.slice(i, i + 200).map((p) => ({
            id: newId(),
            recall_id: recallId,
            product_id: p.id,
            customer_id: p.customerId,
            model_id: p.modelId,
            serial: p.serial,
            production_batch: p.productionBatch,
            contact_status: 'pending' as const,
            sms_queued_at: null,
            call_attempts: 0,
            last_call_at: null,
            last_note: null,
            order_claimed_at: null,
            work_order_id: null,
            work_order_number: null,
            completed_at: null,
            version: 1,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['recall_id', 'product_id']).doNothing())
        .returning('id')
        .execute();
      added += rows.length;
    }
    return added;
  }

  async listProducts(recallId: string, contactStatus?: RecallContactStatus): Promise<RecallProductRecord[]> {
    let q = this.db.selectFrom('recall_products').selectAll().where('recall_id', '=', recallId);
    if (contactStatus) q = q.where('contact_status', '=', contactStatus);
    return (await q.orderBy('serial').orderBy('id').execute()).map(toProduct);
  }

  async findProduct(id: string): Promise<RecallProductRecord | undefined> {
    const r = await this.db.selectFrom('recall_products').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toProduct(r);
  }

  /** Marks the SMS queued once; a product already called keeps its call outcome as status. */
  async markSms(trx: Db, id: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('recall_products')
      .set((eb) => ({
        sms_queued_at: at,
        contact_status: sql<RecallContactStatus>`case when contact_status = 'pending' then 'notified' else contact_status end`,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('sms_queued_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The call's row and the product's progress; false when the product's version moved on. */
  async recordCall(
    trx: Db,
    p: RecallProductRecord,
    call: { outcome: RecallCallOutcome; note: string; by: string | null; at: string },
  ): Promise<boolean> {
    const attempt = p.callAttempts + 1;
    const r = await trx
      .updateTable('recall_products')
      .set({
        contact_status: call.outcome,
        call_attempts: attempt,
        last_call_at: call.at,
        last_note: call.note || null,
        version: p.version + 1,
      })
      .where('id', '=', p.id)
      .where('version', '=', p.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('recall_calls')
      .values({
        id: newId(),
        recall_id: p.recallId,
        recall_product_id: p.id,
        attempt,
        outcome: call.outcome,
        note: call.note,
        called_by: call.by,
        called_at: call.at,
      })
      .execute();
    return true;
  }

  /** Takes the right to create the product's order (none yet, no live claim). */
  async claimOrder(id: string, at: string, staleBefore: string): Promise<boolean> {
    const r = await this.db
      .updateTable('recall_products')
      .set({ order_claimed_at: at })
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .where((eb) => eb.or([eb('order_claimed_at', 'is', null), eb('order_claimed_at', '<', staleBefore)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releaseOrderClaim(id: string): Promise<void> {
    await this.db
      .updateTable('recall_products')
      .set({ order_claimed_at: null })
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .execute();
  }

  async attachOrder(trx: Db, id: string, orderId: string, number: string): Promise<boolean> {
    const r = await trx
      .updateTable('recall_products')
      .set((eb) => ({ work_order_id: orderId, work_order_number: number, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('work_order_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Marks the products whose order this is as completed (once); returns them. */
  async completeByOrder(trx: Db, orderId: string, at: string): Promise<{ id: string; recallId: string }[]> {
    const rows = await trx
      .selectFrom('recall_products')
      .select(['id', 'recall_id'])
      .where('work_order_id', '=', orderId)
      .where('completed_at', 'is', null)
      .execute();
    const done: { id: string; recallId: string }[] = [];
    for (const r of rows) {
      const u = await trx
        .updateTable('recall_products')
        .set((eb) => ({ completed_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', r.id)
        .where('completed_at', 'is', null)
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 1) done.push({ id: r.id, recallId: r.recall_id });
    }
    return done;
  }

  /** When products of these recalls were completed (instants), for the completion trend. */
  async completions(recallIds: string[]): Promise<{ recallId: string; completedAt: string }[]> {
    if (!recallIds.length) return [];
    const rows = await this.db
      .selectFrom('recall_products')
      .select(['recall_id', 'completed_at'])
      .where('recall_id', 'in', recallIds)
      .where('completed_at', 'is not', null)
      .execute();
    return rows.map((r) => ({ recallId: r.recall_id, completedAt: r.completed_at! }));
  }
}
