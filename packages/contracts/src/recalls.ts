import { z } from 'zod';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { LOCALES } from './locales.ts';

/**
 * Product recalls (产品召回 / 主动召回, issue #18 item 4): a recall names the affected installed
 * products by model, serial ranges (SN00100..SN00199) and production batches; launching it
 * snapshots them; the owners are told by SMS and called (outcomes tracked per product like
 * callbacks); a 保养/维修 order is opened once per product and its completion counted.
 */
export const RECALL_STATUSES = ['draft', 'active', 'closed'] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];

/** What a call to the owner came to. */
export const RECALL_CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'refused', 'booked'] as const;
export type RecallCallOutcome = (typeof RECALL_CALL_OUTCOMES)[number];

/** Where contacting one affected product stands: nothing yet, SMS sent, or the last call's outcome. */
export const RECALL_CONTACT_STATUSES = ['pending', 'notified', ...RECALL_CALL_OUTCOMES] as const;
export type RecallContactStatus = (typeof RECALL_CONTACT_STATUSES)[number];

export const RECALL_ORDER_TYPES = ['maintenance', 'repair'] as const;
export type RecallOrderType = (typeof RECALL_ORDER_TYPES)[number];

const serialText = storedText().trim().toUpperCase().pipe(z.string().min(1).max(64));

/** Inclusive: same prefix, same digit width (SN00100..SN00199). */
export const SerialRangeSchema = z.strictObject({ from: serialText, to: serialText });
export type SerialRange = z.infer<typeof SerialRangeSchema>;

/** Empty lists are "any"; at least one of the three must be given (checked by the server). */
export const RecallCriteriaSchema = z.strictObject({
  modelIds: z.array(IdSchema).max(50).default([]),
  serialRanges: z.array(SerialRangeSchema).max(50).default([]),
  batches: z.array(serialText).max(50).default([]),
});
export type RecallCriteria = z.infer<typeof RecallCriteriaSchema>;

export const RecallInputSchema = z.strictObject({
  title: storedText().trim().min(1).max(120),
  reason: storedText().trim().max(2000).default(''),
  orderType: z.enum(RECALL_ORDER_TYPES),
  criteria: RecallCriteriaSchema,
});
export type RecallInput = z.infer<typeof RecallInputSchema>;

export const UpdateRecallSchema = RecallInputSchema.extend({ version: z.number().int().min(1) });
export type UpdateRecall = z.infer<typeof UpdateRecallSchema>;

export const RecallVersionSchema = z.strictObject({ version: z.number().int().min(1) });

/** Figures of one recall, from its own rows. */
export const RecallFiguresSchema = z.object({
  affected: z.number().int(),
  contacted: z.number().int(),
  reached: z.number().int(),
  ordersCreated: z.number().int(),
  completed: z.number().int(),
  /** completed / affected, 0–100, one decimal; 0 with nothing affected. */
  completionPct: z.number(),
});
export type RecallFigures = z.infer<typeof RecallFiguresSchema>;

export const RecallSchema = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.string(),
  orderType: z.enum(RECALL_ORDER_TYPES),
  criteria: RecallCriteriaSchema,
  status: z.enum(RECALL_STATUSES),
  launchedAt: IsoInstantSchema.nullable(),
  closedAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  figures: RecallFiguresSchema,
});
export type Recall = z.infer<typeof RecallSchema>;

export const RecallProductSchema = z.object({
  id: z.string(),
  recallId: z.string(),
  productId: z.string(),
  serial: z.string(),
  modelId: z.string(),
  productionBatch: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string(),
  contactStatus: z.enum(RECALL_CONTACT_STATUSES),
  smsQueuedAt: IsoInstantSchema.nullable(),
  callAttempts: z.number().int(),
  lastCallAt: IsoInstantSchema.nullable(),
  lastNote: z.string().nullable(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  completedAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
});
export type RecallProduct = z.infer<typeof RecallProductSchema>;

export const RecallProductQuerySchema = z.strictObject({
  contactStatus: z.enum(RECALL_CONTACT_STATUSES).optional(),
});
export type RecallProductQuery = z.infer<typeof RecallProductQuerySchema>;

/** What launching would take in: the count and the first few serials. */
export const RecallPreviewSchema = z.object({
  count: z.number().int(),
  sample: z.array(z.object({ productId: z.string(), serial: z.string(), customerName: z.string() })),
});
export type RecallPreview = z.infer<typeof RecallPreviewSchema>;

export const RecordRecallCallSchema = z.strictObject({
  outcome: z.enum(RECALL_CALL_OUTCOMES),
  note: storedText().trim().max(500).default(''),
  version: z.number().int().min(1),
});
export type RecordRecallCall = z.infer<typeof RecordRecallCallSchema>;

/** `booked`: orders for the products whose owner booked; `all`: every product not refused. */
export const CreateRecallOrdersSchema = z.strictObject({ scope: z.enum(['booked', 'all']) });
export type CreateRecallOrders = z.infer<typeof CreateRecallOrdersSchema>;

export const RecallActionResultSchema = z.object({ count: z.number().int(), recall: RecallSchema });
export type RecallActionResult = z.infer<typeof RecallActionResultSchema>;

/** Setting `recalls.policy`. `{serial}` and `{title}` in the SMS text are filled in per product. */
export const RecallPolicySchema = z.strictObject({
  smsLocale: z.enum(LOCALES),
  /** The SMS text in each language; `smsLocale` picks the one sent. */
  smsTextZh: storedText().trim().min(1).max(300),
  smsTextEn: storedText().trim().min(1).max(300),
  /** Calls recorded per product before the desk stops (the last outcome stands). */
  maxCallAttempts: z.number().int().min(1).max(50),
  /** Most products one recall may take in (a mistyped range should not call a city). */
  maxAffected: z.number().int().min(1).max(100_000),
  /** Serials shown in the preview before launch. */
  previewSample: z.number().int().min(0).max(50),
  /** A claimed order that never came is taken again after this many minutes (a stopped node). */
  orderClaimStaleMinutes: z.number().int().min(1).max(1440),
});
export type RecallPolicy = z.infer<typeof RecallPolicySchema>;
export const DEFAULT_RECALL_POLICY: RecallPolicy = {
  smsLocale: 'zh-CN',
  smsTextZh:
    '【安心售后】您的产品（序列号 {serial}）在“{title}”召回范围内，我们将免费为您检修，稍后客服会与您联系预约。',
  smsTextEn:
    'Anxin: your product (serial {serial}) is covered by the recall "{title}". We will service it free of charge and call you to book a visit.',
  maxCallAttempts: 5,
  maxAffected: 5000,
  previewSample: 10,
  orderClaimStaleMinutes: 15,
};
