import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Changes to webhook endpoints (never the secrets themselves) and manual deliveries. */
const WEBHOOK_EVENT_SCHEMAS = {
  endpoint_created: z.looseObject({ url: z.string(), eventTypes: z.array(z.string()) }),
  endpoint_updated: z.looseObject({ url: z.string(), eventTypes: z.array(z.string()) }),
  endpoint_deleted: z.looseObject({ url: z.string() }),
  secret_rotated: z.looseObject({ previousSecretExpiresAt: z.string().nullable() }),
  endpoint_paused: z.looseObject({ reason: z.string(), consecutiveFailures: z.number() }),
  endpoint_resumed: z.looseObject({ requeued: z.number() }),
  delivery_replayed: z.looseObject({ deliveryId: z.string() }),
  test_sent: z.looseObject({ deliveryId: z.string() }),
};
export const WEBHOOK_EVENTS = defineEvents('webhooks', 'webhook', WEBHOOK_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'webhook', typeof WEBHOOK_EVENT_SCHEMAS> {}
}

export const ENDPOINT_STREAM = 'webhook_endpoint';
