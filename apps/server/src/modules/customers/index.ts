import type { FastifyInstance } from 'fastify';
import type { RegisterProduct } from '@anxin/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { appendEvent, SYSTEM, type EventActor } from '../../platform/events/append.ts';
import { notFound } from '../../platform/http/errors.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { digitsOf } from './domain/phone.ts';
import {
  CustomersContext,
  type CatalogPort,
  type MoveCustomerOrders,
  type OrderCounts,
  type OrderPrivacyPort,
  type WarrantyOfProducts,
} from './customers.deps.ts';
import { CustomersService } from './customers.service.ts';
import { LookupService } from './lookup.service.ts';
import { MergeService } from './merge.service.ts';
import { ProductsService } from './products.service.ts';
import { customerRoutes } from './customers.routes.ts';
import { CustomerImportService } from './import.service.ts';
import { customerImportRoutes } from './import.routes.ts';
import { PrivacyService } from './privacy.service.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { scheduleRetention, sweepRetention } from './retention.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';

export { computeWarranty, addMonths } from './domain/warranty.ts';
export { maskPhone, normalisePhone } from './domain/phone.ts';
export { checkRegion, regionName } from './domain/regions.ts';
export { nameBigrams } from './domain/name-tokens.ts';
export type { CustomerRecord, ProductRecord } from './customers.records.ts';
export { customerNamesOf, customerRefOf } from './customers.repository.ts';
export {
  installedDemand,
  installedProductsByIds,
  maintainedProducts,
  productContactsOf,
  productOwnersOf,
  productsForRecall,
  type InstalledDemand,
  type RecallCandidate,
  type MaintainedProduct,
} from './products.repository.ts';
export type {
  CatalogPort,
  CustomerOrderData,
  MoveCustomerOrders,
  OrderCounts,
  OrderPrivacyPort,
  WarrantyOfProducts,
} from './customers.deps.ts';
export { outreachContactsOf, outreachPopulation, type OutreachCustomer } from './outreach.repository.ts';
export { CUSTOMER_SETTINGS } from './customers.settings.ts';
export { PRIVACY_KEY, type PrivacyPolicy } from './domain/privacy.ts';
export { RETENTION_JOB, type RetentionResult } from './retention.ts';

/**
 * Customers and their installed base. Other modules use the functions returned here:
 * work orders read customers/products and supply open-order counts for the agent lookup;
 * the customer portal finds a customer by phone and registers products.
 */
export function createCustomers(deps: AppDeps, catalog: CatalogPort) {
  const ctx = new CustomersContext({ db: deps.db, dialect: deps.dialect, clock: deps.clock, catalog });
  const customers = new CustomersService(ctx);
  const products = new ProductsService(ctx, customers);
  const lookup = new LookupService(ctx);
  const merge = new MergeService(ctx, customers);
  const privacy = new PrivacyService(ctx, customers);
  const importer = new CustomerImportService(ctx, customers, products);
  const retention = () => sweepRetention(ctx, customers, privacy, deps.logger.child({ c: 'retention' }));
  return {
    /** A live customer (not merged) or a 404/409 DomainError. */
    getCustomer: (id: string) => customers.live(id),
    getInstalledProduct: (id: string) => products.get(id),
    /** Exact match on the normalised number; merged customers never match (their phones moved). */
    findCustomerByPhone: async (phone: string) => {
      const ids = await ctx.customers.idsByPhone(
        { level: 'all', regionCodes: [], outletId: null, userId: '' },
        digitsOf(phone),
        'exact',
        1,
      );
      return ids[0] ? ctx.customers.find(ids[0]) : undefined;
    },
    registerProductForCustomer: (customerId: string, input: RegisterProduct, actor: EventActor = SYSTEM) =>
      products.register(actor, customerId, input),
    /** A new portal caller becomes an individual customer with this phone as primary (validated, normalised). */
    createIndividualCustomer: async (input: { name: string; phone: string }, actor: EventActor = SYSTEM) => {
      const phones = [{ phone: input.phone, label: 'mobile' as const, isPrimary: true }];
      const { id } = await customers.createRecord(actor, {
        kind: 'individual',
        name: input.name,
        companyName: null,
        tier: 'standard',
        note: null,
        phones,
        addresses: [],
      });
      return { id };
    },
    /** The installed product with this serial (stored upper-case), or undefined. */
    findProductBySerial: (serial: string) => ctx.products.findBySerial(serial.trim().toUpperCase()),
    /**
     * Ownership transfer (过户, modules/cards): the product moves to `toCustomerId` inside the
     * caller's transaction, recorded on both customers' streams. Reads only through `trx` (one
     * SQLite connection); the caller found the live new owner before the transaction.
     */
    transferProduct: async (
      trx: Kysely<Database>,
      productId: string,
      toCustomerId: string,
      actor: EventActor,
      reason: string,
    ) => {
      const product = await ctx.products.find(productId, trx);
      if (!product) throw notFound('installed product', productId);
      const at = ctx.now();
      await ctx.products.moveToCustomer(trx, productId, toCustomerId, at.toISOString());
      for (const streamId of [product.customerId, toCustomerId])
        await appendEvent(trx, {
          streamType: 'customer',
          streamId,
          type: 'customer.product_transferred',
          actor,
          at,
          reason,
          data: { productId, serial: product.serial, from: product.customerId, to: toCustomerId },
        });
    },
    /** A customer's installed products, each with its warranty as of today. */
    listProducts: (customerId: string) => products.listForCustomer(customerId),
    /**
     * For bulk loads that insert customers without the service (demo data, imports): rebuilds the
     * name-substring index in pages. Idempotent.
     */
    reindexNameTokens: async (pageSize = 1000) => {
      let after: string | null = null;
      do {
        const from: string | null = after;
        after = await withTransaction(deps.db, deps.dialect, ({ trx }) =>
          ctx.customers.reindexNamesPage(trx, from, pageSize),
        );
      } while (after);
    },
    /** Bound by modules.ts to the work-order module's `moveCustomerOrders` (merge moves orders). */
    useOrders: (move: MoveCustomerOrders) => {
      ctx.moveOrders = move;
    },
    /** Bound by modules.ts to the work-order module's `customerOrderPrivacy` (PIPL erasure, retention). */
    useOrderPrivacy: (port: OrderPrivacyPort) => {
      ctx.orderPrivacy = port;
    },
    /** Bound by modules.ts to the 三包 engine: every product view shows its computed warranty. */
    useWarranty: (fn: WarrantyOfProducts) => {
      ctx.warrantyOf = fn;
    },
    /** The stored product without its warranty view (the engine reads this; no loop back). */
    findProductRecord: (id: string) => ctx.products.find(id),
    /** The retention sweep, for the daily job and for tests. */
    sweepRetention: retention,
    scheduleJobs: (jobs: JobQueue) => scheduleRetention(jobs, retention),
    /** Called by the work-orders module so lookups show open/total order counts. */
    setOrderCounts: (fn: OrderCounts) => {
      ctx.orderCounts = fn;
    },
    register: async (app: FastifyInstance) => {
      await app.register(customerRoutes({ customers, lookup, merge, products }));
      await app.register(privacyRoutes(privacy));
      await app.register(customerImportRoutes(importer));
    },
  };
}
export type CustomersModule = ReturnType<typeof createCustomers>;
