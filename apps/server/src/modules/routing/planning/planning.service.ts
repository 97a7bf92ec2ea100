import type {
  RoutePlanCheckResponse,
  RoutePlanCreate,
  RoutePlanEdit,
  RoutePlanReoptimise,
  RoutePlanView,
  RouteMapConfig,
} from '@anxin/contracts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { businessDateOf } from '../../../platform/calendar/index.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../../platform/http/errors.ts';
import { newId } from '../../../platform/ids/index.ts';
import { readSetting } from '../../../platform/settings/index.ts';
import { mapConfigOf, routeMapSettings } from './map-settings.ts';
import type { Plan, RoutingInstance, UnassignedReason } from '../domain/types.ts';
import { acceptPlan } from './accept-plan.ts';
import type { PlanningContext } from './context.ts';
import { describeRoutes, scheduleEdit, violationsOf } from './evaluate.ts';
import { buildInstance, plannableOnDay, type OrderFacts, type TechnicianFacts } from './plan-model.ts';
import { regionPrefix, type OutletInfo } from './planning.repository.ts';
import type { PlanHeader } from './plan-codec.ts';
import {
  DEFAULT_PLANNING_SETTINGS,
  PLANNING_SETTINGS_KEY,
  PlanningSettingsSchema,
  type PlanningSettings,
} from './settings.ts';
import { dayStartOf, diffPlans, toView, unassignedOf, type PlanDoc } from './view.ts';

const DAY_MS = 86_400_000;

const within = (code: string, regions: string[]) =>
  regions.some((r) => code.startsWith(regionPrefix(r)) || regionPrefix(r).startsWith(regionPrefix(code)));

/** Day planning use cases: propose, read, check and save hand edits, accept, re-optimise. */
export class PlanningService {
  readonly ctx: PlanningContext;

  constructor(ctx: PlanningContext) {
    this.ctx = ctx;
  }

  /** What a planner's page needs to draw the routes on the configured map provider. */
  async mapConfig(): Promise<RouteMapConfig> {
    return mapConfigOf(await routeMapSettings(this.ctx.db));
  }

  async settings(): Promise<PlanningSettings> {
    return (
      await readSetting(this.ctx.db, PLANNING_SETTINGS_KEY, PlanningSettingsSchema, DEFAULT_PLANNING_SETTINGS)
    ).value;
  }

  /** The outlets a request plans for, within the actor's data scope (outside it: 404, like any read). */
  private async outletsFor(actor: Actor, input: { outletId?: string | null; regionCode?: string | null }) {
    const scope = actor.scope;
    if (input.outletId) {
      const outlet = await this.ctx.repo.outlet(input.outletId);
      const visible =
        outlet &&
        (scope.level === 'all' ||
          (scope.level === 'outlet' && scope.outletId === outlet.id) ||
          (scope.level === 'region' && within(outlet.districtCode, scope.regionCodes)));
      if (!visible) throw notFound('outlet', input.outletId);
      return [outlet];
    }
    const region = input.regionCode!;
    if (scope.level === 'outlet' || scope.level === 'own')
      throw new DomainError('auth.forbidden', 'Planning a region needs a desk or regional scope');
    if (scope.level === 'region' && !scope.regionCodes.some((r) => region.startsWith(regionPrefix(r))))
      throw notFound('region', region);
    return this.ctx.repo.outletsCovering(region);
  }

  private async assertVisible(actor: Actor, doc: PlanDoc | undefined, id: string): Promise<PlanDoc> {
    if (!doc) throw notFound('route plan', id);
    const row: PlanHeader = doc.row;
    const s = actor.scope;
    if (s.level === 'all') return doc;
    if (s.level === 'outlet' && row.outletId && row.outletId === s.outletId) return doc;
    if (s.level === 'region') {
      const code =
        row.regionCode ?? (row.outletId ? (await this.ctx.repo.outlet(row.outletId))?.districtCode : null);
      if (code && within(code, s.regionCodes)) return doc;
    }
    throw notFound('route plan', id);
  }

