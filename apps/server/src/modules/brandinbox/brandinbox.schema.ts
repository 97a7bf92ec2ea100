import type { BrandActionKind, BrandActionStatus } from '@anxin/contracts';

/** A connection to another brand's Anxin, for one local outlet; the token is sealed (seal.ts). */
export interface BrandConnectionsTable {
  id: string;
  name: string;
  base_url: string;
  token_sealed: string;
  /** The token's last four characters, to tell tokens apart on screen. */
  token_hint: string;
  outlet_id: string;
  enabled: number;
  last_sync_at: string | null;
  /** JSON BrandProblem of the last failed pull; null when it worked. */
  last_sync_problem: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The mirror of one order at a brand, as its outlet sees it there; upserted by the pull. */
export interface BrandOrdersTable {
  id: string;
  connection_id: string;
  remote_id: string;
  number: string;
  /** The brand's work-order status, or `released` once the order is no longer the outlet's. */
  status: string;
  offer_id: string | null;
  offer_due_at: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  address: string | null;
  category_code: string | null;
  window_start: string | null;
  window_end: string | null;
  technician_name: string | null;
  remote_version: number;
  remote_created_at: string | null;
  synced_at: string;
}

/** The outbox of answers to a brand: recorded first, sent (and retried) by a job. */
export interface BrandActionsTable {
  id: string;
  connection_id: string;
  order_id: string;
  kind: BrandActionKind;
  /** JSON: what the outlet manager answered. */
  input: string;
  /** JSON RemoteRequest, fixed at the first attempt. */
  request: string | null;
  status: BrandActionStatus;
  attempts: number;
  next_attempt_at: string | null;
  /** JSON BrandProblem of the last failed attempt. */
  problem: string | null;
  created_by: string | null;
  created_at: string;
  sent_at: string | null;
  updated_at: string;
}

/** The brand's webhook to one connection: its `whsec_` secret (sealed) and what was last received. */
export interface BrandConnectionHooksTable {
  connection_id: string;
  secret_sealed: string | null;
  /** The secret's last four characters, to tell secrets apart on screen. */
  secret_hint: string | null;
  last_received_at: string | null;
  /** Why the last refused webhook was refused: missing, stale, signature or no_secret. */
  last_refusal: string | null;
  last_refused_at: string | null;
  updated_at: string;
}

export interface BrandInboxTables {
  brand_connections: BrandConnectionsTable;
  brand_orders: BrandOrdersTable;
  brand_actions: BrandActionsTable;
  brand_connection_hooks: BrandConnectionHooksTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'brand_connections',
  'brand_orders',
  'brand_actions',
  'brand_connection_hooks',
] as const satisfies readonly (keyof BrandInboxTables)[];
