import type { WebhookDeliveryStatus, WebhookEndpointStatus, WebhookPauseReason } from '@anxin/contracts';

/** One receiver: URL, subscribed event types (JSON array) and its `whsec_` secrets. */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string;
  event_types: string;
  /** Only events of this outlet's orders; null: all. */
  outlet_id: string | null;
  secret: string;
  /** The secret a rotation replaced; it signs beside the new one until the expiry. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  status: WebhookEndpointStatus;
  consecutive_failures: number;
  paused_reason: WebhookPauseReason | null;
  paused_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One event for one endpoint; `id` is the `webhook-id` header, the same on every attempt. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string | null;
  event_type: string;
  payload: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'webhook_endpoints',
  'webhook_deliveries',
] as const satisfies readonly (keyof WebhookTables)[];
