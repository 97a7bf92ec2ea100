import { z } from 'zod';
import { BusinessDateSchema, IdSchema, PageQuerySchema, pageOf, storedText } from './common.ts';
import type { FieldError } from './field-rules.ts';

/**
 * Sales contracts handed to the service department (issue #16, seed 001): entered by store staff
 * (导购), imported from Excel or sent by a partner system; each belongs to the daily batch its
 * entry time falls into (the cut-off, a setting), is stock-checked line by line (reserved from the
 * product stock or put on the next working day's factory order list) and is then booked, delivered
 * and installed by modules/delivery. Showroom samples (卖场样品) go on and off display with the
 * store manager's approval and are installed products like any other, so repairs track them.
 */

export const SALES_CONTRACT_STATUSES = [
  'entered',
  'stock_checked',
  'booked',
  'delivered',
  'exception',
  'cancelled',
] as const;
export type SalesContractStatus = (typeof SALES_CONTRACT_STATUSES)[number];

/** What happens to a contract; the server's table (modules/sales/domain/lifecycle.ts) says when. */
export const SALES_CONTRACT_ACTIONS = ['check_stock', 'booked', 'delivered', 'exception', 'cancel'] as const;
export type SalesContractAction = (typeof SALES_CONTRACT_ACTIONS)[number];

/** A line is reserved from stock, waits on the factory order, or (ordered goods) arrived and reserved. */
export const SALES_LINE_STATES = ['pending', 'reserved', 'factory_order', 'released'] as const;
export type SalesLineState = (typeof SALES_LINE_STATES)[number];

export const SALES_CONTRACT_SOURCES = ['form', 'excel', 'api'] as const;
export type SalesContractSource = (typeof SALES_CONTRACT_SOURCES)[number];

const Fen = z.number().int().min(0).max(1_000_000_000);
const Version = z.number().int().min(1);

export const SalesPolicySchema = z.strictObject({
  /** Contracts entered after this Beijing time (HH:MM) belong to the next working day's batch. */
  cutoffTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Working days from the factory order date to the goods arriving at the warehouse. */
  factoryLeadWorkingDays: z.number().int().min(0).max(90),
  /** Working days after the batch day on which missing goods are ordered from the factory (1 = next day). */
  factoryOrderAfterWorkingDays: z.number().int().min(0).max(10),
});
export type SalesPolicy = z.infer<typeof SalesPolicySchema>;
export const DEFAULT_SALES_POLICY: SalesPolicy = {
  cutoffTime: '17:00',
  factoryLeadWorkingDays: 7,
  factoryOrderAfterWorkingDays: 1,
};

export const SalesLineInputSchema = z.strictObject({
  model: storedText().min(1).max(64),
  productName: storedText().min(1).max(100),
  category: storedText().min(1).max(64),
  quantity: z.number().int().min(1).max(999),
  unitPriceFen: Fen,
  needsInstallation: z.boolean().default(true),
});
export type SalesLineInput = z.infer<typeof SalesLineInputSchema>;

/** A contract as a person or a partner system sends it; every broken field is named in the answer. */
export const CreateSalesContractSchema = z.strictObject({
  contractNo: storedText().min(1).max(40),
  storeOutletId: IdSchema.optional(),
  salesperson: storedText().min(1).max(50),
  customerName: storedText().min(1).max(100),
  phones: z.array(storedText().min(1).max(30)).min(1).max(3),
  /** District code (GB/T 2260, six digits). */
  regionCode: z.string().regex(/^\d{6}$/),
  addressDetail: storedText().min(1).max(200),
  orderDate: BusinessDateSchema,
  requestedDate: BusinessDateSchema,
  specialRequests: storedText().max(500).optional(),
  lines: z.array(SalesLineInputSchema).min(1).max(50),
});
export type CreateSalesContract = z.infer<typeof CreateSalesContractSchema>;

