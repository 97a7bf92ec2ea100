import type {
  CampaignFilters,
  CommunityEvent,
  CommunityEventInput,
  CommunityEventStatus,
  Invitation,
  InviteResult,
  Registration,
  RegistrationInput,
} from '@anxin/contracts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent, type NewEvent } from '../../platform/events/append.ts';
import type { EventData, EventType } from '../../platform/events/catalogue.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { optedOutCustomers, recordOptOut } from '../campaigns/index.ts';
import { COMMUNITY_EVENTS, EVENT_STREAM } from './community.events.ts';
import * as repo from './community.repository.ts';
import { communityPolicy } from './community.settings.ts';
import type { CommunityContext } from './context.ts';
import { canCheckIn, canInvite, canStepEvent, inviteText } from './domain/lifecycle.ts';
import { sendInvitation } from './invite-sender.ts';

const STEP_EVENT = {
  open: COMMUNITY_EVENTS.type.event_opened,
  closed: COMMUNITY_EVENTS.type.event_closed,
  done: COMMUNITY_EVENTS.type.event_done,
  cancelled: COMMUNITY_EVENTS.type.event_cancelled,
} as const;

/** The time in an invitation, in the business time zone (Asia/Shanghai). */
const localTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** User events and seminars (用户活动/讲座): invitations, registrations under capacity, check-in. */
export class EventsService {
  private readonly ctx: CommunityContext;
  constructor(ctx: CommunityContext) {
    this.ctx = ctx;
  }

  async list(): Promise<CommunityEvent[]> {
    const rows = await repo.listEvents(this.ctx.db, 500);
    const counts = await repo.eventCounts(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => view(r, counts.get(r.id)!));
  }

  async get(id: string): Promise<CommunityEvent> {
    const e = await this.record(id);
    return view(e, (await repo.eventCounts(this.ctx.db, [id])).get(id)!);
  }

  private async record(id: string, db: Db = this.ctx.db): Promise<repo.EventRecord> {
    const e = await repo.findEvent(db, id);
    if (!e) throw notFound('community event', id);
    return e;
  }

  async create(actor: Actor, input: CommunityEventInput, requestId: string | null): Promise<CommunityEvent> {
    const id = newId();
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await repo.insertEvent(trx, {
        id,
        title: input.title,
        kind: input.kind,
        starts_at: new Date(input.startsAt).toISOString(),
        place: input.place,
        region_code: input.regionCode,
        capacity: input.capacity,
        registered: 0,
        status: 'draft',
        created_by: actor.userId || null,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      await this.append(trx, actor, id, now, requestId, COMMUNITY_EVENTS.type.event_created, {
        title: input.title,
        capacity: input.capacity,
      });
    });
    return this.get(id);
  }

