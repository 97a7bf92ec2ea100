import type {
  CommunityEventStatus,
  InvitationStatus,
  ReferralStatus,
  RegistrationSource,
} from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import type { CommunityEventsTable, EventRegistrationsTable, ReferralsTable } from './community.schema.ts';

/** A referral row as the use cases see it. */
export interface ReferralRecord {
  id: string;
  number: string;
  referrerId: string;
  name: string;
  phone: string;
  regionCode: string | null;
  interestCategory: string | null;
  channel: ReferralsTable['channel'];
  note: string;
  reward: boolean;
  agentId: string | null;
  status: ReferralStatus;
  lostReason: string | null;
  convertedCustomerId: string | null;
  convertedContractId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toReferral = (r: Selectable<ReferralsTable>): ReferralRecord => ({
  id: r.id,
  number: r.number,
  referrerId: r.referrer_id,
  name: r.name,
  phone: r.phone,
  regionCode: r.region_code,
  interestCategory: r.interest_category,
  channel: r.channel,
  note: r.note,
  reward: Number(r.reward) === 1,
  agentId: r.agent_id,
  status: r.status,
  lostReason: r.lost_reason,
  convertedCustomerId: r.converted_customer_id,
  convertedContractId: r.converted_contract_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

export async function insertReferral(db: Db, r: ReferralsTable): Promise<void> {
  await db.insertInto('referrals').values(r).execute();
}

export async function findReferral(db: Db, id: string): Promise<ReferralRecord | undefined> {
  const r = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toReferral(r);
}

export async function referralByPhone(db: Db, phone: string): Promise<ReferralRecord | undefined> {
  const r = await db.selectFrom('referrals').selectAll().where('phone', '=', phone).executeTakeFirst();
  return r && toReferral(r);
}

export async function listReferrals(
  db: Db,
  q: { referrerId?: string; status?: ReferralStatus; limit: number },
): Promise<ReferralRecord[]> {
  let s = db.selectFrom('referrals').selectAll();
  if (q.referrerId) s = s.where('referrer_id', '=', q.referrerId);
  if (q.status) s = s.where('status', '=', q.status);
  const rows = await s.orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
  return rows.map(toReferral);
}

/** Writes the step when the referral is still at `from` and `version`; false otherwise. */
export async function stepReferral(
  db: Db,
  r: ReferralRecord,
  to: ReferralStatus,
  set: { lostReason: string | null; customerId: string | null; contractId: string | null },
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('referrals')
    .set({
      status: to,
      lost_reason: set.lostReason,
      converted_customer_id: set.customerId,
      converted_contract_id: set.contractId,
      updated_at: at,
      version: r.version + 1,
    })
    .where('id', '=', r.id)
    .where('status', '=', r.status)
    .where('version', '=', r.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Referrals recorded in [from, to) instants: who referred and whether it converted. */
export async function referralFacts(db: Db, from: string, to: string) {
  return db
    .selectFrom('referrals')
    .select(['referrer_id', 'status', 'created_at'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

// ---- events ----

export interface EventRecord {
  id: string;
  title: string;
  kind: CommunityEventsTable['kind'];
  startsAt: string;
  place: string;
  regionCode: string | null;
  capacity: number;
  registered: number;
  status: CommunityEventStatus;
  createdAt: string;
  version: number;
}

const toEvent = (r: Selectable<CommunityEventsTable>): EventRecord => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  startsAt: r.starts_at,
  place: r.place,
  regionCode: r.region_code,
  capacity: Number(r.capacity),
  registered: Number(r.registered),
  status: r.status,
  createdAt: r.created_at,
  version: Number(r.version),
});

export async function insertEvent(db: Db, e: CommunityEventsTable): Promise<void> {
  await db.insertInto('community_events').values(e).execute();
}

export async function findEvent(db: Db, id: string): Promise<EventRecord | undefined> {
  const r = await db.selectFrom('community_events').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toEvent(r);
}

export async function listEvents(db: Db, limit: number): Promise<EventRecord[]> {
  const rows = await db
    .selectFrom('community_events')
    .selectAll()
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

export async function setEventStatus(db: Db, e: EventRecord, to: CommunityEventStatus, at: string) {
  const r = await db
    .updateTable('community_events')
    .set({ status: to, updated_at: at, version: e.version + 1 })
    .where('id', '=', e.id)
    .where('status', '=', e.status)
    .where('version', '=', e.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes one seat: a single conditional update, so two registrations for the last seat cannot
 * both win (PostgreSQL locks the row; SQLite has one writer). False when full or not open.
 */
export async function takeSeat(db: Db, eventId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('community_events')
    .set((eb) => ({ registered: eb('registered', '+', 1), updated_at: at }))
    .where('id', '=', eventId)
    .where('status', '=', 'open')
    .whereRef('registered', '<', 'capacity')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Invitation, registration and attendance counts per event. */
export async function eventCounts(db: Db, ids: readonly string[]) {
  const out = new Map<string, { invited: number; registered: number; attended: number }>();
  for (const id of ids) out.set(id, { invited: 0, registered: 0, attended: 0 });
  if (!ids.length) return out;
  const inv = await db
    .selectFrom('event_invitations')
    .select(['event_id', (e) => e.fn.countAll<number>().as('n')])
    .where('event_id', 'in', [...ids])
    .groupBy('event_id')
    .execute();
  for (const r of inv) out.get(r.event_id)!.invited = Number(r.n);
  const reg = await db
    .selectFrom('event_registrations')
    .select([
      'event_id',
      (e) => e.fn.countAll<number>().as('n'),
      (e) => e.fn.count<number>('attended_at').as('a'),
    ])
    .where('event_id', 'in', [...ids])
    .groupBy('event_id')
    .execute();
  for (const r of reg) {
    const c = out.get(r.event_id)!;
    c.registered = Number(r.n);
    c.attended = Number(r.a);
  }
  return out;
}

/** Events starting in [from, to) instants. */
export async function eventIdsStarting(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('community_events')
    .select('id')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  return rows.map((r) => r.id);
}

// ---- invitations ----

export async function invitedCustomerIds(db: Db, eventId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('event_invitations')
    .select('customer_id')
    .where('event_id', '=', eventId)
    .execute();
  return new Set(rows.map((r) => r.customer_id));
}

/** Adds invitations not there yet (one per event and customer); the ids actually added. */
export async function addInvitations(
  db: Db,
  rows: { id: string; event_id: string; customer_id: string; status: InvitationStatus; sent_at: string }[],
): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const r = await db
      .insertInto('event_invitations')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['event_id', 'customer_id']).doNothing())
      .returning('id')
      .execute();
    added.push(...r.map((x) => x.id));
  }
  return added;
}

export async function findInvitation(db: Db, id: string) {
  return db.selectFrom('event_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listInvitations(db: Db, eventId: string) {
  return db
    .selectFrom('event_invitations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('sent_at')
    .orderBy('id')
    .limit(5000)
    .execute();
}

export async function markInvitationOptedOut(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('event_invitations')
    .set({ status: 'opted_out' })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- registrations ----

export async function insertRegistration(
  db: Db,
  r: {
    id: string;
    eventId: string;
    invitationId: string | null;
    customerId: string | null;
    name: string;
    phone: string;
    source: RegistrationSource;
    at: string;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('event_registrations')
    .values({
      id: r.id,
      event_id: r.eventId,
      invitation_id: r.invitationId,
      customer_id: r.customerId,
      name: r.name,
      phone: r.phone,
      source: r.source,
      attended_at: null,
      created_at: r.at,
    })
    .onConflict((oc) => oc.columns(['event_id', 'phone']).doNothing())
    .returning('id')
    .execute();
  return res.length === 1;
}

export async function registrationByPhone(db: Db, eventId: string, phone: string) {
  return db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

export async function findRegistration(
  db: Db,
  id: string,
): Promise<Selectable<EventRegistrationsTable> | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRegistrations(db: Db, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(5000)
    .execute();
}

/** Checks the registration in once; false when it was checked in already. */
export async function checkIn(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('event_registrations')
    .set({ attended_at: at })
    .where('id', '=', id)
    .where('attended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
