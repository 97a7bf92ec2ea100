import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { newId } from '../../platform/ids/index.ts';
import { prefixUpperBound, reversed } from './domain/phone.ts';
import { containsName, nameBigrams } from './domain/name-tokens.ts';
import type { AddressRecord, CustomerFields, CustomerRecord, PhoneRecord } from './customers.records.ts';
import type { CustomerAddressesTable, CustomerPhonesTable, CustomersTable } from './customers.schema.ts';

type Db = Kysely<Database>;
type CustomerEb = ExpressionBuilder<Database, 'customers'>;

const toPhone = (r: CustomerPhonesTable): PhoneRecord => ({
  id: r.id,
  phone: r.phone,
  label: r.label,
  isPrimary: r.is_primary === 1,
});
const toAddress = (r: CustomerAddressesTable): AddressRecord => ({
  id: r.id,
  label: r.label,
  provinceCode: r.province_code,
  cityCode: r.city_code,
  districtCode: r.district_code,
  detail: r.detail,
  lat: r.lat,
  lng: r.lng,
  isDefault: r.is_default === 1,
});

/**
 * Data scope for customers: region-scoped staff see customers whose district is in their regions;
 * outlet- and own-scoped staff see the customers of the work orders they serve.
 */
export function customerScope(scope: ActorScope) {
  return (eb: CustomerEb): Expression<SqlBool> => {
    switch (scope.level) {
      case 'all':
        return sql<boolean>`1 = 1`;
      case 'region':
        if (!scope.regionCodes.length) return sql<boolean>`1 = 0`;
        return eb.or(
          scope.regionCodes.map((c) => eb('customers.district_code', 'like', `${c.replace(/0+$/, '')}%`)),
        );
      case 'outlet':
        return eb.exists(
          eb
            .selectFrom('work_orders')
            .select('work_orders.id')
            .whereRef('work_orders.customer_id', '=', 'customers.id')
            .where('work_orders.outlet_id', '=', scope.outletId ?? ''),
        );
      case 'own':
        return eb.exists(
          eb
            .selectFrom('work_orders')
            .innerJoin('technicians', 'technicians.id', 'work_orders.technician_id')
            .select('work_orders.id')
            .whereRef('work_orders.customer_id', '=', 'customers.id')
            .where('technicians.user_id', '=', scope.userId),
        );
    }
  };
}

