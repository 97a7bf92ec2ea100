import {
  type CoverageReport,
  type MoveProspect,
  type Prospect,
  type ProspectInput,
  type UpdateProspect,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refusalOf, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { installedDemand, regionName } from '../customers/index.ts';
import { computeCoverage, selfBuiltShare } from './domain/coverage.ts';
import { checkStageMove } from './domain/rules.ts';
import { checkRegionCode, eventActor, requireScope, uniqueBy, type NetworkContext } from './network.deps.ts';
import type { ProspectFields, ProspectRecord } from './network.records.ts';
import type { ProspectStage } from './network.schema.ts';
import type { EventType } from '../../platform/events/catalogue.ts';
import { PROSPECT_EVENTS } from './network.events.ts';

const view = (p: ProspectRecord): Prospect => ({ ...p, regionName: regionName(p.regionCode) });

/** The outlet development pipeline, coverage analytics and the network settings. */
export class PipelineService {
  private readonly ctx: NetworkContext;
  constructor(ctx: NetworkContext) {
    this.ctx = ctx;
  }
  private get repo() {
    return this.ctx.pipeline;
  }

  async list(actor: Actor, filter: { stage?: ProspectStage; region?: string }) {
    requireScope(actor, ['all', 'region'], 'the outlet pipeline');
    const items = await this.repo.list(filter);
    return { items: items.filter((p) => inRegions(actor, p.regionCode)).map(view) };
  }

  async get(actor: Actor, id: string): Promise<Prospect> {
    requireScope(actor, ['all', 'region'], 'the outlet pipeline');
    const p = await this.repo.find(id);
    if (!p || !inRegions(actor, p.regionCode)) throw notFound('prospect', id);
    return view(p);
  }

  async create(actor: Actor, input: ProspectInput, requestId?: string): Promise<Prospect> {
    requireScope(actor, ['all'], 'the outlet pipeline');
    const fields = await this.checkFields(input);
    const id = newId();
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const now = this.ctx.now();
      await this.repo.insert(trx, id, fields, actor.userId || null, now.toISOString());
      await appendEvent(trx, {
        streamType: 'outlet_prospect',
        streamId: id,
        type: 'prospect.created',
        actor: eventActor(actor),
        at: now,
        to: 'prospect',
        requestId,
        data: { after: fields },
      });
    });
    return view((await this.repo.find(id))!);
  }

  async update(actor: Actor, id: string, input: UpdateProspect, requestId?: string): Promise<Prospect> {
    const current = await this.writable(actor, id, input.version);
    const fields = await this.checkFields({
      regionCode: input.regionCode ?? current.regionCode,
      name: input.name ?? current.name,
      contactName: input.contactName !== undefined ? input.contactName : current.contactName,
      contactPhone: input.contactPhone !== undefined ? input.contactPhone : current.contactPhone,
      categories: input.categories ?? current.categories,
      notes: input.notes !== undefined ? input.notes : current.notes,
    });
    await this.save(
      actor,
      current,
      { ...fields, stage: current.stage, linkedOutletId: current.linkedOutletId },
      {
        type: PROSPECT_EVENTS.type.updated,
        requestId,
        data: {
          changed: Object.keys(input).filter((k) => k !== 'version'),
          before: pickFields(current),
          after: fields,
        },
      },
    );
    return view((await this.repo.find(id))!);
  }

  /** Forward one stage, or back with a reason; reaching `active` names the outlet it became. */
  async move(actor: Actor, id: string, input: MoveProspect, requestId?: string): Promise<Prospect> {
    const current = await this.writable(actor, id, input.version);
    const check = checkStageMove(current.stage, input.stage, input.reason);
    if (!check.ok)
      throw refusalOf(check, { path: check.code === 'prospect.back_needs_reason' ? 'reason' : 'stage' });
    let linked = current.linkedOutletId;
    if (input.stage === 'active') {
      if (!input.linkedOutletId)
        throw fieldError('linkedOutletId', 'required', 'An active prospect names the outlet it became');
      if (!(await this.ctx.outlets.find(input.linkedOutletId)))
        throw fieldError('linkedOutletId', 'not_found', `Outlet ${input.linkedOutletId} was not found`);
      linked = input.linkedOutletId;
    } else if (check.direction === 'back') linked = null;
    await this.save(
      actor,
      current,
      { ...pickFields(current), stage: input.stage, linkedOutletId: linked },
      {
        type: PROSPECT_EVENTS.type.stage_changed,
        requestId,
        from: current.stage,
        to: input.stage,
        reason: input.reason,
        data: { direction: check.direction, linkedOutletId: linked },
      },
    );
    return view((await this.repo.find(id))!);
  }

  async remove(actor: Actor, id: string, version: number, requestId?: string): Promise<void> {
    const current = await this.writable(actor, id, version);
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      if (!(await this.repo.delete(trx, id, version))) throw versionConflict('prospect', id, version);
      await appendEvent(trx, {
        streamType: 'outlet_prospect',
        streamId: id,
        type: 'prospect.deleted',
        actor: eventActor(actor),
        at: this.ctx.now(),
        requestId,
        data: { before: { ...pickFields(current), stage: current.stage } },
      });
    });
  }

  async coverage(actor: Actor): Promise<CoverageReport> {
    requireScope(actor, ['all', 'region'], 'network coverage');
    const regions =
      actor.scope.level === 'region' ? actor.scope.regionCodes.map((c) => c.replace(/0+$/, '')) : null;
    const [targets, demand, outlets, counts, prospects] = await Promise.all([
      this.ctx.coverageTargets(),
      installedDemand(this.ctx.deps.db, regions),
      this.repo.activeOutletCoverage(),
      this.repo.outletCounts(),
      this.repo.list({}),
    ]);
    const figures = computeCoverage(demand, outlets, prospects);
    return {
      targets: { ...targets.value, version: targets.version },
      regionCoverage: {
        covered: figures.covered,
        total: figures.total,
        ratio: figures.ratio,
        byCategory: figures.byCategory,
      },
      selfBuilt: selfBuiltShare(counts.active, counts.selfBuilt),
      uncovered: figures.uncovered.map((u) => ({
        districtCode: u.districtCode,
        regionName: regionName(u.districtCode),
        categoryCode: u.categoryCode,
        installedProducts: u.installedProducts,
        prospects: u.prospects.map((p) => ({
          id: p.id,
          name: p.name,
          stage: p.stage,
          regionCode: p.regionCode,
        })),
      })),
    };
  }

  private async writable(actor: Actor, id: string, version: number): Promise<ProspectRecord> {
    requireScope(actor, ['all'], 'the outlet pipeline');
    const p = await this.repo.find(id);
    if (!p) throw notFound('prospect', id);
    if (p.version !== version) throw versionConflict('prospect', id, version);
    return p;
  }

  private async checkFields(input: ProspectFields): Promise<ProspectFields> {
    checkRegionCode(input.regionCode, 'regionCode');
    uniqueBy(
      input.categories,
      (c) => c,
      (i) => `categories.${i}`,
      'Category',
    );
    await this.ctx.checkCategories(input.categories, (i) => `categories.${i}`);
    return { ...input, categories: [...input.categories].sort() };
  }

  private async save(
    actor: Actor,
    current: ProspectRecord,
    next: ProspectFields & { stage: ProspectStage; linkedOutletId: string | null },
    event: {
      type: EventType;
      requestId?: string;
      from?: string;
      to?: string;
      reason?: string | null;
      data: Record<string, unknown>;
    },
  ) {
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const now = this.ctx.now();
      if (!(await this.repo.update(trx, current.id, current.version, next, now.toISOString())))
        throw versionConflict('prospect', current.id, current.version);
      await appendEvent(trx, {
        streamType: 'outlet_prospect',
        streamId: current.id,
        type: event.type,
        actor: eventActor(actor),
        at: now,
        from: event.from ?? null,
        to: event.to ?? null,
        reason: event.reason ?? null,
        requestId: event.requestId,
        data: event.data,
      });
    });
  }
}

const pickFields = (p: ProspectRecord): ProspectFields => ({
  regionCode: p.regionCode,
  name: p.name,
  contactName: p.contactName,
  contactPhone: p.contactPhone,
  categories: p.categories,
  notes: p.notes,
});

/** Region-scoped staff see prospects inside (or around) their regions. */
function inRegions(actor: Actor, code: string): boolean {
  if (actor.scope.level === 'all') return true;
  return actor.scope.regionCodes.some((r) => {
    const p = r.replace(/0+$/, '');
    return code.startsWith(p) || p.startsWith(code);
  });
}
