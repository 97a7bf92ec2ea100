import type { Kysely } from 'kysely';
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
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        version: p.version,
      })
      .execute();
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
