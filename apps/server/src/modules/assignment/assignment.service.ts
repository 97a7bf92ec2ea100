import type { Kysely } from 'kysely';
import type {
  AssignmentPolicy,
  OutletFigures,
  SuggestionList,
  SuggestionQuery,
  TechnicianSlots,
  TechnicianSlotsQuery,
} from '@anxin/contracts';
import type { Database } from '../../database.ts';
import { lockKey } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { DomainError, fieldError, notFound, refuse } from '../../platform/http/errors.ts';
import { systemActor } from '../../platform/auth/actor.ts';
import { PERMISSIONS } from '@anxin/contracts';
import { notifySms } from '../../platform/notify/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { WorkOrder, WorkOrdersService } from '../workorders/index.ts';
import {
  datesBetween,
  distanceKm,
  localDate,
  localDay,
  localMinute,
  overlaps,
  subtract,
  within,
  type Interval,
} from './domain/calendar.ts';
import { ASSIGNMENT_POLICY_KEY, AssignmentPolicySchema, DEFAULT_ASSIGNMENT_POLICY } from './domain/policy.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import { certificationsOf } from '../network/index.ts';
import { certificationFact } from './domain/certification.ts';
import { rankTechnicians, type TechnicianFacts } from './domain/rank.ts';
import { slotGrid } from './domain/slots.ts';
import type { AssignmentRepository } from './assignment.repository.ts';

/** The network module's working intervals (weekly shift − break − leave, rota, holidays). */
export type Availability = (
  technicianIds: string[],
  fromIso: string,
  toIso: string,
) => Promise<Map<string, { start: string; end: string }[]>>;

export interface AssignmentDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: AssignmentRepository;
  workOrders: WorkOrdersService;
  /** Business calendar (working days), for the fallback when the network module gives no shifts. */
  calendar: () => Promise<{ isWorkday(date: string): boolean }>;
  availability?: Availability | undefined;
  /** Whether a redo proposes the technician of the visit that did not hold first (a setting). */
  preferPreviousTechnician?: (() => Promise<boolean>) | undefined;
}

const SYSTEM_SCOPE_ACTOR = systemActor(PERMISSIONS);

const fmt = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
};

/**
 * Technician suggestions, the calendar checks on assignment and appointments, the customer's
 * appointment notice and the outlet's own figures.
 */
export class AssignmentService {
  private readonly d: AssignmentDeps;

  constructor(deps: AssignmentDeps) {
    this.d = deps;
  }

  policy(): Promise<AssignmentPolicy> {
    return readSetting(
      this.d.db,
      ASSIGNMENT_POLICY_KEY,
      AssignmentPolicySchema,
      DEFAULT_ASSIGNMENT_POLICY,
    ).then((s) => s.value);
  }

  /**
   * Working intervals covering [from, to]: the network module's for technicians with a weekly
   * shift on file; for those without one (not set up yet), the fallback hours of the
   * `assignment.policy` setting on working days, minus leave.
   */
  async working(ids: string[], from: string, to: string): Promise<Map<string, Interval[]>> {
    const withShifts = this.d.availability ? await this.d.repo.withShifts(ids) : new Set<string>();
    const out = withShifts.size
      ? new Map(await this.d.availability!([...withShifts], from, to))
      : new Map<string, Interval[]>();
    const rest = ids.filter((id) => !withShifts.has(id));
    if (rest.length) for (const [id, w] of await this.fallbackHours(rest, from, to)) out.set(id, w);
    return out;
  }

  private async fallbackHours(ids: string[], from: string, to: string): Promise<Map<string, Interval[]>> {
    const [p, cal, leave] = await Promise.all([
      this.policy(),
      this.d.calendar(),
      this.d.repo.leave(ids, localDay(from).start, localDay(to).end),
    ]);
    const days = datesBetween(from, to).filter((d) => cal.isWorkday(d));
    const base = days.map((d) => ({
      start: localMinute(d, p.fallbackShiftStartMinute),
      end: localMinute(d, p.fallbackShiftEndMinute),
    }));
    return new Map(ids.map((id) => [id, subtract(base, leave.get(id) ?? [])]));
  }

