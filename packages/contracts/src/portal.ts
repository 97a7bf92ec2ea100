import { z } from 'zod';
import { CallbackQuestionSchema } from './callbacks.ts';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { WARRANTY_STATUSES, WarrantySchema } from './customers.ts';
import { TimeWindowSchema, WORK_ORDER_STATUSES } from './workorders.ts';

/**
 * The customer portal (H5, /portal): one-time-code sign-in and the customer's own products,
 * requests and orders. Every response is customer-safe: no internal notes, no staff phones.
 */

/** Mainland mobile numbers only: the code goes out by SMS. */
export const PortalPhoneSchema = storedText()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(storedText().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number (11 digits, starting 13–19)'));

export const PortalOtpRequestSchema = z.strictObject({ phone: PortalPhoneSchema });
export type PortalOtpRequest = z.input<typeof PortalOtpRequestSchema>;

/** Always 202, whether or not the phone belongs to a customer. */
export const PortalOtpResponseSchema = z.object({
  /** The number the code went to, masked (138****5678). */
  sentTo: storedText(),
  /** The client may ask for another code after this many seconds. */
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});
export type PortalOtpResponse = z.infer<typeof PortalOtpResponseSchema>;

export const OTP_LENGTH = 6;
export const PortalSessionRequestSchema = z.strictObject({
  phone: PortalPhoneSchema,
  code: storedText()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export type PortalSessionRequest = z.input<typeof PortalSessionRequestSchema>;

export const PortalModelSchema = z.object({
  id: storedText(),
  brand: storedText(),
  modelCode: storedText(),
  name: storedText(),
  categoryCode: storedText(),
});
export type PortalModel = z.infer<typeof PortalModelSchema>;

export const PortalProductSchema = z.object({
  id: storedText(),
  modelId: storedText(),
  modelCode: storedText(),
  modelName: storedText(),
  brand: storedText(),
  categoryCode: storedText(),
  serial: storedText(),
  purchaseDate: storedText().nullable(),
  invoiceNo: storedText().nullable(),
  warranty: WarrantySchema,
});
export type PortalProduct = z.infer<typeof PortalProductSchema>;
export const PORTAL_WARRANTY_STATUSES = WARRANTY_STATUSES;

export const PortalRegisterProductSchema = z.strictObject({
  modelId: IdSchema,
  serial: storedText()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_./-]+$/, 'letters, digits and _ . / - only'),
  purchaseDate: z.iso.date().nullable().default(null),
  invoiceNo: storedText().trim().max(60).nullable().default(null),
});
export type PortalRegisterProduct = z.input<typeof PortalRegisterProductSchema>;

export const PORTAL_REQUEST_TYPES = ['repair', 'install'] as const;
export type PortalRequestType = (typeof PORTAL_REQUEST_TYPES)[number];

/** Sent as the multipart field `request` (JSON), before the `photos` files. */
export const PortalNewRequestSchema = z.strictObject({
  type: z.enum(PORTAL_REQUEST_TYPES),
  productId: IdSchema,
  faultDescription: storedText().trim().min(1).max(2000),
  preferredWindows: z.array(TimeWindowSchema).min(1).max(3),
  /** Whom the technician calls on the way; the customer's name and primary mobile when absent. */
  contactName: storedText().trim().min(1).max(50).optional(),
  contactPhone: PortalPhoneSchema.optional(),
});
export type PortalNewRequest = z.input<typeof PortalNewRequestSchema>;

/** What a new request uses unless the customer changes it: shown for confirmation before sending. */
export const PortalContactSchema = z.object({
  name: storedText(),
  phone: storedText().nullable(),
  /** The default address, region names first; null when the customer has none on file. */
  address: storedText().nullable(),
});
export type PortalContact = z.infer<typeof PortalContactSchema>;
export const PORTAL_MAX_PHOTOS = 6;

export const PortalOrderSummarySchema = z.object({
  id: storedText(),
  number: storedText(),
  type: storedText(),
  status: z.enum(WORK_ORDER_STATUSES),
  product: z
    .object({ id: storedText(), serial: storedText(), brand: storedText(), categoryCode: storedText() })
    .nullable(),
  appointment: TimeWindowSchema.nullable(),
  createdAt: storedText(),
  version: z.number().int(),
});
export type PortalOrderSummary = z.infer<typeof PortalOrderSummarySchema>;

export const PORTAL_TIMELINE_KINDS = [
  'created',
  'status',
  'appointment_set',
  'rescheduled',
  'appointment_confirmed',
  'photo_added',
] as const;
export type PortalTimelineKind = (typeof PORTAL_TIMELINE_KINDS)[number];

export const PortalTimelineEntrySchema = z.object({
  id: storedText(),
  kind: z.enum(PORTAL_TIMELINE_KINDS),
  at: storedText(),
  /** For status changes. */
  to: z.enum(WORK_ORDER_STATUSES).nullable(),
  /** For appointment entries. */
  window: TimeWindowSchema.nullable(),
  /** True when the customer did it (their own reasons are shown back to them, staff reasons never). */
  byCustomer: z.boolean(),
  reason: storedText().nullable(),
});
export type PortalTimelineEntry = z.infer<typeof PortalTimelineEntrySchema>;

export const PortalOrderDetailSchema = PortalOrderSummarySchema.extend({
  faultDescription: storedText(),
  preferredWindows: z.array(TimeWindowSchema),
  technicianName: storedText().nullable(),
  cancelReason: storedText().nullable(),
  appointmentConfirmed: z.boolean(),
  photoCount: z.number().int(),
  /** The customer's own photos (served by `orders/:id/photos/:photoId`). */
  photos: z.array(z.object({ id: storedText(), filename: storedText() })),
  /** Where and whom the technician comes to, as the order holds them. */
  contactName: storedText(),
  contactPhone: storedText(),
  address: storedText().nullable(),
  actions: z.object({ confirm: z.boolean(), reschedule: z.boolean(), cancel: z.boolean() }),
  timeline: z.array(PortalTimelineEntrySchema),
});
export type PortalOrderDetail = z.infer<typeof PortalOrderDetailSchema>;

export const PortalPhotoResultSchema = z.object({
  filename: storedText(),
  ok: z.boolean(),
  /** The error code when the photo was refused (type, size). */
  code: storedText().nullable(),
});
export const PortalCreateRequestResponseSchema = z.object({
  order: PortalOrderDetailSchema,
  photos: z.array(PortalPhotoResultSchema),
});
export type PortalCreateRequestResponse = z.infer<typeof PortalCreateRequestResponseSchema>;

export const PortalConfirmSchema = z.strictObject({ version: z.number().int().min(1) });
export const PortalRescheduleSchema = z.strictObject({
  version: z.number().int().min(1),
  start: IsoInstantSchema,
  end: IsoInstantSchema,
  reason: storedText().trim().min(1).max(500),
});
export type PortalReschedule = z.infer<typeof PortalRescheduleSchema>;
export const PortalCancelSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: storedText().trim().min(1).max(500),
});
export type PortalCancel = z.infer<typeof PortalCancelSchema>;

// The portal's cancel and appointment cut-offs are status groups of the lifecycle table
// (PORTAL_CANCELLABLE_STATUSES, APPOINTABLE_STATUSES in lifecycle.ts).

/** Whether the customer may rate the finished service now (once, while it waits for the callback). */
export const PortalRatingSchema = z.object({
  state: z.enum(['open', 'rated', 'none']),
  questions: z.array(CallbackQuestionSchema),
});
export type PortalRating = z.infer<typeof PortalRatingSchema>;