/** The only place customer, phone and address SQL lives. */
export class CustomersRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async findMany(ids: string[], db: Db = this.db): Promise<CustomerRecord[]> {
    if (!ids.length) return [];
    const [rows, phones, addresses] = await Promise.all([
      db.selectFrom('customers').selectAll().where('id', 'in', ids).execute(),
      db
        .selectFrom('customer_phones')
        .selectAll()
        .where('customer_id', 'in', ids)
        .orderBy('is_primary', 'desc')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('customer_addresses')
        .selectAll()
        .where('customer_id', 'in', ids)
        .orderBy('is_default', 'desc')
        .orderBy('id')
        .execute(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          ...toCustomerFields(r),
          phones: phones.filter((p) => p.customer_id === id).map(toPhone),
          addresses: addresses.filter((a) => a.customer_id === id).map(toAddress),
        },
      ];
    });
  }

  async find(id: string, db: Db = this.db): Promise<CustomerRecord | undefined> {
    return (await this.findMany([id], db))[0];
  }

  async insert(
    trx: Db,
    id: string,
    f: CustomerFields,
    defaultAddress: AddressRecord | undefined,
    now: string,
  ): Promise<void> {
    await trx
      .insertInto('customers')
      .values({
        id,
        ...columnsOf(f, defaultAddress),
        merged_into_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  }

  /** Conditional on the version the caller saw; false means someone else changed it first. */
  async update(
    trx: Db,
    id: string,
    expectedVersion: number,
    f: CustomerFields,
    defaultAddress: AddressRecord | undefined,
    now: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('customers')
      .set({ ...columnsOf(f, defaultAddress), updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replacePhones(trx: Db, customerId: string, phones: Omit<PhoneRecord, 'id'>[]): Promise<void> {
    await trx.deleteFrom('customer_phones').where('customer_id', '=', customerId).execute();
    if (!phones.length) return;
    await trx
      .insertInto('customer_phones')
      .values(
        phones.map((p) => ({
          id: newId(),
          customer_id: customerId,
          phone: p.phone,
          phone_rev: reversed(p.phone),
          label: p.label,
          is_primary: p.isPrimary ? 1 : 0,
        })),
      )
      .execute();
  }

  /** Addresses sent back with their id are updated in place; products keep pointing at them. */
  async replaceAddresses(trx: Db, customerId: string, addresses: AddressRecord[]): Promise<void> {
    const keep = addresses.map((a) => a.id);
    let gone = trx.selectFrom('customer_addresses').select('id').where('customer_id', '=', customerId);
    if (keep.length) gone = gone.where('id', 'not in', keep);
    const goneIds = (await gone.execute()).map((r) => r.id);
    if (goneIds.length) {
      await trx
        .updateTable('installed_products')
        .set({ address_id: null })
        .where('address_id', 'in', goneIds)
        .execute();
      await trx.deleteFrom('customer_addresses').where('id', 'in', goneIds).execute();
    }
    for (const a of addresses) {
      const row = addressColumns(a);
      const n = await trx
        .updateTable('customer_addresses')
        .set(row)
        .where('id', '=', a.id)
        .where('customer_id', '=', customerId)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) === 0)
        await trx
          .insertInto('customer_addresses')
          .values({ id: a.id, customer_id: customerId, ...row })
          .execute();
    }
  }

  async addressIdsOf(customerId: string, db: Db = this.db): Promise<string[]> {
    return (
      await db.selectFrom('customer_addresses').select('id').where('customer_id', '=', customerId).execute()
    ).map((r) => r.id);
  }

  async isVisible(scope: ActorScope, id: string): Promise<boolean> {
    if (scope.level === 'all') return true;
    return !!(await this.db
      .selectFrom('customers')
      .select('id')
      .where('id', '=', id)
      .where(customerScope(scope))
      .executeTakeFirst());
  }

  /** Keyset by id (uuidv7, so newest first is id descending) over live customers in scope. */
  async list(scope: ActorScope, limit: number, before?: string): Promise<string[]> {
    let q = this.db
      .selectFrom('customers')
      .select('id')
      .where('merged_into_id', 'is', null)
      .where(customerScope(scope))
      .orderBy('id', 'desc')
      .limit(limit);
    if (before) q = q.where('id', '<', before);
    return (await q.execute()).map((r) => r.id);
  }

  /** Live (not merged, not erased) customers owning any of these normalised phones: phone → customer id. */
  async liveIdsByPhones(phones: readonly string[], db: Db = this.db): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const wanted = [...new Set(phones)];
    // Chunks keep the IN list under both dialects' parameter limits.
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db
        .selectFrom('customer_phones')
        .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
        .select(['customer_phones.phone', 'customers.id'])
        .where('customer_phones.phone', 'in', wanted.slice(i, i + 500))
        .where('customers.merged_into_id', 'is', null)
        .where('customers.erased_at', 'is', null)
        .orderBy('customers.created_at')
        .orderBy('customers.id')
        .execute();
      for (const r of rows) if (!out.has(r.phone)) out.set(r.phone, r.id);
    }
    return out;
  }

  // Search: every branch is a range on one B-tree index, then a join to live customers in scope.

  /**
   * Ordered by the searched column, not DISTINCT: PostgreSQL would otherwise walk the
   * customer_id index to produce distinct ids and filter every row, a full scan for rare prefixes.
   */
  async idsByPhone(
    scope: ActorScope,
    digits: string,
    mode: 'exact' | 'prefix' | 'suffix',
    limit: number,
  ): Promise<string[]> {
    const col = mode === 'suffix' ? 'customer_phones.phone_rev' : 'customer_phones.phone';
    const key = mode === 'suffix' ? reversed(digits) : digits;
    let q = this.db
      .selectFrom('customer_phones')
      .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
      .select('customers.id')
      .where('customers.merged_into_id', 'is', null)
      .where(customerScope(scope))
      .orderBy(col)
      .limit(limit * 2);
    q =
      mode === 'exact'
        ? q.where(col, '=', key)
        : q.where(col, '>=', key).where(col, '<', prefixUpperBound(key));
    return uniqueIds(await q.execute(), limit);
  }

  async idsByNamePrefix(scope: ActorScope, prefix: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('customers')
      .select('id')
      .where('name', '>=', prefix)
      .where('name', '<', prefixUpperBound(prefix))
      .where('merged_into_id', 'is', null)
      .where(customerScope(scope))
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Substring of name or company name: all query bigrams present, then the real substring checked. */
  async idsByNameSubstring(scope: ActorScope, text: string, limit: number): Promise<string[]> {
    const grams = nameBigrams(text);
    if (!grams.length) return [];
    const rows = await this.db
      .selectFrom('customer_name_tokens as t')
      .innerJoin('customers', 'customers.id', 't.customer_id')
      .select(['customers.id', 'customers.name', 'customers.company_name'])
      .where('t.token', 'in', grams)
      .where('customers.merged_into_id', 'is', null)
      .where(customerScope(scope))
      .groupBy(['customers.id', 'customers.name', 'customers.company_name'])
      .having((eb) => eb.fn.count('t.token'), '=', grams.length)
      .limit(limit * 2)
      .execute();
    return rows
      .filter((r) => containsName(`${r.name}\u0000${r.company_name ?? ''}`, text))
      .slice(0, limit)
      .map((r) => r.id);
  }

  async replaceNameTokens(
    trx: Db,
    customerId: string,
    name: string,
    companyName: string | null,
  ): Promise<void> {
    await trx.deleteFrom('customer_name_tokens').where('customer_id', '=', customerId).execute();
    const grams = nameBigrams(name, companyName);
    if (grams.length)
      await trx
        .insertInto('customer_name_tokens')
        .values(grams.map((token) => ({ token, customer_id: customerId })))
        .execute();
  }

  /** Rebuilds tokens for a page of customers (for bulk loads that bypass the service); returns the last id. */
  async reindexNamesPage(trx: Db, after: string | null, size: number): Promise<string | null> {
    let q = trx.selectFrom('customers').select(['id', 'name', 'company_name']).orderBy('id').limit(size);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const r of rows) await this.replaceNameTokens(trx, r.id, r.name, r.company_name);
    return rows.length === size ? rows[rows.length - 1]!.id : null;
  }

  /** Likely duplicates: a shared phone, or the same name in the same district. */
  async duplicateCandidates(
    phones: string[],
    name: string,
    districtCode: string | null,
    excludeId: string | null,
  ) {
    const byPhone = phones.length
      ? await this.db
          .selectFrom('customer_phones')
          .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
          .select(['customers.id', 'customers.name'])
          .where('customer_phones.phone', 'in', phones)
          .where('customers.merged_into_id', 'is', null)
          .limit(20)
          .execute()
      : [];
    const byName = districtCode
      ? await this.db
          .selectFrom('customers')
          .select(['id', 'name'])
          .where('name', '=', name)
          .where('district_code', '=', districtCode)
          .where('merged_into_id', 'is', null)
          .limit(20)
          .execute()
      : [];
    const out = new Map<string, { id: string; name: string; reasons: Array<'phone' | 'name_district'> }>();
    for (const [rows, reason] of [
      [byPhone, 'phone'],
      [byName, 'name_district'],
    ] as const) {
      for (const r of rows) {
        if (r.id === excludeId) continue;
        const d = out.get(r.id) ?? { id: r.id, name: r.name, reasons: [] };
        if (!d.reasons.includes(reason)) d.reasons.push(reason);
        out.set(r.id, d);
      }
    }
    return [...out.values()];
  }

  // Merge: re-home everything of the source onto the target inside the caller's transaction.

  async moveChildren(
    trx: Db,
    sourceId: string,
    targetId: string,
    dropPhoneIds: string[],
    keepDefaults: boolean,
  ) {
    if (dropPhoneIds.length)
      await trx.deleteFrom('customer_phones').where('id', 'in', dropPhoneIds).execute();
    await trx
      .updateTable('customer_phones')
      .set({ customer_id: targetId, is_primary: 0 })
      .where('customer_id', '=', sourceId)
      .execute();
    // The target keeps its own default address; a target without addresses adopts the source's.
    await trx
      .updateTable('customer_addresses')
      .set(keepDefaults ? { customer_id: targetId } : { customer_id: targetId, is_default: 0 })
      .where('customer_id', '=', sourceId)
      .execute();
    const products = await trx
      .updateTable('installed_products')
      .set({ customer_id: targetId })
      .where('customer_id', '=', sourceId)
      .executeTakeFirst();
    return { products: Number(products.numUpdatedRows) };
  }

  async markMerged(
    trx: Db,
    sourceId: string,
    sourceVersion: number,
    targetId: string,
    now: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('customers')
      .set({ merged_into_id: targetId, updated_at: now, version: sourceVersion + 1 })
      .where('id', '=', sourceId)
      .where('version', '=', sourceVersion)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

/** A customer with several matching phones or products appears once. */
export const uniqueIds = (rows: Array<{ id: string }>, limit: number): string[] =>
  [...new Set(rows.map((r) => r.id))].slice(0, limit);

function toCustomerFields(r: CustomersTable): Omit<CustomerRecord, 'phones' | 'addresses'> {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    companyName: r.company_name,
    tier: r.tier,
    note: r.note,
    districtCode: r.district_code,
    mergedIntoId: r.merged_into_id,
    erasedAt: r.erased_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function columnsOf(f: CustomerFields, a: AddressRecord | undefined) {
  return {
    kind: f.kind,
    name: f.name,
    company_name: f.companyName,
    tier: f.tier,
    note: f.note,
    province_code: a?.provinceCode ?? null,
    city_code: a?.cityCode ?? null,
    district_code: a?.districtCode ?? null,
    address: a?.detail ?? null,
    lat: a?.lat ?? null,
    lng: a?.lng ?? null,
  };
}

const addressColumns = (a: AddressRecord) => ({
  label: a.label,
  province_code: a.provinceCode,
  city_code: a.cityCode,
  district_code: a.districtCode,
  detail: a.detail,
  lat: a.lat,
  lng: a.lng,
  is_default: a.isDefault ? 1 : 0,
});

/** Customer names by id (other modules' lists show them); unknown ids are left out. */
export async function customerNamesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** A customer's name and district, for other modules that link records to a customer. */
export async function customerRefOf(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; districtCode: string | null } | undefined> {
  const r = await db
    .selectFrom('customers')
    .select(['id', 'name', 'district_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.name, districtCode: r.district_code };
}
