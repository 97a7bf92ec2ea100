import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { ROLES } from './permissions.ts';

/** Complaints (投诉, issue #7 part 3): intake, SLAs, investigation with responsibility, CAPA, closure. */

export const COMPLAINT_SOURCES = ['hotline', 'store', 'portal', 'media', '12315', 'internal'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'normal', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** registered → acknowledged → investigating → resolved → closed; reopen goes back to investigating. */
export const COMPLAINT_STATUSES = [
  'registered',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const RESPONSIBILITIES = [
  'product_quality',
  'outlet',
  'technician',
  'logistics',
  'customer',
  'policy',
] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

/** Departments a complaint can be routed to (seed 001: production, quality, R&D …). */
export const DEPARTMENTS = ['production', 'quality', 'rd', 'logistics', 'service', 'sales'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const CAPA_KINDS = ['corrective', 'preventive'] as const;
export type CapaKind = (typeof CAPA_KINDS)[number];
export const CAPA_STATUSES = ['open', 'done', 'verified'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];

/** The customer's verdict in the closing callback. */
export const CLOSING_VERDICTS = ['satisfied', 'unsatisfied', 'unreachable'] as const;
export type ClosingVerdict = (typeof CLOSING_VERDICTS)[number];

const Label = z.strictObject({
  'zh-CN': storedText().min(1).max(100),
  'en-US': storedText().min(1).max(100),
});

const SeveritySla = z.strictObject({
  /** Acknowledge within this many working hours of the business calendar. */
  acknowledgeBusinessHours: z.number().min(0.25).max(240),
  /** Resolve within this many working days (same Shanghai time of day). */
  resolveWorkingDays: z.number().int().min(1).max(60),
});

export const ComplaintPolicySchema = z.strictObject({
  sla: z.strictObject({ low: SeveritySla, normal: SeveritySla, high: SeveritySla, critical: SeveritySla }),
  targets: z.strictObject({
    /** Complaint rate at or below this percentage of orders (seed 002: 10 %). */
    complaintRatePercent: z.number().min(0).max(100),
    /** Resolution within SLA at or above this percentage (seed 002: 90 %). */
    resolutionRatePercent: z.number().min(0).max(100),
  }),
  /** Which role receives a department's routed quality problems. */
  departmentRoles: z.record(z.enum(DEPARTMENTS), z.enum(ROLES)),
  rootCauses: z
    .array(z.strictObject({ code: storedText().regex(/^[a-z][a-z0-9_]{0,31}$/), label: Label }))
    .min(1)
    .max(50)
    .refine((xs) => new Set(xs.map((x) => x.code)).size === xs.length, { message: 'codes must be unique' }),
});
export type ComplaintPolicy = z.infer<typeof ComplaintPolicySchema>;
export const ComplaintPolicyViewSchema = z.object({
  policy: ComplaintPolicySchema,
  version: z.number().int(),
});
export const PutComplaintPolicySchema = z.strictObject({
  policy: z.unknown(),
  version: z.number().int().min(0),
});

const Ref = z.object({ id: storedText(), name: storedText() });

export const CapaSchema = z.object({
  id: IdSchema,
  kind: z.enum(CAPA_KINDS),
  action: storedText(),
  owner: storedText(),
  dueOn: BusinessDateSchema,
  status: z.enum(CAPA_STATUSES),
  overdue: z.boolean(),
  note: storedText().nullable(),
  doneAt: IsoInstantSchema.nullable(),
  verifiedAt: IsoInstantSchema.nullable(),
  createdAt: IsoInstantSchema,
  version: z.number().int(),
});
export type Capa = z.infer<typeof CapaSchema>;

export const ComplaintSchema = z.object({
  id: IdSchema,
  number: storedText(),
  source: z.enum(COMPLAINT_SOURCES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  status: z.enum(COMPLAINT_STATUSES),
  summary: storedText(),
  description: storedText().nullable(),
  order: z.object({ id: storedText(), number: storedText() }).nullable(),
  customer: Ref.nullable(),
  outlet: Ref.nullable(),
  technician: Ref.nullable(),
  rootCause: storedText().nullable(),
  responsibility: z.enum(RESPONSIBILITIES).nullable(),
  responsibleDepartment: z.enum(DEPARTMENTS).nullable(),
  responsibleOutlet: Ref.nullable(),
  responsibleTechnician: Ref.nullable(),
  responsiblePerson: storedText().nullable(),
  causeIsAttitude: z.boolean(),
  findings: storedText().nullable(),
  remedy: storedText().nullable(),
  verdict: z.enum(CLOSING_VERDICTS).nullable(),
  verdictNote: storedText().nullable(),
  reopenCount: z.number().int(),
  openedAt: IsoInstantSchema,
  acknowledgeDueAt: IsoInstantSchema.nullable(),
  acknowledgedAt: IsoInstantSchema.nullable(),
  resolveDueAt: IsoInstantSchema.nullable(),
  resolvedAt: IsoInstantSchema.nullable(),
  closedAt: IsoInstantSchema.nullable(),
  /** Not acknowledged and past the acknowledgement due time. */
  acknowledgeOverdue: z.boolean(),
  /** Not resolved (or reopened) and past the resolution due time. */
  resolveOverdue: z.boolean(),
  /** Open CAPA actions past their due date. */
  capaOverdue: z.number().int(),
  version: z.number().int(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

export const ComplaintEventSchema = z.object({
  id: storedText(),
  at: storedText(),
  type: storedText(),
  actorId: storedText().nullable(),
  actorKind: storedText(),
  from: storedText().nullable(),
  to: storedText().nullable(),
  reason: storedText().nullable(),
  data: z.record(storedText(), z.unknown()),
});

export const ComplaintDetailSchema = z.object({
  complaint: ComplaintSchema,
  capa: z.array(CapaSchema),
  timeline: z.array(ComplaintEventSchema),
  /** The statuses this user may move the complaint to now. */
  allowed: z.array(z.enum(COMPLAINT_STATUSES)),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetailSchema>;

const optText = (max: number) => storedText().trim().min(1).max(max).optional();

export const CreateComplaintSchema = z.strictObject({
  source: z.enum(COMPLAINT_SOURCES),
  severity: z.enum(COMPLAINT_SEVERITIES).default('normal'),
  summary: storedText().trim().min(1).max(200),
  description: optText(4000),
  orderId: IdSchema.optional(),
  customerId: IdSchema.optional(),
  /** Default: the order's outlet. */
  outletId: IdSchema.optional(),
  /** Default: the order's technician. */
  technicianId: IdSchema.optional(),
});
export type CreateComplaint = z.infer<typeof CreateComplaintSchema>;

export const ComplaintTransitionSchema = z.strictObject({
  to: z.enum(COMPLAINT_STATUSES),
  version: z.number().int().min(1),
  /** Required to reopen. */
  reason: optText(1000),
  /** Required to resolve: what was done for the customer. */
  remedy: optText(4000),
  /** Required to close: the customer's verdict in the closing callback. */
  verdict: z.enum(CLOSING_VERDICTS).optional(),
  note: optText(2000),
});
export type ComplaintTransition = z.infer<typeof ComplaintTransitionSchema>;

export const InvestigationSchema = z.strictObject({
  version: z.number().int().min(1),
  rootCause: storedText().trim().min(1).max(32).nullable().optional(),
  responsibility: z.enum(RESPONSIBILITIES).nullable().optional(),
  responsibleDepartment: z.enum(DEPARTMENTS).nullable().optional(),
  responsibleOutletId: IdSchema.nullable().optional(),
  responsibleTechnicianId: IdSchema.nullable().optional(),
  responsiblePerson: storedText().trim().min(1).max(100).nullable().optional(),
  causeIsAttitude: z.boolean().optional(),
  findings: storedText().trim().max(4000).nullable().optional(),
});
export type Investigation = z.infer<typeof InvestigationSchema>;

/** owner and dueOn are checked by the service so a missing one is a 400 naming the field. */
export const NewCapaSchema = z.strictObject({
  kind: z.enum(CAPA_KINDS).default('corrective'),
  action: storedText().trim().min(1).max(1000),
  owner: storedText().trim().max(100).optional(),
  dueOn: BusinessDateSchema.optional(),
});
export type NewCapa = z.infer<typeof NewCapaSchema>;

export const CapaStatusChangeSchema = z.strictObject({
  status: z.enum(['done', 'verified']),
  version: z.number().int().min(1),
  note: optText(1000),
});

/** Opened latest first (the default), earliest first, or resolution due soonest first (none last). */
export const COMPLAINT_SORTS = ['-opened_at', 'opened_at', 'resolve_due_at'] as const;
export type ComplaintSort = (typeof COMPLAINT_SORTS)[number];

export const ComplaintListQuerySchema = z.object({
  status: z.enum([...COMPLAINT_STATUSES, 'open', 'all']).default('open'),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  source: z.enum(COMPLAINT_SOURCES).optional(),
  outletId: IdSchema.optional(),
  /** 'true': only complaints past an acknowledgement or resolution due time. */
  overdue: z.enum(['true', 'false']).optional(),
  department: z.enum(DEPARTMENTS).optional(),
  /** mine: routed to a department whose role this user holds. */
  routed: z.enum(['mine']).optional(),
  q: storedText().trim().min(1).max(64).optional(),
  sort: z.enum(COMPLAINT_SORTS).default('-opened_at'),
  /** Opaque keyset position from the previous page's `nextCursor` (belongs to one sort). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuerySchema>;
export const ComplaintListSchema = z.object({
  items: z.array(ComplaintSchema),
  now: IsoInstantSchema,
  nextCursor: z.string().nullable(),
});

export const OrderLookupQuerySchema = z.object({ number: storedText().trim().min(4).max(32) });
/** People an investigation may name as responsible: the technicians of an outlet (责任人 picker). */
export const ResponsibleCandidatesQuerySchema = z.strictObject({ outletId: IdSchema.optional() });
export const ResponsibleCandidatesSchema = z.object({
  outletId: storedText().nullable(),
  technicians: z.array(z.object({ id: storedText(), name: storedText() })),
});
export type ResponsibleCandidates = z.infer<typeof ResponsibleCandidatesSchema>;

export const OrderLookupSchema = z.object({
  id: storedText(),
  number: storedText(),
  type: storedText(),
  status: storedText(),
  customer: Ref.nullable(),
  outlet: Ref.nullable(),
  technician: Ref.nullable(),
  createdAt: IsoInstantSchema,
});
export type OrderLookup = z.infer<typeof OrderLookupSchema>;

export const ComplaintStatsQuerySchema = z.object({ from: IsoInstantSchema, to: IsoInstantSchema });
const RateRow = z.object({
  orders: z.number().int(),
  complaints: z.number().int(),
  /** complaints ÷ orders created in the period (null without orders). */
  complaintRate: z.number().nullable(),
  /** Complaints whose resolution fell due in the period. */
  due: z.number().int(),
  resolvedOnTime: z.number().int(),
  /** resolvedOnTime ÷ due (null when nothing fell due). */
  resolutionRate: z.number().nullable(),
});
export const ComplaintStatsSchema = z.object({
  from: IsoInstantSchema,
  to: IsoInstantSchema,
  overall: RateRow,
  outlets: z.array(RateRow.extend({ outletId: storedText(), outletName: storedText() })),
  targets: z.object({ complaintRatePercent: z.number(), resolutionRatePercent: z.number() }),
});
export type ComplaintStats = z.infer<typeof ComplaintStatsSchema>;
