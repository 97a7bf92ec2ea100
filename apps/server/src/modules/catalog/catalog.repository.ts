import type { Kysely } from 'kysely';
import type { FaultCode, ProductCategory, ProductModel } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { FaultCodesTable, ProductCategoriesTable, ProductModelsTable } from './catalog.schema.ts';

const toCategory = (r: ProductCategoriesTable): ProductCategory => ({
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  unitWarrantyMonths: r.unit_warranty_months,
  mainPartsWarrantyMonths: r.main_parts_warranty_months,
  serviceMinutes: r.service_minutes,
  active: r.active === 1,
});

const toModel = (r: ProductModelsTable): ProductModel => ({
  id: r.id,
  brand: r.brand,
  categoryCode: r.category_code,
  modelCode: r.model_code,
  name: r.name,
  active: r.active === 1,
});

const toFaultCode = (r: FaultCodesTable): FaultCode => ({
  id: r.id,
  categoryCode: r.category_code,
  parentId: r.parent_id,
  code: r.code,
  kind: r.kind,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  active: r.active === 1,
});

const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** The only place catalogue SQL lives. Writers take the transaction of their use case. */
export class CatalogRepository {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async listCategories(): Promise<ProductCategory[]> {
    return (await this.db.selectFrom('product_categories').selectAll().orderBy('code').execute()).map(
      toCategory,
    );
  }

  async findCategory(code: string, db: Kysely<Database> = this.db): Promise<ProductCategory | undefined> {
    const r = await db
      .selectFrom('product_categories')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return r && toCategory(r);
  }

  async insertCategory(trx: Kysely<Database>, c: ProductCategory): Promise<void> {
    await trx
      .insertInto('product_categories')
      .values({
        code: c.code,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        unit_warranty_months: c.unitWarrantyMonths,
        main_parts_warranty_months: c.mainPartsWarrantyMonths,
        service_minutes: c.serviceMinutes,
        active: c.active ? 1 : 0,
      })
      .execute();
  }

  async updateCategory(
    trx: Kysely<Database>,
    code: string,
    p: Partial<Omit<ProductCategory, 'code'>>,
  ): Promise<void> {
    await trx
      .updateTable('product_categories')
      .set({
        name_zh: p.nameZh,
        name_en: p.nameEn,
        unit_warranty_months: p.unitWarrantyMonths,
        main_parts_warranty_months: p.mainPartsWarrantyMonths,
        service_minutes: p.serviceMinutes,
        active: flag(p.active),
      })
      .where('code', '=', code)
      .execute();
  }

  async listModels(f: {
    categoryCode?: string;
    brand?: string;
    after?: string;
    limit: number;
  }): Promise<ProductModel[]> {
    let q = this.db.selectFrom('product_models').selectAll().orderBy('id').limit(f.limit);
    if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
    if (f.brand) q = q.where('brand', '=', f.brand);
    if (f.after) q = q.where('id', '>', f.after);
    return (await q.execute()).map(toModel);
  }

  async findModel(id: string, db: Kysely<Database> = this.db): Promise<ProductModel | undefined> {
    const r = await db.selectFrom('product_models').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toModel(r);
  }

  async findModels(ids: string[]): Promise<ProductModel[]> {
    if (!ids.length) return [];
    return (await this.db.selectFrom('product_models').selectAll().where('id', 'in', ids).execute()).map(
      toModel,
    );
  }

  async insertModel(trx: Kysely<Database>, m: ProductModel): Promise<void> {
    await trx
      .insertInto('product_models')
      .values({
        id: m.id,
        brand: m.brand,
        category_code: m.categoryCode,
        model_code: m.modelCode,
        name: m.name,
        active: m.active ? 1 : 0,
      })
      .execute();
  }

  async updateModel(
    trx: Kysely<Database>,
    id: string,
    p: { name?: string; active?: boolean },
  ): Promise<void> {
    await trx
      .updateTable('product_models')
      .set({ name: p.name, active: flag(p.active) })
      .where('id', '=', id)
      .execute();
  }

  async listFaultCodes(categoryCode: string): Promise<FaultCode[]> {
    const rows = await this.db
      .selectFrom('fault_codes')
      .selectAll()
      .where('category_code', '=', categoryCode)
      .orderBy('code')
      .execute();
    return rows.map(toFaultCode);
  }

  async findFaultCode(id: string, db: Kysely<Database> = this.db): Promise<FaultCode | undefined> {
    const r = await db.selectFrom('fault_codes').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toFaultCode(r);
  }

  async findFaultCodes(ids: string[]): Promise<FaultCode[]> {
    if (!ids.length) return [];
    return (await this.db.selectFrom('fault_codes').selectAll().where('id', 'in', ids).execute()).map(
      toFaultCode,
    );
  }

  async insertFaultCode(trx: Kysely<Database>, f: FaultCode): Promise<void> {
    await trx
      .insertInto('fault_codes')
      .values({
        id: f.id,
        category_code: f.categoryCode,
        parent_id: f.parentId,
        code: f.code,
        kind: f.kind,
        name_zh: f.nameZh,
        name_en: f.nameEn,
        active: f.active ? 1 : 0,
      })
      .execute();
  }

  async updateFaultCode(
    trx: Kysely<Database>,
    id: string,
    p: { nameZh?: string; nameEn?: string; active?: boolean },
  ): Promise<void> {
    await trx
      .updateTable('fault_codes')
      .set({ name_zh: p.nameZh, name_en: p.nameEn, active: flag(p.active) })
      .where('id', '=', id)
      .execute();
  }

  /** Deactivating a fault category retires its symptoms too, so no orphan stays selectable. */
  async deactivateChildren(trx: Kysely<Database>, parentId: string): Promise<void> {
    await trx.updateTable('fault_codes').set({ active: 0 }).where('parent_id', '=', parentId).execute();
  }
}

/** Product models by id, for other modules' read models; unknown ids are left out. */
export async function productModelsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ProductModel[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  return (await db.selectFrom('product_models').selectAll().where('id', 'in', wanted).execute()).map(toModel);
}

/** Product categories (with their warranty terms) by code; unknown codes are left out. */
export async function productCategoriesByCodes(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<ProductCategory[]> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return [];
  return (await db.selectFrom('product_categories').selectAll().where('code', 'in', wanted).execute()).map(
    toCategory,
  );
}

/** Product models by model code (Excel imports name models by code); unknown codes are left out. */
export async function productModelsByCodes(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<ProductModel[]> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return [];
  return (await db.selectFrom('product_models').selectAll().where('model_code', 'in', wanted).execute()).map(
    toModel,
  );
}
