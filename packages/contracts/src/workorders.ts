import { z } from 'zod';
import { IdSchema, IsoInstantSchema, BusinessDateSchema, storedText } from './common.ts';
import {
  WORK_ORDER_TYPES,
  WORK_ORDER_STATUSES,
  WORK_ORDER_CHANNELS,
  URGENCIES,
  SLA_STATES,
  SLA_METRICS,
  SLA_CLOCK_MODES,
} from './workorder-vocab.ts';
import { CUSTOMER_TIERS } from './customer-vocab.ts';

/** Work orders (工单): request bodies and responses shared by server and web. */
export * from './workorder-vocab.ts';

export const TimeWindowSchema = z.strictObject({ start: IsoInstantSchema, end: IsoInstantSchema });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const WorkOrderAddressSchema = z.strictObject({
  provinceCode: storedText().regex(/^\d{6}$/),
  cityCode: storedText().regex(/^\d{6}$/),
  districtCode: storedText().regex(/^\d{6}$/),
  detail: storedText().trim().min(1).max(200),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

export const CreateWorkOrderSchema = z.strictObject({
  type: z.enum(WORK_ORDER_TYPES),
  channel: z.enum(WORK_ORDER_CHANNELS),
  customerId: IdSchema,
  productId: IdSchema.optional(),
  faultDescription: storedText().trim().max(2000).default(''),
  faultCodeId: IdSchema.optional(),
  symptomCodes: z.array(IdSchema).max(20).default([]),
  urgency: z.enum(URGENCIES).default('normal'),
  contactName: storedText().trim().min(1).max(60).optional(),
  contactPhone: storedText()
    .trim()
    .regex(/^[\d+\- ]{5,20}$/)
    .optional(),
  address: WorkOrderAddressSchema.optional(),
  preferredWindows: z.array(TimeWindowSchema).max(5).default([]),
  /** Complaint and return orders point at their future module's record. */
  linkedRef: storedText().trim().min(1).max(64).optional(),
  parentOrderId: IdSchema.optional(),
  /**
   * `dispatch`: the desk registered it as needing a visit, so it goes straight to 待派单 (受理 and
   * 转待派单 as ordinary transitions). Absent: it stays 新建 for someone to take up.
   */
  handoff: z.enum(['dispatch']).optional(),
});
export type CreateWorkOrder = z.infer<typeof CreateWorkOrderSchema>;

export const TransitionDataSchema = z.strictObject({
  outletId: IdSchema.optional(),
  technicianId: IdSchema.optional(),
  appointment: TimeWindowSchema.optional(),
  guidance: storedText().trim().min(1).max(2000).optional(),
  /** A remote resolution's knowledge article (must be published). */
  knowledgeArticleId: IdSchema.optional(),
  note: storedText().trim().max(2000).optional(),
});
export type TransitionData = z.infer<typeof TransitionDataSchema>;

export const TransitionRequestSchema = z.strictObject({
  to: z.enum(WORK_ORDER_STATUSES),
  version: z.number().int().min(1),
  reason: storedText().trim().min(1).max(500).optional(),
  data: TransitionDataSchema.default({}),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export const AppointmentRequestSchema = z.strictObject({
  start: IsoInstantSchema,
  end: IsoInstantSchema,
  version: z.number().int().min(1),
  reason: storedText().trim().min(1).max(500).optional(),
});

/** Repeated (`status=a&status=b`) or comma-separated (`status=a,b`). */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).filter(Boolean),
    z.array(z.enum(values)).max(values.length).optional(),
  );

/** Created either way, SLA due soonest first, or status in lifecycle order (newest first within). */
export const WORK_ORDER_SORTS = ['created_at', '-created_at', 'sla_due_at', 'status'] as const;

export const WorkOrderListQuerySchema = z.strictObject({
  status: multi(WORK_ORDER_STATUSES),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  regionCode: storedText()
    .regex(/^\d{2,6}$/)
    .optional(),
  outletId: IdSchema.optional(),
  /** A product category code (the analytics drill-down filters by it). */
  categoryCode: storedText()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  slaState: z.enum(SLA_STATES).optional(),
  createdFrom: BusinessDateSchema.optional(),
  createdTo: BusinessDateSchema.optional(),
  channel: z.enum(WORK_ORDER_CHANNELS).optional(),
  customerId: IdSchema.optional(),
  productId: IdSchema.optional(),
  q: storedText().trim().min(2).max(32).optional(),
  sort: z.enum(WORK_ORDER_SORTS).default('-created_at'),
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuerySchema>;

export const WorkOrderSummarySchema = z.object({
  id: storedText(),
  number: storedText(),
  type: z.enum(WORK_ORDER_TYPES),
  status: z.enum(WORK_ORDER_STATUSES),
  channel: z.enum(WORK_ORDER_CHANNELS),
  urgency: z.enum(URGENCIES),
  customer: z.object({ id: storedText(), name: storedText(), tier: storedText() }).nullable(),
  product: z
    .object({ id: storedText(), serial: storedText(), brand: storedText(), categoryCode: storedText() })
    .nullable(),
  districtCode: storedText().nullable(),
  outletId: storedText().nullable(),
  technicianId: storedText().nullable(),
  appointment: TimeWindowSchema.nullable(),
  slaState: z.enum(SLA_STATES),
  slaDueAt: storedText().nullable(),
  /** 1 technician → 2 outlet senior / dealer → 3 provincial HQ engineer → 4 HQ expert. */
  escalationTier: z.number().int().min(1).max(4),
  createdAt: storedText(),
  version: z.number().int(),
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummarySchema>;

export const SlaClockViewSchema = z.object({
  metric: z.enum(SLA_METRICS),
  mode: z.enum(SLA_CLOCK_MODES),
  startedAt: storedText(),
  dueAt: storedText().nullable(),
  atRiskAt: storedText().nullable(),
  stoppedAt: storedText().nullable(),
  paused: z.boolean(),
  state: z.enum(SLA_STATES),
  error: storedText().nullable(),
});

export const TimelineEntrySchema = z.object({
  id: storedText(),
  type: storedText(),
  actorId: storedText().nullable(),
  actorKind: storedText(),
  /** The staff member's display name (users only; customers and the system are named by the web). */
  actorName: storedText().nullable(),
  at: storedText(),
  from: storedText().nullable(),
  to: storedText().nullable(),
  reason: storedText().nullable(),
  data: z.record(storedText(), z.unknown()),
});

export const AttachmentViewSchema = z.object({
  id: storedText(),
  filename: storedText(),
  contentType: storedText(),
  sizeBytes: z.number().int(),
  sha256: storedText(),
  createdAt: storedText(),
});

/**
 * The order was sent back out: 返修 after an unsatisfied callback, or 重新打开 after closing. The
 * reason is the callback's (or the person's) and the previous visit is the last completed one.
 */
export const RedoInfoSchema = z.object({
  kind: z.enum(['redo', 'reopen']),
  /** Times the order has been sent back out so far. */
  count: z.number().int().min(1),
  reason: storedText().nullable(),
  at: storedText(),
  previousVisit: z
    .object({
      technicianId: storedText().nullable(),
      technicianName: storedText().nullable(),
      completedAt: storedText(),
    })
    .nullable(),
});
export type RedoInfo = z.infer<typeof RedoInfoSchema>;

export const WorkOrderDetailSchema = WorkOrderSummarySchema.extend({
  faultDescription: storedText(),
  faultCodeId: storedText().nullable(),
  symptomCodes: z.array(storedText()),
  contactName: storedText(),
  contactPhone: storedText(),
  address: storedText().nullable(),
  preferredWindows: z.array(TimeWindowSchema),
  remoteGuidance: storedText().nullable(),
  knowledgeArticleId: storedText().nullable(),
  cancelReason: storedText().nullable(),
  linkedRef: storedText().nullable(),
  completedAt: storedText().nullable(),
  closedAt: storedText().nullable(),
  outlet: z.object({ id: storedText(), name: storedText() }).nullable(),
  technician: z.object({ id: storedText(), name: storedText() }).nullable(),
  /** Next statuses the requesting actor may move this order to. */
  allowedTransitions: z.array(z.enum(WORK_ORDER_STATUSES)),
  sla: z.array(SlaClockViewSchema),
  timeline: z.array(TimelineEntrySchema),
  attachments: z.array(AttachmentViewSchema),
  redo: RedoInfoSchema.nullable(),
});
export type WorkOrderDetail = z.infer<typeof WorkOrderDetailSchema>;

export const CreateWorkOrderResponseSchema = z.object({
  order: WorkOrderDetailSchema,
  warnings: z.array(
    z.object({ code: z.literal('open_order_for_product'), orderId: storedText(), number: storedText() }),
  ),
});

// ---- SLA policies (stored as the business setting `sla.policies`) ----
const atRisk = z.number().int().min(1).max(99).default(80);
const notifyRole = z.enum(['agent', 'dispatcher', 'outlet_manager', 'quality', 'manager']);
export const SlaMetricPolicySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('business_hours'),
    minutes: z.number().int().min(1).max(525_600),
    atRiskPercent: atRisk,
    notifyRole,
  }),
  z.strictObject({
    mode: z.literal('calendar'),
    minutes: z.number().int().min(1).max(525_600),
    atRiskPercent: atRisk,
    notifyRole,
  }),
  z.strictObject({
    mode: z.literal('working_days'),
    days: z.number().int().min(1).max(365),
    atRiskPercent: atRisk,
    notifyRole,
  }),
]);
export type SlaMetricPolicy = z.infer<typeof SlaMetricPolicySchema>;

export const SlaPolicySchema = z.strictObject({
  id: storedText().trim().min(1).max(64),
  name: storedText().trim().min(1).max(100),
  match: z.strictObject({
    type: z.enum(WORK_ORDER_TYPES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    customerTier: z.enum(CUSTOMER_TIERS).optional(),
  }),
  /** A metric absent here falls through to a less specific policy; `null` switches the clock off. */
  metrics: z.strictObject({
    first_contact: SlaMetricPolicySchema.nullable().optional(),
    response: SlaMetricPolicySchema.nullable().optional(),
    arrival: SlaMetricPolicySchema.nullable().optional(),
    resolution: SlaMetricPolicySchema.nullable().optional(),
  }),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const SlaPolicySetSchema = z
  .strictObject({ policies: z.array(SlaPolicySchema).min(1).max(200) })
  .superRefine((v, ctx) => {
    const ids = new Set<string>();
    v.policies.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['policies', i, 'id'], message: 'duplicate policy id' });
      ids.add(p.id);
    });
    const fallback = v.policies.find((p) => Object.keys(p.match).length === 0);
    if (!fallback)
      ctx.addIssue({
        code: 'custom',
        path: ['policies'],
        message: 'one policy must match everything (empty match)',
      });
  });
export type SlaPolicySet = z.infer<typeof SlaPolicySetSchema>;

export const SlaPoliciesResponseSchema = z.object({
  policies: z.array(SlaPolicySchema),
  version: z.number().int(),
});
export const PutSlaPoliciesSchema = z.strictObject({
  policies: z.array(SlaPolicySchema),
  version: z.number().int().min(0),
});