  async step(
    actor: Actor,
    id: string,
    to: Exclude<CommunityEventStatus, 'draft'>,
    version: number,
    requestId: string | null,
  ): Promise<CommunityEvent> {
    const e = await this.record(id);
    if (!canStepEvent(e.status, to))
      throw refuse('community.event_invalid_transition', { from: e.status, to });
    if (e.version !== version) throw versionConflict('community event', id, version);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await repo.setEventStatus(trx, e, to, now.toISOString())))
        throw versionConflict('community event', id, version);
      await this.append(trx, actor, id, now, requestId, STEP_EVENT[to], { from: e.status });
    });
    return this.get(id);
  }

  /**
   * Invites the customers a campaigns contact list picks (opted-out customers never; their count
   * is returned), each once per event, and queues each new invitation's SMS.
   */
  async invite(
    actor: Actor,
    id: string,
    filters: CampaignFilters,
    requestId: string | null,
  ): Promise<InviteResult> {
    const e = await this.record(id);
    if (!canInvite(e.status)) throw refuse('community.event_not_open', { status: e.status });
    const policy = await communityPolicy(this.ctx.db);
    const list = await this.ctx.ports.contactList(filters);
    const already = await repo.invitedCustomerIds(this.ctx.db, id);
    const fresh = list.customerIds.filter((c) => !already.has(c)).slice(0, policy.maxInvitesPerRun);
    const contacts = await this.ctx.ports.contacts(fresh);
    const params = { title: e.title, time: localTime(e.startsAt), place: e.place };
    const text = inviteText(policy.inviteText, params);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const result = await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      // An opt-out recorded since the list was read still keeps the customer out.
      const lateOptOuts = await optedOutCustomers(trx, fresh);
      const rows = fresh
        .filter((c) => !lateOptOuts.has(c))
        .map((c) => ({ id: newId(), event_id: id, customer_id: c, status: 'sent' as const, sent_at: at }));
      const added = new Set(await repo.addInvitations(trx, rows));
      for (const r of rows) {
        const phone = contacts.get(r.customer_id)?.phone;
        if (added.has(r.id) && phone)
          await sendInvitation(trx, now, { invitationId: r.id, eventId: id, to: phone, text, params });
      }
      const out = {
        invited: added.size,
        excludedOptedOut: list.optedOut + lateOptOuts.size,
        alreadyInvited: list.customerIds.filter((c) => already.has(c)).length,
      };
      await this.append(trx, actor, id, now, requestId, COMMUNITY_EVENTS.type.invitations_sent, out);
      afterCommit(this.ctx.nudgeOutbox);
      return out;
    });
    return result;
  }

  async invitations(id: string): Promise<Invitation[]> {
    await this.record(id);
    const rows = await repo.listInvitations(this.ctx.db, id);
    const names = await this.ctx.ports.contacts(rows.map((r) => r.customer_id));
    const registered = new Set(
      (await repo.listRegistrations(this.ctx.db, id)).map((r) => r.invitation_id).filter(Boolean),
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      customerId: r.customer_id,
      customerName: names.get(r.customer_id)?.name ?? '',
      status: r.status,
      sentAt: r.sent_at,
      registered: registered.has(r.id),
    }));
  }

  /** The customer opts out from the invitation: the campaigns opt-out store, so no list picks them again. */
  async optOut(actor: Actor, id: string, invitationId: string, reason: string, requestId: string | null) {
    const inv = await repo.findInvitation(this.ctx.db, invitationId);
    if (!inv || inv.event_id !== id) throw notFound('event invitation', invitationId);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await repo.markInvitationOptedOut(trx, invitationId);
      await recordOptOut(trx, eventActorOf(actor), inv.customer_id, reason, null, now, requestId);
      await this.append(trx, actor, id, now, requestId, COMMUNITY_EVENTS.type.invitation_opted_out, {
        invitationId,
        customerId: inv.customer_id,
      });
    });
    return (await this.invitations(id)).find((i) => i.id === invitationId)!;
  }

  /**
   * Registers from an invitation or a walk-in. The seat is taken by one conditional update in the
   * same transaction as the row, so parallel registrations never exceed the capacity.
   */
  async register(
    actor: Actor,
    id: string,
    input: RegistrationInput,
    requestId: string | null,
  ): Promise<Registration> {
    const who = await this.registrant(id, input);
    const regId = newId();
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (await repo.registrationByPhone(trx, id, who.phone))
        throw refuse('community.already_registered', {});
      if (!(await repo.takeSeat(trx, id, at))) {
        const e = await this.record(id, trx);
        if (e.status !== 'open') throw refuse('community.event_not_open', { status: e.status });
        throw refuse('community.event_full', { capacity: e.capacity });
      }
      // The seat goes back with the rollback when the phone registered meanwhile.
      if (!(await repo.insertRegistration(trx, { id: regId, eventId: id, ...who, at })))
        throw refuse('community.already_registered', {});
      await this.append(trx, actor, id, now, requestId, COMMUNITY_EVENTS.type.registered, {
        registrationId: regId,
        source: who.source,
      });
    });
    return toRegistration((await repo.findRegistration(this.ctx.db, regId))!);
  }

  private async registrant(id: string, input: RegistrationInput) {
    if (!('invitationId' in input))
      return {
        invitationId: null,
        customerId: null,
        name: input.name,
        phone: input.phone,
        source: 'walk_in' as const,
      };
    const inv = await repo.findInvitation(this.ctx.db, input.invitationId);
    if (!inv || inv.event_id !== id) throw notFound('event invitation', input.invitationId);
    if (inv.status === 'opted_out') throw refuse('community.invitation_opted_out', {});
    const c = (await this.ctx.ports.contacts([inv.customer_id])).get(inv.customer_id);
    return {
      invitationId: inv.id,
      customerId: inv.customer_id,
      name: c?.name ?? '',
      // Lists pick only customers with a phone; a phone removed since keeps them unique by id.
      phone: c?.phone || `customer:${inv.customer_id}`,
      source: 'invitation' as const,
    };
  }

  async registrations(id: string): Promise<Registration[]> {
    await this.record(id);
    return (await repo.listRegistrations(this.ctx.db, id)).map(toRegistration);
  }

  /** Check-in at the door; checking in twice changes nothing. */
  async checkIn(actor: Actor, id: string, registrationId: string, requestId: string | null) {
    const e = await this.record(id);
    if (!canCheckIn(e.status)) throw refuse('community.event_not_open', { status: e.status });
    const reg = await repo.findRegistration(this.ctx.db, registrationId);
    if (!reg || reg.event_id !== id) throw notFound('event registration', registrationId);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await repo.checkIn(trx, registrationId, now.toISOString()))) return;
      await this.append(trx, actor, id, now, requestId, COMMUNITY_EVENTS.type.checked_in, { registrationId });
    });
    return toRegistration((await repo.findRegistration(this.ctx.db, registrationId))!);
  }

  /** Appends one of the event stream's changes (every change of an event, its invitations and registrations). */
  private append<T extends EventType>(
    trx: Db,
    actor: Actor,
    id: string,
    at: Date,
    requestId: string | null,
    type: T,
    data: EventData<T>,
  ) {
    return appendEvent(trx, {
      streamType: EVENT_STREAM,
      streamId: id,
      type,
      actor: eventActorOf(actor),
      at,
      data,
      requestId,
    } as NewEvent<T>);
  }
}

function view(
  e: repo.EventRecord,
  n: { invited: number; registered: number; attended: number },
): CommunityEvent {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    startsAt: e.startsAt,
    place: e.place,
    regionCode: e.regionCode,
    capacity: e.capacity,
    status: e.status,
    invited: n.invited,
    registered: n.registered,
    attended: n.attended,
    createdAt: e.createdAt,
    version: e.version,
  };
}

const toRegistration = (r: NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>>): Registration => ({
  id: r.id,
  eventId: r.event_id,
  invitationId: r.invitation_id,
  customerId: r.customer_id,
  name: r.name,
  phone: r.phone,
  source: r.source,
  attendedAt: r.attended_at,
  createdAt: r.created_at,
});
