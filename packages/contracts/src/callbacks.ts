import { z } from 'zod';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';

/** Callbacks (回访): the quality loop's queue, outcomes, customer rating links and classifications. */

export const CALLBACK_OUTCOMES = ['satisfied', 'unsatisfied', 'unreachable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const CALLBACK_FOLLOW_UPS = ['redo', 'complaint', 'close_with_note'] as const;
export type CallbackFollowUp = (typeof CALLBACK_FOLLOW_UPS)[number];

/** open → one of the outcomes; `superseded` when the order left 待回访 some other way. */
export const CALLBACK_TASK_STATUSES = [
  'open',
  'satisfied',
  'unsatisfied',
  'unreachable',
  'superseded',
] as const;
export type CallbackTaskStatus = (typeof CALLBACK_TASK_STATUSES)[number];

export const ORDER_CLASSES = [
  'satisfied',
  'callback_unsatisfied',
  'complaint_call',
  'first_fix_failed',
  'repeat_failed',
  'attitude',
] as const;
export type OrderClass = (typeof ORDER_CLASSES)[number];

/**
 * Precedence of the order classes, most serious first. An order's primary class is the first of
 * its classes in this list; the others are secondary flags. 满意 is only ever alone (an order with
 * any negative class is not satisfied), and 多次维修不到位 replaces 一次维修不到位 (docs/glossary.md).
 */
export const CLASS_PRECEDENCE = [
  'complaint_call',
  'repeat_failed',
  'first_fix_failed',
  'attitude',
  'callback_unsatisfied',
  'satisfied',
] as const satisfies readonly OrderClass[];

/** The primary class among an order's classes (null when it has none). */
export function primaryClassOf(classes: readonly OrderClass[]): OrderClass | null {
  return CLASS_PRECEDENCE.find((c) => classes.includes(c)) ?? null;
}

/**
 * The one definition of a first-time fix, shared by classification, grading and settlement: a
 * repair order is fixed first time unless it is 一次 or 多次维修不到位.
 */
export function isFirstTimeFix(classes: readonly OrderClass[]): boolean {
  return !classes.includes('first_fix_failed') && !classes.includes('repeat_failed');
}

export const CallbackQuestionSchema = z.strictObject({
  id: storedText().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
  kind: z.enum(['score', 'yes_no']),
  required: z.boolean().default(true),
  label: z.strictObject({ 'zh-CN': storedText().min(1).max(200), 'en-US': storedText().min(1).max(200) }),
});
export type CallbackQuestion = z.infer<typeof CallbackQuestionSchema>;

export const CallbackPolicySchema = z
  .strictObject({
    /** Due time after entering 待回访, in working hours of the business calendar. */
    dueBusinessHours: z.number().min(1).max(720),
    maxAttempts: z.number().int().min(1).max(10),
    retryAfterMinutes: z.number().int().min(1).max(10_080),
    /** An attitude score at or below this marks the order 服务态度不满意. */
    attitudeThreshold: z.number().int().min(1).max(5),
    /** Another repair of the same product within this many days of completion = 一次维修不到位. */
    repeatWindowDays: z.number().int().min(1).max(365),
    portalLinkHours: z.number().int().min(1).max(720),
    /** A customer's own rating closes the order when resolved and every score is at least this. */
    portalSatisfiedMinScore: z.number().int().min(1).max(5),
    /**
     * A completed order still not in 待回访 after this many minutes is handed off by the repair
     * sweep (the outbox normally does it within seconds). Stored policies from before this field
     * read the default.
     */
    handoffGraceMinutes: z.number().int().min(1).max(1440).default(15),
    questions: z.array(CallbackQuestionSchema).min(1).max(20),
  })
  .refine((p) => new Set(p.questions.map((q) => q.id)).size === p.questions.length, {
    message: 'question ids must be unique',
    path: ['questions'],
  });
export type CallbackPolicy = z.infer<typeof CallbackPolicySchema>;

export const CallbackPolicyViewSchema = z.object({ policy: CallbackPolicySchema, version: z.number().int() });
export const PutCallbackPolicySchema = z.strictObject({
  policy: z.unknown(),
  version: z.number().int().min(0),
});

export const CallbackAnswersSchema = z.record(storedText().max(32), z.union([z.number(), z.boolean()]));
export type CallbackAnswers = z.infer<typeof CallbackAnswersSchema>;

export const CallbackOutcomeRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  outcome: z.enum(CALLBACK_OUTCOMES),
  answers: CallbackAnswersSchema.default({}),
  comment: storedText().trim().max(2000).optional(),
  followUp: z.enum(CALLBACK_FOLLOW_UPS).optional(),
  note: storedText().trim().min(1).max(2000).optional(),
});
export type CallbackOutcomeRequest = z.infer<typeof CallbackOutcomeRequestSchema>;

/** Due time (soonest / latest first) or when the callback was completed (latest first). */
export const CALLBACK_QUEUE_SORTS = ['due_at', '-due_at', '-closed_at'] as const;
export type CallbackQueueSort = (typeof CALLBACK_QUEUE_SORTS)[number];

