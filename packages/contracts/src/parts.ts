import { z } from 'zod';
import {
  BusinessDateSchema,
  IdSchema,
  IsoInstantSchema,
  pageOf,
  PageQuerySchema,
  storedText,
} from './common.ts';

/**
 * Spare parts (备件, issue #15): catalogue, stock per location with an append-only ledger, part
 * requests (补件单) with approval and shipment, consumption on orders, 旧件 returns that make a
 * warranty parts claim payable on the outlet's settlement statement, stocktakes and replenishment.
 * Money in integer fen; quantities are whole units (no fractions anywhere).
 */

/** 配件 (a part of the product), 附件 (accessory), 赠品 (gift). */
export const PART_KINDS = ['part', 'accessory', 'gift'] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** HQ warehouse, an outlet's store, a technician's van, and HQ's defective (旧件) store. */
export const STOCK_LOCATION_KINDS = ['hq', 'outlet', 'van', 'defective'] as const;
export type StockLocationKind = (typeof STOCK_LOCATION_KINDS)[number];

/**
 * Ledger movement kinds. Each movement changes on hand and/or reserved of one item at one location;
 * on hand at a location is the sum of its movements' on-hand deltas (checked by tests and bench).
 */
export const STOCK_MOVEMENT_KINDS = [
  'receive',
  'transfer_out',
  'transfer_in',
  'reserve',
  'release',
  'issue',
  'consume',
  'return_good',
  'return_defective',
  'adjust',
  'stocktake',
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** Who pays for a part used on an order: a warranty claim (三包) or the customer (priced from the list). */
export const PART_PAYERS = ['warranty', 'customer'] as const;
export type PartPayer = (typeof PART_PAYERS)[number];

/** 补件单: pending_approval → approved → shipped → received; rejected / cancelled end it early. */
export const PART_REQUEST_STATUSES = [
  'pending_approval',
  'approved',
  'rejected',
  'shipped',
  'received',
  'cancelled',
] as const;
export type PartRequestStatus = (typeof PART_REQUEST_STATUSES)[number];

/** Why a request needed (or did not need) a signed approval. */
export const APPROVAL_REASONS = ['auto', 'value', 'kind', 'customer_paid'] as const;
export type ApprovalReason = (typeof APPROVAL_REASONS)[number];

/** A part reserved for an order, then consumed at completion or released. */
export const PART_USAGE_STATUSES = ['reserved', 'consumed', 'released'] as const;
export type PartUsageStatus = (typeof PART_USAGE_STATUSES)[number];

/** 旧件: the defective part replaced under warranty travels back to HQ and is inspected. */
export const OLD_PART_STATUSES = ['awaiting_return', 'in_transit', 'received', 'passed', 'rejected'] as const;
export type OldPartStatus = (typeof OLD_PART_STATUSES)[number];

export const STOCKTAKE_STATUSES = ['counting', 'submitted', 'approved', 'rejected'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

export const PART_ALERT_KINDS = ['low_stock', 'ageing', 'discontinuation'] as const;
export type PartAlertKind = (typeof PART_ALERT_KINDS)[number];

const Qty = z.number().int().min(1).max(100_000);
const Fen = z.number().int().min(0).max(1_000_000_000);
const Code = storedText()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const Serial = storedText().min(1).max(80);
const Note = storedText().max(500);

// ---------------------------------------------------------------- settings

export const PartsPolicySchema = z.strictObject({
  approval: z.strictObject({
    /** A request whose value at cost is at or above this needs a signed approval. */
    valueThresholdFen: Fen,
    /** Item kinds that always need approval (gifts, say). */
    kindsRequiringApproval: z.array(z.enum(PART_KINDS)).max(PART_KINDS.length),
    /** Customer-paid parts need the customer's consent, not an approval, when false. */
    customerPaidNeedsApproval: z.boolean(),
  }),
  /** Days before a discontinuation date that the last-time-buy warning starts. */
  discontinuationWarningDays: z.number().int().min(1).max(730),
  /** Stock with no movement for this many days is reported as ageing. */
  ageingDays: z.number().int().min(7).max(1095),
  /** Days of consumption history the replenishment suggestion averages over. */
  consumptionWindowDays: z.number().int().min(7).max(365),
  /** Days of supply a suggested order covers on top of the reorder point. */
  coverDays: z.number().int().min(1).max(180),
  /** A stocktake variance above this share of the counted value needs a second approver. */
  stocktakeVarianceApprovalPct: z.number().min(0).max(100),
});
export type PartsPolicy = z.infer<typeof PartsPolicySchema>;

export const DEFAULT_PARTS_POLICY: PartsPolicy = {
  approval: { valueThresholdFen: 20_000, kindsRequiringApproval: ['gift'], customerPaidNeedsApproval: false },
  discontinuationWarningDays: 90,
  ageingDays: 180,
  consumptionWindowDays: 90,
  coverDays: 30,
  stocktakeVarianceApprovalPct: 5,
};

// ---------------------------------------------------------------- catalogue

export const PartItemInputSchema = z.strictObject({
  code: Code,
  nameZh: storedText().min(1).max(100),
  nameEn: storedText().max(100).default(''),
  kind: z.enum(PART_KINDS),
  /** Groups parts for approval rules and the repair warranty of the part (e.g. compressor, board). */
  partClass: storedText().max(40).default(''),
  unit: storedText().min(1).max(10).default('个'),
  /** Serial numbers of the new and the old part are required at consumption. */
  serialized: z.boolean().default(false),
  listPriceFen: Fen,
  costPriceFen: Fen,
  warrantyClaimable: z.boolean().default(true),
  /** Fits every model (screws, cleaning kits); otherwise `modelIds` lists the compatible models. */
  universal: z.boolean().default(false),
  modelIds: z.array(IdSchema).max(500).default([]),
  discontinueOn: BusinessDateSchema.nullable().default(null),
});
export type PartItemInput = z.infer<typeof PartItemInputSchema>;

export const PartItemPatchSchema = PartItemInputSchema.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1), active: z.boolean().optional() });
export type PartItemPatch = z.infer<typeof PartItemPatchSchema>;

