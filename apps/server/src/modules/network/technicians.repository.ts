import type { Kysely } from 'kysely';
import type { TechnicianListQuery } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type {
  CertificationRecord,
  LeaveRecord,
  ShiftRecord,
  TechnicianFields,
  TechnicianRecord,
} from './network.records.ts';
import type { LeaveKind, OutletsTable } from './network.schema.ts';

type Db = Kysely<Database>;

/**
 * Outlet-scoped staff see their outlet's people; region-scoped staff the people of outlets in
 * their regions; a technician (own scope) sees themself. HQ staff have no outlet: scope all only.
 */
const techScope = (scope: ActorScope) =>
  scopeFilter<Database & { o: OutletsTable }, 'technicians' | 'o'>(scope, {
    outlet: 'technicians.outlet_id',
    region: 'o.district_code',
    own: ['technicians.user_id'],
  });

const toColumns = (f: TechnicianFields) => ({
  outlet_id: f.outletId,
  user_id: f.userId,
  name: f.name,
  phone: f.phone,
  tier: f.tier,
  province_code: f.provinceCode,
  start_lat: f.startLat,
  start_lng: f.startLng,
  active: f.active ? 1 : 0,
});

/** The only place technician, shift, leave, rota and certification SQL lives. */
export class TechniciansRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async findMany(ids: string[], db: Db = this.db): Promise<TechnicianRecord[]> {
    if (!ids.length) return [];
    const [rows, skills, certs, shifts] = await Promise.all([
      db
        .selectFrom('technicians')
        .leftJoin('outlets as o', 'o.id', 'technicians.outlet_id')
        .selectAll('technicians')
        .select('o.name as outlet_name')
        .where('technicians.id', 'in', ids)
        .execute(),
      db.selectFrom('technician_skills').selectAll().where('technician_id', 'in', ids).execute(),
      db
        .selectFrom('technician_certifications')
        .selectAll()
        .where('technician_id', 'in', ids)
        .orderBy('issued_on')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('technician_shifts')
        .selectAll()
        .where('technician_id', 'in', ids)
        .orderBy('weekday')
        .execute(),
    ]);
    const byId = new Map(
      rows.map((r): [string, TechnicianRecord] => [
        r.id,
        {
          id: r.id,
          outletId: r.outlet_id,
          outletName: r.outlet_name,
          userId: r.user_id,
          name: r.name,
          phone: r.phone,
          tier: r.tier,
          provinceCode: r.province_code,
          startLat: r.start_lat,
          startLng: r.start_lng,
          active: r.active === 1,
          skills: skills
            .filter((s) => s.technician_id === r.id)
            .map((s) => ({ categoryCode: s.category_code, level: s.level }))
            .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode)),
          certifications: certs
            .filter((c) => c.technician_id === r.id)
            .map((c) => ({
              id: c.id,
              name: c.name,
              number: c.number,
              categoryCode: c.category_code,
              issuedOn: c.issued_on,
              expiresOn: c.expires_on,
            })),
          shifts: shifts.filter((s) => s.technician_id === r.id).map(toShift),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          version: r.version,
        },
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((r): r is TechnicianRecord => !!r);
  }

  async find(id: string, db: Db = this.db): Promise<TechnicianRecord | undefined> {
    return (await this.findMany([id], db))[0];
  }

  async isVisible(scope: ActorScope, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('technicians')
      .leftJoin('outlets as o', 'o.id', 'technicians.outlet_id')
      .select('technicians.id')
      .where('technicians.id', '=', id)
      .where(techScope(scope))
      .executeTakeFirst();
    return !!row;
  }

