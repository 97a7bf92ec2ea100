import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ProspectFields, ProspectRecord } from './network.records.ts';
import type { OutletProspectsTable, ProspectStage } from './network.schema.ts';
import type { CoveringOutlet } from './domain/coverage.ts';

type Db = Kysely<Database>;

const toRecord = (r: OutletProspectsTable): ProspectRecord => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  categories: JSON.parse(r.categories) as string[],
  stage: r.stage,
  notes: r.notes,
  linkedOutletId: r.linked_outlet_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const toColumns = (f: ProspectFields) => ({
  region_code: f.regionCode,
  name: f.name,
  contact_name: f.contactName,
  contact_phone: f.contactPhone,
  categories: JSON.stringify(f.categories),
  notes: f.notes,
});

/** The outlet development pipeline and the read-only figures coverage analytics needs. */
export class PipelineRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async find(id: string, db: Db = this.db): Promise<ProspectRecord | undefined> {
    const r = await db.selectFrom('outlet_prospects').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }

  async list(filter: { stage?: ProspectStage; region?: string }): Promise<ProspectRecord[]> {
    let q = this.db.selectFrom('outlet_prospects').selectAll();
    if (filter.stage) q = q.where('stage', '=', filter.stage);
    if (filter.region) q = q.where('region_code', 'like', `${filter.region}%`);
    const rows = await q.orderBy('updated_at', 'desc').orderBy('id').limit(500).execute();
    return rows.map(toRecord);
  }

  async insert(trx: Db, id: string, f: ProspectFields, by: string | null, now: string) {
    await trx
      .insertInto('outlet_prospects')
      .values({
        id,
        ...toColumns(f),
        stage: 'prospect',
        linked_outlet_id: null,
        created_by: by,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  }

  async update(
    trx: Db,
    id: string,
    version: number,
    f: ProspectFields & { stage: ProspectStage; linkedOutletId: string | null },
    now: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('outlet_prospects')
      .set({
        ...toColumns(f),
        stage: f.stage,
        linked_outlet_id: f.linkedOutletId,
        updated_at: now,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(trx: Db, id: string, version: number): Promise<boolean> {
    const r = await trx
      .deleteFrom('outlet_prospects')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async activeOutletCoverage(): Promise<CoveringOutlet[]> {
    const [areas, cats] = await Promise.all([
      this.db
        .selectFrom('outlet_service_areas as a')
        .innerJoin('outlets as o', 'o.id', 'a.outlet_id')
        .select(['a.outlet_id', 'a.region_code'])
        .where('o.status', '=', 'active')
        .execute(),
      this.db
        .selectFrom('outlet_categories as c')
        .innerJoin('outlets as o', 'o.id', 'c.outlet_id')
        .select(['c.outlet_id', 'c.category_code'])
        .where('o.status', '=', 'active')
        .execute(),
    ]);
    const byOutlet = new Map<string, { areas: string[]; categories: string[] }>();
    const get = (id: string) => {
      let o = byOutlet.get(id);
      if (!o) byOutlet.set(id, (o = { areas: [], categories: [] }));
      return o;
    };
    for (const a of areas) get(a.outlet_id).areas.push(a.region_code);
    for (const c of cats) get(c.outlet_id).categories.push(c.category_code);
    return [...byOutlet.values()];
  }

  /** Active outlets of every kind (dealers and agents serve too): all of them, and the self-built ones. */
  async outletCounts(): Promise<{ active: number; selfBuilt: number }> {
    const rows = await this.db
      .selectFrom('outlets')
      .select(['type', (e) => e.fn.countAll<number>().as('n')])
      .where('status', '=', 'active')
      .groupBy('type')
      .execute();
    const n = (t: string) => Number(rows.find((r) => r.type === t)?.n ?? 0);
    return { active: n('self_built') + n('entrusted'), selfBuilt: n('self_built') };
  }
}
