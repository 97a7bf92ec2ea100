import { sql, type Kysely } from 'kysely';
import { OPEN_STATUSES } from '@anxin/contracts';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** A customer's order as handed to them on a personal-data request (PIPL), unmasked. */
export interface CustomerOrderRecord {
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
 * What the customers module needs from work orders for PIPL requests and retention, bound in
 * modules.ts (`customers.useOrderPrivacy`): work_orders stay written by this module only.
 */
export const customerOrderPrivacy = {
  async openCount(db: Db, customerId: string): Promise<number> {
    const r = await db
      .selectFrom('work_orders')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('customer_id', '=', customerId)
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async listForCustomer(db: Db, customerId: string): Promise<CustomerOrderRecord[]> {
    const rows = await db
      .selectFrom('work_orders')
      .select([
        'number',
        'type',
        'status',
        'channel',
        'contact_name',
        'contact_phone',
        'address',
        'district_code',
        'fault_description',
        'created_at',
        'closed_at',
      ])
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      number: r.number,
      type: r.type,
      status: r.status,
      channel: r.channel,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      address: r.address,
      districtCode: r.district_code,
      faultDescription: r.fault_description,
      createdAt: r.created_at,
      closedAt: r.closed_at,
    }));
  },

  /**
   * Removes who and where from the customer's orders, keeping everything statistics, classes and
   * settlement read (type, status, times, outlet, technician, region codes, fault). Returns the
   * number of orders changed. No version bump: nothing a user could be editing changes meaning.
   */
  async anonymise(trx: Db, customerId: string, placeholder: string): Promise<number> {
    const r = await trx
      .updateTable('work_orders')
      .set({ contact_name: placeholder, contact_phone: '', address: null, lat: null, lng: null })
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /**
   * Customers whose orders are all closed, the last one before `cutoff`, and who still have
   * personal data on an order (an anonymised order has an empty contact phone).
   */
  async pastRetention(db: Db, cutoff: string, limit: number): Promise<string[]> {
    const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
    const rows = await db
      .selectFrom('work_orders')
      .select('customer_id')
      .groupBy('customer_id')
      .having(sql<boolean>`sum(case when status in (${open}) then 1 else 0 end) = 0`)
      .having(sql<boolean>`max(coalesce(closed_at, updated_at)) < ${cutoff}`)
      .having(sql<boolean>`sum(case when contact_phone <> '' then 1 else 0 end) > 0`)
      .orderBy('customer_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.customer_id);
  },
};
export type CustomerOrderPrivacy = typeof customerOrderPrivacy;