export const PartItemSchema = z.object({
  id: IdSchema,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(PART_KINDS),
  partClass: z.string(),
  unit: z.string(),
  serialized: z.boolean(),
  listPriceFen: z.number().int(),
  costPriceFen: z.number().int(),
  warrantyClaimable: z.boolean(),
  universal: z.boolean(),
  modelIds: z.array(z.string()),
  discontinueOn: z.string().nullable(),
  /** Set when today is within the warning window before `discontinueOn` (or past it). */
  lastTimeBuy: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PartItem = z.infer<typeof PartItemSchema>;

export const PartItemQuerySchema = PageQuerySchema.extend({
  q: storedText().max(100).optional(),
  kind: z.enum(PART_KINDS).optional(),
  /** Only items that fit this product model (universal items included). */
  modelId: IdSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const PartItemListSchema = pageOf(PartItemSchema);

/** Excel import of the catalogue: every row checked first; one bad row imports nothing. */
export const PartImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string() })),
});
export type PartImportResult = z.infer<typeof PartImportResultSchema>;

// ---------------------------------------------------------------- locations and stock

export const StockLocationSchema = z.object({
  id: IdSchema,
  kind: z.enum(STOCK_LOCATION_KINDS),
  name: z.string(),
  outletId: z.string().nullable(),
  technicianId: z.string().nullable(),
});
export type StockLocation = z.infer<typeof StockLocationSchema>;

export const StockLevelSchema = z.object({
  locationId: z.string(),
  locationName: z.string(),
  locationKind: z.enum(STOCK_LOCATION_KINDS),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  reorderPoint: z.number().int(),
  reorderQty: z.number().int(),
  lastMovementAt: z.string().nullable(),
});
export type StockLevel = z.infer<typeof StockLevelSchema>;

/** By location then item code (the default), or least available first (shortages on top). */
export const STOCK_SORTS = ['location', 'available'] as const;
export type StockSort = (typeof STOCK_SORTS)[number];

export const StockQuerySchema = PageQuerySchema.extend({
  sort: z.enum(STOCK_SORTS).default('location'),
  locationId: IdSchema.optional(),
  locationKind: z.enum(STOCK_LOCATION_KINDS).optional(),
  itemId: IdSchema.optional(),
  q: storedText().max(100).optional(),
  /** Only rows at or below their reorder point. */
  low: z.enum(['true', 'false']).optional(),
});
export const StockLevelListSchema = pageOf(StockLevelSchema);

export const StockMovementSchema = z.object({
  id: z.string(),
  at: IsoInstantSchema,
  locationId: z.string(),
  locationName: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  /** What caused it: `request:<id>`, `usage:<id>`, `old_part:<id>`, `stocktake:<id>`, `manual`. */
  ref: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});
export type StockMovement = z.infer<typeof StockMovementSchema>;

export const LedgerQuerySchema = PageQuerySchema.extend({
  locationId: IdSchema.optional(),
  itemId: IdSchema.optional(),
  kind: z.enum(STOCK_MOVEMENT_KINDS).optional(),
  from: IsoInstantSchema.optional(),
  to: IsoInstantSchema.optional(),
});
export const StockMovementListSchema = pageOf(StockMovementSchema);

