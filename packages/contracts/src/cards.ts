import { z } from 'zod';
import { storedText } from './common.ts';
import { WarrantySchema } from './customers.ts';

/**
 * Electronic warranty cards (电子保修卡), ownership transfer (过户), the repair warranty of parts
 * fitted on a completed order, and workshop receipts (带回修理收据). Issue #14.
 */

const date = storedText().regex(/^\d{4}-\d{2}-\d{2}$/);
const Serial = storedText()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_./-]+$/);

/** Where a card was activated: the customer in the portal, store staff, or the hotline agent. */
export const CARD_CHANNELS = ['portal', 'store', 'hotline'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];

export const CardTransferSchema = z.object({
  id: storedText(),
  at: storedText(),
  fromName: storedText(),
  toName: storedText(),
  reason: storedText(),
  actorName: storedText().nullable(),
});
export type CardTransfer = z.infer<typeof CardTransferSchema>;

export const WarrantyCardSchema = z.object({
  id: storedText(),
  cardNo: storedText(),
  productId: storedText(),
  holderId: storedText(),
  holderName: storedText(),
  serial: storedText(),
  modelCode: storedText(),
  modelName: storedText(),
  brand: storedText(),
  categoryCode: storedText(),
  purchaseDate: storedText().nullable(),
  activatedAt: storedText(),
  channel: z.enum(CARD_CHANNELS),
  /** Opens the public verification page `/cards/verify/:token` (the QR code's content). */
  verifyToken: storedText(),
  /** The service hotline printed on the card (a setting). */
  hotline: storedText(),
  warranty: WarrantySchema,
  transfers: z.array(CardTransferSchema),
  version: z.number().int(),
});
export type WarrantyCard = z.infer<typeof WarrantyCardSchema>;

/** What anyone holding the QR code may see: no name, no phone, the serial masked. */
export const CardVerificationSchema = z.object({
  cardNo: storedText(),
  brand: storedText(),
  modelCode: storedText(),
  modelName: storedText(),
  maskedSerial: storedText(),
  activatedOn: date,
  /** The card is genuine and the unit is still under warranty today. */
  valid: z.boolean(),
  warrantyStatus: WarrantySchema.shape.status,
  unitUntil: date.nullable(),
  asOf: date,
});
export type CardVerification = z.infer<typeof CardVerificationSchema>;

/** A product not registered yet: the activation registers it first (through the customers module). */
export const CardRegistrationSchema = z.strictObject({
  modelId: storedText().min(1).max(64),
  purchaseDate: date.nullable().default(null),
});

export const PortalActivateCardSchema = z.strictObject({
  serial: Serial,
  register: CardRegistrationSchema.optional(),
});
export type PortalActivateCard = z.infer<typeof PortalActivateCardSchema>;

export const StaffActivateCardSchema = z.strictObject({
  serial: Serial,
  customerId: storedText().min(1).max(64),
  channel: z.enum(['store', 'hotline']).default('store'),
  register: CardRegistrationSchema.optional(),
});
export type StaffActivateCard = z.infer<typeof StaffActivateCardSchema>;

export const TransferCardSchema = z.strictObject({
  /** The new owner's phone; a caller not yet a customer becomes one with `toName`. */
  toPhone: storedText()
    .trim()
    .regex(/^[0-9+\- ]{7,20}$/),
  toName: storedText().trim().min(1).max(64).optional(),
  reason: storedText().trim().min(2).max(200),
  version: z.number().int(),
});
export type TransferCard = z.infer<typeof TransferCardSchema>;

/** A part fitted on a completed order and its repair warranty (维修配件保修). */
export const RepairPartWarrantySchema = z.object({
  usageId: storedText(),
  orderId: storedText(),
  orderNumber: storedText(),
  itemCode: storedText(),
  itemName: storedText(),
  partClass: storedText(),
  qty: z.number().int(),
  newSerial: storedText().nullable(),
  completedOn: date,
  until: date,
  days: z.number().int(),
  /** Still covered today. */
  active: z.boolean(),
});
export type RepairPartWarranty = z.infer<typeof RepairPartWarrantySchema>;

/** Everything the product view shows about its card and repaired parts. */
export const ProductCardInfoSchema = z.object({
  productId: storedText(),
  card: WarrantyCardSchema.nullable(),
  transferAllowed: z.boolean(),
  repairParts: z.array(RepairPartWarrantySchema),
});
export type ProductCardInfo = z.infer<typeof ProductCardInfoSchema>;

export const RECEIPT_STATUSES = ['open', 'closed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const WorkshopReceiptSchema = z.object({
  id: storedText(),
  number: storedText(),
  orderId: storedText(),
  orderNumber: storedText(),
  productId: storedText(),
  serial: storedText(),
  modelName: storedText(),
  customerName: storedText(),
  accessories: z.array(storedText()),
  condition: storedText(),
  promisedReturnDate: date,
  takenById: storedText().nullable(),
  takenByName: storedText(),
  /** The customer's signature as a PNG data URL. */
  signature: storedText(),
  status: z.enum(RECEIPT_STATUSES),
  createdAt: storedText(),
  closedAt: storedText().nullable(),
  closedByName: storedText().nullable(),
  hotline: storedText(),
  version: z.number().int(),
});
export type WorkshopReceipt = z.infer<typeof WorkshopReceiptSchema>;

export const CreateReceiptSchema = z.strictObject({
  accessories: z.array(storedText().trim().min(1).max(40)).max(20).default([]),
  condition: storedText().trim().min(1).max(500),
  /** Defaults to today + the policy's `receiptReturnDays`. */
  promisedReturnDate: date.optional(),
  signature: storedText()
    .max(400_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/),
});
export type CreateReceipt = z.infer<typeof CreateReceiptSchema>;

export const CloseReceiptSchema = z.strictObject({ version: z.number().int() });

export const CardsPolicySchema = z.strictObject({
  /** Printed on the card and the receipt. */
  hotline: storedText().trim().min(3).max(32),
  /** May a card change owner? Per product category, with a default for the others. */
  transferDefault: z.boolean(),
  transferByCategory: z.record(storedText().min(1).max(64), z.boolean()),
  /** Repair warranty of a fitted part in days after the order completes, per part class. */
  repairWarrantyDefaultDays: z.number().int().min(0).max(3650),
  repairWarrantyDaysByPartClass: z.record(storedText().min(1).max(64), z.number().int().min(0).max(3650)),
  /** The promised return date a workshop receipt proposes, in days from today. */
  receiptReturnDays: z.number().int().min(1).max(90),
});
export type CardsPolicy = z.infer<typeof CardsPolicySchema>;

/**
 * Cards transfer with the product by default (三包 obligations follow the unit, GB 三包规定);
 * industrial sewing machines are sold to businesses under a sales contract naming the buyer, so
 * their cards do not transfer unless the setting says so.
 */
export const DEFAULT_CARDS_POLICY: CardsPolicy = {
  hotline: '400-800-1234',
  transferDefault: true,
  transferByCategory: { sewing_industrial: false },
  repairWarrantyDefaultDays: 90,
  repairWarrantyDaysByPartClass: {},
  receiptReturnDays: 7,
};