  async suggestions(actor: Actor, orderId: string, q: SuggestionQuery): Promise<SuggestionList> {
    const order = await this.outletOrder(actor, orderId);
    if ((q.start && !q.end) || (!q.start && q.end))
      throw fieldError(q.start ? 'end' : 'start', 'required', 'Give both start and end of the window');
    const window = this.windowOf(order, q);
    if (window && Date.parse(window.end) <= Date.parse(window.start))
      throw fieldError('end', 'after_start', 'The window must end after it starts');
    const [techs, p] = await Promise.all([this.d.repo.techniciansOfOutlet(order.outletId!), this.policy()]);
    const ids = techs.map((t) => t.id);
    const day = localDay(window?.start ?? this.d.clock.now());
    const [skills, certs, working, leave, sameDay, previous] = await Promise.all([
      order.categoryCode ? this.d.repo.skillLevels(ids, order.categoryCode) : Promise.resolve(null),
      this.certifications(ids, order.categoryCode, p),
      window ? this.working(ids, window.start, window.end) : Promise.resolve(null),
      window ? this.d.repo.leave(ids, window.start, window.end) : Promise.resolve(null),
      this.d.repo.appointments(ids, day.start, day.end, order.id),
      this.previousTechnician(order.id),
    ]);
    const facts: TechnicianFacts[] = techs.map((t) => {
      const mine = sameDay.filter((a) => a.technicianId === t.id);
      const clash = window && mine.find((a) => overlaps(window, a));
      return {
        technicianId: t.id,
        name: t.name,
        active: t.active,
        // Orders without a category (consultations) need no particular skill.
        skillLevel: skills ? (skills.get(t.id) ?? 0) : 5,
        available: window ? within(window, working!.get(t.id) ?? []) : null,
        onLeave: !!leave?.get(t.id)?.length,
        clash: clash ? clash.number : null,
        certification: certs?.get(t.id) ?? null,
        previousVisit: t.id === previous,
        load: mine.length,
        distanceKm:
          t.startLat !== null && t.startLng !== null && order.lat !== null && order.lng !== null
            ? distanceKm({ lat: t.startLat, lng: t.startLng }, { lat: order.lat, lng: order.lng })
            : null,
      };
    });
    return {
      orderId: order.id,
      categoryCode: order.categoryCode,
      window,
      items: rankTechnicians(facts, p),
    };
  }

  /**
   * The assign dialog's calendar: each active technician of the order's outlet, the offered visit
   * slots of the next `days` days, free or why not (the same rules as the booking checks).
   */
  async slots(actor: Actor, orderId: string, q: TechnicianSlotsQuery): Promise<TechnicianSlots> {
    const order = await this.outletOrder(actor, orderId);
    const from = q.from ?? localDate(this.d.clock.now());
    const first = localMinute(from, 0);
    const dates = datesBetween(first, localMinute(from, (q.days - 1) * 24 * 60));
    const last = localMinute(dates.at(-1)!, 24 * 60);
    const techs = (await this.d.repo.techniciansOfOutlet(order.outletId!)).filter((t) => t.active);
    const ids = techs.map((t) => t.id);
    const p = await this.policy();
    const [slots, working, bookings, skills, certs] = await Promise.all([
      this.d.workOrders.visitSlots(),
      this.working(ids, first, last),
      this.d.repo.appointments(ids, first, last, order.id),
      order.categoryCode ? this.d.repo.skillLevels(ids, order.categoryCode) : Promise.resolve(null),
      this.certifications(ids, order.categoryCode, p),
    ]);
    // Whatever the window: the skill and (when required) certification the assignment checks ask.
    const qualified = (id: string) =>
      (!skills || (skills.get(id) ?? 0) >= p.minSkillLevel) &&
      !(p.certification === 'require' && certs?.get(id) && certs.get(id)!.held !== 'valid');
    const now = this.d.clock.now();
    return {
      orderId: order.id,
      dates,
      slots: slots.slots,
      technicians: techs.map((t) => {
        const mine = bookings.filter((b) => b.technicianId === t.id);
        const cells = slotGrid(dates, slots.slots, working.get(t.id) ?? [], mine, now);
        const free = cells.flat().filter((c) => c.state === 'free').length;
        return { technicianId: t.id, name: t.name, qualified: qualified(t.id), cells, free };
      }),
    };
  }

