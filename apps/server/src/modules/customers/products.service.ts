import type { InstalledProduct, RegisterProduct } from '@anxin/contracts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { productView } from './customer-view.ts';
import type { CustomersContext } from './customers.deps.ts';
import type { CustomersService } from './customers.service.ts';
import type { CustomerRecord, ProductRecord } from './customers.records.ts';

const serialTaken = (serial: string) =>
  new DomainError('resource.already_exists', `Serial ${serial} is already registered`, {
    errors: [{ path: 'serial', rule: 'unique', message: 'This serial number is already registered' }],
  });

/** The installed base: products registered to customers, each shown with its warranty. */
export class ProductsService {
  private readonly ctx: CustomersContext;
  private readonly customers: CustomersService;
  constructor(ctx: CustomersContext, customers: CustomersService) {
    this.ctx = ctx;
    this.customers = customers;
  }

  async register(
    actor: EventActor,
    customerId: string,
    input: RegisterProduct,
    requestId?: string,
  ): Promise<InstalledProduct> {
    const customer = await this.customers.live(customerId);
    const serial = input.serial.toUpperCase();
    const product = await this.buildProduct(customer, { ...input, serial });
    if (await this.ctx.products.findBySerial(serial)) throw serialTaken(serial);
    try {
      await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, ({ trx }) =>
        this.insertRecord(trx, actor, product, requestId),
      );
    } catch (err) {
      // Two agents registering the same serial at once: the unique index decides.
      if (isUniqueViolation(err)) throw serialTaken(serial);
      throw err;
    }
    return (await this.views([product]))[0]!;
  }

  /** Stores a checked product and its `customer.product_registered` event in the caller's transaction. */
  async insertRecord(trx: Db, actor: EventActor, product: ProductRecord, requestId?: string): Promise<void> {
    await this.ctx.products.insert(trx, product);
    await appendEvent(trx, {
      streamType: 'customer',
      streamId: product.customerId,
      type: 'customer.product_registered',
      actor,
      at: this.ctx.now(),
      requestId,
      data: {
        productId: product.id,
        serial: product.serial,
        modelId: product.modelId,
        purchaseDate: product.purchaseDate,
      },
    });
  }

  private async buildProduct(customer: CustomerRecord, input: RegisterProduct): Promise<ProductRecord> {
    const [model] = await this.ctx.deps.catalog.findModels([input.modelId]);
    if (!model)
      throw refuse(
        'product.model_unknown',
        { modelId: input.modelId },
        { path: 'modelId', detail: `Unknown product model ${input.modelId}` },
      );
    if (!model.active)
      throw refuse(
        'product.model_retired',
        { modelCode: model.modelCode },
        { path: 'modelId', detail: `Product model ${model.modelCode} is retired` },
      );
    const today = this.ctx.today();
    if (input.purchaseDate && input.purchaseDate > today)
      throw fieldError('purchaseDate', 'not_in_future', 'The purchase date cannot be in the future');
    if (input.installDate && input.installDate > today)
      throw fieldError('installDate', 'not_in_future', 'The installation date cannot be in the future');
    if (input.addressId && !customer.addresses.some((a) => a.id === input.addressId)) {
      throw fieldError('addressId', 'not_found', `Address ${input.addressId} is not one of this customer's`);
    }
    const now = this.ctx.now().toISOString();
    return {
      id: newId(),
      customerId: customer.id,
      modelId: model.id,
      categoryCode: model.categoryCode,
      brand: model.brand,
      serial: input.serial,
      purchaseDate: input.purchaseDate,
      salesChannel: input.salesChannel,
      invoiceNo: input.invoiceNo,
      installDate: input.installDate,
      warrantyCardNo: input.warrantyCardNo,
      warrantyActivatedAt: input.activateWarranty ? now : null,
      addressId: input.addressId ?? customer.addresses.find((a) => a.isDefault)?.id ?? null,
      productionBatch: input.productionBatch || null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  }

  async views(products: ProductRecord[]): Promise<InstalledProduct[]> {
    const pctx = await this.ctx.productContext(products);
    return products.map((p) => productView(p, pctx));
  }

  async get(id: string): Promise<InstalledProduct> {
    const p = await this.ctx.products.find(id);
    if (!p) throw notFound('installed product', id);
    return (await this.views([p]))[0]!;
  }

  async listForCustomer(customerId: string): Promise<InstalledProduct[]> {
    return this.views(await this.ctx.products.listByCustomers([customerId]));
  }
}
