import { sql, type Kysely, type Selectable } from 'kysely';
import type { OutletListQuery } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { OutletFields, OutletRecord } from './network.records.ts';
import type { OutletsTable } from './network.schema.ts';

type Db = Kysely<Database>;

const prefix = (code: string) => `${code.replace(/0+$/, '')}%`;

/** Outlet-scoped staff see their own outlet; region-scoped staff the outlets located in their regions. */
export const outletScope = (scope: ActorScope) =>
  scopeFilter<Database, 'outlets'>(scope, { outlet: 'outlets.id', region: 'outlets.district_code' });

const toColumns = (f: OutletFields) => ({
  name: f.name,
  type: f.type,
  kind: f.kind,
  parent_id: f.parentId,
  contact_name: f.contactName,
  contact_phone: f.contactPhone,
  province_code: f.provinceCode,
  city_code: f.cityCode,
  district_code: f.districtCode,
  address: f.address,
  lat: f.lat,
  lng: f.lng,
  daily_capacity: f.dailyCapacity,
  grade: f.grade,
});

/** An outlet's current grade (grading reads it in its finalise transaction). */
export async function outletGrade(db: Db, outletId: string): Promise<{ grade: OutletsTable['grade'] }> {
  const r = await db
    .selectFrom('outlets')
    .select('grade')
    .where('id', '=', outletId)
    .executeTakeFirstOrThrow();
  return { grade: r.grade };
}