  /**
   * Whether the technician of the visit that did not hold may take the redo at this outlet: still
   * active there and holding the skill (and certification, when required) the order asks. Null
   * when he may, else why not (the dispatch board shows it).
   */
  async redoFit(
    orderId: string,
    outletId: string,
    technicianId: string,
  ): Promise<
    'technician_inactive' | 'technician_moved' | 'technician_unskilled' | 'technician_uncertified' | null
  > {
    const order = await this.d.workOrders.findInScope(SYSTEM_SCOPE_ACTOR, orderId);
    if (!order) return null;
    const tech = (await this.d.repo.techniciansOfOutlet(outletId)).find((t) => t.id === technicianId);
    if (!tech) return 'technician_moved';
    if (!tech.active) return 'technician_inactive';
    try {
      // The redo has no window yet: only the skill and certification rules apply here.
      await this.checkAssign({ ...order, appointmentStart: null, appointmentEnd: null }, technicianId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'assignment.uncertified')
        return 'technician_uncertified';
      if (err instanceof DomainError && err.code === 'assignment.unskilled') return 'technician_unskilled';
      throw err;
    }
    return null;
  }

  /** On a redo: the technician of the visit that did not hold, when the setting prefers him. */
  private async previousTechnician(orderId: string): Promise<string | null> {
    if (!(await this.d.preferPreviousTechnician?.())) return null;
    const redo = await this.d.workOrders.redoInfo(orderId);
    return redo?.previousVisit?.technicianId ?? null;
  }

  /** The order in the actor's scope, with an outlet (suggestions and slots need one). */
  private async outletOrder(actor: Actor, orderId: string): Promise<WorkOrder> {
    const order = await this.d.workOrders.findInScope(actor, orderId);
    if (!order) throw notFound('work order', orderId);
    if (!order.outletId)
      throw refuse(
        'assignment.no_outlet',
        {},
        { path: 'outletId', detail: 'The order has no outlet yet: dispatch it first' },
      );
    return order;
  }

  /**
   * Each technician's certification for the category (network's records, granted by training),
   * or null when nothing is checked: no category, or the policy's certification mode is `off`.
   */
  private async certifications(
    ids: string[],
    categoryCode: string | null,
    p: AssignmentPolicy,
  ): Promise<Map<string, TechnicianFacts['certification']> | null> {
    if (!categoryCode || p.certification === 'off') return null;
    const rows = await certificationsOf(this.d.db, ids, categoryCode);
    const today = businessDateOf(this.d.clock.now());
    return new Map(
      ids.map((id) => [
        id,
        certificationFact(
          rows.filter((r) => r.technicianId === id),
          today,
        ),
      ]),
    );
  }

  /** The requested window, else the agreed appointment, else the customer's first preferred window. */
  private windowOf(order: WorkOrder, q: SuggestionQuery): Interval | null {
    if (q.start && q.end)
      return { start: new Date(q.start).toISOString(), end: new Date(q.end).toISOString() };
    if (order.appointmentStart && order.appointmentEnd)
      return { start: order.appointmentStart, end: order.appointmentEnd };
    const preferred = order.preferredWindows;
    const first = preferred[0];
    return first
      ? { start: new Date(first.start).toISOString(), end: new Date(first.end).toISOString() }
      : null;
  }

  /** Assignment: the technician must hold the order's category skill and be free for a given window. */
  async checkAssign(order: WorkOrder, technicianId: string): Promise<void> {
    const p = await this.policy();
    if (order.categoryCode) {
      const level =
        (await this.d.repo.skillLevels([technicianId], order.categoryCode)).get(technicianId) ?? 0;
      if (level < p.minSkillLevel)
        throw refuse(
          'assignment.unskilled',
          { category: order.categoryCode, minLevel: p.minSkillLevel },
          {
            path: 'data.technicianId',
            detail: `The technician has no ${order.categoryCode} skill of level ${p.minSkillLevel} or above`,
          },
        );
      const cert = (await this.certifications([technicianId], order.categoryCode, p))?.get(technicianId);
      if (p.certification === 'require' && cert && cert.held !== 'valid')
        throw refuse(
          'assignment.uncertified',
          { category: order.categoryCode, ...(cert.expiresOn ? { expiresOn: cert.expiresOn } : {}) },
          {
            path: 'data.technicianId',
            detail: `The technician holds no valid ${order.categoryCode} certification`,
          },
        );
    }
    if (order.appointmentStart && order.appointmentEnd)
      await this.checkWindow(
        order,
        technicianId,
        { start: order.appointmentStart, end: order.appointmentEnd },
        {
          path: 'data.technicianId',
          outsideRule: 'unavailable',
        },
      );
  }

