import type {
  Campaign,
  CampaignFigures,
  CampaignFilters,
  CampaignInput,
  CampaignStatus,
  CampaignUpdate,
} from '@anxin/contracts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { CampaignContext } from './context.ts';
import { campaignFigures } from './domain/figures.ts';
import { checkQuestions } from './domain/answers.ts';
import { canBuild, isEditable, stepOf } from './domain/lifecycle.ts';
import { isContact } from './domain/outcome.ts';
import { selectTargets, type Selected } from './domain/selection.ts';
import { CAMPAIGN_OUTCOMES } from '@anxin/contracts';
import {
  addTargets,
  findCampaign,
  insertCampaign,
  lastContacts,
  listCampaigns,
  markBuilt,
  optedOutIds,
  reachedAnswers,
  setStatus,
  targetCounts,
  targetFacts,
  updateDraft,
  type CampaignRecord,
} from './campaigns.repository.ts';
import { CAMPAIGN_EVENTS, CAMPAIGN_STREAM } from './campaigns.events.ts';

/** Campaigns: design, the state machine, the list built from filters, and the figures. */
export class CampaignsService {
  private readonly ctx: CampaignContext;
  constructor(ctx: CampaignContext) {
    this.ctx = ctx;
  }

  async list(): Promise<Campaign[]> {
    const rows = await listCampaigns(this.ctx.db);
    const counts = await targetCounts(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => view(r, counts.get(r.id)));
  }

  async get(id: string): Promise<Campaign> {
    const c = await this.record(id);
    return view(c, (await targetCounts(this.ctx.db, [id])).get(id));
  }

  async record(id: string): Promise<CampaignRecord> {
    const c = await findCampaign(this.ctx.db, id);
    if (!c) throw notFound('campaign', id);
    return c;
  }

  async create(actor: Actor, input: CampaignInput, requestId: string | null): Promise<Campaign> {
    checkQuestions(input.questions);
    const id = newId();
    const at = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await insertCampaign(trx, id, input, actor.userId ?? null, at.toISOString());
      await appendEvent(trx, {
        streamType: CAMPAIGN_STREAM,
        streamId: id,
        type: CAMPAIGN_EVENTS.type.created,
        actor: eventActorOf(actor),
        at,
        data: { name: input.name, purpose: input.purpose },
        requestId,
      });
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: CampaignUpdate, requestId: string | null): Promise<Campaign> {
    checkQuestions(input.questions);
    const c = await this.record(id);
    if (!isEditable(c.status))
      throw new DomainError('campaign.not_editable', `Campaign ${id} is ${c.status}`, {
        params: { status: c.status },
      });
    const at = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await updateDraft(trx, id, input.version, input, at.toISOString())))
        throw versionConflict('campaign', id, input.version);
      await appendEvent(trx, {
        streamType: CAMPAIGN_STREAM,
        streamId: id,
        type: CAMPAIGN_EVENTS.type.updated,
        actor: eventActorOf(actor),
        at,
        data: { name: input.name },
        requestId,
      });
    });
    return this.get(id);
  }

  async step(actor: Actor, id: string, to: CampaignStatus, version: number, requestId: string | null) {
    const c = await this.record(id);
    const step = stepOf(c.status, to);
    if (!step)
      throw new DomainError('campaign.invalid_transition', `Campaign ${id}: ${c.status} → ${to}`, {
        params: { from: c.status, to },
      });
    const at = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await setStatus(trx, id, c.status, to, version, at.toISOString())))
        throw versionConflict('campaign', id, version);
      await appendEvent(trx, {
        streamType: CAMPAIGN_STREAM,
        streamId: id,
        type: CAMPAIGN_EVENTS.type[step.event],
        actor: eventActorOf(actor),
        at,
        data: { from: c.status },
        requestId,
      });
    });
    return this.get(id);
  }

  /** Who the filters pick today (opted-out customers and those without a phone left out). */
  async select(filters: CampaignFilters): Promise<Selected[]> {
    return this.selectWith(filters, await optedOutIds(this.ctx.db));
  }

  private async selectWith(filters: CampaignFilters, optedOut: ReadonlySet<string>): Promise<Selected[]> {
    const { db, ports } = this.ctx;
    const now = this.ctx.clock.now();
    const population = await ports.population(filters.regionCode);
    const codes = [...new Set(population.flatMap((c) => c.products.map((p) => p.categoryCode)))];
    return selectTargets(population, filters, {
      today: businessDateOf(now),
      now,
      terms: await ports.categoryTerms(codes),
      lastContact: await lastContacts(db, CAMPAIGN_OUTCOMES.filter(isContact)),
      optedOut,
    });
  }

  /**
   * Who the filters pick today, and how many more they would pick but for opt-outs (community
   * invitations show that count).
   */
  async selectCounting(filters: CampaignFilters): Promise<{ selected: Selected[]; optedOut: number }> {
    const optedOut = await optedOutIds(this.ctx.db);
    const all = await this.selectWith(filters, new Set());
    const selected = all.filter((s) => !optedOut.has(s.customerId));
    return { selected, optedOut: all.length - selected.length };
  }

  async preview(filters: CampaignFilters): Promise<{ count: number }> {
    return { count: (await this.select(filters)).length };
  }

  /**
   * Snapshots the list: the customers the filters pick now join it once (a rebuild adds only those
   * not on it yet; targets already there keep their attempts).
   */
  async build(
    actor: Actor,
    id: string,
    requestId: string | null,
  ): Promise<{ added: number; targets: number }> {
    const c = await this.record(id);
    if (!canBuild(c.status))
      throw new DomainError('campaign.not_active', `Campaign ${id} is ${c.status}`, {
        params: { status: c.status },
      });
    const picked = await this.select(c.filters);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    return withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const added = await addTargets(
        trx,
        picked.map((s) => ({
          id: newId(),
          campaign_id: id,
          customer_id: s.customerId,
          product_id: s.productId,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          claimed_by: null,
          claimed_at: null,
          completed: 0,
          created_at: at,
          updated_at: at,
        })),
      );
      await markBuilt(trx, id, at);
      const targets = (await targetCounts(trx, [id])).get(id)?.targets ?? 0;
      await appendEvent(trx, {
        streamType: CAMPAIGN_STREAM,
        streamId: id,
        type: CAMPAIGN_EVENTS.type.list_built,
        actor: eventActorOf(actor),
        at: now,
        data: { added, targets },
        requestId,
      });
      return { added, targets };
    });
  }

  async figures(id: string): Promise<CampaignFigures> {
    const c = await this.record(id);
    const [targets, answers] = await Promise.all([
      targetFacts(this.ctx.db, id),
      reachedAnswers(this.ctx.db, id),
    ]);
    return campaignFigures(c.questions, targets, answers);
  }
}

function view(
  c: CampaignRecord,
  n: { targets: number; settled: number; reached: number } | undefined,
): Campaign {
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    script: c.script,
    questions: c.questions,
    filters: c.filters,
    status: c.status,
    builtAt: c.builtAt,
    createdAt: c.createdAt,
    version: c.version,
    targets: n?.targets ?? 0,
    settled: n?.settled ?? 0,
    reached: n?.reached ?? 0,
  };
}