  private async load(actor: Actor, id: string): Promise<PlanDoc> {
    return this.assertVisible(actor, await this.ctx.repo.findById(id), id);
  }

  /** Working intervals on the day: the network's availability, else the fallback shift on business days. */
  private async intervals(ids: string[], date: string, settings: PlanningSettings) {
    const from = new Date(dayStartOf(date)).toISOString();
    const to = new Date(dayStartOf(date) + DAY_MS).toISOString();
    if (this.ctx.availability) return this.ctx.availability(ids, from, to);
    const cal = await this.ctx.calendar();
    const out = new Map<string, { start: string; end: string }[]>();
    const { startMinute, endMinute } = settings.fallbackShift;
    const shift = {
      start: new Date(dayStartOf(date) + startMinute * 60_000).toISOString(),
      end: new Date(dayStartOf(date) + endMinute * 60_000).toISOString(),
    };
    const working = cal.isWorkday(date);
    for (const id of ids) out.set(id, working ? [shift] : []);
    return out;
  }

  private async solve(
    instance: RoutingInstance,
    settings: PlanningSettings,
    opts: { timeLimitMs?: number | undefined; seed?: number | undefined },
  ): Promise<Plan> {
    if (!instance.jobs.length)
      return {
        objective: 'distance',
        routes: [],
        unassigned: [],
        cost: {
          total: 0,
          distance: 0,
          duration: 0,
          vehicles: 0,
          vehicleCost: 0,
          lateness: 0,
          latenessPenalty: 0,
          unassigned: 0,
          unassignedPenalty: 0,
        },
        stats: { seed: 0, iterations: 0, elapsedMs: 0, stoppedBy: 'iterations' },
      };
    const result = await this.ctx.solve(instance, {
      timeLimitMs: opts.timeLimitMs ?? settings.timeLimitMs,
      seed: opts.seed ?? settings.seed,
    });
    if (!result.ok)
      // The instance is built from database facts; an inconsistency is a bug, not the user's input.
      throw new Error(
        `route plan instance invalid: ${result.errors.map((e) => `${e.path} ${e.rule}`).join(', ')}`,
      );
    return result.plan;
  }

  /** Builds the day's instance from the database and stores the optimiser's proposal. */
  private async propose(
    actor: Actor,
    target: { outlets: OutletInfo[]; outletId: string | null; regionCode: string | null; date: string },
    opts: {
      timeLimitMs?: number | undefined;
      seed?: number | undefined;
      dropped?: Set<string>;
      extraIds?: string[];
      parentId?: string;
    },
  ): Promise<PlanDoc> {
    const settings = await this.settings();
    const dayStartMs = dayStartOf(target.date);
    const outletIds = target.outlets.map((o) => o.id);
    const techRows = await this.ctx.repo.technicians(outletIds);
    const intervals = await this.intervals(
      techRows.map((t) => t.id),
      target.date,
      settings,
    );
    const technicians: TechnicianFacts[] = techRows.map((t) => ({
      ...t,
      intervals: intervals.get(t.id) ?? [],
    }));
    const regionOpt = target.regionCode ? { regionCode: target.regionCode } : {};
    const selected = (await this.ctx.repo.orders(outletIds, regionOpt)).filter((o) =>
      plannableOnDay(dayStartMs, o),
    );
    const have = new Set(selected.map((o) => o.id));
    const extra: OrderFacts[] = (opts.extraIds ?? []).length
      ? (await this.ctx.repo.orders(outletIds, { ids: opts.extraIds! })).filter((o) => !have.has(o.id))
      : [];
    const built = buildInstance({
      dayStartMs,
      settings,
      orders: [...selected, ...extra],
      technicians,
      outlets: target.outlets,
      dropped: opts.dropped ?? new Set(),
    });
    const plan = await this.solve(built.instance, settings, opts);
    const at = this.ctx.clock.now().toISOString();
    const row: PlanHeader = {
      id: newId(),
      outletId: target.outletId,
      regionCode: target.regionCode,
      planDate: target.date,
      status: 'proposed',
      parentId: opts.parentId ?? null,
      createdBy: actor.userId || null,
      createdAt: at,
      updatedAt: at,
      acceptedBy: null,
      acceptedAt: null,
      version: 1,
    };
    return {
      row,
      instance: built.instance,
      jobs: built.jobs,
      technicians: built.technicians,
      plan,
      diff: null,
      result: null,
      dayStartMs,
    };
  }

