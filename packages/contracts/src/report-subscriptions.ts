import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';
import { ROLES, type Permission } from './permissions.ts';

/**
 * Scheduled reports (订阅报表, issue #19 item 6): a person subscribes to a weekly or monthly report
 * from an existing producer; a job makes it for the past period and delivers it on the channels.
 */
export const REPORT_KINDS = [
  'fault_analysis_pdf',
  'fault_analysis_xlsx',
  'callcenter_xlsx',
  'care_figures_xlsx',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** Where a finished report goes: in-app notice (always to the subscriber), e-mail, group robots. */
export const REPORT_CHANNELS = ['in_app', 'email', 'wecom', 'dingtalk'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const REPORT_RUN_STATUSES = ['running', 'sent', 'failed'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

/** Why a run failed, in words the web translates (`reportsubs.reasons.<code>`). */
export const REPORT_FAILURE_REASONS = [
  'owner_inactive',
  'not_permitted',
  'invalid_scope',
  'producer_failed',
  'storage_failed',
] as const;
export type ReportFailureReason = (typeof REPORT_FAILURE_REASONS)[number];

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** The filters a report supports (the catalogue says which kind honours which). */
export const ReportScopeSchema = z.strictObject({
  /** A product category code (fault analysis, installed-base figures). */
  category: storedText().min(1).max(40).optional(),
  /** A region code (installed-base figures). */
  region: storedText().min(1).max(12).optional(),
});
export type ReportScope = z.infer<typeof ReportScopeSchema>;

/** Which filters each kind honours; any other filter is refused at save time. */
export const REPORT_KIND_SCOPES: Record<ReportKind, readonly (keyof ReportScope)[]> = {
  fault_analysis_pdf: ['category'],
  fault_analysis_xlsx: ['category'],
  callcenter_xlsx: [],
  care_figures_xlsx: ['category', 'region'],
};

export const SaveReportSubscriptionSchema = z
  .strictObject({
    kind: z.enum(REPORT_KINDS),
    cadence: z.enum(REPORT_CADENCES),
    /** Weekly: 1 = Monday … 7 = Sunday (Beijing time). */
    weekday: z.number().int().min(1).max(7).optional(),
    /** Monthly: the day of the month; past the month's end means its last day. */
    monthDay: z.number().int().min(1).max(31).optional(),
    /** Beijing wall-clock time. */
    timeOfDay: TimeOfDaySchema.optional(),
    scope: ReportScopeSchema.default({}),
    channels: z.array(z.enum(REPORT_CHANNELS)).min(1).max(REPORT_CHANNELS.length),
    /** Roles that also get the in-app notice. */
    roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    email: z.email().max(255).optional(),
    locale: z.enum(['zh-CN', 'en-US']).optional(),
    /** Required on edits: optimistic concurrency. */
    version: z.number().int().min(1).optional(),
  })
  .refine((s) => !s.channels.includes('email') || !!s.email, {
    path: ['email'],
    message: 'e-mail delivery needs an address',
  });
export type SaveReportSubscription = z.infer<typeof SaveReportSubscriptionSchema>;

export const ReportSubscriptionSchema = z.object({
  id: IdSchema,
  ownerId: IdSchema,
  ownerName: z.string().nullable(),
  kind: z.enum(REPORT_KINDS),
  cadence: z.enum(REPORT_CADENCES),
  weekday: z.number().int().nullable(),
  monthDay: z.number().int().nullable(),
  timeOfDay: z.string(),
  scope: ReportScopeSchema,
  channels: z.array(z.enum(REPORT_CHANNELS)),
  roles: z.array(z.enum(ROLES)),
  email: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en-US']),
  paused: z.boolean(),
  nextRunAt: IsoInstantSchema,
  version: z.number().int(),
  createdAt: IsoInstantSchema,
});
export type ReportSubscription = z.infer<typeof ReportSubscriptionSchema>;

export const ReportSubscriptionListSchema = z.object({
  items: z.array(ReportSubscriptionSchema),
  nextCursor: z.string().nullable(),
});
export const ReportSubscriptionQuerySchema = z.strictObject({
  /** Admins: every subscription; everyone else sees their own whatever this says. */
  all: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ReportRunSchema = z.object({
  id: IdSchema,
  subscriptionId: IdSchema,
  trigger: z.enum(['schedule', 'manual']),
  periodFrom: BusinessDateSchema,
  periodTo: BusinessDateSchema,
  status: z.enum(REPORT_RUN_STATUSES),
  reason: z.enum(REPORT_FAILURE_REASONS).nullable(),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  createdAt: IsoInstantSchema,
  finishedAt: IsoInstantSchema.nullable(),
});
export type ReportRun = z.infer<typeof ReportRunSchema>;
export const ReportRunListSchema = z.object({
  items: z.array(ReportRunSchema),
  nextCursor: z.string().nullable(),
});
export const ReportRunQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const PauseReportSubscriptionSchema = z.strictObject({
  paused: z.boolean(),
  version: z.number().int().min(1),
});

/** Defaults for new subscriptions and the job's rhythm (setting `reportsubs.policy`). */
export const ReportSubsPolicySchema = z.strictObject({
  defaultWeekday: z.number().int().min(1).max(7),
  defaultMonthDay: z.number().int().min(1).max(31),
  defaultTimeOfDay: TimeOfDaySchema,
  /** How often the job looks for due subscriptions. */
  checkMinutes: z.number().int().min(1).max(1440),
  /** Prefix for links in e-mail and robot messages (e.g. https://anxin.example.com); empty: a path. */
  linkBase: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
});
export type ReportSubsPolicy = z.infer<typeof ReportSubsPolicySchema>;
export const DEFAULT_REPORTSUBS_POLICY: ReportSubsPolicy = {
  defaultWeekday: 1,
  defaultMonthDay: 1,
  defaultTimeOfDay: '08:00',
  checkMinutes: 15,
  linkBase: '',
};

/** The permission a subscriber needs for each report: the one its own page asks for. */
export const REPORT_KIND_PERMISSION = {
  fault_analysis_pdf: 'fault_analysis:read',
  fault_analysis_xlsx: 'fault_analysis:read',
  callcenter_xlsx: 'callcenter:read',
  care_figures_xlsx: 'report:read',
} as const satisfies Record<ReportKind, Permission>;