  /** Sorted by (name, id); the cursor is `name\u0000id`. */
  async listIds(scope: ActorScope, q: TechnicianListQuery, limit: number): Promise<string[]> {
    let query = this.db
      .selectFrom('technicians')
      .leftJoin('outlets as o', 'o.id', 'technicians.outlet_id')
      .select(['technicians.id', 'technicians.name'])
      .where(techScope(scope));
    if (q.outletId) query = query.where('technicians.outlet_id', '=', q.outletId);
    if (q.staff === 'hq') query = query.where('technicians.outlet_id', 'is', null);
    if (q.staff === 'outlet') query = query.where('technicians.outlet_id', 'is not', null);
    if (q.tier) query = query.where('technicians.tier', '=', q.tier);
    if (q.active) query = query.where('technicians.active', '=', q.active === 'true' ? 1 : 0);
    if (q.category)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('technician_skills as s')
            .select('s.technician_id')
            .whereRef('s.technician_id', '=', 'technicians.id')
            .where('s.category_code', '=', q.category!),
        ),
      );
    if (q.q) {
      const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([eb('technicians.name', 'like', like), eb('technicians.phone', 'like', like)]),
      );
    }
    if (q.cursor) {
      const [name, id] = q.cursor.split('\u0000');
      query = query.where((eb) =>
        eb.or([
          eb('technicians.name', '>', name ?? ''),
          eb.and([eb('technicians.name', '=', name ?? ''), eb('technicians.id', '>', id ?? '')]),
        ]),
      );
    }
    const rows = await query.orderBy('technicians.name').orderBy('technicians.id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  cursorOf = (t: TechnicianRecord) => `${t.name}\u0000${t.id}`;

  /** Which of these phones a technician already has (as stored). */
  async phonesTaken(phones: readonly string[]): Promise<Set<string>> {
    if (!phones.length) return new Set();
    const rows = await this.db
      .selectFrom('technicians')
      .select('phone')
      .where('phone', 'in', [...new Set(phones)])
      .execute();
    return new Set(rows.map((r) => r.phone!));
  }

  async insert(trx: Db, id: string, f: TechnicianFields, now: string): Promise<void> {
    await trx
      .insertInto('technicians')
      .values({ id, ...toColumns(f), created_at: now, updated_at: now, version: 1 })
      .execute();
  }

  async update(trx: Db, id: string, version: number, f: TechnicianFields, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('technicians')
      .set({ ...toColumns(f), updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceSkills(trx: Db, id: string, skills: Array<{ categoryCode: string; level: number }>) {
    await trx.deleteFrom('technician_skills').where('technician_id', '=', id).execute();
    if (skills.length)
      await trx
        .insertInto('technician_skills')
        .values(skills.map((s) => ({ technician_id: id, category_code: s.categoryCode, level: s.level })))
        .execute();
  }

  async replaceShifts(trx: Db, id: string, shifts: ShiftRecord[]) {
    await trx.deleteFrom('technician_shifts').where('technician_id', '=', id).execute();
    if (shifts.length)
      await trx
        .insertInto('technician_shifts')
        .values(
          shifts.map((s) => ({
            technician_id: id,
            weekday: s.weekday,
            start_minute: s.startMinute,
            end_minute: s.endMinute,
            break_start_minute: s.breakStartMinute,
            break_end_minute: s.breakEndMinute,
          })),
        )
        .execute();
  }

  async replaceCertifications(trx: Db, id: string, certs: CertificationRecord[]) {
    await trx.deleteFrom('technician_certifications').where('technician_id', '=', id).execute();
    if (certs.length)
      await trx
        .insertInto('technician_certifications')
        .values(
          certs.map((c) => ({
            id: c.id,
            technician_id: id,
            name: c.name,
            number: c.number,
            category_code: c.categoryCode,
            issued_on: c.issuedOn,
            expires_on: c.expiresOn,
          })),
        )
        .execute();
  }

  async listLeave(
    technicianIds: string[],
    fromIso: string,
    toIso: string,
    db: Db = this.db,
  ): Promise<LeaveRecord[]> {
    if (!technicianIds.length) return [];
    const rows = await db
      .selectFrom('technician_leave')
      .selectAll()
      .where('technician_id', 'in', technicianIds)
      .where('start_at', '<', toIso)
      .where('end_at', '>', fromIso)
      .orderBy('start_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      technicianId: r.technician_id,
      startAt: r.start_at,
      endAt: r.end_at,
      kind: r.kind,
      note: r.note,
      createdAt: r.created_at,
    }));
  }

  async insertLeave(
    trx: Db,
    l: {
      id: string;
      technicianId: string;
      startAt: string;
      endAt: string;
      kind: LeaveKind;
      note: string | null;
    },
    by: string | null,
    now: string,
  ) {
    await trx
      .insertInto('technician_leave')
      .values({
        id: l.id,
        technician_id: l.technicianId,
        start_at: l.startAt,
        end_at: l.endAt,
        kind: l.kind,
        note: l.note,
        created_by: by,
        created_at: now,
      })
      .execute();
  }

  async deleteLeave(trx: Db, technicianId: string, id: string): Promise<LeaveRecord | undefined> {
    const row = await trx
      .deleteFrom('technician_leave')
      .where('id', '=', id)
      .where('technician_id', '=', technicianId)
      .returningAll()
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          technicianId: row.technician_id,
          startAt: row.start_at,
          endAt: row.end_at,
          kind: row.kind,
          note: row.note,
          createdAt: row.created_at,
        }
      : undefined;
  }

  async listRota(technicianIds: string[], fromDate: string, toDate: string, db: Db = this.db) {
    if (!technicianIds.length) return [];
    const rows = await db
      .selectFrom('technician_rota')
      .selectAll()
      .where('technician_id', 'in', technicianIds)
      .where('date', '>=', fromDate)
      .where('date', '<=', toDate)
      .orderBy('date')
      .execute();
    return rows.map((r) => ({ technicianId: r.technician_id, date: r.date, kind: r.kind }));
  }

  async putRota(trx: Db, technicianId: string, date: string, kind: 'duty' | 'off') {
    await trx
      .insertInto('technician_rota')
      .values({ technician_id: technicianId, date, kind })
      .onConflict((oc) => oc.columns(['technician_id', 'date']).doUpdateSet({ kind }))
      .execute();
  }

  async deleteRota(trx: Db, technicianId: string, date: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('technician_rota')
      .where('technician_id', '=', technicianId)
      .where('date', '=', date)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async shiftsOf(technicianIds: string[]) {
    if (!technicianIds.length) return [];
    const rows = await this.db
      .selectFrom('technician_shifts')
      .selectAll()
      .where('technician_id', 'in', technicianIds)
      .execute();
    return rows.map((r) => ({ technicianId: r.technician_id, ...toShift(r) }));
  }

  async outletsOf(technicianIds: string[]): Promise<Map<string, string | null>> {
    if (!technicianIds.length) return new Map();
    const rows = await this.db
      .selectFrom('technicians')
      .select(['id', 'outlet_id'])
      .where('id', 'in', technicianIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.outlet_id]));
  }

  async outletOverrides(outletIds: string[], fromDate: string, toDate: string) {
    if (!outletIds.length) return [];
    const rows = await this.db
      .selectFrom('outlet_calendar_overrides')
      .selectAll()
      .where('outlet_id', 'in', outletIds)
      .where('date', '>=', fromDate)
      .where('date', '<=', toDate)
      .execute();
    return rows.map((r) => ({ outletId: r.outlet_id, date: r.date, open: r.open === 1 }));
  }
}

