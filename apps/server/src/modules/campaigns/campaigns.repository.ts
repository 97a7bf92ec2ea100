import type {
  CampaignOutcome,
  CampaignAnswer,
  CampaignFilters,
  CampaignQuestion,
  CampaignStatus,
  OptOut,
  TargetStatus,
} from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import type { CampaignsTable, CampaignTargetsTable } from './campaigns.schema.ts';

/** A campaign as the use cases see it (questions and filters decoded). */
export interface CampaignRecord {
  id: string;
  name: string;
  purpose: CampaignsTable['purpose'];
  script: string;
  questions: CampaignQuestion[];
  filters: CampaignFilters;
  status: CampaignStatus;
  builtAt: string | null;
  createdAt: string;
  version: number;
}

export interface TargetRecord {
  id: string;
  campaignId: string;
  customerId: string;
  productId: string | null;
  status: TargetStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedAt: string | null;
}

const toCampaign = (r: Selectable<CampaignsTable>): CampaignRecord => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  script: r.script,
  questions: JSON.parse(r.questions) as CampaignQuestion[],
  filters: JSON.parse(r.filters) as CampaignFilters,
  status: r.status,
  builtAt: r.built_at,
  createdAt: r.created_at,
  version: r.version,
});

const toTarget = (r: Selectable<CampaignTargetsTable>): TargetRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  customerId: r.customer_id,
  productId: r.product_id,
  status: r.status,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at,
});

export type CampaignFields = Pick<CampaignRecord, 'name' | 'purpose' | 'script' | 'questions' | 'filters'>;

const fieldColumns = (f: CampaignFields) => ({
  name: f.name,
  purpose: f.purpose,
  script: f.script,
  questions: JSON.stringify(f.questions),
  filters: JSON.stringify(f.filters),
});

