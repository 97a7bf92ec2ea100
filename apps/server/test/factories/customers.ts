/**
 * Customer factories: an individual customer with a primary mobile, and an installed product.
 * Inserted directly (typed by the customers module's tables); the customers API tests build
 * theirs through the API with `startTestApp` and `address`.
 */
import { newId } from '../../src/platform/ids/index.ts';
import type { TestDb } from '../harness.ts';

export { startTestApp, type Client, type Reply, type TestApp } from './http.ts';
export { seedCatalog } from './catalog.ts';

/** A Guangzhou Tianhe address as the customer APIs take it. */
export const address = (over: Record<string, unknown> = {}) => ({
  provinceCode: '44',
  cityCode: '4401',
  districtCode: '440106',
  detail: '天河路 1 号',
  ...over,
});

export interface CustomerSpec {
  name: string;
  phone: string;
  tier?: 'standard' | 'vip';
  /** Six-digit district code; the province and city follow from it. */
  district?: string;
  at: string;
}

export async function makeCustomer(t: TestDb, s: CustomerSpec): Promise<string> {
  const id = newId();
  const district = s.district ?? '440106';
  await t.db
    .insertInto('customers')
    .values({
      id,
      kind: 'individual',
      name: s.name,
      company_name: null,
      tier: s.tier ?? 'standard',
      province_code: district.slice(0, 2) + '0000',
      city_code: district.slice(0, 4) + '00',
      district_code: district,
      address: '天河路 1 号',
      lat: null,
      lng: null,
      note: null,
      merged_into_id: null,
      created_at: s.at,
      updated_at: s.at,
      version: 1,
    })
    .execute();
  await t.db
    .insertInto('customer_phones')
    .values({
      id: newId(),
      customer_id: id,
      phone: s.phone,
      phone_rev: [...s.phone].reverse().join(''),
      label: 'mobile',
      is_primary: 1,
    })
    .execute();
  return id;
}

export interface ProductSpec {
  customerId: string;
  modelId: string;
  categoryCode: string;
  serial?: string;
  purchaseDate?: string;
  productionBatch?: string;
  at: string;
}

export async function makeProduct(t: TestDb, s: ProductSpec): Promise<string> {
  const id = newId();
  await t.db
    .insertInto('installed_products')
    .values({
      id,
      customer_id: s.customerId,
      model_id: s.modelId,
      category_code: s.categoryCode,
      brand: 'Anxin',
      serial: s.serial ?? 'SN-0001',
      purchase_date: s.purchaseDate ?? '2025-01-01',
      sales_channel: null,
      invoice_no: null,
      install_date: null,
      warranty_card_no: null,
      warranty_activated_at: null,
      address_id: null,
      production_batch: s.productionBatch ?? null,
      created_at: s.at,
      updated_at: s.at,
      version: 1,
    })
    .execute();
  return id;
}

/** A portal (customer) account of `customerId`, written directly: proofs sign it in themselves. */
export async function makePortalUser(t: TestDb, customerId: string, at: string): Promise<string> {
  const id = newId();
  await t.db
    .insertInto('users')
    .values({
      id,
      username: `c-${id.slice(-8)}`,
      display_name: 'customer',
      kind: 'customer',
      password_hash: 'x',
      phone: null,
      locale: 'zh-CN',
      scope_level: 'own',
      scope_regions: '[]',
      outlet_id: null,
      customer_id: customerId,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