/** Writes the grade a finalised scorecard gives the outlet (dispatch ranking reads it). */
export async function setOutletGrade(
  db: Db,
  outletId: string,
  grade: OutletsTable['grade'],
  at: string,
): Promise<void> {
  await db
    .updateTable('outlets')
    .set((eb) => ({ grade, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', outletId)
    .execute();
}

/** The only place outlet SQL lives. */
export class OutletsRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async findMany(ids: string[], db: Db = this.db): Promise<OutletRecord[]> {
    if (!ids.length) return [];
    const [rows, areas, cats, techs] = await Promise.all([
      db
        .selectFrom('outlets')
        .leftJoin('outlets as parent', 'parent.id', 'outlets.parent_id')
        .selectAll('outlets')
        .select('parent.name as parent_name')
        .where('outlets.id', 'in', ids)
        .execute(),
      db.selectFrom('outlet_service_areas').selectAll().where('outlet_id', 'in', ids).execute(),
      db.selectFrom('outlet_categories').selectAll().where('outlet_id', 'in', ids).execute(),
      db
        .selectFrom('technicians')
        .select(['outlet_id', (e) => e.fn.countAll<number>().as('n')])
        .where('outlet_id', 'in', ids)
        .where('active', '=', 1)
        .groupBy('outlet_id')
        .execute(),
    ]);
    const byId = new Map(
      rows.map((r) => [
        r.id,
        toRecord(
          r,
          areas.filter((a) => a.outlet_id === r.id).map((a) => a.region_code),
          cats.filter((c) => c.outlet_id === r.id).map((c) => c.category_code),
          Number(techs.find((t) => t.outlet_id === r.id)?.n ?? 0),
        ),
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((r): r is OutletRecord => !!r);
  }

  async find(id: string, db: Db = this.db): Promise<OutletRecord | undefined> {
    return (await this.findMany([id], db))[0];
  }

  async isVisible(scope: ActorScope, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('outlets')
      .select('id')
      .where('id', '=', id)
      .where(outletScope(scope))
      .executeTakeFirst();
    return !!row;
  }

  /** Ids sorted by code (unique), keyset on the code; `limit + 1` tells whether there is more. */
  async listIds(
    scope: ActorScope,
    q: OutletListQuery,
    limit: number,
  ): Promise<Array<{ id: string; code: string }>> {
    let query = this.db
      .selectFrom('outlets')
      .select(['outlets.id', 'outlets.code'])
      .where(outletScope(scope));
    if (q.status) query = query.where('outlets.status', '=', q.status);
    if (q.type) query = query.where('outlets.type', '=', q.type);
    if (q.kind) query = query.where('outlets.kind', '=', q.kind);
    if (q.category)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('outlet_categories')
            .select('outlet_categories.outlet_id')
            .whereRef('outlet_categories.outlet_id', '=', 'outlets.id')
            .where('outlet_categories.category_code', '=', q.category!),
        ),
      );
    if (q.region) {
      const region = q.region;
      // Located in the region, or serving some part of it (an area inside it or above it).
      query = query.where((eb) =>
        eb.or([
          eb('outlets.district_code', 'like', prefix(region)),
          eb.exists(
            eb
              .selectFrom('outlet_service_areas as a')
              .select('a.outlet_id')
              .whereRef('a.outlet_id', '=', 'outlets.id')
              .where((e2) =>
                e2.or([
                  e2('a.region_code', 'like', prefix(region)),
                  sql<boolean>`${region} like ${sql.ref('a.region_code')} || '%'`,
                ]),
              ),
          ),
        ]),
      );
    }
    if (q.q) {
      const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([
          eb('outlets.name', 'like', like),
          eb('outlets.code', 'like', like),
          eb('outlets.address', 'like', like),
        ]),
      );
    }
    if (q.cursor) query = query.where('outlets.code', '>', q.cursor);
    return query.orderBy('outlets.code').limit(limit).execute();
  }

  async codeTaken(code: string, db: Db = this.db): Promise<boolean> {
    return !!(await db.selectFrom('outlets').select('id').where('code', '=', code).executeTakeFirst());
  }

  /** The outlets holding any of these codes: code → id (imports check and resolve codes in one query). */
  async idsByCodes(codes: readonly string[], db: Db = this.db): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await db
      .selectFrom('outlets')
      .select(['id', 'code'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async insert(trx: Db, id: string, code: string, f: OutletFields, now: string): Promise<void> {
    await trx
      .insertInto('outlets')
      .values({ id, code, ...toColumns(f), status: 'active', created_at: now, updated_at: now, version: 1 })
      .execute();
  }

  async update(trx: Db, id: string, version: number, f: OutletFields, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('outlets')
      .set({ ...toColumns(f), updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async setStatus(trx: Db, id: string, version: number, status: 'active' | 'suspended', now: string) {
    const r = await trx
      .updateTable('outlets')
      .set({ status, updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceAreas(trx: Db, id: string, codes: string[]): Promise<void> {
    await trx.deleteFrom('outlet_service_areas').where('outlet_id', '=', id).execute();
    if (codes.length)
      await trx
        .insertInto('outlet_service_areas')
        .values(codes.map((region_code) => ({ outlet_id: id, region_code })))
        .execute();
  }

  async replaceCategories(trx: Db, id: string, codes: string[]): Promise<void> {
    await trx.deleteFrom('outlet_categories').where('outlet_id', '=', id).execute();
    if (codes.length)
      await trx
        .insertInto('outlet_categories')
        .values(codes.map((category_code) => ({ outlet_id: id, category_code })))
        .execute();
  }

  /** True when `ancestorId` is `id` or one of its parents (a parent chain must not loop). */
  async isAncestorOrSelf(id: string, candidateParentId: string): Promise<boolean> {
    let cur: string | null = candidateParentId;
    for (let i = 0; cur && i < 20; i++) {
      if (cur === id) return true;
      const row: { parent_id: string | null } | undefined = await this.db
        .selectFrom('outlets')
        .select('parent_id')
        .where('id', '=', cur)
        .executeTakeFirst();
      cur = row?.parent_id ?? null;
    }
    return false;
  }

  async listOverrides(outletId: string) {
    const rows = await this.db
      .selectFrom('outlet_calendar_overrides')
      .selectAll()
      .where('outlet_id', '=', outletId)
      .orderBy('date')
      .execute();
    return rows.map((r) => ({ date: r.date, open: r.open === 1, note: r.note }));
  }

  async putOverride(trx: Db, outletId: string, date: string, open: boolean, note: string | null) {
    await trx
      .insertInto('outlet_calendar_overrides')
      .values({ outlet_id: outletId, date, open: open ? 1 : 0, note })
      .onConflict((oc) => oc.columns(['outlet_id', 'date']).doUpdateSet({ open: open ? 1 : 0, note }))
      .execute();
  }

  async deleteOverride(trx: Db, outletId: string, date: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('outlet_calendar_overrides')
      .where('outlet_id', '=', outletId)
      .where('date', '=', date)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}

type OutletRow = Selectable<OutletsTable> & { parent_name: string | null };

function toRecord(r: OutletRow, areas: string[], categories: string[], techs: number): OutletRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    kind: r.kind,
    parentId: r.parent_id,
    parentName: r.parent_name,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    provinceCode: r.province_code,
    cityCode: r.city_code,
    districtCode: r.district_code,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    dailyCapacity: r.daily_capacity,
    status: r.status,
    grade: r.grade,
    serviceAreas: areas.sort(),
    categories: categories.sort(),
    technicianCount: techs,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Outlet names by id (other modules' lists show them); unknown ids are left out. */
export async function outletNamesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('outlets')
      .select(['id', 'name'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
