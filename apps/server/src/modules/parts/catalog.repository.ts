import type { PartKind } from '@anxin/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { PartItemsTable } from './parts.schema.ts';

type Db = Kysely<Database>;

/** A catalogue item as the parts module uses it (camelCase; flags as booleans). */
export interface PartItemRecord {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: PartKind;
  partClass: string;
  unit: string;
  serialized: boolean;
  listPriceFen: number;
  costPriceFen: number;
  warrantyClaimable: boolean;
  universal: boolean;
  modelIds: string[];
  discontinueOn: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type PartItemFields = Omit<PartItemRecord, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

const toRecord = (r: Selectable<PartItemsTable>, modelIds: string[]): PartItemRecord => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  kind: r.kind,
  partClass: r.part_class,
  unit: r.unit,
  serialized: r.serialized === 1,
  listPriceFen: r.list_price_fen,
  costPriceFen: r.cost_price_fen,
  warrantyClaimable: r.warranty_claimable === 1,
  universal: r.universal === 1,
  modelIds,
  discontinueOn: r.discontinue_on,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const toColumns = (f: PartItemFields) => ({
  code: f.code,
  name_zh: f.nameZh,
  name_en: f.nameEn,
  kind: f.kind,
  part_class: f.partClass,
  unit: f.unit,
  serialized: f.serialized ? 1 : 0,
  list_price_fen: f.listPriceFen,
  cost_price_fen: f.costPriceFen,
  warranty_claimable: f.warrantyClaimable ? 1 : 0,
  universal: f.universal ? 1 : 0,
  discontinue_on: f.discontinueOn,
  active: f.active ? 1 : 0,
});

async function withCompat(db: Db, rows: Selectable<PartItemsTable>[]): Promise<PartItemRecord[]> {
  const compat = new Map<string, string[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const cs = await db
      .selectFrom('part_compat')
      .select(['item_id', 'model_id'])
      .where('item_id', 'in', ids.slice(i, i + 500))
      .orderBy('model_id')
      .execute();
    for (const c of cs) compat.set(c.item_id, [...(compat.get(c.item_id) ?? []), c.model_id]);
  }
  return rows.map((r) => toRecord(r, compat.get(r.id) ?? []));
}

/** Catalogue items by id (unknown ids are left out); for the rest of the parts module. */
export async function itemsByIds(db: Db, ids: readonly string[]): Promise<PartItemRecord[]> {
  const wanted = [...new Set(ids)];
  const rows: Selectable<PartItemsTable>[] = [];
  for (let i = 0; i < wanted.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('part_items')
        .selectAll()
        .where('id', 'in', wanted.slice(i, i + 500))
        .execute()),
    );
  return withCompat(db, rows);
}

export async function itemsByCodes(db: Db, codes: readonly string[]): Promise<PartItemRecord[]> {
  const wanted = [...new Set(codes)];
  const rows: Selectable<PartItemsTable>[] = [];
  for (let i = 0; i < wanted.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('part_items')
        .selectAll()
        .where('code', 'in', wanted.slice(i, i + 500))
        .execute()),
    );
  return withCompat(db, rows);
}

export interface ItemListFilter {
  q?: string | undefined;
  kind?: PartKind | undefined;
  modelId?: string | undefined;
  active?: boolean | undefined;
  /** Keyset: items with a code after this one. */
  afterCode?: string | undefined;
  limit: number;
}

/** Items by code, `limit` of them after `afterCode`. */
export async function listItems(db: Db, f: ItemListFilter): Promise<PartItemRecord[]> {
  let q = db.selectFrom('part_items').selectAll().orderBy('code').limit(f.limit);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('code', 'like', like), eb('name_zh', 'like', like), eb('name_en', 'like', like)]),
    );
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.afterCode) q = q.where('code', '>', f.afterCode);
  if (f.modelId) {
    const modelId = f.modelId;
    q = q.where((eb) =>
      eb.or([
        eb('universal', '=', 1),
        eb.exists(
          eb
            .selectFrom('part_compat')
            .select('part_compat.item_id')
            .whereRef('part_compat.item_id', '=', 'part_items.id')
            .where('part_compat.model_id', '=', modelId),
        ),
      ]),
    );
  }
  return withCompat(db, await q.execute());
}

export async function insertItem(db: Db, id: string, f: PartItemFields, at: string): Promise<void> {
  await db
    .insertInto('part_items')
    .values({ id, ...toColumns(f), created_at: at, updated_at: at, version: 1 })
    .execute();
  await replaceCompat(db, id, f.modelIds);
}

/** Writes the item at `version` (bumping it); false when someone else changed it first. */
export async function updateItem(
  db: Db,
  id: string,
  f: PartItemFields,
  version: number,
  at: string,
): Promise<boolean> {
  const { code: _code, ...cols } = toColumns(f);
  const r = await db
    .updateTable('part_items')
    .set({ ...cols, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await replaceCompat(db, id, f.modelIds);
  return true;
}

async function replaceCompat(db: Db, itemId: string, modelIds: readonly string[]): Promise<void> {
  await db.deleteFrom('part_compat').where('item_id', '=', itemId).execute();
  const unique = [...new Set(modelIds)];
  for (let i = 0; i < unique.length; i += 200)
    await db
      .insertInto('part_compat')
      .values(unique.slice(i, i + 200).map((model_id) => ({ item_id: itemId, model_id })))
      .execute();
}