  /**
   * The window must be working time of the technician (leave: `unavailable`, otherwise
   * `outside_shift`) and must not overlap another of their appointments (`double_booked`).
   */
  async checkWindow(
    order: Pick<WorkOrder, 'id'>,
    technicianId: string,
    w: Interval,
    opts: { path: string; outsideRule?: 'unavailable' | 'outside_shift'; trx?: Kysely<Database> },
  ): Promise<void> {
    if (!opts.trx) {
      const [working, leave] = await Promise.all([
        this.working([technicianId], w.start, w.end),
        this.d.repo.leave([technicianId], w.start, w.end),
      ]);
      if (leave.get(technicianId)?.length)
        throw refuse(
          'assignment.unavailable',
          {},
          { path: opts.path, detail: 'The technician is on leave during this window' },
        );
      if (!within(w, working.get(technicianId) ?? [])) {
        const detail = `The window ${fmt(w.start)}–${fmt(w.end)} is outside the technician's working time`;
        throw opts.outsideRule === 'unavailable'
          ? refuse('assignment.unavailable', {}, { path: opts.path, detail })
          : refuse('assignment.outside_shift', { start: w.start, end: w.end }, { path: opts.path, detail });
      }
    }
    // Inside the booking's transaction: one booking of this technician at a time, so a concurrent
    // one cannot pass the same check before either commits (PostgreSQL reads committed data).
    if (opts.trx) await lockKey(opts.trx, this.d.dialect, `technician-booking:${technicianId}`);
    const clash = (await this.d.repo.appointments([technicianId], w.start, w.end, order.id, opts.trx))[0];
    if (clash)
      throw refuse(
        'assignment.double_booked',
        { orderNo: clash.number, start: clash.start, end: clash.end },
        {
          path: opts.path,
          detail: `The technician already has order ${clash.number} at ${fmt(clash.start)}–${fmt(clash.end)}`,
        },
      );
  }

  /** Tells the customer the agreed or moved window (SMS after commit, once per order version). */
  async notifyCustomer(
    trx: Kysely<Database>,
    order: WorkOrder,
    w: Interval,
    reschedule: boolean,
    now: Date,
  ): Promise<Record<string, unknown>> {
    const text = reschedule
      ? `【安心售后】您的工单 ${order.number} 上门时间已改为 ${fmt(w.start)}–${fmt(w.end)}，给您带来不便敬请谅解。`
      : `【安心售后】您的工单 ${order.number} 已预约上门时间 ${fmt(w.start)}–${fmt(w.end)}。`;
    const id = await notifySms(
      trx,
      now,
      {
        to: order.contactPhone,
        text,
        template: reschedule ? 'appointment_rescheduled' : 'appointment_set',
        params: { number: order.number, window: `${fmt(w.start)}–${fmt(w.end)}` },
        ref: `workorder:${order.id}`,
      },
      `appointment:${order.id}:v${order.version + 1}`,
    );
    return { customerNotified: id !== null };
  }

  async figures(actor: Actor): Promise<OutletFigures> {
    const outletId = actor.scope.outletId;
    if (!outletId) throw notFound('outlet', 'me');
    const now = this.d.clock.now();
    const month = localDate(now).slice(0, 7);
    const monthStart = localMinute(`${month}-01`, 0);
    const today = localDay(now);
    const [f, techs] = await Promise.all([
      this.d.repo.outletFigures(outletId, monthStart),
      this.d.repo.techniciansOfOutlet(outletId),
    ]);
    const ids = techs.map((t) => t.id);
    const [todays, open] = await Promise.all([
      this.d.repo.appointments(ids, today.start, today.end, null),
      this.d.repo.openAssigned(ids),
    ]);
    return {
      outletId,
      month,
      ordersThisMonth: f.acceptedOrders,
      offersThisMonth: f.offered,
      acceptedInTime: f.inTime,
      acceptedInTimePercent: f.decided ? Math.round((f.inTime / f.decided) * 1000) / 10 : null,
      completedThisMonth: f.completed,
      open: f.open,
      atRisk: f.atRisk,
      technicians: techs.map((t) => ({
        technicianId: t.id,
        name: t.name,
        active: t.active,
        today: todays.filter((a) => a.technicianId === t.id).length,
        open: open.get(t.id) ?? 0,
      })),
    };
  }
}