export async function insertCampaign(db: Db, id: string, f: CampaignFields, by: string | null, at: string) {
  await db
    .insertInto('campaigns')
    .values({
      id,
      ...fieldColumns(f),
      status: 'draft',
      built_at: null,
      created_by: by,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
}

/** Writes the fields when the campaign is still a draft at `version`; false otherwise. */
export async function updateDraft(db: Db, id: string, version: number, f: CampaignFields, at: string) {
  const r = await db
    .updateTable('campaigns')
    .set({ ...fieldColumns(f), updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setStatus(
  db: Db,
  id: string,
  from: CampaignStatus,
  to: CampaignStatus,
  version: number,
  at: string,
) {
  const r = await db
    .updateTable('campaigns')
    .set({ status: to, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markBuilt(db: Db, id: string, at: string) {
  await db.updateTable('campaigns').set({ built_at: at, updated_at: at }).where('id', '=', id).execute();
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRecord | undefined> {
  const r = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toCampaign(r);
}

export async function listCampaigns(db: Db): Promise<CampaignRecord[]> {
  const rows = await db
    .selectFrom('campaigns')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(toCampaign);
}

/** Targets per campaign: all, settled (not pending) and reached. */
export async function targetCounts(db: Db, ids: readonly string[]) {
  const out = new Map<string, { targets: number; settled: number; reached: number }>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('campaign_targets')
    .select(['campaign_id', 'status', (e) => e.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', [...ids])
    .groupBy(['campaign_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.campaign_id) ?? { targets: 0, settled: 0, reached: 0 };
    const n = Number(r.n);
    c.targets += n;
    if (r.status !== 'pending') c.settled += n;
    if (r.status === 'reached') c.reached += n;
    out.set(r.campaign_id, c);
  }
  return out;
}

/** Adds the targets not on the list yet (unique per campaign and customer); how many were added. */
export async function addTargets(db: Db, rows: CampaignTargetsTable[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const r = await db
      .insertInto('campaign_targets')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['campaign_id', 'customer_id']).doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

export async function targetCustomerIds(db: Db, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('campaign_targets')
    .select('customer_id')
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}

export async function optedOutIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('campaign_opt_outs').select('customer_id').execute();
  return new Set(rows.map((r) => r.customer_id));
}

/** The latest call that reached a person, per customer (instants). */
export async function lastContacts(
  db: Db,
  contactOutcomes: readonly CampaignOutcome[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('campaign_attempts')
    .select(['customer_id', (e) => e.fn.max('at').as('at')])
    .where('outcome', 'in', [...contactOutcomes])
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, String(r.at)]));
}

export async function findTarget(db: Db, id: string): Promise<TargetRecord | undefined> {
  const r = await db.selectFrom('campaign_targets').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toTarget(r);
}

/** The pending target this agent holds in the campaign, if any (an agent works one at a time). */
export async function heldTarget(db: Db, campaignId: string, userId: string, since: string) {
  const r = await db
    .selectFrom('campaign_targets')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', userId)
    .where('claimed_at', '>=', since)
    .orderBy('claimed_at')
    .executeTakeFirst();
  return r && toTarget(r);
}

/** The next due pending targets nobody holds (or whose hold lapsed), earliest due first. */
export async function dueTargets(
  db: Db,
  campaignId: string,
  now: string,
  lapsedBefore: string,
  limit: number,
) {
  const rows = await db
    .selectFrom('campaign_targets')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', lapsedBefore)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toTarget);
}

/** Takes the target when nobody took it since it was read (conditional update: one winner). */
export async function claim(db: Db, t: TargetRecord, userId: string, at: string): Promise<boolean> {
  let q = db
    .updateTable('campaign_targets')
    .set({ claimed_by: userId, claimed_at: at, updated_at: at })
    .where('id', '=', t.id)
    .where('status', '=', 'pending');
  q = t.claimedBy === null ? q.where('claimed_by', 'is', null) : q.where('claimed_at', '=', t.claimedAt);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Settles or re-queues a pending target held by this agent; false when it is not theirs. */
export async function afterAttempt(
  db: Db,
  id: string,
  userId: string,
  next: { status: TargetStatus; attempts: number; nextAttemptAt: string; completed: boolean },
  at: string,
) {
  const r = await db
    .updateTable('campaign_targets')
    .set({
      status: next.status,
      attempts: next.attempts,
      next_attempt_at: next.nextAttemptAt,
      completed: next.completed ? 1 : 0,
      claimed_by: null,
      claimed_at: null,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAttempt(
  db: Db,
  a: {
    id: string;
    campaignId: string;
    targetId: string;
    customerId: string;
    agentUserId: string | null;
    outcome: CampaignOutcome;
    answers: Record<string, CampaignAnswer>;
    note: string;
    at: string;
  },
) {
  await db
    .insertInto('campaign_attempts')
    .values({
      id: a.id,
      campaign_id: a.campaignId,
      target_id: a.targetId,
      customer_id: a.customerId,
      agent_user_id: a.agentUserId,
      outcome: a.outcome,
      answers: JSON.stringify(a.answers),
      note: a.note,
      at: a.at,
    })
    .execute();
}

/** Records the opt-out once per customer; true when it is new. */
export async function insertOptOut(
  db: Db,
  o: { customerId: string; reason: string; actorId: string | null; campaignId: string | null; at: string },
) {
  const r = await db
    .insertInto('campaign_opt_outs')
    .values({
      customer_id: o.customerId,
      reason: o.reason,
      actor_id: o.actorId,
      campaign_id: o.campaignId,
      at: o.at,
    })
    .onConflict((oc) => oc.column('customer_id').doNothing())
    .returning('customer_id')
    .execute();
  return r.length > 0;
}

/** Marks the customer's pending targets of every campaign skipped; how many. */
export async function skipPendingOf(db: Db, customerId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('campaign_targets')
    .set({ status: 'skipped', claimed_by: null, claimed_at: null, updated_at: at })
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findOptOut(db: Db, customerId: string): Promise<OptOut | undefined> {
  const r = await db
    .selectFrom('campaign_opt_outs')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return r && { customerId: r.customer_id, reason: r.reason, at: r.at, actorId: r.actor_id };
}

export async function optedOutAmong(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('campaign_opt_outs')
      .select('customer_id')
      .where('customer_id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.customer_id);
  }
  return out;
}

export async function targetFacts(db: Db, campaignId: string) {
  const rows = await db
    .selectFrom('campaign_targets')
    .select(['status', 'attempts', 'completed'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.map((r) => ({
    status: r.status,
    attempts: Number(r.attempts),
    completed: Number(r.completed) === 1,
  }));
}

/** The answers of the campaign's reaching calls. */
export async function reachedAnswers(db: Db, campaignId: string): Promise<Record<string, CampaignAnswer>[]> {
  const rows = await db
    .selectFrom('campaign_attempts')
    .select('answers')
    .where('campaign_id', '=', campaignId)
    .where('outcome', '=', 'reached')
    .execute();
  return rows.map((r) => JSON.parse(r.answers) as Record<string, CampaignAnswer>);
}

/** Outcomes of the calls made in [fromAt, toAt) per campaign. */
export async function attemptOutcomesIn(db: Db, fromAt: string, toAt: string) {
  const rows = await db
    .selectFrom('campaign_attempts')
    .select(['campaign_id', 'outcome'])
    .where('at', '>=', fromAt)
    .where('at', '<', toAt)
    .execute();
  return rows.map((r) => ({ campaignId: r.campaign_id, outcome: r.outcome }));
}
