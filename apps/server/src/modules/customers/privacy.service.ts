import type { ErasureResult, PersonalDataExport } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, redactStreamPayloads } from '../../platform/events/index.ts';
import { newExportStamp, recordExport } from '../../platform/exports/index.ts';
import { refuse, versionConflict } from '../../platform/http/errors.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { eventActor, type CustomersContext, type OrderPrivacyPort } from './customers.deps.ts';
import type { CustomersService } from './customers.service.ts';
import { CUSTOMER_EVENTS } from './customers.events.ts';
import {
  DEFAULT_PRIVACY_POLICY,
  ERASED_NAME,
  PRIVACY_KEY,
  PrivacyPolicySchema,
  type PrivacyPolicy,
} from './domain/privacy.ts';
import { PrivacyRepository } from './privacy.repository.ts';

/**
 * A customer's PIPL requests, handled by staff holding `customer:privacy`: a copy of their personal
 * data (audited and watermarked like every export) and erasure, which anonymises the person while
 * every order keeps its type, status, times, outlet, class and settlement figures.
 */
export class PrivacyService {
  private readonly ctx: CustomersContext;
  private readonly customers: CustomersService;
  private readonly repo = new PrivacyRepository();
  constructor(ctx: CustomersContext, customers: CustomersService) {
    this.ctx = ctx;
    this.customers = customers;
  }

  policy = async (): Promise<PrivacyPolicy> =>
    (await readSetting(this.ctx.deps.db, PRIVACY_KEY, PrivacyPolicySchema, DEFAULT_PRIVACY_POLICY)).value;

  private orders(): OrderPrivacyPort {
    // Unbound only in a module test without work orders: erasure would leave orders identifiable.
    if (!this.ctx.orderPrivacy) throw new Error('customers: order privacy port not bound (useOrderPrivacy)');
    return this.ctx.orderPrivacy;
  }

  async exportPersonalData(actor: Actor, id: string, requestId: string | null): Promise<PersonalDataExport> {
    await this.customers.visible(actor, id);
    const c = await this.customers.live(id);
    const db = this.ctx.deps.db;
    const [products, orders] = await Promise.all([
      this.ctx.products.listByCustomers([id]),
      this.orders().listForCustomer(db, id),
    ]);
    const stamp = newExportStamp(actor, this.ctx.now());
    await recordExport(db, this.ctx.deps.dialect, actor, stamp, {
      kind: 'customer_personal_data',
      rows: 1 + products.length + orders.length,
      filter: { customerId: id },
      format: 'json',
      requestId,
    });
    return {
      exportId: stamp.id,
      exportedAt: stamp.at.toISOString(),
      exportedBy: stamp.username,
      notice: stamp.text,
      customer: {
        id: c.id,
        kind: c.kind,
        name: c.name,
        companyName: c.companyName,
        phones: c.phones.map((p) => ({ phone: p.phone, label: p.label, isPrimary: p.isPrimary })),
        addresses: c.addresses.map((a) => ({
          label: a.label,
          districtCode: a.districtCode,
          detail: a.detail,
          isDefault: a.isDefault,
        })),
        createdAt: c.createdAt,
      },
      products: products.map((p) => ({
        serial: p.serial,
        brand: p.brand,
        categoryCode: p.categoryCode,
        purchaseDate: p.purchaseDate,
        installDate: p.installDate,
        invoiceNo: p.invoiceNo,
      })),
      orders,
    };
  }

  /**
   * Erases (anonymises) a customer's personal data in one transaction with its audit event. Open
   * orders block it: service still owed needs a name, a phone and an address. `version` is the one
   * the agent saw; the retention job passes the current one.
   */
  async erase(
    actor: Actor,
    id: string,
    version: number,
    opts: { requestId?: string | null; reason: 'request' | 'retention' },
  ): Promise<ErasureResult> {
    const port = this.orders();
    return withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const c = await this.customers.live(id, trx);
      if (c.version !== version) throw versionConflict('customer', id, version);
      const open = await port.openCount(trx, id);
      if (open > 0) throw refuse('customer.erasure_blocked', { openOrders: open });
      const now = this.ctx.now();
      const erased = await this.repo.erase(trx, id, version, ERASED_NAME, now.toISOString());
      if (!erased) throw versionConflict('customer', id, version);
      const ordersAnonymised = await port.anonymise(trx, id, ERASED_NAME);
      await redactStreamPayloads(trx, 'customer', erased.streamIds);
      const result = {
        customerId: id,
        erasedAt: now.toISOString(),
        ordersAnonymised,
        phonesRemoved: erased.phonesRemoved,
        addressesCleared: erased.addressesCleared,
      };
      await appendEvent(trx, {
        streamType: 'customer',
        streamId: id,
        type: CUSTOMER_EVENTS.type.erased,
        actor: eventActor(actor),
        at: now,
        reason: opts.reason,
        requestId: opts.requestId ?? null,
        data: { ...result, mergedRecords: erased.streamIds.length - 1 },
      });
      return result;
    });
  }
}