/** Goods received at a location (from the factory or a supplier). */
export const ReceiveStockSchema = z.strictObject({
  locationId: IdSchema,
  lines: z
    .array(z.strictObject({ itemId: IdSchema, qty: Qty }))
    .min(1)
    .max(200),
  note: Note.optional(),
});
export const TransferStockSchema = z.strictObject({
  fromLocationId: IdSchema,
  toLocationId: IdSchema,
  lines: z
    .array(z.strictObject({ itemId: IdSchema, qty: Qty }))
    .min(1)
    .max(200),
  note: Note.optional(),
});
/** A correction with a reason; the delta may be negative but never takes on hand below reserved. */
export const AdjustStockSchema = z.strictObject({
  locationId: IdSchema,
  itemId: IdSchema,
  delta: z
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .refine((d) => d !== 0),
  reason: storedText().min(1).max(500),
});
export const ReorderPointSchema = z.strictObject({
  locationId: IdSchema,
  itemId: IdSchema,
  reorderPoint: z.number().int().min(0).max(100_000),
  reorderQty: z.number().int().min(0).max(100_000),
});

// ---------------------------------------------------------------- requests (补件单)

export const PartRequestLineInputSchema = z.strictObject({
  itemId: IdSchema,
  qty: Qty,
  paidBy: z.enum(PART_PAYERS),
});

/** The technician (or outlet) asks for parts the van lacks; the order waits for them (待件). */
export const CreatePartRequestSchema = z.strictObject({
  orderId: IdSchema,
  lines: z.array(PartRequestLineInputSchema).min(1).max(50),
  /** Ship to the technician's van (default) or the outlet's store. */
  deliverTo: z.enum(['van', 'outlet']).default('van'),
  note: Note.optional(),
});

export const ApprovePartRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  /** The approver's signature (签字): a PNG data URL drawn on the screen. */
  signature: storedText()
    .min(30)
    .max(200_000)
    .regex(/^data:image\/png;base64,/),
  note: Note.optional(),
});
export const RejectPartRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: storedText().min(1).max(500),
});
export const ShipPartRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  carrier: storedText().min(1).max(40),
  trackingNo: storedText().min(1).max(60),
});
export const ReceivePartRequestSchema = z.strictObject({ version: z.number().int().min(1) });
export const CancelPartRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: storedText().min(1).max(500),
});

export const PartRequestLineSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(PART_KINDS),
  qty: z.number().int(),
  paidBy: z.enum(PART_PAYERS),
  unitListFen: z.number().int(),
  unitCostFen: z.number().int(),
});

export const PartRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  outletId: z.string().nullable(),
  outletName: z.string().nullable(),
  technicianId: z.string().nullable(),
  technicianName: z.string().nullable(),
  status: z.enum(PART_REQUEST_STATUSES),
  deliverTo: z.enum(['van', 'outlet']),
  destLocationId: z.string(),
  /** Value at cost of all lines. */
  valueFen: z.number().int(),
  approvalReason: z.enum(APPROVAL_REASONS),
  approverName: z.string().nullable(),
  /** The signature as stored (PNG data URL), present once approved with a signature. */
  signature: z.string().nullable(),
  decisionNote: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  lines: z.array(PartRequestLineSchema),
  version: z.number().int(),
});
export type PartRequest = z.infer<typeof PartRequestSchema>;

/** Newest first (the default) or oldest first. */
export const PART_REQUEST_SORTS = ['-created_at', 'created_at'] as const;
export type PartRequestSort = (typeof PART_REQUEST_SORTS)[number];

export const PartRequestQuerySchema = PageQuerySchema.extend({
  status: z.enum(PART_REQUEST_STATUSES).optional(),
  sort: z.enum(PART_REQUEST_SORTS).default('-created_at'),
  orderId: IdSchema.optional(),
  outletId: IdSchema.optional(),
});
export const PartRequestListSchema = pageOf(PartRequestSchema);

// ---------------------------------------------------------------- usage on orders

/** Reserve parts from the technician's van (or the outlet's store) for an order. */
export const ReservePartsSchema = z.strictObject({
  locationId: IdSchema,
  lines: z.array(PartRequestLineInputSchema).min(1).max(50),
});

/** At completion: each reserved usage consumed with the serials of the new and the old part. */
export const ConsumePartsSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        usageId: IdSchema,
        newSerial: Serial.optional(),
        oldSerial: Serial.optional(),
      }),
    )
    .min(1)
    .max(50),
});
export const ReleaseUsageSchema = z.strictObject({ reason: storedText().min(1).max(500) });

