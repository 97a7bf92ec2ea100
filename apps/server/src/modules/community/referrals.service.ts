import type { Referral, ReferralInput, ReferralStep, ReferrerStat } from '@anxin/contracts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { COMMUNITY_EVENTS, REFERRAL_STREAM } from './community.events.ts';
import {
  findReferral,
  insertReferral,
  listReferrals,
  referralByPhone,
  stepReferral,
  type ReferralRecord,
} from './community.repository.ts';
import { communityPolicy } from './community.settings.ts';
import type { CommunityContext } from './context.ts';
import { canStepReferral } from './domain/lifecycle.ts';

const STEP_EVENT = {
  contacted: COMMUNITY_EVENTS.type.referral_contacted,
  converted: COMMUNITY_EVENTS.type.referral_converted,
  lost: COMMUNITY_EVENTS.type.referral_lost,
} as const;

/** Referrals (转介绍): who referred whom, and the state machine to conversion or loss. */
export class ReferralsService {
  private readonly ctx: CommunityContext;
  constructor(ctx: CommunityContext) {
    this.ctx = ctx;
  }

  async list(q: { referrerId?: string; status?: Referral['status'] } = {}): Promise<Referral[]> {
    return this.views(await listReferrals(this.ctx.db, { ...q, limit: 500 }));
  }

  async get(id: string): Promise<Referral> {
    return (await this.views([await this.record(id)]))[0]!;
  }

  private async record(id: string): Promise<ReferralRecord> {
    const r = await findReferral(this.ctx.db, id);
    if (!r) throw notFound('referral', id);
    return r;
  }

  /** Records a referral; a phone referred before is refused with that referral's number (409). */
  async create(actor: Actor, input: ReferralInput, requestId: string | null): Promise<Referral> {
    const known = await this.ctx.ports.contacts([input.referrerId]);
    if (!known.has(input.referrerId))
      throw fieldError('referrerId', 'not_found', `Customer ${input.referrerId} was not found`);
    await this.refuseDuplicate(input.phone);
    const id = newId();
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const write = withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const number = await this.ctx.ports.drawNumber(trx, now);
      await insertReferral(trx, {
        id,
        number,
        referrer_id: input.referrerId,
        name: input.name,
        phone: input.phone,
        region_code: input.regionCode,
        interest_category: input.interestCategory,
        channel: input.channel,
        note: input.note,
        reward: input.reward ? 1 : 0,
        agent_id: actor.userId || null,
        status: 'draft',
        lost_reason: null,
        converted_customer_id: null,
        converted_contract_id: null,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      await appendEvent(trx, {
        streamType: REFERRAL_STREAM,
        streamId: id,
        type: COMMUNITY_EVENTS.type.referral_recorded,
        actor: eventActorOf(actor),
        at: now,
        data: { number, referrerId: input.referrerId },
        requestId,
      });
    });
    await write.catch(async (err: unknown) => {
      // Two entries of one phone at once: the loser is told as if it had been there before.
      if (isUniqueViolation(err)) await this.refuseDuplicate(input.phone);
      throw err;
    });
    return this.get(id);
  }

  private async refuseDuplicate(phone: string) {
    const dup = await referralByPhone(this.ctx.db, phone);
    if (dup) throw refuse('community.referral_duplicate', { number: dup.number }, { path: 'phone' });
  }

  /** One step; `lost` needs a reason, `converted` the customer record and/or the contract it became. */
  async step(actor: Actor, id: string, input: ReferralStep, requestId: string | null): Promise<Referral> {
    const r = await this.record(id);
    if (!canStepReferral(r.status, input.to))
      throw refuse('community.referral_invalid_transition', { from: r.status, to: input.to });
    const set = await this.stepFields(input);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await stepReferral(trx, r, input.to, set, now.toISOString())))
        throw versionConflict('referral', id, input.version);
      await appendEvent(trx, {
        streamType: REFERRAL_STREAM,
        streamId: id,
        type: STEP_EVENT[input.to],
        actor: eventActorOf(actor),
        at: now,
        ...(input.to === 'lost' ? { reason: input.reason } : {}),
        data: { from: r.status, customerId: set.customerId, contractId: set.contractId },
        requestId,
      });
    });
    return this.get(id);
  }

  private async stepFields(input: ReferralStep) {
    if (input.to === 'lost') {
      if (!input.reason) throw refuse('community.referral_reason_required', {}, { path: 'reason' });
      return { lostReason: input.reason, customerId: null, contractId: null };
    }
    if (input.to !== 'converted') return { lostReason: null, customerId: null, contractId: null };
    if (!input.customerId && !input.contractId)
      throw refuse('community.referral_conversion_required', {}, { path: 'customerId' });
    if (input.customerId && !(await this.ctx.ports.contacts([input.customerId])).has(input.customerId))
      throw fieldError('customerId', 'not_found', `Customer ${input.customerId} was not found`);
    if (input.contractId && !(await this.ctx.ports.contractExists(input.contractId)))
      throw fieldError('contractId', 'not_found', `Contract ${input.contractId} was not found`);
    return { lostReason: null, customerId: input.customerId, contractId: input.contractId };
  }

  /** Per referrer: how many they referred and how many converted, most referrals first. */
  async referrers(): Promise<ReferrerStat[]> {
    const rows = await listReferrals(this.ctx.db, { limit: 5000 });
    const by = new Map<string, { referred: number; converted: number }>();
    for (const r of rows) {
      const s = by.get(r.referrerId) ?? { referred: 0, converted: 0 };
      s.referred++;
      if (r.status === 'converted') s.converted++;
      by.set(r.referrerId, s);
    }
    const names = await this.ctx.ports.contacts([...by.keys()]);
    return [...by]
      .map(([referrerId, s]) => ({ referrerId, referrerName: names.get(referrerId)?.name ?? '', ...s }))
      .sort((a, b) => b.referred - a.referred || a.referrerId.localeCompare(b.referrerId));
  }

  private async views(rows: ReferralRecord[]): Promise<Referral[]> {
    const names = await this.ctx.ports.contacts(rows.map((r) => r.referrerId));
    const { rewardText } = await communityPolicy(this.ctx.db);
    return rows.map((r) => ({
      ...r,
      referrerName: names.get(r.referrerId)?.name ?? '',
      rewardText: r.reward ? rewardText : null,
    }));
  }
}
