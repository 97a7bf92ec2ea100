import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { prefixUpperBound } from './domain/phone.ts';
import { customerScope, uniqueIds } from './customers.repository.ts';
import type { ProductRecord } from './customers.records.ts';
import type { InstalledProductsTable } from './customers.schema.ts';

type Db = Kysely<Database>;

const toProduct = (r: InstalledProductsTable): ProductRecord => ({
  id: r.id,
  customerId: r.customer_id,
  modelId: r.model_id,
  categoryCode: r.category_code,
  brand: r.brand,
  serial: r.serial,
  purchaseDate: r.purchase_date,
  salesChannel: r.sales_channel,
  invoiceNo: r.invoice_no,
  installDate: r.install_date,
  warrantyCardNo: r.warranty_card_no,
  warrantyActivatedAt: r.warranty_activated_at,
  addressId: r.address_id,
  productionBatch: r.production_batch,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The only place installed-product SQL lives. */
export class ProductsRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async find(id: string, db: Db = this.db): Promise<ProductRecord | undefined> {
    const r = await db.selectFrom('installed_products').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toProduct(r);
  }

  async findBySerial(serial: string, db: Db = this.db): Promise<ProductRecord | undefined> {
    const r = await db
      .selectFrom('installed_products')
      .selectAll()
      .where('serial', '=', serial)
      .executeTakeFirst();
    return r && toProduct(r);
  }

  /** Which of these (upper-case) serials are already registered. */
  async takenSerials(serials: readonly string[], db: Db = this.db): Promise<Set<string>> {
    const out = new Set<string>();
    const wanted = [...new Set(serials)];
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db
        .selectFrom('installed_products')
        .select('serial')
        .where('serial', 'in', wanted.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.serial);
    }
    return out;
  }

  async listByCustomers(customerIds: string[], db: Db = this.db): Promise<ProductRecord[]> {
    if (!customerIds.length) return [];
    const rows = await db
      .selectFrom('installed_products')
      .selectAll()
      .where('customer_id', 'in', customerIds)
      .orderBy('id')
      .execute();
    return rows.map(toProduct);
  }

  async insert(trx: Db, p: ProductRecord): Promise<void> {
    await trx
      .insertInto('installed_products')
      .values({
        id: p.id,
        customer_id: p.customerId,
        model_id: p.modelId,
        category_code: p.categoryCode,
        brand: p.brand,
        serial: p.serial,
        purchase_date: p.purchaseDate,
        sales_channel: p.salesChannel,
        invoice_no: p.invoiceNo,
        install_date: p.installDate,
        warranty_card_no: p.warrantyCardNo,
        warranty_activated_at: p.warrantyActivatedAt,
        address_id: p.addressId,
        production_batch: p.productionBatch || null,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        version: p.version,
      })
      .execute();
  }

  /** A new owner for the product (warranty card transfer); false when the version moved on. */
  async moveToCustomer(trx: Db, id: string, customerId: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('installed_products')
      .set((eb) => ({ customer_id: customerId, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Serial search on the unique index: exact, or a prefix range walked in serial order. */
  async customerIdsBySerial(scope: ActorScope, serial: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('installed_products')
      .innerJoin('customers', 'customers.id', 'installed_products.customer_id')
      .select('customers.id')
      .where('installed_products.serial', '>=', serial)
      .where('installed_products.serial', '<', prefixUpperBound(serial))
      .where('customers.merged_into_id', 'is', null)
      .where(customerScope(scope))
      .orderBy('installed_products.serial')
      .limit(limit * 2)
      .execute();
    return uniqueIds(rows, limit);
  }
}

/** Live customers' installed products in one district and product category. */
export interface InstalledDemand {
  districtCode: string;
  categoryCode: string;
  installedProducts: number;
}

/**
 * Installed products per (district, category), the read other modules (network coverage) use; the
 * product's own address wins over the customer's default. `regions` limits to districts under
 * those prefixes (region-scoped staff).
 */
export async function installedDemand(db: Db, regions: string[] | null): Promise<InstalledDemand[]> {
  const district = sql<string>`coalesce(${sql.ref('a.district_code')}, ${sql.ref('c.district_code')})`;
  let q = db
    .selectFrom('installed_products as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('customer_addresses as a', 'a.id', 'p.address_id')
    .select([district.as('district_code'), 'p.category_code', (e) => e.fn.countAll<number>().as('n')])
    .where('c.merged_into_id', 'is', null)
    .where(sql<boolean>`${district} is not null`);
  if (regions)
    q = q.where((eb) =>
      regions.length
        ? eb.or(regions.map((r) => sql<boolean>`${district} like ${`${r}%`}`))
        : sql<boolean>`1 = 0`,
    );
  const rows = await q.groupBy([district, 'p.category_code']).execute();
  return rows
    .map((r) => ({
      districtCode: r.district_code,
      categoryCode: r.category_code,
      installedProducts: Number(r.n),
    }))
    .sort(
      (a, b) => a.districtCode.localeCompare(b.districtCode) || a.categoryCode.localeCompare(b.categoryCode),
    );
}

/** Installed products by id, the read other modules (the field app) use; unknown ids are left out. */
export async function installedProductsByIds(db: Db, ids: readonly string[]): Promise<ProductRecord[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const rows = await db.selectFrom('installed_products').selectAll().where('id', 'in', wanted).execute();
  return rows.map(toProduct);
}

/** An installed product as a maintenance plan sees it: its dates and the site it stands at. */
export interface MaintainedProduct {
  id: string;
  serial: string;
  modelId: string;
  categoryCode: string;
  customerId: string;
  customerName: string;
  /** Where the product stands: its address's district, else the customer's (for data scope). */
  districtCode: string | null;
  installDate: string | null;
  purchaseDate: string | null;
  /** The customer address the product stands at; null when the product names none. */
  address: {
    id: string;
    provinceCode: string;
    cityCode: string;
    districtCode: string;
    detail: string;
    lat: number | null;
    lng: number | null;
  } | null;
}

/**
 * Installed products of one model or one category, of live customers (not merged, not erased),
 * ordered by id; the read modules/maintenance plans from. Running hours are not recorded here.
 */
export async function maintainedProducts(
  db: Db,
  target: { modelId: string | null; categoryCode: string | null },
): Promise<MaintainedProduct[]> {
  if (!target.modelId && !target.categoryCode) return [];
  let q = db
    .selectFrom('installed_products as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('customer_addresses as a', (j) =>
      j.onRef('a.id', '=', 'p.address_id').onRef('a.customer_id', '=', 'p.customer_id'),
    )
    .select([
      'p.id',
      'p.serial',
      'p.model_id',
      'p.category_code',
      'p.customer_id',
      'c.name as customer_name',
      'c.district_code as customer_district',
      'p.install_date',
      'p.purchase_date',
      'a.id as address_id',
      'a.province_code',
      'a.city_code',
      'a.district_code',
      'a.detail',
      'a.lat',
      'a.lng',
    ])
    .where('c.merged_into_id', 'is', null)
    .where('c.erased_at', 'is', null);
  if (target.modelId) q = q.where('p.model_id', '=', target.modelId);
  else q = q.where('p.category_code', '=', target.categoryCode!);
  const rows = await q.orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id,
    serial: r.serial,
    modelId: r.model_id,
    categoryCode: r.category_code,
    customerId: r.customer_id,
    customerName: r.customer_name,
    districtCode: r.district_code ?? r.customer_district,
    installDate: r.install_date,
    purchaseDate: r.purchase_date,
    address: r.address_id
      ? {
          id: r.address_id,
          provinceCode: r.province_code!,
          cityCode: r.city_code!,
          districtCode: r.district_code!,
          detail: r.detail!,
          lat: r.lat,
          lng: r.lng,
        }
      : null,
  }));
}

/** Serial, owner and district of installed products by id (unknown ids are left out). */
export async function productOwnersOf(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; serial: string; customerName: string; districtCode: string | null }[]> {
  const wanted = [...new Set(ids)];
  const out: { id: string; serial: string; customerName: string; districtCode: string | null }[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('installed_products as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .leftJoin('customer_addresses as a', 'a.id', 'p.address_id')
      .select(['p.id', 'p.serial', 'c.name', 'c.district_code as customer_district', 'a.district_code'])
      .where('p.id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        serial: r.serial,
        customerName: r.name,
        districtCode: r.district_code ?? r.customer_district,
      });
  }
  return out;
}

/** An installed product as a recall sees it: what it is, which batch, and whose. */
export interface RecallCandidate {
  id: string;
  serial: string;
  modelId: string;
  categoryCode: string;
  productionBatch: string | null;
  customerId: string;
  customerName: string;
}

/**
 * Installed products of live customers (not merged, not erased) that may fall in a recall: of one
 * of `modelIds` (when given) and, when serial prefixes or batches are given, whose serial starts
 * with one of the prefixes or whose batch is one of the batches. A superset by design: the recall
 * module's own matcher decides the exact ranges; this read only keeps the scan to the index.
 * Ordered by serial; at most `limit` rows.
 */
export async function productsForRecall(
  db: Db,
  filter: { modelIds: string[]; serialPrefixes: string[]; batches: string[]; limit: number },
): Promise<RecallCandidate[]> {
  const { modelIds, serialPrefixes, batches } = filter;
  if (!modelIds.length && !serialPrefixes.length && !batches.length) return [];
  let q = db
    .selectFrom('installed_products as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select([
      'p.id',
      'p.serial',
      'p.model_id',
      'p.category_code',
      'p.production_batch',
      'p.customer_id',
      'c.name as customer_name',
    ])
    .where('c.merged_into_id', 'is', null)
    .where('c.erased_at', 'is', null);
  if (modelIds.length) q = q.where('p.model_id', 'in', modelIds);
  // A range of bare numbers has no prefix to narrow by: every serial is a candidate then.
  if ((serialPrefixes.length || batches.length) && !serialPrefixes.includes(''))
    q = q.where((eb) =>
      eb.or([
        ...serialPrefixes.map((prefix) =>
          eb.and([eb('p.serial', '>=', prefix), eb('p.serial', '<', prefixUpperBound(prefix))]),
        ),
        ...(batches.length ? [eb('p.production_batch', 'in', batches)] : []),
      ]),
    );
  const rows = await q.orderBy('p.serial').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    serial: r.serial,
    modelId: r.model_id,
    categoryCode: r.category_code,
    productionBatch: r.production_batch,
    customerId: r.customer_id,
    customerName: r.customer_name,
  }));
}

/** The owner's name and primary phone (digits) of installed products by id; unknown ids left out. */
export async function productContactsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { customerId: string; customerName: string; phone: string | null }>> {
  const out = new Map<string, { customerId: string; customerName: string; phone: string | null }>();
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('installed_products as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .leftJoin('customer_phones as ph', (j) =>
        j.onRef('ph.customer_id', '=', 'c.id').on('ph.is_primary', '=', 1),
      )
      .select(['p.id', 'c.id as customer_id', 'c.name', 'c.erased_at', 'ph.phone'])
      .where('p.id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows)
      if (!out.has(r.id))
        out.set(r.id, {
          customerId: r.customer_id,
          customerName: r.name,
          // An erased customer is not contacted again.
          phone: r.erased_at ? null : (r.phone ?? null),
        });
  }
  return out;
}