export const PartUsageSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  serialized: z.boolean(),
  locationId: z.string(),
  locationName: z.string(),
  qty: z.number().int(),
  paidBy: z.enum(PART_PAYERS),
  /** List price per unit charged to the customer (0 under warranty). */
  unitPriceFen: z.number().int(),
  status: z.enum(PART_USAGE_STATUSES),
  newSerial: z.string().nullable(),
  oldSerial: z.string().nullable(),
  requestId: z.string().nullable(),
  reservedAt: z.string(),
  consumedAt: z.string().nullable(),
});
export type PartUsage = z.infer<typeof PartUsageSchema>;

/** Everything about parts on one order: usages, requests, what the customer pays. */
export const OrderPartsSchema = z.object({
  orderId: z.string(),
  usages: z.array(PartUsageSchema),
  requests: z.array(PartRequestSchema),
  customerPaidFen: z.number().int(),
});
export type OrderParts = z.infer<typeof OrderPartsSchema>;

/** The technician's van stock and the catalogue items that fit an order's model, van stock first. */
export const PartPickQuerySchema = z.object({ orderId: IdSchema, q: storedText().max(100).optional() });
export const PartPickOptionSchema = z.object({
  item: PartItemSchema,
  /** Available in the technician's van (0 when none). */
  vanAvailable: z.number().int(),
  vanLocationId: z.string().nullable(),
  /** Available at HQ, for a request. */
  hqAvailable: z.number().int(),
});
export const PartPickListSchema = z.object({ items: z.array(PartPickOptionSchema) });

// ---------------------------------------------------------------- 旧件 returns

export const OldPartReturnSchema = z.object({
  id: z.string(),
  usageId: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  outletId: z.string().nullable(),
  outletName: z.string().nullable(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  qty: z.number().int(),
  oldSerial: z.string().nullable(),
  status: z.enum(OLD_PART_STATUSES),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  inspectedAt: z.string().nullable(),
  inspectorName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type OldPartReturn = z.infer<typeof OldPartReturnSchema>;

export const OldPartQuerySchema = PageQuerySchema.extend({
  status: z.enum(OLD_PART_STATUSES).optional(),
  outletId: IdSchema.optional(),
});
export const OldPartListSchema = pageOf(OldPartReturnSchema);

/** The outlet ships a batch of old parts back to HQ. */
export const ShipOldPartsSchema = z.strictObject({
  ids: z.array(IdSchema).min(1).max(200),
  carrier: storedText().min(1).max(40),
  trackingNo: storedText().min(1).max(60),
});
export const ReceiveOldPartSchema = z.strictObject({ version: z.number().int().min(1) });
export const InspectOldPartSchema = z.discriminatedUnion('result', [
  z.strictObject({ result: z.literal('passed'), version: z.number().int().min(1), note: Note.optional() }),
  z.strictObject({
    result: z.literal('rejected'),
    version: z.number().int().min(1),
    reason: storedText().min(1).max(500),
  }),
]);

// ---------------------------------------------------------------- stocktakes, replenishment, alerts

export const CreateStocktakeSchema = z.strictObject({
  locationId: IdSchema,
  note: Note.optional(),
});
export const StocktakeCountSchema = z.strictObject({
  version: z.number().int().min(1),
  counts: z
    .array(z.strictObject({ itemId: IdSchema, counted: z.number().int().min(0).max(1_000_000) }))
    .min(1)
    .max(2000),
});
export const StocktakeDecisionSchema = z.strictObject({
  version: z.number().int().min(1),
  approve: z.boolean(),
  note: Note.optional(),
});
export const StocktakeSchema = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  status: z.enum(STOCKTAKE_STATUSES),
  note: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  deciderName: z.string().nullable(),
  /** Variance value at cost (counted − book), and whether it exceeds the approval threshold. */
  varianceFen: z.number().int(),
  needsApproval: z.boolean(),
  lines: z.array(
    z.object({
      itemId: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      bookQty: z.number().int(),
      countedQty: z.number().int().nullable(),
      varianceQty: z.number().int().nullable(),
    }),
  ),
  version: z.number().int(),
});
export type Stocktake = z.infer<typeof StocktakeSchema>;
export const StocktakeListSchema = pageOf(StocktakeSchema.omit({ lines: true }));

export const ReplenishmentSuggestionSchema = z.object({
  locationId: z.string(),
  locationName: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  available: z.number().int(),
  reorderPoint: z.number().int(),
  /** Average daily consumption over the policy's window. */
  dailyUse: z.number(),
  suggestedQty: z.number().int(),
});
export const ReplenishmentListSchema = z.object({ items: z.array(ReplenishmentSuggestionSchema) });

export const PartAlertSchema = z.object({
  kind: z.enum(PART_ALERT_KINDS),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  /** low_stock: available; ageing: days since last movement; discontinuation: days left (≤ 0 past). */
  value: z.number().int(),
});
export const PartAlertListSchema = z.object({ items: z.array(PartAlertSchema) });
