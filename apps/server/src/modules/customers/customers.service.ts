import type { CreateCustomer, CustomerDetail, UpdateCustomer } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { DomainError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { normaliseAddresses, normalisePhones } from './customer-input.ts';
import { customerView, productView } from './customer-view.ts';
import { canSeePhones, eventActor, type CustomersContext } from './customers.deps.ts';
import type { Db } from '../../platform/db/types.ts';
import type { AddressRecord, CustomerFields, CustomerRecord, PhoneRecord } from './customers.records.ts';

const MAX_PAGE = 200;

/** Customer create, read, update, list and duplicate checks. */
export class CustomersService {
  private readonly ctx: CustomersContext;
  constructor(ctx: CustomersContext) {
    this.ctx = ctx;
  }

  private get repo() {
    return this.ctx.customers;
  }

  /** Creates the customer and flags likely duplicates instead of refusing: the agent decides. */
  async create(actor: Actor, input: CreateCustomer, requestId?: string) {
    const { id, duplicates } = await this.createRecord(eventActor(actor), input, requestId);
    return { customer: customerView((await this.repo.find(id))!, canSeePhones(actor)), duplicates };
  }

  /** The create use case for any caller (staff, portal, system); returns the new id. */
  async createRecord(by: EventActor, input: CreateCustomer, requestId?: string) {
    const phones = normalisePhones(input.phones);
    const addresses = normaliseAddresses(input.addresses, []);
    const def = addresses.find((a) => a.isDefault);
    const duplicates = await this.repo.duplicateCandidates(
      phones.map((p) => p.phone),
      input.name,
      def?.districtCode ?? null,
      null,
    );
    const id = newId();
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, ({ trx }) =>
      this.insertRecord(
        trx,
        id,
        by,
        { input, phones, addresses },
        duplicates.map((d) => d.id),
        requestId,
      ),
    );
    return { id, duplicates };
  }

  /**
   * Stores a checked new customer and its `customer.created` event inside the caller's
   * transaction (the form's create and the file import share it).
   */
  async insertRecord(
    trx: Db,
    id: string,
    by: EventActor,
    c: { input: CreateCustomer; phones: Omit<PhoneRecord, 'id'>[]; addresses: AddressRecord[] },
    duplicates: string[],
    requestId?: string,
  ): Promise<void> {
    const { input, phones, addresses } = c;
    const fields: CustomerFields = {
      kind: input.kind,
      name: input.name,
      companyName: input.companyName,
      tier: input.tier,
      note: input.note,
    };
    const now = this.ctx.now();
    await this.repo.insert(
      trx,
      id,
      fields,
      addresses.find((a) => a.isDefault),
      now.toISOString(),
    );
    await this.repo.replacePhones(trx, id, phones);
    await this.repo.replaceAddresses(trx, id, addresses);
    await this.repo.replaceNameTokens(trx, id, fields.name, fields.companyName);
    await appendEvent(trx, {
      streamType: 'customer',
      streamId: id,
      type: 'customer.created',
      actor: by,
      at: now,
      requestId,
      data: {
        after: {
          ...fields,
          phones: phones.map((p) => p.phone),
          addresses: addresses.map((a) => a.districtCode),
        },
        duplicates,
      },
    });
  }

  async update(actor: Actor, id: string, input: UpdateCustomer, requestId?: string) {
    await withTransaction(this.ctx.deps.db, this.ctx.deps.dialect, async ({ trx }) => {
      const current = await this.live(id, trx);
      if (current.version !== input.version) throw versionConflict('customer', id, input.version);
      const phones = input.phones && normalisePhones(input.phones);
      const addresses = input.addresses
        ? normaliseAddresses(
            input.addresses,
            current.addresses.map((a) => a.id),
          )
        : current.addresses;
      const fields = mergeFields(current, input);
      const now = this.ctx.now();
      const ok = await this.repo.update(
        trx,
        id,
        input.version,
        fields,
        addresses.find((a) => a.isDefault),
        now.toISOString(),
      );
      if (!ok) throw versionConflict('customer', id, input.version);
      if (phones) await this.repo.replacePhones(trx, id, phones);
      if (input.addresses) await this.repo.replaceAddresses(trx, id, addresses);
      if (input.name !== undefined || input.companyName !== undefined)
        await this.repo.replaceNameTokens(trx, id, fields.name, fields.companyName);
      const changed = Object.keys(input).filter((k) => k !== 'version');
      await appendEvent(trx, {
        streamType: 'customer',
        streamId: id,
        type: 'customer.updated',
        actor: eventActor(actor),
        at: now,
        requestId,
        data: {
          changed,
          before: pickFields(current),
          after: fields,
          ...(phones ? { phones: phones.map((p) => p.phone) } : {}),
        },
      });
    });
    return customerView((await this.repo.find(id))!, canSeePhones(actor));
  }

  /** A live (not merged) customer or a typed error; merged ones point to where they went. */
  async live(id: string, db = this.ctx.deps.db): Promise<CustomerRecord> {
    const c = await this.repo.find(id, db);
    if (!c) throw notFound('customer', id);
    if (c.mergedIntoId) {
      throw new DomainError('customer.merged', `Customer ${id} was merged into ${c.mergedIntoId}`, {
        params: { mergedIntoId: c.mergedIntoId },
        extra: { mergedIntoId: c.mergedIntoId },
      });
    }
    // Erased on a PIPL request or by retention: nothing personal is left to read or build on.
    if (c.erasedAt) throw refuse('customer.erased', {}, { detail: `Customer ${id} was erased` });
    return c;
  }

  async visible(actor: Actor, id: string): Promise<CustomerRecord> {
    const c = await this.repo.find(id);
    if (!c || !(await this.repo.isVisible(actor.scope, id))) throw notFound('customer', id);
    return c;
  }

  async detail(actor: Actor, id: string): Promise<CustomerDetail> {
    const c = await this.visible(actor, id);
    const products = await this.ctx.products.listByCustomers([id]);
    const pctx = await this.ctx.productContext(products);
    return { ...customerView(c, canSeePhones(actor)), products: products.map((p) => productView(p, pctx)) };
  }

  async list(actor: Actor, limit: number, cursor?: string) {
    const ids = await this.repo.list(actor.scope, Math.min(limit, MAX_PAGE) + 1, cursor);
    const page = ids.slice(0, limit);
    const unmasked = canSeePhones(actor);
    const items = (await this.repo.findMany(page)).map((c) => {
      const v = customerView(c, unmasked);
      return {
        id: v.id,
        kind: v.kind,
        name: v.name,
        companyName: v.companyName,
        tier: v.tier,
        version: v.version,
        phones: v.phones,
        defaultAddress: v.addresses.find((a) => a.isDefault) ?? null,
      };
    });
    return { items, nextCursor: ids.length > limit ? page[page.length - 1]! : null };
  }

  async duplicates(actor: Actor, id: string) {
    const c = await this.visible(actor, id);
    return this.repo.duplicateCandidates(
      c.phones.map((p) => p.phone),
      c.name,
      c.districtCode,
      c.id,
    );
  }
}

function mergeFields(c: CustomerRecord, u: UpdateCustomer): CustomerFields {
  return {
    kind: u.kind ?? c.kind,
    name: u.name ?? c.name,
    companyName: u.companyName !== undefined ? u.companyName : c.companyName,
    tier: u.tier ?? c.tier,
    note: u.note !== undefined ? u.note : c.note,
  };
}

const pickFields = (c: CustomerRecord): CustomerFields => ({
  kind: c.kind,
  name: c.name,
  companyName: c.companyName,
  tier: c.tier,
  note: c.note,
});