  async create(actor: Actor, input: RoutePlanCreate): Promise<RoutePlanView> {
    const outlets = await this.outletsFor(actor, input);
    const date = input.date ?? businessDateOf(new Date(this.ctx.clock.now().getTime() + DAY_MS));
    const doc = await this.propose(
      actor,
      { outlets, outletId: input.outletId ?? null, regionCode: input.regionCode ?? null, date },
      { timeLimitMs: input.timeLimitMs, seed: input.seed },
    );
    await this.ctx.repo.insert(doc);
    return toView(doc, await this.settings());
  }

  async get(actor: Actor, id: string): Promise<RoutePlanView> {
    return toView(await this.load(actor, id), await this.settings());
  }

  /** Validates a hand edit against the plan's orders and technicians (request errors: 400). */
  private editedPlan(doc: PlanDoc, edit: RoutePlanEdit): Plan {
    const orders = new Set(doc.jobs.map((j) => j.orderId));
    const techs = new Set(doc.technicians.map((t) => t.id));
    const seenOrders = new Set<string>();
    const seenTechs = new Set<string>();
    edit.routes.forEach((r, i) => {
      if (!techs.has(r.technicianId))
        throw fieldError(
          `routes.${i}.technicianId`,
          'not_in_plan',
          `technician ${r.technicianId} is not in this plan`,
        );
      if (seenTechs.has(r.technicianId))
        throw fieldError(`routes.${i}.technicianId`, 'unique', 'a technician appears twice');
      seenTechs.add(r.technicianId);
      r.orderIds.forEach((o, k) => {
        if (!orders.has(o))
          throw fieldError(`routes.${i}.orderIds.${k}`, 'not_in_plan', `order ${o} is not in this plan`);
        if (seenOrders.has(o))
          throw fieldError(`routes.${i}.orderIds.${k}`, 'unique', 'an order appears twice');
        seenOrders.add(o);
      });
    });
    const plan = scheduleEdit(doc.instance, edit.routes);
    // Orders left out by hand are unassigned on purpose.
    plan.unassigned = plan.unassigned.map((u) => ({ ...u, reason: 'manual' as UnassignedReason }));
    return plan;
  }

  private editViolations(doc: PlanDoc, edit: RoutePlanEdit, plan: Plan) {
    const working = new Set(doc.instance.technicians.map((t) => t.id));
    const violations = violationsOf(doc.instance, plan);
    for (const r of edit.routes)
      if (!working.has(r.technicianId) && r.orderIds.length)
        violations.push({
          rule: 'technician_unavailable',
          orderId: null,
          technicianId: r.technicianId,
          message: 'the technician does not work that day',
        });
    return violations;
  }

  async check(actor: Actor, id: string, edit: RoutePlanEdit): Promise<RoutePlanCheckResponse> {
    const doc = await this.load(actor, id);
    const plan = this.editedPlan(doc, edit);
    const violations = this.editViolations(doc, edit, plan);
    const settings = await this.settings();
    const described = describeRoutes(
      doc.instance,
      plan,
      doc.dayStartMs,
      settings,
      new Map(doc.jobs.map((j) => [j.orderId, j])),
    );
    return {
      ok: violations.length === 0,
      violations,
      cost: described.cost,
      routes: described.routes,
      unassigned: unassignedOf({ ...doc, plan }),
    };
  }