export const SalesLineSchema = z.object({
  lineId: z.string(),
  model: z.string(),
  productName: z.string(),
  category: z.string(),
  quantity: z.number(),
  unitPriceFen: z.number(),
  needsInstallation: z.boolean(),
  state: z.enum(SALES_LINE_STATES),
  /** The factory order date (a line on the factory list) and its expected arrival. */
  factoryOrderDate: BusinessDateSchema.nullable(),
  expectedDate: BusinessDateSchema.nullable(),
});
export type SalesLine = z.infer<typeof SalesLineSchema>;

export const SalesContractSchema = z.object({
  id: z.string(),
  contractNo: z.string(),
  source: z.enum(SALES_CONTRACT_SOURCES),
  storeOutletId: z.string().nullable(),
  storeName: z.string().nullable(),
  salesperson: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string(),
  phones: z.array(z.string()),
  regionCode: z.string(),
  regionName: z.string(),
  addressDetail: z.string(),
  orderDate: BusinessDateSchema,
  requestedDate: BusinessDateSchema,
  batchDate: BusinessDateSchema,
  availableDate: BusinessDateSchema.nullable(),
  specialRequests: z.string().nullable(),
  status: z.enum(SALES_CONTRACT_STATUSES),
  totalFen: z.number(),
  lines: z.array(SalesLineSchema),
  createdAt: z.string(),
  version: z.number(),
  history: z
    .array(
      z.object({
        type: z.string(),
        at: z.string(),
        actorName: z.string().nullable(),
        to: z.string().nullable(),
      }),
    )
    .optional(),
});
export type SalesContract = z.infer<typeof SalesContractSchema>;
export const SalesContractListSchema = pageOf(SalesContractSchema);

export const SalesContractQuerySchema = PageQuerySchema.extend({
  status: z.enum(SALES_CONTRACT_STATUSES).optional(),
  batchDate: BusinessDateSchema.optional(),
  storeOutletId: IdSchema.optional(),
  q: storedText().max(100).optional(),
});

/** The warehouse's stock check of a contract (`sales:stock`). */
export const StockCheckSchema = z.strictObject({ version: Version });
/** A store cancels a contract before it is booked (`sales:write`). */
export const CancelContractSchema = z.strictObject({
  version: Version,
  reason: storedText().min(1).max(500),
});

export type SalesContractStep =
  { action: 'check_stock'; version: number } | { action: 'cancel'; version: number; reason: string };

/** Who may take which step of a sample: store staff propose a removal, the manager decides. */
export const SampleDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), version: Version, note: storedText().max(500).optional() }),
  z.strictObject({ action: z.literal('reject'), version: Version, reason: storedText().min(1).max(500) }),
]);
export const SampleRemovalSchema = z.strictObject({
  version: Version,
  reason: storedText().min(1).max(500),
  displayUntil: BusinessDateSchema,
});

export const ReceiveResultSchema = z.object({
  stock: z.lazy(() => ProductStockSchema),
  reservedLines: z.number(),
});

