import type { Kysely } from 'kysely';
import { PLANNABLE_STATUSES } from '@anxin/contracts';
import type { Database } from '../../../database.ts';
import type { IsoWindow, OrderFacts, OutletFacts, TechnicianFacts } from './plan-model.ts';
import {
  planDocOf,
  planPatchColumns,
  planRowOf,
  type PlanDoc,
  type PlanHeader,
  type PlanPatch,
} from './plan-codec.ts';

type Db = Kysely<Database>;

/** Statuses an order may be planned in: with an outlet, before the technician sets off. */
export const PLANNABLE = PLANNABLE_STATUSES;

/** A region code's prefix: 440100 → 4401, 440000 → 44 (a shorter code covers every code under it). */
export function regionPrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

export interface OutletInfo extends OutletFacts {
  name: string;
  districtCode: string;
  status: string;
}

/** The only SQL of day planning. */
export class PlanningRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async outlet(id: string): Promise<OutletInfo | undefined> {
    const r = await this.db
      .selectFrom('outlets')
      .select(['id', 'name', 'lat', 'lng', 'district_code', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && { id: r.id, name: r.name, lat: r.lat, lng: r.lng, districtCode: r.district_code, status: r.status }
    );
  }

  /** Active outlets with a service area inside the region or around it. */
  async outletsCovering(regionCode: string): Promise<OutletInfo[]> {
    const p = regionPrefix(regionCode);
    const areas = await this.db
      .selectFrom('outlet_service_areas as a')
      .innerJoin('outlets as o', 'o.id', 'a.outlet_id')
      .select(['o.id', 'o.name', 'o.lat', 'o.lng', 'o.district_code', 'o.status', 'a.region_code'])
      .where('o.status', '=', 'active')
      .execute();
    const seen = new Map<string, OutletInfo>();
    for (const r of areas) {
      const q = regionPrefix(r.region_code);
      if (!(q.startsWith(p) || p.startsWith(q))) continue;
      seen.set(r.id, {
        id: r.id,
        name: r.name,
        lat: r.lat,
        lng: r.lng,
        districtCode: r.district_code,
        status: r.status,
      });
    }
    return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  async technicians(outletIds: string[]): Promise<Omit<TechnicianFacts, 'intervals'>[]> {
    if (!outletIds.length) return [];
    const rows = await this.db
      .selectFrom('technicians')
      .select(['id', 'name', 'outlet_id', 'start_lat', 'start_lng'])
      .where('outlet_id', 'in', outletIds)
      .where('active', '=', 1)
      .orderBy('name')
      .orderBy('id')
      .execute();
    const skills = rows.length
      ? await this.db
          .selectFrom('technician_skills')
          .select(['technician_id', 'category_code'])
          .where(
            'technician_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('category_code')
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      outletId: r.outlet_id,
      startLat: r.start_lat,
      startLng: r.start_lng,
      skills: skills.filter((s) => s.technician_id === r.id).map((s) => s.category_code),
    }));
  }

  /** Orders of the outlets in a plannable status (optionally only in the region or only these ids). */
  async orders(
    outletIds: string[],
    opts: { regionCode?: string; ids?: string[] } = {},
  ): Promise<OrderFacts[]> {
    if (!outletIds.length) return [];
    let q = this.db
      .selectFrom('work_orders')
      .select([
        'id',
        'number',
        'status',
        'version',
        'type',
        'category_code',
        'urgency',
        'address',
        'contact_name',
        'district_code',
        'lat',
        'lng',
        'outlet_id',
        'technician_id',
        'appointment_start',
        'appointment_end',
        'preferred_windows',
        'sla_due_at',
      ])
      .where('outlet_id', 'in', outletIds)
      .where('status', 'in', [...PLANNABLE]);
    if (opts.regionCode) q = q.where('district_code', 'like', `${regionPrefix(opts.regionCode)}%`);
    if (opts.ids) {
      if (!opts.ids.length) return [];
      q = q.where('id', 'in', opts.ids);
    }
    const rows = await q.orderBy('number').execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      version: r.version,
      type: r.type,
      categoryCode: r.category_code,
      urgency: r.urgency,
      address: r.address,
      contactName: r.contact_name,
      districtCode: r.district_code,
      lat: r.lat,
      lng: r.lng,
      outletId: r.outlet_id!,
      technicianId: r.technician_id,
      appointment:
        r.appointment_start && r.appointment_end
          ? { start: r.appointment_start, end: r.appointment_end }
          : null,
      preferredWindows: JSON.parse(r.preferred_windows) as IsoWindow[],
      slaDueAt: r.sla_due_at,
    }));
  }

  /** What acceptance needs to know about an order now. */
  async orderNow(id: string) {
    return this.db
      .selectFrom('work_orders')
      .select([
        'id',
        'status',
        'version',
        'technician_id',
        'appointment_start',
        'appointment_end',
        'contact_phone',
        'number',
      ])
      .where('id', '=', id)
      .executeTakeFirst()
      .then(
        (r) =>
          r && {
            id: r.id,
            status: r.status,
            version: r.version,
            technicianId: r.technician_id,
            appointmentStart: r.appointment_start,
            appointmentEnd: r.appointment_end,
            contactPhone: r.contact_phone,
            number: r.number,
          },
      );
  }

  async insert(doc: PlanDoc): Promise<void> {
    await this.db.insertInto('route_plans').values(planRowOf(doc)).execute();
  }

  async findById(id: string): Promise<PlanDoc | undefined> {
    const r = await this.db.selectFrom('route_plans').selectAll().where('id', '=', id).executeTakeFirst();
    return r && planDocOf(r);
  }

  /** Conditional update: only from the expected version (and status, when given). */
  async update(
    db: Db,
    id: string,
    version: number,
    patch: PlanPatch,
    status?: PlanHeader['status'],
  ): Promise<boolean> {
    let q = db
      .updateTable('route_plans')
      .set({ ...planPatchColumns(patch), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version);
    if (status) q = q.where('status', '=', status);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
