import type { CustomersTable } from './customers.schema.ts';

/** Domain shapes the repositories return; the service maps them to the API (masking, warranty). */
export interface PhoneRecord {
  id: string;
  phone: string;
  label: string;
  isPrimary: boolean;
}
export interface AddressRecord {
  id: string;
  label: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  lat: number | null;
  lng: number | null;
  isDefault: boolean;
}
export interface CustomerRecord {
  id: string;
  kind: CustomersTable['kind'];
  name: string;
  companyName: string | null;
  tier: CustomersTable['tier'];
  note: string | null;
  districtCode: string | null;
  mergedIntoId: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  phones: PhoneRecord[];
  addresses: AddressRecord[];
}
export interface ProductRecord {
  id: string;
  customerId: string;
  modelId: string;
  categoryCode: string;
  brand: string;
  serial: string;
  purchaseDate: string | null;
  salesChannel: string | null;
  invoiceNo: string | null;
  installDate: string | null;
  warrantyCardNo: string | null;
  warrantyActivatedAt: string | null;
  addressId: string | null;
  /** Absent where a caller builds a record without one (imports, merges): stored as null. */
  productionBatch?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The customer columns a create or update writes (address columns mirror the default address). */
export interface CustomerFields {
  kind: CustomersTable['kind'];
  name: string;
  companyName: string | null;
  tier: CustomersTable['tier'];
  note: string | null;
}
