import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { AWAITING_CLOSE_STATUSES, CLOSED_STATUSES } from '@anxin/contracts';
import type { Interval } from './domain/calendar.ts';

type Db = Kysely<Database>;

/** Orders that no longer hold a technician's time. */
const DONE = [...CLOSED_STATUSES, ...AWAITING_CLOSE_STATUSES];

export interface TechnicianRecord {
  id: string;
  name: string;
  outletId: string | null;
  userId: string | null;
  active: boolean;
  startLat: number | null;
  startLng: number | null;
}

/** The only SQL of the assignment module: reads of the network, work orders and offers. */
/** A technician's booked window on an open order (the calendar check and the suggestions). */
export interface Appointment {
  orderId: string;
  number: string;
  technicianId: string;
  start: string;
  end: string;
}

export class AssignmentRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async techniciansOfOutlet(outletId: string): Promise<TechnicianRecord[]> {
    const rows = await this.db
      .selectFrom('technicians')
      .select(['id', 'name', 'outlet_id', 'user_id', 'active', 'start_lat', 'start_lng'])
      .where('outlet_id', '=', outletId)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      outletId: r.outlet_id,
      userId: r.user_id,
      active: r.active === 1,
      startLat: r.start_lat,
      startLng: r.start_lng,
    }));
  }

  /** Which of these technicians have a weekly shift on file. */
  async withShifts(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db
      .selectFrom('technician_shifts')
      .select('technician_id')
      .distinct()
      .where('technician_id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.technician_id));
  }

  /** Skill level per technician for one category (absent: none). */
  async skillLevels(ids: readonly string[], categoryCode: string): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('technician_skills')
      .select(['technician_id', 'level'])
      .where('technician_id', 'in', ids)
      .where('category_code', '=', categoryCode)
      .execute();
    return new Map(rows.map((r) => [r.technician_id, r.level]));
  }

  /** Leave (any kind) overlapping [from, to), per technician. */
  async leave(ids: readonly string[], from: string, to: string): Promise<Map<string, Interval[]>> {
    const out = new Map<string, Interval[]>();
    if (!ids.length) return out;
    const rows = await this.db
      .selectFrom('technician_leave')
      .select(['technician_id', 'start_at', 'end_at'])
      .where('technician_id', 'in', ids)
      .where('start_at', '<', to)
      .where('end_at', '>', from)
      .execute();
    for (const r of rows) {
      const list = out.get(r.technician_id) ?? [];
      list.push({ start: r.start_at, end: r.end_at });
      out.set(r.technician_id, list);
    }
    return out;
  }

  /**
   * Open appointments of these technicians overlapping [from, to), other than `exceptOrderId`:
   * the double-booking check and the day's load. `trx` lets the check re-run in the transaction.
   */
  async appointments(
    ids: readonly string[],
    from: string,
    to: string,
    exceptOrderId: string | null,
    trx: Db = this.db,
  ): Promise<Appointment[]> {
    if (!ids.length) return [];
    let q = trx
      .selectFrom('work_orders')
      .select(['id', 'number', 'technician_id', 'appointment_start', 'appointment_end'])
      .where('technician_id', 'in', ids)
      .where('status', 'not in', DONE)
      .where('appointment_start', '<', to)
      .where('appointment_end', '>', from);
    if (exceptOrderId) q = q.where('id', '!=', exceptOrderId);
    const rows = await q.orderBy('appointment_start').execute();
    return rows.map((r): Appointment => ({
      orderId: r.id,
      number: r.number,
      technicianId: r.technician_id!,
      start: r.appointment_start!,
      end: r.appointment_end!,
    }));
  }

  /** Open orders assigned per technician (whatever their appointment). */
  async openAssigned(ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('work_orders')
      .select(['technician_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('technician_id', 'in', ids)
      .where('status', 'not in', DONE)
      .groupBy('technician_id')
      .execute();
    return new Map(rows.map((r) => [r.technician_id!, Number(r.n)]));
  }

  async outletFigures(outletId: string, monthStart: string) {
    const count = (q: { executeTakeFirst(): Promise<{ n: number | string } | undefined> }) =>
      q.executeTakeFirst().then((r) => Number(r?.n ?? 0));
    const orders = this.db.selectFrom('work_orders').where('outlet_id', '=', outletId);
    const offers = this.db
      .selectFrom('dispatch_offers')
      .where('outlet_id', '=', outletId)
      .where('offered_at', '>=', monthStart);
    const [acceptedOrders, offered, decided, inTime, completed, open, atRisk] = await Promise.all([
      count(
        offers
          .where('status', '=', 'accepted')
          .select((eb) => eb.fn.count<number | string>('order_id').distinct().as('n')),
      ),
      count(offers.select((eb) => eb.fn.countAll<number | string>().as('n'))),
      count(
        offers.where('status', '!=', 'pending').select((eb) => eb.fn.countAll<number | string>().as('n')),
      ),
      count(
        offers
          .where('status', '=', 'accepted')
          .whereRef('responded_at', '<=', 'due_at')
          .select((eb) => eb.fn.countAll<number | string>().as('n')),
      ),
      count(
        orders
          .where('completed_at', '>=', monthStart)
          .select((eb) => eb.fn.countAll<number | string>().as('n')),
      ),
      count(orders.where('status', 'not in', DONE).select((eb) => eb.fn.countAll<number | string>().as('n'))),
      count(
        orders
          .where('status', 'not in', DONE)
          .where('sla_state', 'in', ['at_risk', 'breached'])
          .select((eb) => eb.fn.countAll<number | string>().as('n')),
      ),
    ]);
    return { acceptedOrders, offered, decided, inTime, completed, open, atRisk };
  }
}