export const CallbackQueueQuerySchema = z.object({
  status: z.enum([...CALLBACK_TASK_STATUSES, 'closed', 'all']).default('open'),
  /** overdue: past due; ready: no retry wait pending; today: due before the end of today (Shanghai). */
  due: z.enum(['overdue', 'ready', 'today', 'all']).default('all'),
  class: z.enum(ORDER_CLASSES).optional(),
  /** Order number (prefix), contact name (contains) or phone (contains, digits only). */
  q: storedText().trim().min(2).max(32).optional(),
  sort: z.enum(CALLBACK_QUEUE_SORTS).default('due_at'),
  /** Opaque keyset cursor from the previous page's `nextCursor` (only valid for the same sort). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CallbackQueueQuery = z.infer<typeof CallbackQueueQuerySchema>;

export const CallbackTaskSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  orderNumber: storedText(),
  status: z.enum(CALLBACK_TASK_STATUSES),
  dueAt: IsoInstantSchema,
  overdue: z.boolean(),
  nextAttemptAt: IsoInstantSchema.nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  outcome: z.enum(CALLBACK_OUTCOMES).nullable(),
  followUp: z.enum(CALLBACK_FOLLOW_UPS).nullable(),
  answers: CallbackAnswersSchema.nullable(),
  comment: storedText().nullable(),
  note: storedText().nullable(),
  /** Rated by the customer through a portal link but not satisfied: call them. */
  portalRated: z.boolean(),
  customerName: storedText().nullable(),
  outlet: z.object({ id: storedText(), name: storedText() }).nullable(),
  technician: z.object({ id: storedText(), name: storedText() }).nullable(),
  createdAt: IsoInstantSchema,
  closedAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
});
export type CallbackTask = z.infer<typeof CallbackTaskSchema>;

export const CallbackQueueSchema = z.object({
  items: z.array(CallbackTaskSchema),
  /** The next page's cursor; null when this page is the last. */
  nextCursor: z.string().nullable(),
  now: IsoInstantSchema,
});

/** What the caller reads out: the task, the order facts and the questionnaire to fill in. */
export const CallbackScriptSchema = z.object({
  task: CallbackTaskSchema,
  readOnly: z.boolean(),
  order: z.object({
    id: storedText(),
    number: storedText(),
    type: storedText(),
    status: storedText(),
    faultDescription: storedText(),
    contactName: storedText(),
    contactPhone: storedText(),
    address: storedText().nullable(),
    product: z.object({ brand: storedText(), serial: storedText(), categoryCode: storedText() }).nullable(),
    customerName: storedText().nullable(),
    outletName: storedText().nullable(),
    technicianName: storedText().nullable(),
    completedAt: storedText().nullable(),
    version: z.number().int(),
  }),
  workDone: z.array(
    z.object({ at: storedText(), type: storedText(), data: z.record(storedText(), z.unknown()) }),
  ),
  questions: z.array(CallbackQuestionSchema),
  history: z.array(
    z.object({
      at: storedText(),
      type: storedText(),
      actorKind: storedText(),
      data: z.record(storedText(), z.unknown()),
    }),
  ),
  /** The order's earlier callbacks (before a redo), with the customer's answers then. */
  earlier: z.array(
    z.object({
      taskId: storedText(),
      closedAt: storedText().nullable(),
      outcome: z.enum(CALLBACK_OUTCOMES),
      /** What followed an unsatisfied call (返修, complaint, closed with a note). */
      followUp: z.enum(CALLBACK_FOLLOW_UPS).nullable(),
      answers: CallbackAnswersSchema.nullable(),
      comment: storedText().nullable(),
      note: storedText().nullable(),
      /** Who made the call (null: the system or the customer's own online rating). */
      agentName: storedText().nullable(),
      portalRated: z.boolean(),
    }),
  ),
});
export type CallbackScript = z.infer<typeof CallbackScriptSchema>;

export const PortalLinkSchema = z.object({
  token: storedText(),
  path: storedText(),
  expiresAt: IsoInstantSchema,
});
export type PortalLink = z.infer<typeof PortalLinkSchema>;

export const PublicRatingViewSchema = z.object({
  orderNumber: storedText(),
  /** Brand and category name (安心 空调), never the category code; `productNameEn` for en-US. */
  productName: storedText().nullable(),
  productNameEn: storedText().nullable(),
  technicianName: storedText().nullable(),
  completedAt: storedText().nullable(),
  expiresAt: IsoInstantSchema,
  questions: z.array(CallbackQuestionSchema),
});
export type PublicRatingView = z.infer<typeof PublicRatingViewSchema>;

export const PublicRatingRequestSchema = z.strictObject({
  answers: CallbackAnswersSchema,
  comment: storedText().trim().max(2000).optional(),
});
export const PublicRatingResultSchema = z.object({ outcome: z.enum(['satisfied', 'recorded']) });

export const ClassificationQuerySchema = z.object({
  class: z.enum(ORDER_CLASSES).optional(),
  /** On the order's creation instant. */
  from: IsoInstantSchema.optional(),
  to: IsoInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const OrderClassificationSchema = z.object({
  orderId: storedText(),
  orderNumber: storedText(),
  class: z.enum(ORDER_CLASSES),
  /** The order's primary class (CLASS_PRECEDENCE); false for a secondary flag. */
  primary: z.boolean(),
  sourceEventId: storedText().nullable(),
  computedAt: IsoInstantSchema,
  orderCreatedAt: IsoInstantSchema,
});
export type OrderClassification = z.infer<typeof OrderClassificationSchema>;
export const ClassificationListSchema = z.object({
  items: z.array(OrderClassificationSchema),
  counts: z.record(z.enum(ORDER_CLASSES), z.number().int()),
  /** Orders per primary class (each order once). */
  primaryCounts: z.record(z.enum(ORDER_CLASSES), z.number().int()),
});
export type ClassificationList = z.infer<typeof ClassificationListSchema>;
