import type { CallRecordInput } from '@anxin/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { CallRecordsTable } from './callcenter.schema.ts';
import type { CallSums } from './domain/kpis.ts';
import { offeredSlot } from './domain/records.ts';

/** A stored call as the module hands it on (agent name added by the service). */
export interface StoredCall extends Omit<CallRecordInput, 'resolvedFirstContact'> {
  id: string;
  resolvedFirstContact: boolean | null;
  createdAt: string;
}

function callOf(r: CallRecordsTable): StoredCall {
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    direction: r.direction,
    callerNumber: r.caller_number,
    queue: r.queue,
    agentUserId: r.agent_user_id,
    offeredAt: r.offered_at,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    waitSeconds: Number(r.wait_seconds),
    talkSeconds: Number(r.talk_seconds),
    holdSeconds: Number(r.hold_seconds),
    acwSeconds: Number(r.acw_seconds),
    outcome: r.outcome,
    resolvedFirstContact: r.resolved_first_contact === null ? null : Number(r.resolved_first_contact) === 1,
    workOrderId: r.work_order_id,
    createdAt: r.created_at,
  };
}

export function rowOf(id: string, r: CallRecordInput, createdAt: string): CallRecordsTable {
  const { on, slot } = offeredSlot(r.offeredAt);
  const iso = (s: string) => new Date(s).toISOString();
  return {
    id,
    source: r.source,
    external_id: r.externalId,
    direction: r.direction,
    caller_number: r.callerNumber,
    queue: r.queue,
    agent_user_id: r.agentUserId,
    offered_at: iso(r.offeredAt),
    offered_on: on,
    offered_slot: slot,
    answered_at: r.answeredAt ? iso(r.answeredAt) : null,
    ended_at: iso(r.endedAt),
    wait_seconds: r.waitSeconds,
    talk_seconds: r.talkSeconds,
    hold_seconds: r.holdSeconds,
    acw_seconds: r.acwSeconds,
    outcome: r.outcome,
    resolved_first_contact: r.resolvedFirstContact === null ? null : r.resolvedFirstContact ? 1 : 0,
    work_order_id: r.workOrderId,
    created_at: createdAt,
  };
}

/**
 * Inserts the rows a (source, external id) not yet stored; returns how many went in. A row already
 * there is left as it was (the sender re-sent it), so the write is idempotent.
 */
export async function insertCalls(db: Kysely<Database>, rows: CallRecordsTable[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const res = await db
      .insertInto('call_records')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .returning('id')
      .execute();
    created += res.length;
  }
  return created;
}

export interface CallFilter {
  from?: string | undefined;
  to?: string | undefined;
  agentUserId?: string | undefined;
  outcome?: 'answered' | 'abandoned' | undefined;
}

/** A page of calls, newest offered first; `after` is the last (offered_at, id) of the page before. */
export async function listCalls(
  db: Kysely<Database>,
  f: CallFilter,
  limit: number,
  after: { at: string; id: string } | null,
): Promise<StoredCall[]> {
  let q = db.selectFrom('call_records').selectAll();
  if (f.from) q = q.where('offered_on', '>=', f.from);
  if (f.to) q = q.where('offered_on', '<=', f.to);
  if (f.agentUserId) q = q.where('agent_user_id', '=', f.agentUserId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('offered_at', '<', after.at),
        eb.and([eb('offered_at', '=', after.at), eb('id', '<', after.id)]),
      ]),
    );
  const rows = await q.orderBy('offered_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(callOf);
}

export type SumGroup = 'day' | 'slot' | 'agent' | 'none';

/**
 * The KPI sums of inbound calls offered on business dates from…to, per group (`key` is the date,
 * the half hour or the agent's user id). `threshold` is T of the service level in seconds.
 */
export async function callSums(
  db: Kysely<Database>,
  f: { from: string; to: string; agentUserId?: string | undefined },
  group: SumGroup,
  threshold: number,
): Promise<{ key: string; sums: CallSums }[]> {
  const answered = sql`outcome = 'answered'`;
  const key =
    group === 'day'
      ? sql<string>`offered_on`
      : group === 'slot'
        ? sql<string>`offered_slot`
        : group === 'agent'
          ? sql<string>`agent_user_id`
          : sql<string>`'all'`;
  let q = db
    .selectFrom('call_records')
    .select([
      key.as('key'),
      sql<number>`count(*)`.as('offered'),
      sql<number>`sum(case when ${answered} then 1 else 0 end)`.as('answered'),
      sql<number>`sum(case when outcome = 'abandoned' then 1 else 0 end)`.as('abandoned'),
      sql<number>`sum(case when ${answered} and wait_seconds <= ${threshold} then 1 else 0 end)`.as(
        'answered_within',
      ),
      sql<number>`sum(case when ${answered} then wait_seconds else 0 end)`.as('answered_wait'),
      sql<number>`sum(case when ${answered} then talk_seconds + hold_seconds + acw_seconds else 0 end)`.as(
        'handle',
      ),
      sql<number>`sum(case when ${answered} and resolved_first_contact is not null then 1 else 0 end)`.as(
        'fcr_recorded',
      ),
      sql<number>`sum(case when ${answered} and resolved_first_contact = 1 then 1 else 0 end)`.as(
        'fcr_resolved',
      ),
    ])
    .where('direction', '=', 'inbound')
    .where('offered_on', '>=', f.from)
    .where('offered_on', '<=', f.to);
  if (f.agentUserId) q = q.where('agent_user_id', '=', f.agentUserId);
  if (group === 'agent') q = q.where('agent_user_id', 'is not', null);
  if (group !== 'none') q = q.groupBy(key).orderBy(key);
  const rows = await q.execute();
  return rows.map((r) => ({
    key: String(r.key),
    sums: {
      offered: Number(r.offered),
      answered: Number(r.answered ?? 0),
      abandoned: Number(r.abandoned ?? 0),
      answeredWithin: Number(r.answered_within ?? 0),
      answeredWait: Number(r.answered_wait ?? 0),
      handle: Number(r.handle ?? 0),
      fcrRecorded: Number(r.fcr_recorded ?? 0),
      fcrResolved: Number(r.fcr_resolved ?? 0),
    },
  }));
}
