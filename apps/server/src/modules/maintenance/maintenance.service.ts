import type {
  CreateMaintenancePlan,
  MaintenanceDueItem,
  MaintenancePlan,
  MaintenanceRun,
  MaintenanceRunQuery,
  UpdateMaintenancePlan,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { decodeCursor, scannedPage } from '../../platform/http/keyset.ts';
import { newId } from '../../platform/ids/index.ts';
import type { MaintainedProduct } from '../customers/index.ts';
import type { MaintenanceContext } from './context.ts';
import { addDays, addMonthsClamped, generateOn, nextDue, nextHoursDue } from './domain/due.ts';
import { seesDistrict } from './domain/scope.ts';
import { MAINTENANCE_EVENTS, PLAN_STREAM } from './maintenance.events.ts';
import type { PlanFields, PlanRecord } from './maintenance.repository.ts';
import { maintenancePolicy } from './maintenance.settings.ts';

/** The one order of the runs list (the cursor belongs to it). */
const RUN_SORT = '-created_at';

/** A due item with the product record (its site address) for the generation. */
export type DueProduct = MaintenanceDueItem & { product: MaintainedProduct };

const addressText = (a: { detail: string } | null) => (a ? a.detail : null);

/**
 * The date the next dated visit counts from. With running hours in the plan too, an hours visit
 * (dated the day it was made) must not be followed by the date schedule's visit days later:
 * whichever comes first, the next dated visit is at least N months after any visit (on the
 * install-date grid). For a dated visit this is the same date the grid gives anyway.
 */
function lastVisit(lastDueOn: string | null, plan: PlanRecord): string | null {
  if (!lastDueOn || !plan.intervalHours || !plan.intervalMonths) return lastDueOn;
  return addDays(addMonthsClamped(lastDueOn, plan.intervalMonths), -1);
}

/** Plans (CRUD), the upcoming-due preview and the runs list. */
export class MaintenanceService {
  readonly ctx: MaintenanceContext;
  constructor(ctx: MaintenanceContext) {
    this.ctx = ctx;
  }

  today(): string {
    return businessDateOf(this.ctx.clock.now());
  }

  async view(p: PlanRecord, defaultLead?: number): Promise<MaintenancePlan> {
    const lead = p.leadDays ?? defaultLead ?? (await maintenancePolicy(this.ctx.db)).leadDays;
    return { ...p, effectiveLeadDays: lead };
  }

  async list(): Promise<{ items: MaintenancePlan[]; defaultLeadDays: number }> {
    const { leadDays } = await maintenancePolicy(this.ctx.db);
    const plans = await this.ctx.repo.listPlans();
    return { items: await Promise.all(plans.map((p) => this.view(p, leadDays))), defaultLeadDays: leadDays };
  }

  async find(id: string): Promise<PlanRecord> {
    const p = await this.ctx.repo.findPlan(id);
    if (!p) throw notFound('maintenance plan', id);
    return p;
  }

  async get(id: string): Promise<MaintenancePlan> {
    return this.view(await this.find(id));
  }

  /** Cross-field rules and references; each failure names its field and nothing is stored. */
  private async validate(input: CreateMaintenancePlan): Promise<PlanFields> {
    if (!input.modelId === !input.categoryCode)
      throw fieldError('modelId', 'required', 'give exactly one of modelId and categoryCode');
    if (input.intervalMonths === null && input.intervalHours === null)
      throw fieldError('intervalMonths', 'required', 'give intervalMonths, intervalHours or both');
    if (input.modelId && !(await this.ctx.ports.modelExists(input.modelId)))
      throw fieldError('modelId', 'not_found', 'no such product model');
    if (input.categoryCode && !(await this.ctx.ports.categoryExists(input.categoryCode)))
      throw fieldError('categoryCode', 'unknown_category', 'no such product category');
    return {
      name: input.name,
      modelId: input.modelId,
      categoryCode: input.categoryCode,
      intervalMonths: input.intervalMonths,
      intervalHours: input.intervalHours,
      leadDays: input.leadDays,
      checklist: input.checklist,
      partsKit: input.partsKit,
      active: input.active,
    };
  }

  async create(actor: Actor, input: CreateMaintenancePlan): Promise<MaintenancePlan> {
    const fields = await this.validate(input);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.insertPlan(trx, id, fields, businessDateOf(now), now.toISOString());
      await appendEvent(trx, {
        streamType: PLAN_STREAM,
        streamId: id,
        type: MAINTENANCE_EVENTS.type.plan_created,
        actor: eventActorOf(actor),
        at: now,
        data: { name: fields.name },
      });
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateMaintenancePlan): Promise<MaintenancePlan> {
    await this.find(id);
    const { version, ...rest } = input;
    const fields = await this.validate(rest);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.updatePlan(trx, id, version, fields, now.toISOString())))
        throw versionConflict('maintenance plan', id, version);
      await appendEvent(trx, {
        streamType: PLAN_STREAM,
        streamId: id,
        type: MAINTENANCE_EVENTS.type.plan_updated,
        actor: eventActorOf(actor),
        at: now,
        data: { name: fields.name, active: fields.active },
      });
    });
    return this.get(id);
  }

  /** A plan that generated orders is kept for their history (deactivate it instead). */
  async remove(actor: Actor, id: string): Promise<void> {
    const plan = await this.find(id);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const runs = await this.ctx.repo.countRuns(id, trx);
      if (runs > 0) throw refuse('maintenance.plan_has_runs', { runs });
      await this.ctx.repo.deletePlan(trx, id);
      await appendEvent(trx, {
        streamType: PLAN_STREAM,
        streamId: id,
        type: MAINTENANCE_EVENTS.type.plan_deleted,
        actor: eventActorOf(actor),
        at: now,
        data: { name: plan.name },
      });
    });
  }

  /** Products of the plan whose next due date falls within `days` of today (overdue included). */
  /**
   * Products due for the plan within `days` of `today`: by date (every N months) or by hour meter
   * (every N running hours, from telemetry), whichever comes first. An hours visit is dated today.
   */
  async due(plan: PlanRecord, today: string, days: number): Promise<DueProduct[]> {
    if (!plan.intervalMonths && !plan.intervalHours) return [];
    const policy = await maintenancePolicy(this.ctx.db);
    const lead = plan.leadDays ?? policy.leadDays;
    const until = addDays(today, days);
    const [products, last, marks] = await Promise.all([
      this.ctx.ports.products({ modelId: plan.modelId, categoryCode: plan.categoryCode }),
      this.ctx.repo.lastDueByProduct(plan.id),
      this.ctx.repo.lastMarkByProduct(plan.id),
    ]);
    const hours = plan.intervalHours
      ? await this.ctx.ports.runningHours(products.map((p) => p.id))
      : new Map<string, number>();
    const out: DueProduct[] = [];
    for (const p of products) {
      const byDate = plan.intervalMonths
        ? nextDue({
            installDate: p.installDate,
            purchaseDate: p.purchaseDate,
            intervalMonths: plan.intervalMonths,
            lastDueOn: lastVisit(last.get(p.id) ?? null, plan),
            startsOn: plan.startsOn,
          })
        : null;
      const meter = hours.get(p.id) ?? null;
      const byHours = plan.intervalHours
        ? nextHoursDue({
            hours: meter,
            intervalHours: plan.intervalHours,
            lastMark: marks.get(p.id) ?? null,
            leadHours: policy.leadHours,
          })
        : null;
      const dated = byDate && byDate.dueOn <= until ? byDate : null;
      if (!dated && !byHours) continue;
      // The hour mark wins when it is due (it is dated today, before any date within the window).
      const dueOn = byHours ? today : dated!.dueOn;
      out.push({
        productId: p.id,
        serial: p.serial,
        customerId: p.customerId,
        customerName: p.customerName,
        address: addressText(p.address),
        product: p,
        dueOn,
        generateOn: byHours ? today : generateOn(dueOn, lead),
        basis: byHours ? 'running_hours' : dated!.basis,
        // A dated visit resets the hour count at the reading it was made at.
        dueHours: byHours ? byHours.mark : meter === null ? null : Math.floor(meter),
        runningHours: meter,
      });
    }
    return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.serial.localeCompare(b.serial));
  }

  /** The upcoming-due preview, limited to the products the reader's data scope covers. */
  async duePreview(actor: Actor, id: string, days: number) {
    const plan = await this.find(id);
    const asOf = this.today();
    const items = (await this.due(plan, asOf, days))
      .filter((i) => seesDistrict(actor.scope, i.product.districtCode))
      .map(({ product: _, ...i }) => i);
    return { asOf, until: addDays(asOf, days), items };
  }

  /**
   * Generated runs newest first, a page at a time, limited to the products the reader's data scope
   * covers (the district is the installed base's: read after, so the page is filled in batches).
   */
  async runs(
    actor: Actor,
    q: MaintenanceRunQuery,
  ): Promise<{ items: MaintenanceRun[]; nextCursor: string | null }> {
    const { page, nextCursor } = await scannedPage({
      sort: RUN_SORT,
      after: decodeCursor(q.cursor, RUN_SORT, 1),
      limit: q.limit,
      read: (after, n) => this.ctx.repo.listRuns({ planId: q.planId, after, limit: n }),
      posOf: (r) => ({ keys: [r.createdAt], id: r.id }),
      view: async (rows) => {
        const labels = await this.ctx.ports.productLabels([
          ...new Set(rows.map((r) => r.installedProductId)),
        ]);
        return rows.map((r) => {
          const l = labels.get(r.installedProductId);
          if (!seesDistrict(actor.scope, l?.districtCode ?? null)) return null;
          return { ...r, serial: l?.serial ?? null, customerName: l?.customerName ?? null };
        });
      },
    });
    return { items: page, nextCursor };
  }
}
