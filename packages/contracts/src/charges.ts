import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { WARRANTY_STATUSES } from './customers.ts';

/**
 * Paid out-of-warranty service (保外有偿服务, issue #14 item 3): a published, versioned price list
 * (明码标价), quotes on orders whose product is out of warranty, the customer's consent (portal or a
 * recorded phone call), payments with receipt numbers. Money in integer fen.
 */

const Fen = z.number().int().min(0).max(100_000_000);
const Code = storedText().trim().min(1).max(40);
const Name = storedText().trim().min(1).max(80);

// ---------------------------------------------------------------- price list

/** 工时费: one service item, for one product category or (null) any category. */
export const LabourPriceSchema = z.strictObject({
  code: Code,
  nameZh: Name,
  nameEn: storedText().trim().max(80).default(''),
  categoryCode: Code.nullable().default(null),
  amountFen: Fen,
});
export type LabourPrice = z.infer<typeof LabourPriceSchema>;

/** 上门费 by distance band: from `minKm` (inclusive) to `maxKm` (exclusive; null = no upper end). */
export const CalloutBandSchema = z.strictObject({
  minKm: z.number().int().min(0).max(10_000),
  maxKm: z.number().int().min(1).max(10_000).nullable(),
  amountFen: Fen,
});
export type CalloutBand = z.infer<typeof CalloutBandSchema>;

export const PriceListInputSchema = z.strictObject({
  /** The business date (Asia/Shanghai) from which this version applies. */
  effectiveFrom: BusinessDateSchema,
  note: storedText().trim().max(200).default(''),
  labour: z.array(LabourPriceSchema).min(1).max(500),
  callout: z.array(CalloutBandSchema).min(1).max(50),
});
export type PriceListInput = z.infer<typeof PriceListInputSchema>;

export const PriceListSchema = z.object({
  id: IdSchema,
  /** 1, 2, 3…: a new version never changes an older one (quotes keep pointing at theirs). */
  versionNo: z.number().int(),
  effectiveFrom: BusinessDateSchema,
  note: z.string(),
  labour: z.array(LabourPriceSchema),
  callout: z.array(CalloutBandSchema),
  createdAt: IsoInstantSchema,
  createdBy: z.string().nullable(),
});
export type PriceList = z.infer<typeof PriceListSchema>;

/** Parts are quoted at the catalogue's list price; the public page shows active parts. */
export const PublicPartPriceSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  listPriceFen: z.number().int(),
});

/** What the price-list page and the portal show: the version in force today, the next one, parts. */
export const PriceListViewSchema = z.object({
  current: PriceListSchema.nullable(),
  upcoming: z.array(PriceListSchema),
  parts: z.array(PublicPartPriceSchema),
  /** Names of the product categories the labour lines name. */
  categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
export type PriceListView = z.infer<typeof PriceListViewSchema>;

export const PriceListHistorySchema = z.object({ items: z.array(PriceListSchema) });

// ---------------------------------------------------------------- quotes

export const QUOTE_STATUSES = ['draft', 'sent', 'approved', 'declined', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_LINE_KINDS = ['labour', 'callout', 'part'] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];
/** How the customer answered: in the portal, or by phone with the call recorded by an agent. */
export const CONSENT_CHANNELS = ['portal', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const PAYMENT_METHODS = ['cash', 'transfer', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const COVERAGE_STATUSES = WARRANTY_STATUSES;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** What an agent picks; every price comes from the price list and the catalogue, never the client. */
export const QuoteDraftSchema = z.strictObject({
  labour: z.array(z.strictObject({ code: Code, qty: z.number().int().min(1).max(99).default(1) })).max(50),
  /** Distance to the customer for the call-out fee; null = no call-out (carried in). */
  calloutKm: z.number().int().min(0).max(10_000).nullable(),
  parts: z.array(z.strictObject({ itemId: IdSchema, qty: z.number().int().min(1).max(999) })).max(50),
  discountFen: Fen.default(0),
  discountReason: storedText().trim().max(200).default(''),
});
export type QuoteDraft = z.infer<typeof QuoteDraftSchema>;

export const QuoteDraftEditSchema = QuoteDraftSchema.extend({ version: z.number().int().min(1) });
export const VersionBodySchema = z.strictObject({ version: z.number().int().min(1) });

export const PhoneConsentSchema = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['approved', 'declined']),
  /** Who gave consent on the phone (the customer or their named representative). */
  consentBy: storedText().trim().min(1).max(60),
  /** When the call took place. */
  consentAt: IsoInstantSchema,
  note: storedText().trim().min(1).max(500),
  /** Call-centre recording id or similar reference. */
  recordingRef: storedText().trim().max(120).default(''),
});
export type PhoneConsent = z.infer<typeof PhoneConsentSchema>;

export const PortalQuoteDecisionSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: storedText().trim().max(200).default(''),
});

