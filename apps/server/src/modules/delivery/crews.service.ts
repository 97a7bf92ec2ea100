import type { CreateCrew, Crew, DayPlan } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { technicianNamesOf, technicianRefOf } from '../network/index.ts';
import { solve } from '../routing/index.ts';
import { deliveryPolicy, eventActorOf, type DeliveryContext } from './context.ts';
import { assignmentsOf, dayInstance } from './domain/plan.ts';
import { CREW_STREAM, DELIVERY_EVENTS, DELIVERY_STREAM } from './delivery.events.ts';
import { bookings, crews } from './delivery.repository.ts';
import { reachOf } from './reach.ts';

/** Crews (network technicians) and their day plans, ordered by the routing optimiser. */
export class CrewsService {
  private readonly ctx: DeliveryContext;
  constructor(ctx: DeliveryContext) {
    this.ctx = ctx;
  }

  async list(actor: Actor): Promise<Crew[]> {
    const all = await crews.list(this.ctx.db);
    const mine =
      actor.scope.level === 'outlet' ? all.filter((c) => c.outletId === actor.scope.outletId) : all;
    const names = await technicianNamesOf(
      this.ctx.db,
      mine.flatMap((c) => [c.leaderTechnicianId, ...c.memberIds]),
    );
    return mine.map((c) => ({
      id: c.id,
      name: c.name,
      outletId: c.outletId,
      leaderTechnicianId: c.leaderTechnicianId,
      leaderName: names.get(c.leaderTechnicianId) ?? '',
      members: c.memberIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      active: c.active,
    }));
  }

  async create(actor: Actor, input: CreateCrew): Promise<Crew> {
    const ids = [input.leaderTechnicianId, ...input.memberTechnicianIds];
    const refs = [];
    for (const [i, id] of ids.entries()) {
      const ref = await technicianRefOf(this.ctx.db, id);
      if (!ref)
        throw refuse(
          'delivery.crew_technician_unknown',
          { technicianId: id },
          { path: i === 0 ? 'leaderTechnicianId' : `memberTechnicianIds.${i - 1}` },
        );
      refs.push(ref);
    }
    const outletId = refs[0]!.outletId;
    if (actor.scope.level === 'outlet' && outletId !== actor.scope.outletId)
      throw notFound('technician', input.leaderTechnicianId);
    const now = this.ctx.clock.now();
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await crews.insert(
        trx,
        {
          id,
          name: input.name,
          outletId,
          leaderTechnicianId: input.leaderTechnicianId,
          memberIds: [...new Set(input.memberTechnicianIds.filter((m) => m !== input.leaderTechnicianId))],
          active: true,
          version: 1,
        },
        now.toISOString(),
      );
      await appendEvent(trx, {
        streamType: CREW_STREAM,
        streamId: id,
        type: DELIVERY_EVENTS.type.crew_created,
        actor: eventActorOf(actor),
        at: now,
        data: { name: input.name, technicianIds: ids, actorName: actor.displayName },
      });
    });
    return (await this.list(actor)).find((c) => c.id === id)!;
  }

  /**
   * Plans one day: the day's deliveries still waiting to depart go to the active crews in the order
   * the optimiser finds (a crew already chosen is kept); each booking gets its crew, place and
   * planned start. Run again after a change; departed deliveries are never moved.
   */
  async planDay(actor: Actor, date: string): Promise<DayPlan> {
    const reach = await reachOf(this.ctx.db, actor);
    const all = (await crews.list(this.ctx.db)).filter(
      (c) => c.active && (!reach || reach.crewIds.includes(c.id)),
    );
    const waiting = (
      await bookings.list(this.ctx.db, { date, status: 'booked', limit: 500, ...(reach ? { reach } : {}) })
    ).filter((b) => !b.crewId || all.some((c) => c.id === b.crewId));
    const policy = (await deliveryPolicy(this.ctx.db)).value;
    const { instance, approximate } = dayInstance(
      waiting.map((b) => ({ id: b.id, lat: b.lat, lng: b.lng, slot: b.slot, crewId: b.crewId })),
      all.map((c) => ({ id: c.id })),
      policy,
      await this.ctx.travel(),
    );
    const byId = new Map(waiting.map((b) => [b.id, b]));
    if (!waiting.length || !all.length)
      return {
        date,
        routes: [],
        unplanned: waiting.map((b) => ({ bookingId: b.id, number: b.number, reason: 'no_technician' })),
      };
    const result = solve(instance, { seed: 1, maxIterations: 300, timeLimitMs: 5_000 });
    // The instance is built from validated bookings and settings: a refusal here is a bug.
    if (!result.ok) throw new Error(`delivery day instance invalid: ${JSON.stringify(result.errors)}`);
    const { planned, unplanned } = assignmentsOf(result.plan);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      for (const p of planned) {
        await bookings.setPlanned(trx, p.bookingId, p, at);
        await appendEvent(trx, {
          streamType: DELIVERY_STREAM,
          streamId: p.bookingId,
          type: DELIVERY_EVENTS.type.planned,
          actor: eventActorOf(actor),
          at: now,
          data: { crewId: p.crewId, seq: p.seq, start: p.start, actorName: actor.displayName },
        });
      }
    });
    const crewName = new Map(all.map((c) => [c.id, c.name]));
    return {
      date,
      routes: all
        .map((c) => ({
          crewId: c.id,
          crewName: crewName.get(c.id) ?? '',
          stops: planned
            .filter((p) => p.crewId === c.id)
            .map((p) => ({
              bookingId: p.bookingId,
              number: byId.get(p.bookingId)?.number ?? '',
              start: p.start,
              approximate: approximate.has(p.bookingId),
            })),
        }))
        .filter((r) => r.stops.length > 0),
      unplanned: unplanned.map((u) => ({
        bookingId: u.bookingId,
        number: byId.get(u.bookingId)?.number ?? '',
        reason: u.reason,
      })),
    };
  }
}
