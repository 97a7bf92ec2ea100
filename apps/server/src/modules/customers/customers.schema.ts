export interface CustomersTable {
  id: string;
  kind: 'individual' | 'company';
  name: string;
  company_name: string | null;
  tier: 'standard' | 'vip' | 'key_account';
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  note: string | null;
  merged_into_id: string | null;
  /** When the personal data was erased (migration 0020); null for a live record. */
  erased_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface CustomerPhonesTable {
  id: string;
  customer_id: string;
  /** Digits only. */
  phone: string;
  /** `phone` reversed, for suffix search ("last four digits") through an index. */
  phone_rev: string;
  label: string;
  is_primary: number;
}
export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: string;
  province_code: string;
  city_code: string;
  district_code: string;
  detail: string;
  lat: number | null;
  lng: number | null;
  is_default: number;
}
export interface InstalledProductsTable {
  id: string;
  customer_id: string;
  model_id: string;
  category_code: string;
  brand: string;
  serial: string;
  purchase_date: string | null;
  sales_channel: string | null;
  invoice_no: string | null;
  install_date: string | null;
  warranty_card_no: string | null;
  warranty_activated_at: string | null;
  address_id: string | null;
  /** Migration 0038: the production batch (recalls name products by it); null when unknown. */
  production_batch: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
/** Two-character windows of name and company name, for substring search (migration 0005). */
export interface CustomerNameTokensTable {
  token: string;
  customer_id: string;
}
export interface CustomerTables {
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
  installed_products: InstalledProductsTable;
  customer_name_tokens: CustomerNameTokensTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'customers',
  'customer_phones',
  'customer_addresses',
  'installed_products',
  'customer_name_tokens',
] as const satisfies readonly (keyof CustomerTables)[];