export const QuoteLineSchema = z.object({
  kind: z.enum(QUOTE_LINE_KINDS),
  /** Service item code, `km:<min>-<max>` band, or the part's catalogue code. */
  ref: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  qty: z.number().int(),
  unitFen: z.number().int(),
  amountFen: z.number().int(),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

export const PaymentSchema = z.object({
  id: IdSchema,
  receiptNo: z.string(),
  quoteId: IdSchema,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string(),
  amountFen: z.number().int(),
  note: z.string(),
  receivedAt: IsoInstantSchema,
  receivedBy: z.string().nullable(),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const PaymentInputSchema = z.strictObject({
  method: z.enum(PAYMENT_METHODS),
  amountFen: z.number().int().min(1).max(100_000_000),
  /** Bank transfer serial or online payment reference (required for both). */
  reference: storedText().trim().max(120).default(''),
  note: storedText().trim().max(200).default(''),
});
export type PaymentInput = z.infer<typeof PaymentInputSchema>;

export const QuoteSchema = z.object({
  id: IdSchema,
  number: z.string(),
  orderId: IdSchema,
  orderNumber: z.string(),
  /** Revision of the order's quote: a revised quote is a new revision, the old one superseded. */
  revision: z.number().int(),
  status: z.enum(QUOTE_STATUSES),
  coverage: z.enum(COVERAGE_STATUSES),
  priceListId: IdSchema,
  priceListVersionNo: z.number().int(),
  calloutKm: z.number().int().nullable(),
  lines: z.array(QuoteLineSchema),
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  discountReason: z.string(),
  totalFen: z.number().int(),
  paidFen: z.number().int(),
  balanceFen: z.number().int(),
  validUntil: BusinessDateSchema.nullable(),
  sentAt: IsoInstantSchema.nullable(),
  decidedAt: IsoInstantSchema.nullable(),
  consent: z
    .object({
      channel: z.enum(CONSENT_CHANNELS),
      by: z.string(),
      at: IsoInstantSchema,
      note: z.string(),
      recordingRef: z.string(),
      recordedBy: z.string().nullable(),
    })
    .nullable(),
  declineReason: z.string(),
  payments: z.array(PaymentSchema),
  customerName: z.string(),
  address: z.string(),
  createdAt: IsoInstantSchema,
  version: z.number().int(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const OrderQuotesSchema = z.object({
  coverage: z.enum(COVERAGE_STATUSES),
  /** Whether starting work needs an approved quote (the product is out of warranty). */
  quoteRequired: z.boolean(),
  items: z.array(QuoteSchema),
});
export type OrderQuotes = z.infer<typeof OrderQuotesSchema>;

// ---------------------------------------------------------------- settings

export const CHARGES_POLICY_KEY = 'charges.policy';
export const ChargesPolicySchema = z.strictObject({
  /** Days a sent quote stays open for the customer's answer (the last day included). */
  quoteValidityDays: z.number().int().min(1).max(90),
  /** Largest discount as a percentage of the subtotal an agent may give. */
  maxDiscountPct: z.number().int().min(0).max(100),
});
export type ChargesPolicy = z.infer<typeof ChargesPolicySchema>;
export const DEFAULT_CHARGES_POLICY: ChargesPolicy = { quoteValidityDays: 7, maxDiscountPct: 20 };