  /** Saves a hand edit, only when the checker finds nothing wrong with it. */
  async save(actor: Actor, id: string, edit: RoutePlanEdit): Promise<RoutePlanView> {
    const doc = await this.load(actor, id);
    if (doc.row.version !== edit.version) throw versionConflict('route plan', id, edit.version);
    if (doc.row.status !== 'proposed')
      throw refuse(
        'routing.plan_not_proposal',
        { status: doc.row.status },
        { path: 'status', detail: `The plan is ${doc.row.status} and can no longer change` },
      );
    const plan = this.editedPlan(doc, edit);
    const violations = this.editViolations(doc, edit, plan);
    if (violations.length)
      throw refuse(
        'routing.plan_infeasible',
        { count: violations.length },
        {
          detail: 'The adjusted plan is not feasible',
          errors: violations.map((v) => ({
            path: v.orderId ? `orders.${v.orderId}` : `technicians.${v.technicianId}`,
            rule: 'plan_violation',
            params: { violation: v.rule },
            message: v.message,
          })),
        },
      );
    const at = this.ctx.clock.now().toISOString();
    const ok = await this.ctx.repo.update(this.ctx.db, id, edit.version, { plan, updatedAt: at }, 'proposed');
    if (!ok) throw versionConflict('route plan', id, edit.version);
    return this.get(actor, id);
  }

  async accept(actor: Actor, id: string, version: number, requestId: string | null): Promise<RoutePlanView> {
    const doc = await this.load(actor, id);
    await acceptPlan(this.ctx, actor, doc, version, await this.settings(), requestId);
    return this.get(actor, id);
  }

  /**
   * Re-solves the plan's day from the current database state: confirmed appointments stay pinned,
   * added orders join, dropped technicians' orders go to others or are listed unassigned.
   */
  async reoptimise(actor: Actor, id: string, input: RoutePlanReoptimise): Promise<RoutePlanView> {
    const parent = await this.load(actor, id);
    const { row } = parent;
    if (input.version !== undefined && input.version !== row.version)
      throw versionConflict('route plan', id, input.version);
    const techIds = new Set(parent.technicians.map((t) => t.id));
    (input.dropTechnicianIds ?? []).forEach((t, i) => {
      if (!techIds.has(t))
        throw fieldError(`dropTechnicianIds.${i}`, 'not_in_plan', `technician ${t} is not in this plan`);
    });
    const outlets = await this.outletsFor(actor, { outletId: row.outletId, regionCode: row.regionCode });
    const addIds = input.addJobIds ?? [];
    if (addIds.length) {
      const found = new Set(
        (
          await this.ctx.repo.orders(
            outlets.map((o) => o.id),
            { ids: addIds },
          )
        ).map((o) => o.id),
      );
      addIds.forEach((o, i) => {
        if (!found.has(o))
          throw fieldError(
            `addJobIds.${i}`,
            'not_plannable',
            `order ${o} is not an order of this plan's outlets awaiting a visit`,
          );
      });
    }
    const dropped = new Set([
      ...parent.technicians.filter((t) => t.dropped).map((t) => t.id),
      ...(input.dropTechnicianIds ?? []),
    ]);
    const doc = await this.propose(
      actor,
      { outlets, outletId: row.outletId, regionCode: row.regionCode, date: row.planDate },
      {
        timeLimitMs: input.timeLimitMs,
        seed: input.seed,
        dropped,
        extraIds: [...new Set([...parent.jobs.map((j) => j.orderId), ...addIds])],
        parentId: row.id,
      },
    );
    const settings = await this.settings();
    doc.diff = diffPlans(toView(parent, settings), toView(doc, settings));
    await this.ctx.repo.insert(doc);
    if (row.status === 'proposed')
      await this.ctx.repo.update(
        this.ctx.db,
        row.id,
        row.version,
        { status: 'superseded', updatedAt: doc.row.createdAt },
        'proposed',
      );
    return toView(doc, settings);
  }
}
