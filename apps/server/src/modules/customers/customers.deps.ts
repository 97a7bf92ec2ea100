import type { InstalledProduct, ProductCategory, ProductModel } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import { CustomersRepository } from './customers.repository.ts';
import { ProductsRepository } from './products.repository.ts';
import type { ProductContext } from './customer-view.ts';
import type { ProductRecord } from './customers.records.ts';

/** What customers needs from the catalogue (passed in from catalog/index.ts by modules.ts). */
export interface CatalogPort {
  findModels(ids: string[]): Promise<ProductModel[]>;
  /** Models by their model code (file imports name models by code). */
  findModelsByCodes(codes: readonly string[]): Promise<ProductModel[]>;
  listCategories(): Promise<ProductCategory[]>;
}

/** Open/total order counts per customer, supplied by the work-orders module once it exists. */
export type OrderCounts = (customerIds: string[]) => Promise<Map<string, { open: number; total: number }>>;

/**
 * Moves every work order of one customer to another inside the merge transaction; the work-order
 * module owns `work_orders`, so it supplies this (modules.ts: `customers.useOrders(...)`).
 */
export type MoveCustomerOrders = (trx: Db, sourceId: string, targetId: string) => Promise<number>;

/** A customer's order as a personal-data export lists it (unmasked: it is their own data). */
export interface CustomerOrderData {
  number: string;
  type: string;
  status: string;
  channel: string;
  contactName: string;
  contactPhone: string;
  address: string | null;
  districtCode: string | null;
  faultDescription: string;
  createdAt: string;
  closedAt: string | null;
}

/**
 * PIPL requests and retention reach into work orders, which the work-order module owns: it
 * supplies these (modules.ts: `customers.useOrderPrivacy(customerOrderPrivacy)`).
 */
export interface OrderPrivacyPort {
  openCount(db: Db, customerId: string): Promise<number>;
  listForCustomer(db: Db, customerId: string): Promise<CustomerOrderData[]>;
  /** Blanks contact name/phone/address on the customer's orders, in the erasure's transaction. */
  anonymise(trx: Db, customerId: string, placeholder: string): Promise<number>;
  /** Customers whose orders all closed before `cutoff` and still carry personal data. */
  pastRetention(db: Db, cutoff: string, limit: number): Promise<string[]>;
}

export interface CustomersDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  catalog: CatalogPort;
}

/** Warranty of each product as of a business date, by product id (the engine's, with extensions). */
export type WarrantyOfProducts = (
  products: readonly ProductRecord[],
  asOf: string,
) => Promise<Map<string, InstalledProduct['warranty']>>;

/** Shared by the customer use-case files: repositories, actor mapping, product context. */
export class CustomersContext {
  readonly customers: CustomersRepository;
  readonly products: ProductsRepository;
  orderCounts: OrderCounts | null = null;
  moveOrders: MoveCustomerOrders | null = null;
  orderPrivacy: OrderPrivacyPort | null = null;
  /** The 三包 engine's coverage of products (modules/warranty, bound in modules.ts); else catalogue months. */
  warrantyOf: WarrantyOfProducts | null = null;
  readonly deps: CustomersDeps;
  constructor(deps: CustomersDeps) {
    this.deps = deps;
    this.customers = new CustomersRepository(deps.db);
    this.products = new ProductsRepository(deps.db);
  }

  now = (): Date => this.deps.clock.now();
  today = (): string => businessDateOf(this.deps.clock.now());

  async productContext(products: ProductRecord[]): Promise<ProductContext> {
    const [models, categories] = await Promise.all([
      this.deps.catalog.findModels([...new Set(products.map((p) => p.modelId))]),
      products.length ? this.deps.catalog.listCategories() : Promise.resolve([]),
    ]);
    const asOf = this.today();
    return {
      models: new Map(models.map((m) => [m.id, m])),
      categories: new Map(categories.map((c) => [c.code, c])),
      asOf,
      warranties: this.warrantyOf && products.length ? await this.warrantyOf(products, asOf) : undefined,
    };
  }
}

/** One mapping for every module (platform/auth/actor.ts). */
export { eventActorOf as eventActor } from '../../platform/auth/actor.ts';
export const canSeePhones = (a: Actor): boolean => a.permissions.has('customer:phone_unmasked');
