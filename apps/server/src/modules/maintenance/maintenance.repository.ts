import type { MaintenanceKitLine, MaintenanceRun } from '@anxin/contracts';
import { sql, type Selectable } from 'kysely';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import type { Db } from '../../platform/db/types.ts';
import type { MaintenancePlansTable } from './maintenance.schema.ts';

/** A plan as the use cases see it (JSON decoded, flags as booleans). */
export interface PlanRecord {
  id: string;
  name: string;
  modelId: string | null;
  categoryCode: string | null;
  intervalMonths: number | null;
  intervalHours: number | null;
  leadDays: number | null;
  checklist: string[];
  partsKit: MaintenanceKitLine[];
  active: boolean;
  startsOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PlanFields = Omit<PlanRecord, 'id' | 'startsOn' | 'version' | 'createdAt' | 'updatedAt'>;

const toPlan = (r: Selectable<MaintenancePlansTable>): PlanRecord => ({
  id: r.id,
  name: r.name,
  modelId: r.model_id,
  categoryCode: r.category_code,
  intervalMonths: r.interval_months,
  intervalHours: r.interval_hours,
  leadDays: r.lead_days,
  checklist: JSON.parse(r.checklist) as string[],
  partsKit: JSON.parse(r.parts_kit) as MaintenanceKitLine[],
  active: r.active === 1,
  startsOn: r.starts_on,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columnsOf = (f: PlanFields) => ({
  name: f.name,
  model_id: f.modelId,
  category_code: f.categoryCode,
  interval_months: f.intervalMonths,
  interval_hours: f.intervalHours,
  lead_days: f.leadDays,
  checklist: JSON.stringify(f.checklist),
  parts_kit: JSON.stringify(f.partsKit),
  active: f.active ? 1 : 0,
});

/** The only reader and writer of maintenance_plans and maintenance_runs. */
export class MaintenanceRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async listPlans(activeOnly = false): Promise<PlanRecord[]> {
    let q = this.db.selectFrom('maintenance_plans').selectAll();
    if (activeOnly) q = q.where('active', '=', 1);
    return (await q.orderBy('name').orderBy('id').execute()).map(toPlan);
  }

  async findPlan(id: string, db: Db = this.db): Promise<PlanRecord | undefined> {
    const r = await db.selectFrom('maintenance_plans').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toPlan(r) : undefined;
  }

  async insertPlan(trx: Db, id: string, f: PlanFields, startsOn: string, at: string): Promise<void> {
    await trx
      .insertInto('maintenance_plans')
      .values({ id, ...columnsOf(f), starts_on: startsOn, version: 1, created_at: at, updated_at: at })
      .execute();
  }

  /** Optimistic update; false when the version moved on. */
  async updatePlan(trx: Db, id: string, version: number, f: PlanFields, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('maintenance_plans')
      .set({ ...columnsOf(f), version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deletePlan(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('maintenance_plans').where('id', '=', id).execute();
  }

  async countRuns(planId: string, db: Db = this.db): Promise<number> {
    const r = await db
      .selectFrom('maintenance_runs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The latest run's due date per product of a plan. */
  async lastDueByProduct(planId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('maintenance_runs')
      .select(['installed_product_id', (e) => e.fn.max('due_on').as('due_on')])
      .where('plan_id', '=', planId)
      .groupBy('installed_product_id')
      .execute();
    return new Map(rows.map((r) => [r.installed_product_id, String(r.due_on)]));
  }

  /** Per product, the hour mark of the plan's latest visit that recorded one. */
  async lastMarkByProduct(planId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('maintenance_runs')
      .select(['installed_product_id', (e) => e.fn.max('due_hours').as('due_hours')])
      .where('plan_id', '=', planId)
      .where('due_hours', 'is not', null)
      .groupBy('installed_product_id')
      .execute();
    return new Map(rows.map((r) => [r.installed_product_id, Number(r.due_hours)]));
  }

  /**
   * Claims (plan, product, due date) rows; returns the product ids this call claimed. A row already
   * there (an earlier run, or another node a moment ago) is left alone and not returned.
   */
  async claim(
    trx: Db,
    planId: string,
    items: { id: string; productId: string; dueOn: string; dueHours: number | null }[],
    at: string,
  ): Promise<Set<string>> {
    const claimed = new Set<string>();
    for (const i of items) {
      const r = await trx
        .insertInto('maintenance_runs')
        .values({
          id: i.id,
          plan_id: planId,
          installed_product_id: i.productId,
          due_on: i.dueOn,
          due_hours: i.dueHours,
          work_order_id: null,
          work_order_number: null,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['plan_id', 'installed_product_id', 'due_on']).doNothing())
        .returning('installed_product_id')
        .executeTakeFirst();
      if (r) claimed.add(r.installed_product_id);
    }
    return claimed;
  }

  async attachOrder(trx: Db, runIds: string[], orderId: string, orderNumber: string): Promise<void> {
    if (!runIds.length) return;
    await trx
      .updateTable('maintenance_runs')
      .set({ work_order_id: orderId, work_order_number: orderNumber })
      .where('id', 'in', runIds)
      .execute();
  }

  async release(trx: Db, runIds: string[]): Promise<void> {
    if (!runIds.length) return;
    await trx
      .deleteFrom('maintenance_runs')
      .where('id', 'in', runIds)
      .where('work_order_id', 'is', null)
      .execute();
  }

  /** Claims whose order never came (a node stopped in between) are released for the next run. */
  async releaseStale(before: string): Promise<number> {
    const r = await this.db
      .deleteFrom('maintenance_runs')
      .where('work_order_id', 'is', null)
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Runs newest first, `limit` after `after` (the keyset: created_at, then id). */
  async listRuns(q: {
    planId?: string | undefined;
    after?: KeysetPos | undefined;
    limit: number;
  }): Promise<Omit<MaintenanceRun, 'serial' | 'customerName'>[]> {
    let s = this.db
      .selectFrom('maintenance_runs as r')
      .innerJoin('maintenance_plans as p', 'p.id', 'r.plan_id')
      .select([
        'r.id',
        'r.plan_id',
        'p.name as plan_name',
        'r.installed_product_id',
        'r.due_on',
        'r.due_hours',
        'r.work_order_id',
        'r.work_order_number',
        'r.created_at',
      ]);
    if (q.planId) s = s.where('r.plan_id', '=', q.planId);
    const a = q.after;
    if (a) s = s.where(sql<boolean>`(r.created_at, r.id) < (${a.keys[0]}, ${a.id})`);
    const rows = await s.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planName: r.plan_name,
      installedProductId: r.installed_product_id,
      dueOn: r.due_on,
      dueHours: r.due_hours === null ? null : Number(r.due_hours),
      workOrderId: r.work_order_id,
      workOrderNumber: r.work_order_number,
      createdAt: r.created_at,
    }));
  }

  /** Runs due on or before `to` that have an order (the figures' population). */
  async runsDueBy(to: string): Promise<{ dueOn: string; workOrderId: string }[]> {
    const rows = await this.db
      .selectFrom('maintenance_runs')
      .select(['due_on', 'work_order_id'])
      .where('due_on', '<=', to)
      .where('work_order_id', 'is not', null)
      .execute();
    return rows.map((r) => ({ dueOn: r.due_on, workOrderId: r.work_order_id! }));
  }
}
