import { z } from 'zod';
import { IdSchema, storedText } from './common.ts';
import { OFFER_REJECT_REASONS } from './dispatch.ts';
import { TimeWindowSchema } from './workorders.ts';

/**
 * Multi-brand outlet inbox (多品牌网点收件箱, issue #21 item 6): an outlet that serves several
 * brands running Anxin connects to each brand's instance with an API token made there by its own
 * outlet manager; a job mirrors the orders offered to / held by the outlet, and the outlet answers
 * them here (accept, reject, book) through an outbox that forwards each answer with an
 * Idempotency-Key, so a retry never applies twice and nothing acknowledged is lost.
 */

/**
 * Forwarded answers: accept or reject the brand's offer, book the visit (technician and window),
 * then the visit's steps (departed, checked in, started, waiting for parts, resumed, completed),
 * each the brand's work-order transition at the version read just before its first attempt.
 */
export const BRAND_ACTION_KINDS = [
  'accept',
  'reject',
  'schedule',
  'depart',
  'arrive',
  'start',
  'await_parts',
  'resume',
  'complete',
] as const;
export type BrandActionKind = (typeof BRAND_ACTION_KINDS)[number];

/** The visit's steps and the brand status each one moves the order to. */
export const BRAND_STEP_TARGETS = {
  depart: 'departed',
  arrive: 'arrived',
  start: 'in_progress',
  await_parts: 'awaiting_parts',
  resume: 'in_progress',
  complete: 'completed',
} as const satisfies Partial<Record<BrandActionKind, string>>;
export type BrandStepKind = keyof typeof BRAND_STEP_TARGETS;
export const BRAND_STEP_KINDS = Object.keys(BRAND_STEP_TARGETS) as BrandStepKind[];

/** The step the outlet may take next at each brand status (the inbox offers that button). */
export const BRAND_NEXT_STEPS: Readonly<Record<string, readonly BrandStepKind[]>> = {
  scheduled: ['depart'],
  departed: ['arrive'],
  arrived: ['start'],
  in_progress: ['complete', 'await_parts'],
  awaiting_parts: ['resume'],
};

/** A step may carry a note (e.g. which part is missing); forwarded as the transition's reason. */
export const BrandStepSchema = z.strictObject({
  note: storedText().trim().min(1).max(500).optional(),
});
export type BrandStep = z.infer<typeof BrandStepSchema>;

/** pending: recorded, waiting to be sent (or retried); sent: the brand took it; failed: it refused or retries ran out. */
export const BRAND_ACTION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type BrandActionStatus = (typeof BRAND_ACTION_STATUSES)[number];

/** A remote problem kept as code and parameters, so the web words it like its own errors. */
export const BrandProblemSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.number().int(),
});
export type BrandProblem = z.infer<typeof BrandProblemSchema>;

const baseUrl = storedText()
  .trim()
  .max(300)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'http(s) only' });
const tokenText = storedText().trim().min(8).max(500);

export const BrandConnectionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  baseUrl: z.string(),
  /** Never the token: its last four characters only. */
  tokenMasked: z.string(),
  outletId: z.string(),
  outletName: z.string().nullable(),
  enabled: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastSyncProblem: BrandProblemSchema.nullable(),
  orderCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BrandConnection = z.infer<typeof BrandConnectionSchema>;

export const CreateBrandConnectionSchema = z.strictObject({
  name: storedText().trim().min(1).max(100),
  baseUrl,
  token: tokenText,
  outletId: IdSchema,
  enabled: z.boolean().default(true),
});
export type CreateBrandConnection = z.infer<typeof CreateBrandConnectionSchema>;

export const UpdateBrandConnectionSchema = z.strictObject({
  version: z.number().int().min(1),
  name: storedText().trim().min(1).max(100).optional(),
  baseUrl: baseUrl.optional(),
  /** Omitted: the stored token stays. */
  token: tokenText.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateBrandConnection = z.infer<typeof UpdateBrandConnectionSchema>;

export const BrandConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** Who the token acts as at the brand (its display name), when it worked. */
  actingAs: z.string().nullable(),
  problem: BrandProblemSchema.nullable(),
});
export type BrandConnectionTest = z.infer<typeof BrandConnectionTestSchema>;

