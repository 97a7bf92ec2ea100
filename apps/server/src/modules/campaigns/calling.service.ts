import type { CallOutcomeInput, CampaignTarget, OptOut } from '@anxin/contracts';
import { can, eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { MS_PER_MINUTE } from '../../platform/calendar/dates.ts';
import type { Db } from '../../platform/db/types.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { maskPhone } from '../customers/index.ts';
import type { CampaignContext } from './context.ts';
import { checkAnswers } from './domain/answers.ts';
import { canCall } from './domain/lifecycle.ts';
import { afterCall } from './domain/outcome.ts';
import {
  afterAttempt,
  claim,
  dueTargets,
  findOptOut,
  findTarget,
  heldTarget,
  insertAttempt,
  insertOptOut,
  skipPendingOf,
  type TargetRecord,
} from './campaigns.repository.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { CAMPAIGN_EVENTS, CUSTOMER_STREAM, TARGET_STREAM } from './campaigns.events.ts';
import { campaignPolicy } from './campaigns.settings.ts';

/** The agent's queue: claim the next target, record the call; and opt-outs. */
export class CallingService {
  private readonly ctx: CampaignContext;
  private readonly campaigns: CampaignsService;
  constructor(ctx: CampaignContext, campaigns: CampaignsService) {
    this.ctx = ctx;
    this.campaigns = campaigns;
  }

  /**
   * The target this agent calls next: the one they hold already, else the earliest due one nobody
   * holds (or whose hold lapsed), taken by a conditional update so two agents never get the same.
   */
  async claimNext(actor: Actor, campaignId: string): Promise<CampaignTarget | null> {
    const c = await this.campaigns.record(campaignId);
    if (!canCall(c.status))
      throw new DomainError('campaign.not_active', `Campaign ${campaignId} is ${c.status}`, {
        params: { status: c.status },
      });
    const policy = await campaignPolicy(this.ctx.db);
    const now = this.ctx.clock.now();
    const lapsed = new Date(now.getTime() - policy.claimMinutes * MS_PER_MINUTE).toISOString();
    const userId = actor.userId ?? '';
    const held = await heldTarget(this.ctx.db, campaignId, userId, lapsed);
    if (held) return this.card(actor, held);
    for (const t of await dueTargets(this.ctx.db, campaignId, now.toISOString(), lapsed, 20))
      if (await claim(this.ctx.db, t, userId, now.toISOString()))
        return this.card(actor, { ...t, claimedBy: userId, claimedAt: now.toISOString() });
    return null;
  }

  /**
   * Records one call on a target the agent holds: the attempt with its answers, the target settled
   * or re-queued (max attempts, retry gap from the settings), and an opt-out when the customer asked
   * for one, all in one transaction with their events.
   */
  async record(actor: Actor, targetId: string, input: CallOutcomeInput, requestId: string | null) {
    const t = await findTarget(this.ctx.db, targetId);
    if (!t) throw notFound('campaign target', targetId);
    const c = await this.campaigns.record(t.campaignId);
    if (!canCall(c.status))
      throw new DomainError('campaign.not_active', `Campaign ${c.id} is ${c.status}`, {
        params: { status: c.status },
      });
    if (t.status !== 'pending' || t.claimedBy !== actor.userId)
      throw new DomainError('campaign.target_not_claimed', `Target ${targetId} is not held by this agent`);
    const reached = input.outcome === 'reached';
    if (!reached && Object.keys(input.answers).length)
      throw fieldError('answers', 'not_allowed', 'Answers go with a reached call only');
    if (input.outcome === 'opted_out' && !input.reason.trim())
      throw fieldError('reason', 'required', 'Say why the customer opted out');
    const completed = reached && c.questions.length > 0 && checkAnswers(c.questions, input.answers);
    const policy = await campaignPolicy(this.ctx.db);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const next = afterCall(t.attempts, input.outcome, policy, now);
    const by = eventActorOf(actor);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await afterAttempt(trx, t.id, actor.userId ?? '', { ...next, completed }, at)))
        throw new DomainError('campaign.target_not_claimed', `Target ${targetId} was taken or settled`);
      await insertAttempt(trx, {
        id: newId(),
        campaignId: c.id,
        targetId: t.id,
        customerId: t.customerId,
        agentUserId: actor.userId ?? null,
        outcome: input.outcome,
        answers: reached ? input.answers : {},
        note: input.note,
        at,
      });
      await appendEvent(trx, {
        streamType: TARGET_STREAM,
        streamId: t.id,
        type: CAMPAIGN_EVENTS.type.call_recorded,
        actor: by,
        at: now,
        data: { campaignId: c.id, outcome: input.outcome, attempt: next.attempts, status: next.status },
        requestId,
      });
      if (input.outcome === 'opted_out')
        await recordOptOut(trx, by, t.customerId, input.reason.trim(), c.id, now, requestId);
    });
    return { status: next.status, attempts: next.attempts, completed };
  }

  /** Opts a customer out of outbound campaigns (idempotent: a second opt-out changes nothing). */
  async optOut(actor: Actor, customerId: string, reason: string, requestId: string | null): Promise<OptOut> {
    const known = await this.ctx.ports.contacts([customerId]);
    if (!known.has(customerId)) throw notFound('customer', customerId);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, ({ trx }) =>
      recordOptOut(trx, eventActorOf(actor), customerId, reason, null, now, requestId),
    );
    return (await findOptOut(this.ctx.db, customerId))!;
  }

  optOutOf(customerId: string): Promise<OptOut | undefined> {
    return findOptOut(this.ctx.db, customerId);
  }

  /** The target card: the customer's name, the phone masked unless the agent may see it whole. */
  private async card(actor: Actor, t: TargetRecord): Promise<CampaignTarget> {
    const contact = (await this.ctx.ports.contacts([t.customerId])).get(t.customerId);
    const product = t.productId ? (await this.ctx.ports.products([t.productId])).get(t.productId) : undefined;
    const phone = contact?.phone ?? '';
    return {
      id: t.id,
      campaignId: t.campaignId,
      customerId: t.customerId,
      customerName: contact?.name ?? '',
      phone: can(actor, 'customer:phone_unmasked') ? phone : maskPhone(phone),
      product: product && t.productId ? { id: t.productId, ...product } : null,
      status: t.status,
      attempts: t.attempts,
      nextAttemptAt: t.nextAttemptAt,
    };
  }
}

/**
 * Records the opt-out in the caller's transaction (once per customer: a second one changes
 * nothing) and skips the customer's pending targets. Other modules (community invitations) opt a
 * customer out through this, so there is one opt-out store.
 */
export async function recordOptOut(
  trx: Db,
  by: EventActor,
  customerId: string,
  reason: string,
  campaignId: string | null,
  now: Date,
  requestId: string | null,
): Promise<void> {
  const at = now.toISOString();
  const fresh = await insertOptOut(trx, { customerId, reason, actorId: by.id, campaignId, at });
  if (!fresh) return;
  const skipped = await skipPendingOf(trx, customerId, at);
  await appendEvent(trx, {
    streamType: CUSTOMER_STREAM,
    streamId: customerId,
    type: CAMPAIGN_EVENTS.type.opted_out,
    actor: by,
    at: now,
    reason,
    data: { campaignId, skipped },
    requestId,
  });
}
