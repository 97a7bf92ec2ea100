import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';

/**
 * INTERIM, to be deleted: the customers module's public API (modules/customers/index.ts) does not
 * yet export "create a customer" or "list a customer's products". Until it does, these two do the
 * minimum against the customers tables, mirroring CustomersService.create (same columns, same
 * `customer.created` event). Replace with `customers.createCustomer` / `customers.listProducts`.
 */
export class InterimCustomers {
  private readonly deps: { db: Kysely<Database>; dialect: DialectName; clock: Clock };

  constructor(deps: { db: Kysely<Database>; dialect: DialectName; clock: Clock }) {
    this.deps = deps;
  }

  async createIndividual(input: { name: string; phone: string }, actor: EventActor): Promise<{ id: string }> {
    const id = newId();
    const now = this.deps.clock.now();
    const at = now.toISOString();
    await withTransaction(this.deps.db, this.deps.dialect, async ({ trx }) => {
      await trx.insertInto('customers').values({
        id, kind: 'individual', name: input.name, company_name: null, tier: 'standard', province_code: null, city_code: null,
        district_code: null, address: null, lat: null, lng: null, note: null, merged_into_id: null, created_at: at, updated_at: at, version: 1,
      }).execute();
      await trx.insertInto('customer_phones').values({
        id: newId(), customer_id: id, phone: input.phone, phone_rev: [...input.phone].reverse().join(''), label: 'mobile', is_primary: 1,
      }).execute();
      await appendEvent(trx, {
        streamType: 'customer', streamId: id, type: 'customer.created', actor, at: now,
        data: { after: { kind: 'individual', name: input.name, companyName: null, tier: 'standard', note: null, phones: [input.phone], addresses: [] }, duplicates: [], source: 'portal' },
      });
    });
    return { id };
  }

  async productIds(customerId: string): Promise<string[]> {
    const rows = await this.deps.db
      .selectFrom('installed_products')
      .select('id')
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => r.id);
  }
}