/** One row of an Excel import that was refused, with every broken field (paths of the contract). */
export interface SalesImportRejection {
  rows: number[];
  contractNo: string;
  errors: FieldError[];
}
export const SalesImportResultSchema = z.object({
  imported: z.array(z.object({ contractNo: z.string(), id: z.string(), rows: z.array(z.number()) })),
  rejected: z.array(
    z.object({
      rows: z.array(z.number()),
      contractNo: z.string(),
      errors: z.array(
        z.object({
          path: z.string(),
          rule: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
    }),
  ),
});
export type SalesImportResult = z.infer<typeof SalesImportResultSchema>;

// Product stock (成品库存) and the factory order list (工厂订货).

export const ProductStockSchema = z.object({
  model: z.string(),
  productName: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  version: z.number(),
});
export type ProductStock = z.infer<typeof ProductStockSchema>;
export const ProductStockListSchema = z.object({ items: z.array(ProductStockSchema) });

/** One change of a model's stock (append-only), with the levels after it. */
export const StockLedgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['receipt', 'reserve', 'release', 'issue']),
  quantity: z.number(),
  onHandAfter: z.number(),
  reservedAfter: z.number(),
  contractNo: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type StockLedgerEntry = z.infer<typeof StockLedgerEntrySchema>;
export const StockLedgerSchema = z.object({ items: z.array(StockLedgerEntrySchema) });
export const StockLedgerQuerySchema = z.object({ model: storedText().min(1).max(64) });

export const ReceiveProductStockSchema = z.strictObject({
  model: storedText().min(1).max(64),
  productName: storedText().min(1).max(100),
  quantity: z.number().int().min(1).max(100_000),
  note: storedText().max(200).optional(),
});
export type ReceiveProductStock = z.infer<typeof ReceiveProductStockSchema>;

export const FactoryOrderLineSchema = z.object({
  lineId: z.string(),
  contractId: z.string(),
  contractNo: z.string(),
  storeName: z.string().nullable(),
  model: z.string(),
  productName: z.string(),
  quantity: z.number(),
  factoryOrderDate: BusinessDateSchema,
  expectedDate: BusinessDateSchema,
  state: z.enum(SALES_LINE_STATES),
});
export type FactoryOrderLine = z.infer<typeof FactoryOrderLineSchema>;
export const FactoryOrderListSchema = z.object({
  date: BusinessDateSchema,
  items: z.array(FactoryOrderLineSchema),
});
export const FactoryOrderQuerySchema = z.object({ date: BusinessDateSchema.optional() });

// Showroom samples (卖场样品).

export const SAMPLE_STATUSES = [
  'pending_display',
  'on_display',
  'pending_removal',
  'removed',
  'rejected',
] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
export const SAMPLE_ACTIONS = ['approve', 'reject', 'request_removal'] as const;
export type SampleAction = (typeof SAMPLE_ACTIONS)[number];

export const CreateSampleSchema = z.strictObject({
  storeOutletId: IdSchema,
  model: storedText().min(1).max(64),
  productName: storedText().min(1).max(100),
  category: storedText().min(1).max(64),
  serialNo: storedText().min(1).max(64),
  /** The store's phone (defaults to the outlet's contact phone): the sample's owner record is reached there. */
  storePhone: storedText().max(30).optional(),
  displayFrom: BusinessDateSchema,
  reason: storedText().max(500).optional(),
});
export type CreateSample = z.infer<typeof CreateSampleSchema>;

export const SampleStepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), version: Version, note: storedText().max(500).optional() }),
  z.strictObject({ action: z.literal('reject'), version: Version, reason: storedText().min(1).max(500) }),
  z.strictObject({
    action: z.literal('request_removal'),
    version: Version,
    reason: storedText().min(1).max(500),
    displayUntil: BusinessDateSchema,
  }),
]);
export type SampleStep = z.infer<typeof SampleStepSchema>;

export const SampleSchema = z.object({
  id: z.string(),
  storeOutletId: z.string(),
  storeName: z.string().nullable(),
  model: z.string(),
  productName: z.string(),
  category: z.string(),
  serialNo: z.string(),
  storePhone: z.string(),
  status: z.enum(SAMPLE_STATUSES),
  displayFrom: BusinessDateSchema,
  displayUntil: BusinessDateSchema.nullable(),
  reason: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The installed product the sample is (repairs are work orders on it, like any product). */
  installedProductId: z.string().nullable(),
  repairOrders: z.number(),
  version: z.number(),
});
export type Sample = z.infer<typeof SampleSchema>;
export const SampleListSchema = z.object({ items: z.array(SampleSchema) });
export const SampleQuerySchema = z.object({
  status: z.enum(SAMPLE_STATUSES).optional(),
  storeOutletId: IdSchema.optional(),
});
