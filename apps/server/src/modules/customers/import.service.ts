import {
  CustomerImportPolicySchema,
  DEFAULT_CUSTOMER_IMPORT_POLICY,
  type CustomerImportResult,
  type ProductModel,
} from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { EventActor } from '../../platform/events/append.ts';
import {
  checkRowLimit,
  columnsByName,
  importIssueErrors,
  readImportSheet,
} from '../../platform/files/index.ts';
import { refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import type { CustomersContext } from './customers.deps.ts';
import type { AddressRecord } from './customers.records.ts';
import type { CustomersService } from './customers.service.ts';
import { CUSTOMER_IMPORT_KEY } from './customers.settings.ts';
import {
  checkImportRows,
  dataRows,
  IMPORT_COLUMNS,
  type ImportIssue,
  type ImportLine,
} from './domain/customer-import.ts';
import type { ProductsService } from './products.service.ts';

const columnOf = columnsByName(IMPORT_COLUMNS);

function refusal(issues: ImportIssue[]) {
  return refuse('customer.import_invalid', { count: issues.length }, { errors: importIssueErrors(issues) });
}

/**
 * Customers with their installed products from one .xlsx or CSV file, one row per product. Every
 * row is checked first and any bad row imports nothing (`customer.import_invalid`, each issue at
 * `rows.<n>.<column>`); then all customers and products go in one transaction with the events the
 * form's create paths append. A row whose phone (any of its phones) already belongs to a live
 * customer adds its product to that customer; rows sharing a phone make one new customer (the
 * first row's name and address).
 */
export class CustomerImportService {
  private readonly ctx: CustomersContext;
  private readonly customers: CustomersService;
  private readonly products: ProductsService;
  constructor(ctx: CustomersContext, customers: CustomersService, products: ProductsService) {
    this.ctx = ctx;
    this.customers = customers;
    this.products = products;
  }

  async run(
    by: EventActor,
    body: Buffer,
    dryRun: boolean,
    requestId?: string,
  ): Promise<CustomerImportResult> {
    const { db } = this.ctx.deps;
    const policy = (
      await readSetting(db, CUSTOMER_IMPORT_KEY, CustomerImportPolicySchema, DEFAULT_CUSTOMER_IMPORT_POLICY)
    ).value;
    const rows = dataRows(await readImportSheet(body, { columnOf, required: 'serial' }));
    checkRowLimit(rows, policy.maxRows);
    const models = await this.ctx.deps.catalog.findModelsByCodes(
      rows.map((r) => r.cells.modelCode ?? '').filter(Boolean),
    );
    const byCode = new Map(models.map((m) => [m.modelCode, m]));
    const taken = await this.ctx.products.takenSerials(
      rows.map((r) => (r.cells.serial ?? '').toUpperCase()).filter(Boolean),
    );
    const { lines, issues } = checkImportRows(rows, {
      model: (c) => byCode.get(c),
      serialTaken: (s) => taken.has(s),
      today: this.ctx.today(),
    });
    if (issues.length) throw refusal(issues);
    const existing = await this.ctx.customers.liveIdsByPhones(lines.flatMap((l) => l.phones));
    const plan = planCustomers(lines, existing);
    const result: CustomerImportResult = {
      dryRun,
      customersCreated: plan.created.length,
      customersMatched: new Set(plan.matched.map((m) => m.customerId)).size,
      productsCreated: lines.length,
      matched: plan.matched,
    };
    if (dryRun) return result;
    await this.store(by, lines, plan, byCode, requestId);
    return result;
  }

  private async store(
    by: EventActor,
    lines: ImportLine[],
    plan: CustomerPlan,
    byCode: Map<string, ProductModel>,
    requestId?: string,
  ): Promise<void> {
    const defaults = await this.existingDefaults([...new Set(plan.matched.map((m) => m.customerId))]);
    const now = this.ctx.now().toISOString();
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      for (const c of plan.created) {
        const address = addressOf(c.first);
        defaults.set(c.id, address.id);
        const phones = c.phones.map((phone, i) => ({ phone, label: 'mobile' as const, isPrimary: i === 0 }));
        const input = {
          kind: 'individual' as const,
          name: c.first.name,
          companyName: null,
          tier: 'standard' as const,
          note: null,
          phones,
          addresses: [],
        };
        await this.customers.insertRecord(
          trx,
          c.id,
          by,
          { input, phones, addresses: [address] },
          [],
          requestId,
        );
      }
      for (const l of lines) {
        const model = byCode.get(l.modelCode)!;
        const customerId = plan.customerOf.get(l.row)!;
        await this.products.insertRecord(
          trx,
          by,
          {
            id: newId(),
            customerId,
            modelId: model.id,
            categoryCode: model.categoryCode,
            brand: model.brand,
            serial: l.serial,
            purchaseDate: l.purchaseDate,
            salesChannel: l.channel,
            invoiceNo: null,
            installDate: null,
            warrantyCardNo: null,
            warrantyActivatedAt: null,
            addressId: defaults.get(customerId) ?? null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          },
          requestId,
        );
      }
    });
  }

  private async existingDefaults(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of await this.ctx.customers.findMany(ids)) {
      const def = c.addresses.find((a) => a.isDefault);
      if (def) out.set(c.id, def.id);
    }
    return out;
  }
}

interface CustomerPlan {
  created: { id: string; first: ImportLine; phones: string[] }[];
  matched: CustomerImportResult['matched'];
  /** Row → the customer its product goes to. */
  customerOf: Map<number, string>;
}

/** Which customer each row's product goes to: a stored one by phone, else one new customer per phone group. */
function planCustomers(lines: ImportLine[], existing: Map<string, string>): CustomerPlan {
  const plan: CustomerPlan = { created: [], matched: [], customerOf: new Map() };
  const fresh = new Map<string, CustomerPlan['created'][number]>();
  for (const l of lines) {
    const phone = l.phones.find((p) => existing.has(p));
    if (phone) {
      const customerId = existing.get(phone)!;
      plan.customerOf.set(l.row, customerId);
      plan.matched.push({ row: l.row, customerId, phone });
      continue;
    }
    let c = l.phones.map((p) => fresh.get(p)).find(Boolean);
    if (!c) {
      c = { id: newId(), first: l, phones: [...l.phones] };
      plan.created.push(c);
    }
    for (const p of l.phones) {
      if (!c.phones.includes(p)) c.phones.push(p);
      fresh.set(p, c);
    }
    plan.customerOf.set(l.row, c.id);
  }
  return plan;
}

function addressOf(l: ImportLine): AddressRecord {
  return {
    id: newId(),
    label: 'home',
    ...l.region,
    detail: l.address,
    lat: null,
    lng: null,
    isDefault: true,
  };
}