function toShift(s: {
  weekday: number;
  start_minute: number;
  end_minute: number;
  break_start_minute: number | null;
  break_end_minute: number | null;
}): ShiftRecord {
  return {
    weekday: s.weekday,
    startMinute: s.start_minute,
    endMinute: s.end_minute,
    breakStartMinute: s.break_start_minute,
    breakEndMinute: s.break_end_minute,
  };
}

/** Technician names by id (other modules' lists show them); unknown ids are left out. */
export async function technicianNamesOf(
  db: Kysely<Database>,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('technicians')
      .select(['id', 'name'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** A technician's name and outlet, for other modules that link records to a technician. */
export async function technicianRefOf(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; name: string; outletId: string | null } | undefined> {
  const r = await db
    .selectFrom('technicians')
    .select(['id', 'name', 'outlet_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, outletId: r.outlet_id };
}

/**
 * The technicians of an outlet or the technician a user is, for other modules' data scopes (the
 * parts module shows an outlet manager the vans of the outlet's technicians, a technician their own).
 */
export async function techniciansOf(
  db: Kysely<Database>,
  by: { outletId: string } | { userId: string },
): Promise<{ id: string; name: string; outletId: string | null }[]> {
  let q = db.selectFrom('technicians').select(['id', 'name', 'outlet_id']);
  q = 'outletId' in by ? q.where('outlet_id', '=', by.outletId) : q.where('user_id', '=', by.userId);
  return (await q.execute()).map((r) => ({ id: r.id, name: r.name, outletId: r.outlet_id }));
}