export const BrandActionSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  kind: z.enum(BRAND_ACTION_KINDS),
  status: z.enum(BRAND_ACTION_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  problem: BrandProblemSchema.nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type BrandAction = z.infer<typeof BrandActionSchema>;

/** One mirrored order of a connected brand. */
export const BrandOrderSchema = z.object({
  id: IdSchema,
  connectionId: IdSchema,
  brand: z.string(),
  remoteId: z.string(),
  number: z.string(),
  status: z.string(),
  /** The brand's pending offer to the outlet, when there is one (accept/reject answer it). */
  offerId: z.string().nullable(),
  offerDueAt: z.string().nullable(),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  address: z.string().nullable(),
  categoryCode: z.string().nullable(),
  window: TimeWindowSchema.nullable(),
  technicianName: z.string().nullable(),
  remoteVersion: z.number().int(),
  remoteCreatedAt: z.string().nullable(),
  syncedAt: z.string(),
  lastAction: BrandActionSchema.nullable(),
});
export type BrandOrder = z.infer<typeof BrandOrderSchema>;

export const BRAND_ORDER_SORTS = ['window', '-window', 'created', '-created', 'status'] as const;

export const BrandOrderQuerySchema = z.strictObject({
  connectionId: IdSchema.optional(),
  status: storedText().max(40).optional(),
  sort: z.enum(BRAND_ORDER_SORTS).default('-created'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type BrandOrderQuery = z.infer<typeof BrandOrderQuerySchema>;

export const BrandRejectSchema = z.strictObject({
  reasonCode: z.enum(OFFER_REJECT_REASONS),
  note: storedText().trim().min(1).max(500).optional(),
});
export type BrandReject = z.infer<typeof BrandRejectSchema>;

export const BrandScheduleSchema = z.strictObject({
  /** A technician of the outlet at the brand (GET …/connections/:id/technicians). */
  technicianId: IdSchema,
  appointment: TimeWindowSchema,
});
export type BrandSchedule = z.infer<typeof BrandScheduleSchema>;

export const BrandTechnicianSchema = z.object({ id: z.string(), name: z.string() });
export type BrandTechnician = z.infer<typeof BrandTechnicianSchema>;

export const BrandInboxPolicySchema = z.strictObject({
  /** How often every enabled connection is pulled (seconds). */
  syncEverySeconds: z.number().int().min(15).max(86_400),
  /** How often waiting answers are (re)sent (seconds). */
  sendEverySeconds: z.number().int().min(5).max(3600),
  /** Tries before an answer the brand cannot be reached for is marked failed. */
  maxAttempts: z.number().int().min(1).max(100),
  /** Wait before the first retry; doubles each further retry (seconds). */
  retryBaseSeconds: z.number().int().min(1).max(3600),
  /** How long one call to a brand may take (seconds). */
  requestTimeoutSeconds: z.number().int().min(1).max(120),
  /** How old a brand's webhook may be (its signed timestamp, either way) before it is refused (seconds). */
  webhookToleranceSeconds: z.number().int().min(30).max(3600).default(300),
  /** Orders asked for per page while pulling. */
  pageSize: z.number().int().min(10).max(200),
  /** Pages pulled per connection and run at most (the rest on the next run). */
  maxPages: z.number().int().min(1).max(100),
});
export type BrandInboxPolicy = z.infer<typeof BrandInboxPolicySchema>;

export const DEFAULT_BRAND_INBOX_POLICY: BrandInboxPolicy = {
  syncEverySeconds: 120,
  sendEverySeconds: 30,
  maxAttempts: 12,
  retryBaseSeconds: 30,
  requestTimeoutSeconds: 10,
  webhookToleranceSeconds: 300,
  pageSize: 100,
  maxPages: 10,
};

/**
 * The connection's webhook receiver: the brand's Anxin posts its events (Standard Webhooks 1.0)
 * to `receiveUrl`, signed with the `whsec_` secret its endpoint was given; each one verified
 * pulls the connection at once. Polling stays as the fallback.
 */
export const BrandWebhookSchema = z.object({
  connectionId: IdSchema,
  /** Path on this server; the web prefixes its own origin. */
  receivePath: z.string(),
  /** The secret's last four characters, or null when none is set (webhooks are refused). */
  secretMasked: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  /** Why the last webhook was refused ('signature', 'stale', 'missing'), null when it was taken. */
  lastRefusal: z.string().nullable(),
  lastRefusedAt: z.string().nullable(),
});
export type BrandWebhook = z.infer<typeof BrandWebhookSchema>;

export const SetBrandWebhookSecretSchema = z.strictObject({
  /** The secret the brand showed when its endpoint was made; null removes it. */
  secret: storedText()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{16,200}$/, 'whsec_ followed by base64')
    .nullable(),
});
export type SetBrandWebhookSecret = z.infer<typeof SetBrandWebhookSecretSchema>;
