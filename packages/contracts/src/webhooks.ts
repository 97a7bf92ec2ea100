import { z } from 'zod';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf, storedText } from './common.ts';

/**
 * Webhooks after the Standard Webhooks 1.0 specification: each delivery is a POST of
 * `{ type, timestamp, data }` with `webhook-id`, `webhook-timestamp` and `webhook-signature`
 * (HMAC-SHA256 over `id.timestamp.body` with a `whsec_` secret).
 */
export const WEBHOOK_ENDPOINT_STATUSES = ['active', 'paused'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/** pending: not tried yet; failed: the last attempt failed and another is due; dead: gave up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Why an endpoint was paused (the web words it). */
export const WEBHOOK_PAUSE_REASONS = ['failures', 'manual'] as const;
export type WebhookPauseReason = (typeof WEBHOOK_PAUSE_REASONS)[number];

/** The type of the event sent by "send a test event" (not in the catalogue; never subscribed). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const EventTypesSchema = z.array(storedText().min(1).max(80)).min(1).max(200);

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  /** Only this outlet's orders (an outlet's own system); null: every order. */
  outletId: IdSchema.nullable(),
  outletName: z.string().nullable(),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  consecutiveFailures: z.number().int(),
  pausedReason: z.enum(WEBHOOK_PAUSE_REASONS).nullable(),
  pausedAt: IsoInstantSchema.nullable(),
  /** Until when the secret replaced by the last rotation still signs (null: no overlap). */
  previousSecretExpiresAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** Returned once, on creation and on rotation: the only time the secret leaves the server. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().regex(/^whsec_/),
});
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const CreateWebhookEndpointSchema = z.strictObject({
  url: storedText().min(1).max(2000),
  description: storedText().max(200).default(''),
  eventTypes: EventTypesSchema,
  outletId: IdSchema.nullable().default(null),
});
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpointSchema>;

export const UpdateWebhookEndpointSchema = z.strictObject({
  version: z.number().int().min(1),
  url: storedText().min(1).max(2000).optional(),
  description: storedText().max(200).optional(),
  eventTypes: EventTypesSchema.optional(),
  outletId: IdSchema.nullable().optional(),
});
export type UpdateWebhookEndpoint = z.infer<typeof UpdateWebhookEndpointSchema>;

export const WebhookVersionSchema = z.strictObject({ version: z.number().int().min(1) });

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: IsoInstantSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryPageSchema = pageOf(WebhookDeliverySchema);

export const WebhookDeliveryQuerySchema = PageQuerySchema.extend({
  endpointId: IdSchema.optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  eventType: storedText().max(80).optional(),
});
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuerySchema>;

/** One subscribable event type of the catalogue with the module that writes it. */
export const WebhookEventTypeSchema = z.object({ type: z.string(), module: z.string() });
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

export const WebhookSettingsSchema = z.strictObject({
  /** Wait before retry n (seconds); attempts = 1 + its length, then the delivery is dead. */
  retryScheduleSeconds: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(7 * 86_400),
    )
    .min(1)
    .max(20),
  timeoutSeconds: z.number().int().min(1).max(120),
  /** Failed attempts in a row after which the endpoint is paused and admins are alerted. */
  pauseAfterFailures: z.number().int().min(1).max(1000),
  /** How long the secret replaced by a rotation keeps signing beside the new one. */
  rotationOverlapHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  /**
   * Hosts allowed although they are loopback or private addresses (by name or address literal).
   * Empty in production: deliveries go to public addresses only.
   */
  allowedPrivateHosts: z.array(storedText().min(1).max(253)).max(50),
});
export type WebhookSettings = z.infer<typeof WebhookSettingsSchema>;
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryScheduleSeconds: [5, 300, 1800, 7200, 18_000, 36_000],
  timeoutSeconds: 15,
  pauseAfterFailures: 10,
  rotationOverlapHours: 24,
  allowedPrivateHosts: [],
};
